"""Decree 61/2023/NĐ-CP: a convention in force is reviewed every year, on 18 November or the
day the community agreed; the review is recorded with its conclusion, and a review that is
due and not done shows as overdue."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.conventions import actions
from coso.conventions.models import Convention, ConventionReview, review_due
from coso.core.dates import today

from .conftest import backdate, bring_into_force, start, working

D = dt.date


def test_the_next_review_falls_on_18_november_after_coming_into_force(db):
    convention = Convention(review_day=18, review_month=11)

    assert convention.next_review_due(D(2025, 3, 10)) == D(2025, 11, 18)
    assert convention.next_review_due(D(2025, 11, 18)) == D(2026, 11, 18)
    assert convention.next_review_due(D(2025, 11, 20)) == D(2026, 11, 18)


def test_an_agreed_29_february_falls_on_the_28th_in_other_years(db):
    convention = Convention(review_day=29, review_month=2)

    assert convention.next_review_due(D(2025, 1, 1)) == D(2025, 2, 28)
    assert convention.next_review_due(D(2027, 3, 1)) == D(2028, 2, 29)


def test_a_missed_review_is_overdue_and_recording_it_clears(
    login, tree, commune_officer, households
):
    # given a convention in force for more than a year and never reviewed
    convention = start(commune_officer, tree.village)
    version = bring_into_force(working(convention), commune_officer, households)
    version = backdate(version, 400)
    due, overdue = review_due(convention, version, None)
    assert overdue and due < today()
    client = login(commune_officer)
    assert "Quá hạn rà soát" in client.get(reverse("conventions:list")).content.decode()

    # when the review is recorded, concluding to keep it
    response = client.post(
        reverse("conventions:review", args=[convention.pk]),
        {"reviewed_on": today().strftime("%d/%m/%Y"), "conclusion": "keep", "notes": "Phù hợp."},
    )

    # then the next review is a year away and nothing is overdue
    assert response.status_code == 302
    review = ConventionReview.objects.get()
    assert review.conclusion == "keep"
    page = client.get(reverse("conventions:detail", args=[convention.pk])).content.decode()
    assert "Quá hạn rà soát" not in page
    assert "Giữ nguyên" in page


def test_the_community_may_agree_another_review_day(tree, commune_officer, households):
    convention = start(commune_officer, tree.village, review_day=2, review_month=9)
    version = bring_into_force(working(convention), commune_officer, households)

    due, _overdue = review_due(convention, version, None)

    assert (due.day, due.month) == (2, 9)


def test_an_impossible_review_day_is_refused(tree, commune_officer):
    with pytest.raises(ValidationError):
        start(commune_officer, tree.village, review_day=31, review_month=11)


def test_only_a_convention_in_force_is_reviewed(convention, commune_officer):
    with pytest.raises(ValidationError):
        actions.record_review(
            convention, by=commune_officer, reviewed_on=today(), conclusion="keep"
        )


def test_a_review_may_conclude_to_amend(tree, commune_officer, households, login):
    convention = start(commune_officer, tree.village)
    bring_into_force(working(convention), commune_officer, households)

    actions.record_review(
        convention,
        by=commune_officer,
        reviewed_on=today(),
        conclusion="amend",
        notes="Bổ sung quy định về việc tang.",
    )

    page = login(commune_officer).get(reverse("conventions:detail", args=[convention.pk]))
    assert "Sửa đổi, bổ sung" in page.content.decode()
