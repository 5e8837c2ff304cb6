"""Dissemination and training for the periodic reports (coso.reports.figures).

`propaganda-sessions`: sessions held and training classes started in the period in the unit's
subtree; `propaganda-participants`: the people those sessions reached plus the participants who
attended those classes.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Sum

from coso.units.models import Unit, path_within

from .models import Session, Trainee, TrainingClass


def report_figures(unit: Unit, start: dt.date, end: dt.date) -> dict[str, int]:
    sessions = Session.objects.filter(
        path_within("unit_path", unit.path), held_on__range=(start, end)
    ).aggregate(count=Count("pk"), reached=Sum("total_reached"))
    classes = TrainingClass.objects.filter(
        path_within("unit_path", unit.path), starts_on__range=(start, end)
    )
    attended = Trainee.objects.filter(training__in=classes.values("pk"), attended=True).count()
    return {
        "propaganda-sessions": (sessions["count"] or 0) + classes.count(),
        "propaganda-participants": (sessions["reached"] or 0) + attended,
    }
