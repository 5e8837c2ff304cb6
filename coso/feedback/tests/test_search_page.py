"""The search page: feedback results (never the sender) and inspection findings, paginated."""

import pytest

from conftest import PERSONAS, client_as
from coso.core.text import fold
from coso.feedback.tests.conftest import SECRET_NAME, SENDER_NAME, make_denunciation, make_feedback

URL = "/phan-anh/tim-kiem/"


def test_results_show_code_subject_unit_status_and_the_words_marked(client, tree, commune_officer):
    item = make_feedback(tree.commune, title="Đường liên thôn bị ngập nước")
    client.force_login(commune_officer)

    page = client.get(URL, {"q": "duong ngap nuoc"}).content.decode()

    assert item.tracking_code in page
    assert "<mark>Đường</mark> liên thôn bị <mark>ngập</mark> <mark>nước</mark>" in page
    assert tree.commune.name in page
    assert item.get_status_display() in page
    assert f'href="/phan-anh/{item.pk}/"' in page
    assert SENDER_NAME not in page  # results never say who sent it


def test_results_are_paginated(client, tree, commune_officer):
    for n in range(30):
        make_feedback(tree.commune, title=f"Rác thải ở xóm {n}")
    client.force_login(commune_officer)

    first = client.get(URL, {"q": "rac thai"})
    second = client.get(URL, {"q": "rac thai", "page": 2})

    assert first.context["page_obj"].paginator.count == 30
    assert first.content.decode().count('data-testid="feedback-hit"') == 25
    assert second.content.decode().count('data-testid="feedback-hit"') == 5
    assert "q=rac+thai&amp;page=2" in first.content.decode()
    shown = {h.feedback.pk for h in first.context["hits"]} | {
        h.feedback.pk for h in second.context["hits"]
    }
    assert len(shown) == 30


def test_an_empty_query_explains_what_to_type(client, commune_officer):
    client.force_login(commune_officer)

    for query in ("", "   ", "?!"):
        page = client.get(URL, {"q": query}).content.decode()
        assert 'data-testid="empty-query"' in page
        assert 'data-testid="feedback-hit"' not in page


def test_no_result_is_said_plainly(client, tree, commune_officer):
    make_feedback(tree.commune)
    client.force_login(commune_officer)

    page = client.get(URL, {"q": "khong co gi ca"}).content.decode()

    assert 'data-testid="no-feedback"' in page
    assert 'data-testid="no-findings"' in page


def test_the_denouncer_is_never_in_the_results(client, tree, commune_officer):
    item = make_denunciation(tree.commune)
    client.force_login(commune_officer)

    by_name = client.get(URL, {"q": SECRET_NAME}).content.decode()
    by_content = client.get(URL, {"q": "can bo dia chinh"}).content.decode()

    assert 'data-testid="no-feedback"' in by_name
    assert item.tracking_code in by_content
    assert 'data-testid="feedback-hit"' not in by_name
    results = by_content.split('id="feedback-results"', 1)[1]  # below the search box
    assert "Bí Mật" not in results
    assert SECRET_NAME not in results and fold(SECRET_NAME) not in results.lower()


@pytest.mark.parametrize("name", PERSONAS)
def test_everyone_signed_in_may_search_and_finds_only_what_they_may_read(
    client, personas, tree, name
):
    make_feedback(tree.commune, title="Đèn chiếu sáng hỏng")
    response = client_as(client, personas, name).get(URL, {"q": "den chieu sang"})

    if name == "anonymous":
        assert response.status_code == 302
        return
    assert response.status_code == 200
    sees = name in ("admin", "province_officer", "commune_officer", "committee_member")
    assert response.context["page_obj"].paginator.count == (1 if sees else 0)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "ngập " * 3000},
        {"q": "duong", "page": "abc"},
        {"q": "duong", "page": "99999999999999999999"},
        {"q": "duong", "fpage": "-1"},
        {"q": "duong", "unit": "xyz"},
        {"q": "duong", "unit": "99999999999999999999999"},
        {"q": '"; DROP TABLE feedback_feedback; --'},
        {"q": "NEAR(a b) OR c*"},
    ],
)
def test_bad_input_never_breaks_the_page(client, tree, commune_officer, params):
    make_feedback(tree.commune)
    client.force_login(commune_officer)

    assert client.get(URL, params).status_code == 200


def test_a_null_character_is_refused_not_crashed_on(client, commune_officer):
    client.force_login(commune_officer)

    assert client.get(URL, {"q": "duong\x00"}).status_code in (200, 400)


def test_a_unit_narrows_the_results(client, tree, province_officer):
    make_feedback(tree.commune, title="Rác thải tràn ra đường")
    make_feedback(tree.other_commune, title="Rác thải chưa thu gom")
    client.force_login(province_officer)

    everywhere = client.get(URL, {"q": "rac thai"}).context["page_obj"].paginator.count
    here = client.get(URL, {"q": "rac thai", "unit": tree.commune.pk}).context["page_obj"]

    assert (everywhere, here.paginator.count) == (2, 1)


def test_inspection_findings_are_listed_below_the_feedback(
    client, tree, committee, province_officer, committee_member, other_commune_officer
):
    from coso.inspections.tests.conftest import finding, running_plan

    _plan, (target,) = running_plan(
        province_officer, committee, [tree.commune], member=committee_member
    )
    finding(target, province_officer, text="Xã chưa niêm yết đầy đủ hồ sơ lưu trữ đất đai.")
    make_feedback(tree.commune, title="Hồ sơ lưu trữ bị thất lạc")

    client.force_login(province_officer)
    page = client.get(URL, {"q": "niem yet ho so luu tru"}).content.decode()
    both = client.get(URL, {"q": "ho so luu tru"}).content.decode()
    client.force_login(other_commune_officer)
    elsewhere = client.get(URL, {"q": "ho so luu tru"}).content.decode()

    assert page.count('data-testid="finding-hit"') == 1
    assert "<mark>niêm</mark> <mark>yết</mark>" in page
    assert 'data-testid="no-feedback"' in page
    assert both.count('data-testid="finding-hit"') == 1
    assert both.count('data-testid="feedback-hit"') == 1
    assert both.index('id="feedback-results"') < both.index('id="finding-results"')
    assert 'data-testid="finding-hit"' not in elsewhere
