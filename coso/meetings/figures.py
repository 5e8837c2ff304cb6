"""Conferences, dialogues and citizen reception for the periodic reports (coso.reports.figures).

A meeting counts in the period it was held in (its start date), once it has been held; a
cancelled or merely planned one never counts.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q

from coso.units.models import Unit, path_within

from .models import HELD_STATUSES, KindCode, Meeting, Question

CONFERENCES = (KindCode.OFFICIALS_CONFERENCE, KindCode.WORKERS_CONFERENCE)
DIALOGUES = (
    KindCode.WORKPLACE_DIALOGUE,
    KindCode.DIALOGUE_ON_REQUEST,
    KindCode.COMMUNE_DIALOGUE,
)


def report_figures(unit: Unit, start: dt.date, end: dt.date) -> dict[str, int]:
    held = Meeting.objects.filter(
        path_within("unit_path", unit.path),
        status__in=HELD_STATUSES,
        starts_at__date__range=(start, end),
    )
    counts = held.aggregate(
        conferences=Count("pk", filter=Q(kind__code__in=CONFERENCES)),
        dialogues=Count("pk", filter=Q(kind__code__in=DIALOGUES)),
        receptions=Count("pk", filter=Q(kind__code=KindCode.CITIZEN_RECEPTION)),
    )
    issues = Question.objects.filter(
        meeting__in=held.filter(kind__code__in=DIALOGUES).values("pk")
    ).count()
    return {
        "conferences-held": counts["conferences"],
        "dialogues-held": counts["dialogues"],
        "dialogue-issues": issues,
        "citizen-receptions": counts["receptions"],
    }
