"""The matter pages: opening a matter, the detail page (rules with citations, progress, who has
not voted), attendance and show of hands, closing, converting; never a 500 on bad input."""

import pytest

from coso.community import actions
from coso.community.models import Matter, MatterStatus, Vote

from .conftest import add_households, open_meeting


def test_open_an_online_matter_from_the_page(client, commune_officer, village, households):
    client.force_login(commune_officer)
    page = client.get(f"/bieu-quyet/tao-moi/?unit={village.pk}").content.decode()
    assert "Điều 17" in page  # the rules are shown with their citations
    response = client.post(
        f"/bieu-quyet/tao-moi/?unit={village.pk}",
        {
            "kind": "other",
            "method": "online",
            "title": "Trồng cây xanh",
            "voting_closes_at": "30/12/2099 17:00",
        },
    )
    matter = Matter.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/bieu-quyet/{matter.pk}/"
    assert matter.households_total == 10
    assert matter.voting_closes_at.year == 2099


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "funds", "method": "online", "title": "Quỹ"}, "method"),
        ({"kind": "other", "method": "meeting", "title": "Họp"}, "meeting_at"),
        ({"kind": "other", "method": "online", "title": ""}, "title"),
        ({"kind": "nonsense", "method": "online", "title": "X"}, "kind"),
        (
            {
                "kind": "other",
                "method": "online",
                "title": "X",
                "voting_opens_at": "2/1/2099",
                "voting_closes_at": "1/1/2099",
            },
            "voting_closes_at",
        ),
        (
            {"kind": "other", "method": "online", "title": "X", "voting_closes_at": "99/99/2099"},
            "voting_closes_at",
        ),
    ],
)
def test_bad_matter_input_is_shown_on_the_form(
    client, commune_officer, village, households, data, field
):
    client.force_login(commune_officer)
    response = client.post(f"/bieu-quyet/tao-moi/?unit={village.pk}", data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Matter.objects.exists()


def test_detail_shows_progress_and_who_has_not_voted(
    client, commune_officer, online_matter, households, django_assert_max_num_queries
):
    for household in households[:3]:
        actions.cast_online_vote(
            by=household.representative_user, matter=online_matter, choice="yes"
        )
    client.force_login(commune_officer)
    with django_assert_max_num_queries(20):
        page = client.get(f"/bieu-quyet/{online_matter.pk}/").content.decode()
    assert 'aria-valuenow="3"' in page and 'aria-valuemax="10"' in page
    assert "H004" in page and "H010" in page
    assert "<td>H001</td>" not in page
    assert "Điều 21" in page


def test_detail_query_count_does_not_grow_with_households(
    client, commune_officer, village, django_assert_max_num_queries
):
    add_households(commune_officer, village, 120)
    matter = open_meeting(commune_officer, village)
    client.force_login(commune_officer)
    with django_assert_max_num_queries(20):
        assert client.get(f"/bieu-quyet/{matter.pk}/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/bieu-quyet/").status_code == 200


def test_meeting_flow_through_the_pages(client, commune_officer, village, households):
    matter = open_meeting(commune_officer, village)
    client.force_login(commune_officer)
    present = [h.pk for h in households[:7]]
    assert (
        client.post(f"/bieu-quyet/{matter.pk}/diem-danh/", {"present": present}).status_code == 302
    )
    hands = {f"hh-{pk}": "yes" for pk in present[:6]} | {f"hh-{present[6]}": "no"}
    assert client.post(f"/bieu-quyet/{matter.pk}/gio-tay/", hands).status_code == 302
    assert client.post(f"/bieu-quyet/{matter.pk}/kiem-phieu-ket-qua/").status_code == 302
    matter.refresh_from_db()
    assert (matter.status, matter.adopted, matter.yes_count, matter.present_count) == (
        "closed",
        True,
        6,
        7,
    )
    # closing twice is refused with a message, not an error page
    response = client.post(f"/bieu-quyet/{matter.pk}/kiem-phieu-ket-qua/", follow=True)
    assert response.status_code == 200
    assert list(response.context["messages"])


def test_convert_from_the_page(client, commune_officer, village, households):
    matter = open_meeting(commune_officer, village)
    client.force_login(commune_officer)
    client.post(f"/bieu-quyet/{matter.pk}/diem-danh/", {"present": [households[0].pk]})
    page = client.get(f"/bieu-quyet/{matter.pk}/").content.decode()
    assert "59/2023" in page
    response = client.post(f"/bieu-quyet/{matter.pk}/chuyen-phat-phieu/")
    ballot = Matter.objects.get(converted_from=matter)
    assert response["Location"] == f"/bieu-quyet/{ballot.pk}/"
    matter.refresh_from_db()
    assert matter.status == MatterStatus.CONVERTED


def test_bad_posts_never_fail(client, commune_officer, village, households, online_matter):
    matter = open_meeting(commune_officer, village)
    client.force_login(commune_officer)
    assert (
        client.post(
            f"/bieu-quyet/{matter.pk}/diem-danh/", {"present": ["abc", "999999"]}
        ).status_code
        == 200
    )
    assert client.post(f"/bieu-quyet/{matter.pk}/gio-tay/", {"hh-1": "maybe"}).status_code in (
        200,
        302,
    )
    assert client.post(f"/bieu-quyet/{online_matter.pk}/chuyen-phat-phieu/").status_code == 302
    assert (
        client.post(
            f"/bieu-quyet/{online_matter.pk}/da-gui-xa/", {"sent_on": "hôm qua"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"/bieu-quyet/{online_matter.pk}/to-kiem-phieu/", {"members": ["x"]}
        ).status_code
        == 200
    )
    assert client.get(f"/bieu-quyet/{online_matter.pk}/diem-danh/").status_code == 404
    assert Vote.objects.count() == 0
