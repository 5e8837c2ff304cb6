"""Nomination → assessment → recognition, and the refusals along the way."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from coso.core.dates import today
from coso.recognition import actions
from coso.recognition.figures import report_figures
from coso.recognition.models import NominationStatus, Score
from coso.recognition.scoring import assessment_of, campaign_progress

from .conftest import make_campaign, nominate, recognise


def _points(world, a, b):
    return {world.criteria[0].pk: a, world.criteria[1].pk: b}


def test_a_nomination_is_scored_and_recognised(world, committee_member, province_officer, tree):
    # given two assessors who scored the commune's nomination
    actions.score_nomination(world.nomination, by=committee_member, points=_points(world, 20, 50))
    actions.score_nomination(world.nomination, by=province_officer, points=_points(world, 30, 60))

    # when the province's steering officer recognises it
    recognise(world.nomination, province_officer)

    # then the average of the assessors' totals is kept and the model counts in the report
    world.nomination.refresh_from_db()
    assert world.nomination.status == NominationStatus.RECOGNISED
    assessment = assessment_of(world.nomination)
    assert [a.total for a in assessment.assessors] == [90, 70] or sorted(
        a.total for a in assessment.assessors
    ) == [70, 90]
    assert assessment.average_total == 80
    assert assessment.max_total == 100
    start, end = today() - dt.timedelta(days=1), today()
    assert report_figures(tree.province, start, end) == {"models-recognised": 1}
    assert report_figures(tree.other_commune, start, end) == {"models-recognised": 0}


def test_scoring_again_replaces_the_assessors_points(world, committee_member):
    actions.score_nomination(world.nomination, by=committee_member, points=_points(world, 10, 10))
    actions.score_nomination(world.nomination, by=committee_member, points=_points(world, 25, 65))

    assert Score.objects.filter(nomination=world.nomination).count() == 2
    assert assessment_of(world.nomination).average_total == 90


@pytest.mark.parametrize("value", [-1, 31, None])
def test_points_outside_the_range_are_refused_and_nothing_is_saved(world, committee_member, value):
    with pytest.raises(ValidationError) as caught:
        actions.score_nomination(
            world.nomination, by=committee_member, points=_points(world, value, 50)
        )

    assert f"criterion_{world.criteria[0].pk}" in caught.value.message_dict
    assert not Score.objects.exists()


def test_a_criterion_of_another_campaign_is_refused(
    world, committee_member, province_officer, tree
):
    other = make_campaign(province_officer, tree.province, title="Đợt khác")
    foreign = other.criteria.first()
    with pytest.raises(ValidationError):
        actions.score_nomination(world.nomination, by=committee_member, points={foreign.pk: 1})


def test_only_assessors_score_and_only_steering_officers_decide(
    world, commune_officer, committee_member, employee
):
    with pytest.raises(PermissionDenied):
        actions.score_nomination(world.nomination, by=commune_officer, points=_points(world, 1, 1))
    with pytest.raises(PermissionDenied):
        recognise(world.nomination, committee_member)
    with pytest.raises(PermissionDenied):
        recognise(world.nomination, commune_officer)


def test_recognition_needs_a_form_number_and_date(world, province_officer):
    for fields, key in [
        ({"recognition_form": ""}, "recognition_form"),
        ({"decision_number": "  "}, "decision_number"),
        ({"decision_date": None}, "decision_date"),
        ({"decision_date": today() + dt.timedelta(days=1)}, "decision_date"),
        ({"decision_date": today() - dt.timedelta(days=400)}, "decision_date"),
    ]:
        with pytest.raises(ValidationError) as caught:
            recognise(world.nomination, province_officer, **fields)
        assert key in caught.value.message_dict
    world.nomination.refresh_from_db()
    assert world.nomination.status == NominationStatus.SUBMITTED


def test_refusal_needs_reasons_and_a_decision_is_final(world, province_officer, committee_member):
    with pytest.raises(ValidationError) as caught:
        actions.decide_nomination(world.nomination, by=province_officer, recognised=False)
    assert "reasons" in caught.value.message_dict

    actions.decide_nomination(
        world.nomination, by=province_officer, recognised=False, reasons="Chưa có kết quả rõ."
    )
    world.nomination.refresh_from_db()
    assert world.nomination.status == NominationStatus.NOT_RECOGNISED

    with pytest.raises((ValidationError, PermissionDenied)):
        recognise(world.nomination, province_officer)
    with pytest.raises((ValidationError, PermissionDenied)):
        actions.score_nomination(world.nomination, by=committee_member, points=_points(world, 1, 1))


def test_a_nomination_on_its_own_is_decided_by_the_level_above(
    tree, commune_officer, province_officer, other_commune_officer
):
    nomination = nominate(commune_officer, tree.village)

    assert nomination.assessing_unit == tree.commune
    with pytest.raises(PermissionDenied):
        recognise(nomination, other_commune_officer)
    recognise(nomination, province_officer)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.RECOGNISED


def test_the_progress_shows_which_units_nominated(world, tree, django_assert_num_queries):
    with django_assert_num_queries(2):
        progress = campaign_progress(world.campaign)

    assert [(r.unit.name, r.nominations) for r in progress.rows] == [
        (tree.commune.name, 1),
        (tree.other_commune.name, 0),
    ]
    assert (progress.nominated, progress.total, progress.percent) == (1, 2, 50)


def test_closing_and_opening_follow_the_states(world, province_officer):
    with pytest.raises(ValidationError):
        actions.open_campaign(world.campaign, by=province_officer)
    actions.close_campaign(world.campaign, by=province_officer)
    with pytest.raises(ValidationError):
        actions.close_campaign(world.campaign, by=province_officer)
