"""Law 10/2022/QH15, art. 17: online voting only for other self-managed matters (art. 15,
cl. 6); the convention and the elections (cl. 3–5) go to a meeting. The rule set is data an
administrator can correct, seeded with the citation."""

import pytest
from django.core.exceptions import ValidationError

from coso.community import actions
from coso.community.models import DecisionMethod, DecisionRule, Matter, MatterKind

from .conftest import MEETING_AT


def _open(officer, unit, kind, method):
    extra = (
        {"meeting_at": MEETING_AT, "meeting_place": "Nhà văn hóa"} if method == "meeting" else {}
    )
    return actions.open_matter(
        by=officer, unit=unit, kind=kind, title="Việc", method=method, **extra
    )


@pytest.mark.parametrize(
    "kind",
    [
        MatterKind.INFRASTRUCTURE,
        MatterKind.FUNDS,
        MatterKind.CONVENTION,
        MatterKind.VILLAGE_HEAD,
        MatterKind.BOARDS,
    ],
)
def test_online_vote_is_refused_for_kinds_1_to_5(commune_officer, village, households, kind):
    # When an officer opens an online vote on a matter of kinds 1–5
    with pytest.raises(ValidationError) as refused:
        _open(commune_officer, village, kind, DecisionMethod.ONLINE)
    # Then it is refused on the method, citing art. 17, and nothing is saved
    assert "method" in refused.value.message_dict
    assert "Điều 17" in refused.value.message_dict["method"][0]
    assert not Matter.objects.exists()


def test_online_vote_is_allowed_for_kind_6(commune_officer, village, households):
    matter = _open(commune_officer, village, MatterKind.OTHER, DecisionMethod.ONLINE)
    assert matter.method == DecisionMethod.ONLINE


@pytest.mark.parametrize(
    "kind", [MatterKind.CONVENTION, MatterKind.VILLAGE_HEAD, MatterKind.BOARDS]
)
def test_kinds_3_to_5_go_to_a_meeting(commune_officer, village, households, kind):
    # A ballot is refused; a meeting is accepted
    with pytest.raises(ValidationError):
        _open(commune_officer, village, kind, DecisionMethod.BALLOT)
    assert _open(commune_officer, village, kind, DecisionMethod.MEETING).method == "meeting"


@pytest.mark.parametrize("kind", [MatterKind.INFRASTRUCTURE, MatterKind.FUNDS, MatterKind.OTHER])
def test_kinds_1_2_and_6_may_use_a_meeting_or_a_ballot(commune_officer, village, households, kind):
    assert _open(commune_officer, village, kind, DecisionMethod.BALLOT).method == "ballot"
    assert _open(commune_officer, village, kind, DecisionMethod.MEETING).method == "meeting"


def test_every_kind_has_a_seeded_rule_with_its_citation(db):
    # The migration seeded one rule per kind, each value with its legal basis
    rules = {rule.kind: rule for rule in DecisionRule.objects.all()}
    assert set(rules) == set(MatterKind.values)
    assert [k for k, r in rules.items() if r.allows_online] == [MatterKind.OTHER]
    for rule in rules.values():
        assert "10/2022/QH15" in rule.methods_citation
        assert "Điều 21" in rule.adoption_citation
        assert "59/2023" in rule.ballot_fallback_citation
        assert (rule.adoption_numerator, rule.adoption_denominator) == (1, 2)
        assert rule.send_within_working_days == 5


def test_an_administrator_can_change_a_rule(commune_officer, village, households):
    # Given the administrator allows online voting for kind 2 (e.g. after a new decree)
    DecisionRule.objects.filter(kind=MatterKind.FUNDS).update(allows_online=True)
    # Then an online vote on kind 2 opens
    matter = _open(commune_officer, village, MatterKind.FUNDS, DecisionMethod.ONLINE)
    assert matter.method == DecisionMethod.ONLINE


def test_meeting_needs_its_date_and_place(commune_officer, village, households):
    with pytest.raises(ValidationError) as refused:
        actions.open_matter(
            by=commune_officer, unit=village, kind="funds", title="Quỹ", method="meeting"
        )
    assert set(refused.value.message_dict) == {"meeting_at", "meeting_place"}


def test_a_matter_needs_households_and_a_residential_community(commune_officer, tree, village):
    # A community with an empty register cannot open a matter
    with pytest.raises(ValidationError) as refused:
        actions.open_matter(
            by=commune_officer, unit=village, kind="other", title="X", method="online"
        )
    assert "unit" in refused.value.message_dict
    # Nor can a commune itself (households belong to residential communities)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.open_matter(
            by=commune_officer, unit=tree.commune, kind="other", title="X", method="online"
        )
    assert not Matter.objects.exists()
