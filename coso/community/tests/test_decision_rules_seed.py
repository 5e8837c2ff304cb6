"""The rule set is seeded by a reversible data migration whose values are the law's defaults
that the code also falls back to (Law 10/2022/QH15, arts. 17, 20–22; Decree 59/2023, art. 4)."""

import importlib

from django.apps import apps

from coso.community.models import DecisionRule, MatterKind, default_rule, default_rule_values

seed = importlib.import_module("coso.community.migrations.0002_decision_rules")


def test_seed_matches_the_defaults_of_the_code(db):
    for kind in MatterKind.values:
        stored = DecisionRule.objects.filter(kind=kind).values(*default_rule_values(kind)).get()
        assert stored == default_rule_values(kind), kind


def test_seed_is_reversible(db):
    seed.remove_rules(apps, None)
    assert DecisionRule.objects.count() == 0
    seed.add_rules(apps, None)
    assert DecisionRule.objects.count() == len(MatterKind.values)


def test_a_deleted_rule_falls_back_to_the_law(db):
    DecisionRule.objects.filter(kind=MatterKind.OTHER).delete()
    rule = DecisionRule.for_kind(MatterKind.OTHER)
    assert rule.allows_online and rule.pk is None
    assert rule.is_adopted(6, 10) and not rule.is_adopted(5, 10)
    assert default_rule(MatterKind.CONVENTION).allowed_methods() == ["meeting"]
