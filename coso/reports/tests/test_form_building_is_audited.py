from django.contrib.contenttypes.models import ContentType

from coso.core.models import AuditEntry
from coso.reports.models import Indicator, ValidationRule


def test_every_indicator_and_rule_added_is_in_the_provinces_audit_log(
    province_form,
    tree,
    province_officer,
):
    for model, obj in ((Indicator, province_form.resolved), (ValidationRule, province_form.rule)):
        entry = AuditEntry.objects.get(
            content_type=ContentType.objects.get_for_model(model), object_pk=str(obj.pk)
        )
        assert entry.actor == province_officer
        assert entry.unit_path == tree.province.path
