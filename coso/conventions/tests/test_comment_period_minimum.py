"""Decree 61/2023/NĐ-CP: the draft convention is posted for the community's comments for at
least 30 days (a rule-set value with its citation): 29 days are refused, 30 accepted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.consultations.models import Consultation, ConsultationStatus
from coso.conventions import actions
from coso.conventions.models import ConventionRule, VersionStatus
from coso.core.dates import today

from .conftest import post_for_comment, working


def test_twenty_nine_days_are_refused_with_the_rule_and_its_citation(convention, commune_officer):
    version = working(convention)

    with pytest.raises(ValidationError) as caught:
        post_for_comment(version, commune_officer, days=29)

    message = caught.value.message_dict["closes_on"][0]
    assert "30" in message and "29" in message
    assert "61/2023/NĐ-CP" in message
    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFTING
    assert not Consultation.objects.exists()


def test_thirty_days_open_a_consultation_article_by_article(convention, commune_officer, client):
    # when the draft is posted from today for 30 days, both ends included
    version = post_for_comment(working(convention), commune_officer, days=30)

    # then a consultation of the convention kind is open on the portal, one section per article
    consultation = version.consultation
    assert version.status == VersionStatus.COMMENTING
    assert consultation.status == ConsultationStatus.OPEN
    assert consultation.period_days == 30
    assert consultation.closes_on == today() + dt.timedelta(days=29)
    assert consultation.kind.code == "village-convention"
    assert [s.heading for s in consultation.sections.all()] == [
        "Phần mở đầu",
        "Điều 1. Giữ gìn an ninh trật tự",
        "Điều 2. Vệ sinh môi trường",
    ]
    page = client.get(reverse("consultations_public:detail", args=[consultation.pk]))
    assert page.status_code == 200


def test_the_page_explains_a_short_period_in_vietnamese(login, convention, commune_officer):
    client = login(commune_officer)
    start = today()

    response = client.post(
        reverse("conventions:version_comment", args=[working(convention).pk]),
        {
            "opens_on": start.strftime("%d/%m/%Y"),
            "closes_on": (start + dt.timedelta(days=28)).strftime("%d/%m/%Y"),
            "channels": ["portal", "meeting"],
        },
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "Dự thảo phải được lấy ý kiến ít nhất 30 ngày" in body
    assert "thời gian này có 29 ngày" in body
    assert not Consultation.objects.exists()


def test_an_administrator_changes_the_minimum_in_the_rule_set(convention, commune_officer):
    # given the administrator sets the minimum to 45 days
    ConventionRule.objects.filter(code=ConventionRule.COMMENT_MIN_DAYS).update(value=45)

    # then 30 days are no longer enough, 45 are
    with pytest.raises(ValidationError):
        post_for_comment(working(convention), commune_officer, days=30)
    version = post_for_comment(working(convention), commune_officer, days=45)
    assert version.status == VersionStatus.COMMENTING


def test_the_rules_are_seeded_with_their_citations(db):
    rules = {r.code: r for r in ConventionRule.objects.all()}

    assert rules["comment_min_days"].value == 30
    assert rules["submit_working_days"].value == 5
    assert rules["decide_working_days"].value == 5
    assert (rules["review_day"].value, rules["review_month"].value) == (18, 11)
    assert all("61/2023/NĐ-CP" in r.citation for r in rules.values())


def test_the_households_decide_only_after_the_comment_period(
    convention, commune_officer, households
):
    version = post_for_comment(working(convention), commune_officer)

    with pytest.raises(ValidationError) as caught:
        actions.put_to_households(version, by=commune_officer, method="meeting")

    assert (
        "households decide after it" in caught.value.messages[0]
        or "sau" in (caught.value.messages[0])
    )
