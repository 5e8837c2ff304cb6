"""The unit's public page: how to send feedback, the published answers and this year's counts;
the list of published answers, searchable without diacritics and paginated."""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.urls import reverse

from coso.core.dates import today
from coso.feedback import actions
from coso.feedback.models import Feedback
from coso.feedback.public import LATEST, portal_context
from coso.feedback.tests.conftest import make_feedback


def published(unit, officer, title: str, **extra) -> Feedback:
    item = make_feedback(unit, title=title, publish_consent=True, **extra)
    actions.answer(item, by=officer, text=f"Trả lời về: {title}.")
    return actions.publish_answer(item, by=officer)


def section_html(unit) -> str:
    return render_to_string("feedback/portal_section.html", {"section": portal_context(unit)})


def test_the_unit_page_says_how_to_send_feedback(client, tree):
    tree.commune.feedback_info = "Hòm thư góp ý đặt tại nhà văn hóa xã."
    tree.commune.phone = "0269 3822 123"
    tree.commune.address = "Số 1 đường Trần Phú"
    tree.commune.save()

    section = section_html(tree.commune)
    page = client.get(reverse("portal:unit", args=[tree.commune.pk])).content.decode()

    assert reverse("feedback_public:send", args=[tree.commune.pk]) in section
    assert reverse("feedback_public:lookup") in section
    # The unit's own words and contacts appear once, in the page's contact card.
    assert page.count("Hòm thư góp ý đặt tại nhà văn hóa xã.") == 1
    assert "0269 3822 123" in page
    assert "Số 1 đường Trần Phú" in page


def test_the_section_counts_this_years_items_in_two_queries(
    tree, commune_officer, django_assert_num_queries
):
    # given three items this year: one answered in time, one answered late, one waiting
    on_time = make_feedback(tree.commune, title="Một")
    actions.answer(on_time, by=commune_officer, text="Đã xử lý.")
    late = make_feedback(tree.commune, title="Hai")
    Feedback.objects.filter(pk=late.pk).update(due_on=today() - dt.timedelta(days=1))
    actions.answer(late, by=commune_officer, text="Đã xử lý muộn.")
    make_feedback(tree.commune, title="Ba")
    # and one from last year and one of another unit, which do not count
    old = make_feedback(tree.commune, title="Năm trước")
    Feedback.objects.filter(pk=old.pk).update(received_on=dt.date(today().year - 1, 6, 1))
    make_feedback(tree.other_commune, title="Xã khác")

    with django_assert_num_queries(2):
        context = portal_context(tree.commune)

    assert context["counts"] == {"year": today().year, "received": 3, "answered": 2, "in_time": 1}
    page = render_to_string("feedback/portal_section.html", {"section": context})
    assert f"Năm {today().year}: đã tiếp nhận 3 phản ánh, kiến nghị" in page
    assert "2 đã được trả lời" in page
    assert "trong đó 1 đúng hạn" in page


def test_the_section_shows_the_latest_published_answers(tree, commune_officer):
    for n in range(LATEST + 2):
        published(tree.commune, commune_officer, f"Câu hỏi số {n}")

    page = section_html(tree.commune)

    assert "Câu hỏi số 6" in page
    assert "Câu hỏi số 0" not in page  # only the latest LATEST
    assert reverse("feedback_public:unit", args=[tree.commune.pk]) in page


def test_the_list_is_searchable_without_diacritics(client, tree, commune_officer):
    published(tree.commune, commune_officer, "Đường liên thôn ngập nước")
    published(
        tree.commune,
        commune_officer,
        "Rác thải ven kênh",
        content="Rác thải đổ ven kênh thủy lợi gây ô nhiễm, đề nghị xã thu gom.",
    )
    url = reverse("feedback_public:unit", args=[tree.commune.pk])

    page = client.get(url, {"q": "duong ngap nuoc"}).content.decode()

    assert "Đường liên thôn ngập nước" in page
    assert "Rác thải ven kênh" not in page
    page = client.get(url, {"q": "xyz khong co"}).content.decode()
    assert "Không có câu trả lời đã công khai nào khớp với các từ này." in page


def test_the_list_is_paginated_and_only_shows_this_units_answers(
    client, tree, commune_officer, other_commune_officer
):
    for n in range(22):
        published(tree.commune, commune_officer, f"Ý kiến số {n:02d}")
    published(tree.other_commune, other_commune_officer, "Của phường khác")
    url = reverse("feedback_public:unit", args=[tree.commune.pk])

    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()

    assert first.count(">Ý kiến số") == 20
    assert second.count(">Ý kiến số") == 2
    assert "page=2" in first
    assert "Của phường khác" not in first + second


def test_a_published_answer_shows_the_question_and_the_answer(client, tree, commune_officer):
    item = published(tree.commune, commune_officer, "Cầu tràn Thôn Đông xuống cấp")

    page = client.get(reverse("feedback_public:answer", args=[item.pk])).content.decode()

    assert "Cầu tràn Thôn Đông xuống cấp" in page
    assert item.content in page
    assert "Trả lời về: Cầu tràn Thôn Đông xuống cấp." in page


def test_the_unit_page_links_to_the_form(client, tree):
    page = client.get(reverse("portal:unit", args=[tree.commune.pk])).content.decode()
    section = section_html(tree.commune)

    assert page.count("<script") == 0
    assert reverse("feedback_public:send", args=[tree.commune.pk]) in section
