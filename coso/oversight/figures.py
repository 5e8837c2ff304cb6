"""Figures of the People's Inspection Boards for the periodic reports (coso.reports.figures)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from coso.units.models import Unit, path_within

from .models import Board, BoardKind, Recommendation, RecommendationStatus

INSPECTION_BOARDS = (BoardKind.COMMUNE, BoardKind.AGENCY)


def report_figures(unit: Unit, start: dt.date, end: dt.date) -> dict[str, int]:
    """Boards active during the period in the unit's subtree, and their recommendations sent in
    it; "accepted" counts those the authority took up and carried out (status done)."""
    active = Board.objects.filter(
        path_within("unit_path", unit.path),
        kind__in=INSPECTION_BOARDS,
        recognised_on__lte=end,
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    recommendations = Recommendation.objects.filter(
        path_within("unit_path", unit.path),
        activity__board__kind__in=INSPECTION_BOARDS,
        sent_on__range=(start, end),
    )
    return {
        "inspection-boards-active": active.count(),
        "inspection-board-recommendations": recommendations.count(),
        "inspection-board-recommendations-accepted": recommendations.filter(
            status=RecommendationStatus.DONE
        ).count(),
    }
