"""Nominations within a campaign: on the deadline day accepted, the day after refused; only from
the units the campaign asks, and only while it is open."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from coso.core.dates import today
from coso.recognition import actions
from coso.recognition.models import Nomination

from .conftest import make_campaign, nominate


def test_on_the_deadline_day_a_nomination_is_accepted(tree, province_officer, commune_officer):
    campaign = make_campaign(province_officer, tree.province, deadline=today())

    nomination = nominate(commune_officer, tree.commune, campaign)

    assert nomination.campaign == campaign


def test_the_day_after_the_deadline_a_nomination_is_late(
    tree, province_officer, commune_officer, monkeypatch
):
    campaign = make_campaign(province_officer, tree.province, deadline=today())
    tomorrow = today() + dt.timedelta(days=1)
    monkeypatch.setattr(actions, "today", lambda: tomorrow)

    with pytest.raises(ValidationError) as caught:
        nominate(commune_officer, tree.commune, campaign)

    assert "campaign" in caught.value.message_dict
    assert "muộn" in caught.value.message_dict["campaign"][0]
    assert not Nomination.objects.exists()


def test_a_draft_or_closed_campaign_takes_no_nomination(tree, province_officer, commune_officer):
    draft = make_campaign(province_officer, tree.province, open_it=False)
    closed = make_campaign(province_officer, tree.province)
    actions.close_campaign(closed, by=province_officer)

    for campaign in (draft, closed):
        with pytest.raises(ValidationError) as caught:
            nominate(commune_officer, tree.commune, campaign)
        assert "campaign" in caught.value.message_dict


def test_only_the_units_asked_may_answer(tree, admin, province_officer, commune_officer):
    campaign = make_campaign(province_officer, tree.province)

    for unit in (tree.village, tree.province, tree.office):
        with pytest.raises(ValidationError):
            nominate(admin, unit, campaign)
    other = make_campaign(admin, tree.central, target_kinds=[])
    with pytest.raises(ValidationError):
        nominate(admin, tree.central, other)  # its own unit is not below itself
    nominate(commune_officer, tree.village, other)  # any unit below when no kind is given


def test_officers_nominate_only_for_their_units(tree, commune_officer, employee, citizen):
    with pytest.raises(PermissionDenied):
        nominate(commune_officer, tree.other_commune)
    with pytest.raises(PermissionDenied):
        nominate(employee, tree.office)
    with pytest.raises(PermissionDenied):
        nominate(citizen, tree.commune)


def test_a_campaign_needs_consistent_dates_and_criteria(tree, province_officer, commune_officer):
    cases = [
        ({"ends_on": today() - dt.timedelta(days=60)}, "ends_on"),
        ({"criteria": []}, "criteria"),
        ({"criteria": [("A", 0)]}, "criteria"),
        ({"criteria": [("A", 10), ("a", 5)]}, "criteria"),
        ({"target_kinds": ["planet"]}, "target_kinds"),
        ({"title": " "}, "title"),
    ]
    for fields, key in cases:
        with pytest.raises(ValidationError) as caught:
            make_campaign(province_officer, tree.province, open_it=False, **fields)
        assert key in caught.value.message_dict, fields
    with pytest.raises(ValidationError):
        make_campaign(province_officer, tree.province, deadline=today() - dt.timedelta(days=40))
    with pytest.raises(PermissionDenied):
        make_campaign(commune_officer, tree.commune)
