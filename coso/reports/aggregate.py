"""A unit's own report pre-filled from the reports of the units below it (tổng hợp từ cấp dưới).

Each level aggregates the reports it received into its own report to the level above. The
figures are the totals of queries.totals_by_child (no double counting); the narratives are the
subordinates' own words, one paragraph per unit. Everything is written through
actions.save_draft, so validation rules, the audit log and conflict detection apply.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.units.models import User

from . import access, actions, queries
from .models import (
    Indicator,
    IndicatorKind,
    ReportRequirement,
    Submission,
)

# Numbers that can be carried into one unit's report. A yes/no answers for the unit itself
# ("its steering committee is in place"): a count of "yes" below cannot fill it.
PREFILLED_KINDS = (IndicatorKind.INTEGER, IndicatorKind.DECIMAL, IndicatorKind.PERCENT)


def requirements_below(submission: Submission) -> list[ReportRequirement]:
    """Requirements of the same period that the submission's unit issued to the units below it."""
    return list(
        ReportRequirement.objects.filter(
            unit_id=submission.unit_id, period_id=submission.requirement.period_id
        )
        .select_related("form")
        .order_by("pk")
    )


def figures_from_below(
    submission: Submission, requirements: list[ReportRequirement]
) -> dict[str, object]:
    """{indicator code: value} for the submission's form, from the reports received below."""
    unit = submission.unit
    target = {i.code: i for i in submission.requirement.form.indicators.all()}
    wanted_numbers = [c for c, i in target.items() if i.kind in PREFILLED_KINDS]
    wanted_texts = [c for c, i in target.items() if i.kind == IndicatorKind.NARRATIVE]
    if not requirements or not (wanted_numbers or wanted_texts):
        return {}
    values = queries.counted_values([r.pk for r in requirements], unit)

    sums: dict[str, queries.Accumulator] = defaultdict(queries.Accumulator)
    numbers = (
        values.filter(
            indicator__code__in=wanted_numbers,
            indicator__kind__in=PREFILLED_KINDS,
            number__isnull=False,
        )
        .values("indicator__code")
        .order_by()
    )

    for row in numbers.annotate(total=Sum("number"), n=Count("number")):
        sums[row["indicator__code"]].add(row["total"], row["n"])

    filled: dict[str, object] = {}
    for code, acc in sums.items():
        value = acc.value(target[code].kind)
        if value is not None:
            filled[code] = _as_input(value, target[code])

    paragraphs: dict[str, list[str]] = defaultdict(list)
    texts = (
        values.filter(indicator__code__in=wanted_texts, indicator__kind=IndicatorKind.NARRATIVE)
        .exclude(text="")
        .values_list("indicator__code", "submission__unit__name", "text")
        .order_by("submission__unit_path", "submission__requirement_id")
    )
    for code, unit_name, text in texts:
        paragraphs[code].append(f"{unit_name}: {text.strip()}")
    for code, parts in paragraphs.items():
        filled[code] = "\n\n".join(parts)
    return filled


def _as_input(value: Decimal, indicator: Indicator) -> Decimal:
    if indicator.kind == IndicatorKind.INTEGER:
        return value.quantize(Decimal(1))
    return value


@transaction.atomic
def prefill_from_below(
    submission: Submission, *, by: User, revision: int | None = None
) -> Submission:
    """Fill the unit's own report with the totals and narratives of the reports it received for
    the same period, as a draft to edit. `revision` is the one the officer's page showed: if
    someone saved the report since, EditConflict and nothing is written."""
    if not access.has_role_over(by, submission.unit, access.MANAGERS):
        raise PermissionDenied(_("You do not have permission to do this."))
    if not submission.is_editable:
        raise ValidationError(_("This report has been submitted and can no longer be changed."))
    requirements = requirements_below(submission)
    if not requirements:
        raise ValidationError(
            _("This unit has not required reports for this period from the units below it.")
        )
    values = figures_from_below(submission, requirements)
    if not values:
        raise ValidationError(
            _("No report received from the units below has figures for this form yet.")
        )
    saved = actions.save_draft(
        submission,
        by=by,
        values=values,
        revision=submission.revision if revision is None else revision,
    )
    with acting_as(by):
        saved.is_aggregate = True
        saved.save(update_fields=["is_aggregate", "updated_at"])
    return saved
