"""The household register pages: search without diacritics, pagination with pinned query
counts, add and edit with Vietnamese errors on the field, never a 500 on bad input."""

import pytest

from conftest import make_user
from coso.community import actions
from coso.community.models import Household

from .conftest import add_households


def test_search_ignores_diacritics(client, commune_officer, village):
    actions.add_household(
        by=commune_officer, unit=village, code="A1", representative_name="Nguyễn Thị Hường"
    )
    actions.add_household(
        by=commune_officer,
        unit=village,
        code="A2",
        representative_name="Trần Văn Đức",
        address="Xóm Đình",
    )
    client.force_login(commune_officer)
    page = client.get(f"/bieu-quyet/ho-gia-dinh/?unit={village.pk}&q=nguyen+huong").content.decode()
    assert "Nguyễn Thị Hường" in page and "Trần Văn Đức" not in page
    page = client.get(f"/bieu-quyet/ho-gia-dinh/?unit={village.pk}&q=xom+dinh").content.decode()
    assert "Trần Văn Đức" in page and "Nguyễn Thị Hường" not in page


def test_list_is_paginated_with_few_queries(
    client, commune_officer, village, django_assert_max_num_queries
):
    add_households(commune_officer, village, 60, with_users=True)
    client.force_login(commune_officer)
    with django_assert_max_num_queries(12):
        first = client.get(f"/bieu-quyet/ho-gia-dinh/?unit={village.pk}")
    assert "H001" in first.content.decode() and "H026" not in first.content.decode()
    with django_assert_max_num_queries(12):
        third = client.get(f"/bieu-quyet/ho-gia-dinh/?unit={village.pk}&page=3")
    assert "H051" in third.content.decode() and "H060" in third.content.decode()


def test_households_that_left_are_hidden_unless_asked(client, commune_officer, village):
    first, second = add_households(commune_officer, village, 2)
    actions.update_household(by=commune_officer, household=second, left_on=second.created_at.date())
    client.force_login(commune_officer)
    page = client.get(f"/bieu-quyet/ho-gia-dinh/?unit={village.pk}").content.decode()
    assert "H001" in page and "H002" not in page
    page = client.get(f"/bieu-quyet/ho-gia-dinh/?unit={village.pk}&left=on").content.decode()
    assert "H002" in page


def test_add_household_page(client, commune_officer, village):
    client.force_login(commune_officer)
    rep = make_user("dan-a", "Phan Văn A", village)
    response = client.post(
        f"/bieu-quyet/ho-gia-dinh/them/?unit={village.pk}",
        {
            "code": "TD-9",
            "representative_name": "Phan Văn A",
            "members_count": "5",
            "representative_user": rep.pk,
        },
    )
    assert response.status_code == 302
    household = Household.objects.get(code="TD-9")
    assert household.representative_user == rep and household.members_count == 5


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"code": "H001", "representative_name": "Trùng", "members_count": "1"}, "code"),
        ({"code": "", "representative_name": "Không mã", "members_count": "1"}, "code"),
        ({"code": "X", "representative_name": "", "members_count": "1"}, "representative_name"),
        ({"code": "X", "representative_name": "A", "members_count": "0"}, "members_count"),
        ({"code": "X", "representative_name": "A", "members_count": "abc"}, "members_count"),
        ({"code": "X\x00", "representative_name": "A", "members_count": "1"}, None),
        (
            {
                "code": "X",
                "representative_name": "A",
                "members_count": "1",
                "left_on": "31/02/2025",
            },
            "left_on",
        ),
        (
            {
                "code": "X",
                "representative_name": "A",
                "members_count": "1",
                "representative_user": "999999",
            },
            "representative_user",
        ),
    ],
)
def test_bad_household_input_is_shown_on_the_form(client, commune_officer, village, data, field):
    add_households(commune_officer, village, 1)
    client.force_login(commune_officer)
    response = client.post(
        f"/bieu-quyet/ho-gia-dinh/them/?unit={village.pk}", data, HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert response.status_code in (200, 400)
    if field:
        assert response.context["form"].errors[field]
    assert Household.objects.count() == 1


def test_an_account_represents_one_household(client, commune_officer, village):
    first, second = add_households(commune_officer, village, 2, with_users=True)
    client.force_login(commune_officer)
    response = client.post(
        f"/bieu-quyet/ho-gia-dinh/{second.pk}/sua/",
        {
            "code": "H002",
            "representative_name": "B",
            "members_count": "2",
            "representative_user": first.representative_user.pk,
        },
    )
    assert response.status_code == 200
    assert "representative_user" in response.context["form"].errors
    second.refresh_from_db()
    assert second.representative_user != first.representative_user


def test_bad_query_strings_never_fail(client, commune_officer, village):
    client.force_login(commune_officer)
    for url in (
        "/bieu-quyet/ho-gia-dinh/?unit=abc",
        "/bieu-quyet/ho-gia-dinh/?unit=999999",
        f"/bieu-quyet/ho-gia-dinh/?unit={village.pk}&page=abc",
        f"/bieu-quyet/ho-gia-dinh/?unit={village.pk}&page=99999",
        "/bieu-quyet/?status=nonsense&unit=x",
        "/bieu-quyet/tao-moi/?unit=abc",
    ):
        assert client.get(url).status_code in (200, 404), url
