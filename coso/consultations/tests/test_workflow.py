"""Draft → open → closed → synthesis published: what each step requires."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.consultations import actions
from coso.consultations.models import Channel, ConsultationStatus
from coso.core.dates import today
from coso.core.errors import InvalidTransition

from .conftest import kind, make_consultation, time_passes


def test_an_officer_creates_a_draft_with_sections_through_the_page(login, tree, commune_officer):
    client = login(commune_officer)
    start = today()

    response = client.post(
        reverse("consultations:create") + f"?unit={tree.commune.pk}",
        {
            "unit": tree.commune.pk,
            "kind": kind("land-use-plan").pk,
            "title": "Dự thảo kế hoạch sử dụng đất năm 2026",
            "introduction": "",
            "opens_on": start.strftime("%d/%m/%Y"),
            "closes_on": (start + dt.timedelta(days=30)).strftime("%d/%m/%Y"),
            "channels": ["portal", "meeting"],
            "sections-TOTAL_FORMS": "2",
            "sections-INITIAL_FORMS": "0",
            "sections-0-heading": "I. Chỉ tiêu sử dụng đất",
            "sections-0-text": "Đất nông nghiệp: 520 ha.",
            "sections-1-heading": "",
            "sections-1-text": "",
        },
    )

    assert response.status_code == 302
    consultation = tree.commune.consultations.get()
    assert consultation.status == ConsultationStatus.DRAFT
    assert consultation.channels == [Channel.MEETING, Channel.PORTAL]
    assert [s.heading for s in consultation.sections.all()] == ["I. Chỉ tiêu sử dụng đất"]


def test_a_draft_is_not_public(client, tree, commune_officer):
    draft = make_consultation(commune_officer, tree.commune, open_it=False)

    assert client.get(reverse("consultations_public:detail", args=[draft.pk])).status_code == 404
    listing = client.get(reverse("consultations_public:unit", args=[tree.commune.pk]))
    assert draft.title not in listing.content.decode()


def test_opening_needs_a_section_and_a_channel(tree, commune_officer):
    empty = make_consultation(
        commune_officer, tree.commune, open_it=False, sections=(), channels=()
    )

    with pytest.raises(ValidationError) as caught:
        actions.open_consultation(empty, by=commune_officer)

    assert set(caught.value.message_dict) == {"sections", "channels"}
    empty.refresh_from_db()
    assert empty.status == ConsultationStatus.DRAFT


def test_the_period_cannot_end_before_it_starts(tree, commune_officer):
    with pytest.raises(ValidationError) as caught:
        actions.create_consultation(
            by=commune_officer,
            unit=tree.commune,
            kind=kind(),
            title="Sai ngày",
            opens_on=today(),
            closes_on=today() - dt.timedelta(days=1),
        )

    assert "closes_on" in caught.value.message_dict


def test_only_grassroots_units_hold_consultations(tree, province_officer):
    with pytest.raises(ValidationError) as caught:
        actions.create_consultation(
            by=province_officer,
            unit=tree.province,
            kind=kind(),
            title="Của tỉnh",
            opens_on=today(),
            closes_on=today(),
        )

    assert "unit" in caught.value.message_dict


def test_once_open_the_period_may_be_extended_not_shortened_nor_the_text_changed(
    consultation, commune_officer
):
    later = consultation.closes_on + dt.timedelta(days=5)

    actions.update_consultation(consultation, by=commune_officer, closes_on=later)
    consultation.refresh_from_db()
    assert consultation.closes_on == later

    with pytest.raises(ValidationError):
        actions.update_consultation(
            consultation, by=commune_officer, closes_on=later - dt.timedelta(days=10)
        )
    with pytest.raises(ValidationError):
        actions.update_consultation(consultation, by=commune_officer, title="Tên khác")
    with pytest.raises(ValidationError):
        actions.add_section(consultation, by=commune_officer, heading="Điều 9")


def test_closing_waits_for_the_end_of_the_period(consultation, commune_officer):
    with pytest.raises(ValidationError):
        actions.close_consultation(consultation, by=commune_officer)

    consultation = time_passes(consultation, 21)
    actions.close_consultation(consultation, by=commune_officer)

    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.CLOSED
    with pytest.raises(InvalidTransition):
        actions.open_consultation(consultation, by=commune_officer)


def test_the_kinds_of_art_25_are_seeded_with_their_citations(db):
    from coso.consultations.models import ConsultationKind

    kinds = list(ConsultationKind.objects.filter(citation__contains="Điều 25").order_by("order"))
    assert len(kinds) == 9
    assert all("10/2022/QH15" in k.citation for k in kinds)
    assert "khoản 1 " in kinds[0].citation
    assert "khoản 9 " in kinds[8].citation


def test_a_retired_kind_is_not_offered_nor_accepted(tree, commune_officer, login):
    retired = kind("other")
    retired.is_active = False
    retired.save()

    page = login(commune_officer).get(reverse("consultations:create")).content.decode()
    assert retired.name not in page
    with pytest.raises(ValidationError):
        actions.create_consultation(
            by=commune_officer,
            unit=tree.commune,
            kind=retired,
            title="Loại đã bỏ",
            opens_on=today(),
            closes_on=today(),
        )


def test_an_officer_picks_the_unit_on_the_create_page(login, tree, commune_officer):
    # given the create page opened from the list (no unit chosen beforehand)
    client = login(commune_officer)
    page = client.get(reverse("consultations:create")).content.decode()
    assert "Thôn Đông" in page and "Phường Quy Nhơn" not in page

    # when the officer picks the village
    response = client.post(
        reverse("consultations:create"),
        {
            "unit": tree.village.pk,
            "kind": kind().pk,
            "title": "Dự thảo quy định giờ giữ trật tự của thôn",
            "opens_on": today().strftime("%d/%m/%Y"),
            "closes_on": (today() + dt.timedelta(days=10)).strftime("%d/%m/%Y"),
            "channels": ["portal"],
            "sections-TOTAL_FORMS": "0",
            "sections-INITIAL_FORMS": "0",
        },
    )

    # then the draft belongs to the village
    assert response.status_code == 302
    assert tree.village.consultations.count() == 1
