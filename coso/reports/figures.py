"""Figures coso already records, carried into a unit's report without typing them again.

Feedback handled, disclosures published, community decisions taken, inspections held …
live in other apps. Each such app offers a function `report_figures(unit, start, end)` that
counts its records in the unit's subtree over the period and answers {indicator code: number}
with the codes of the built-in form (coso/reports/builtin_form.py). Reports knows them only by
the dotted paths in settings.COSO_REPORT_FIGURES, so it never imports the later apps.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from coso.units.models import Unit, User

from . import access, actions
from .aggregate import PREFILLED_KINDS
from .models import Submission


def recorded_figures(unit: Unit, start: dt.date, end: dt.date) -> dict[str, Decimal]:
    """Every provider's figures for the unit's subtree over [start, end]."""
    figures: dict[str, Decimal] = {}
    for path in settings.COSO_REPORT_FIGURES:
        provider = import_string(path)
        for code, value in provider(unit, start, end).items():
            figures[code] = Decimal(value)
    return figures


def figures_for(submission: Submission) -> dict[str, Decimal]:
    """The recorded figures this submission's form asks for."""
    period = submission.requirement.period
    wanted = {
        i.code: i for i in submission.requirement.form.indicators.all() if i.kind in PREFILLED_KINDS
    }
    if not wanted:
        return {}
    recorded = recorded_figures(submission.unit, period.start, period.end)
    return {code: value for code, value in recorded.items() if code in wanted}


@transaction.atomic
def prefill_from_records(
    submission: Submission, *, by: User, revision: int | None = None
) -> tuple[Submission, int]:
    """Write the recorded figures into the unit's draft; answers it and how many were filled.

    Only the figures coso counts are written; everything else the officer typed stays.
    """
    if not access.has_role_over(by, submission.unit, access.MANAGERS):
        raise PermissionDenied(_("You do not have permission to do this."))
    if not submission.is_editable:
        raise ValidationError(_("This report has been submitted and can no longer be changed."))
    values = figures_for(submission)
    if not values:
        raise ValidationError(_("coso does not record any of the figures this form asks for."))
    saved = actions.save_draft(
        submission,
        by=by,
        values={code: str(value) for code, value in values.items()},
        revision=submission.revision if revision is None else revision,
    )
    return saved, len(values)
