"""Tình hình tổ chức hội nghị: which units of a subtree have held the meetings they must hold."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET

from coso.core.dates import today
from coso.units.access import can_view_unit, get_unit_for, paths_for
from coso.units.models import Unit

from .obligations import ObligationStatus, due_kinds, subtree_rollup

FIRST_YEAR = 2023  # Law 10/2022/QH15 is in force since 1 July 2023


class ObligationFilterForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        error_messages={"invalid": _("Enter a year, e.g. 2025.")},
    )
    kind = forms.TypedChoiceField(
        label=pgettext_lazy("meetings", "Kind of meeting"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    status = forms.ChoiceField(label=_("Show"), required=False)

    def __init__(self, *args, kinds=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds"))] + [(k.pk, k.name) for k in kinds]
        self.fields["status"].choices = [("", _("All units"))] + [
            (status, label) for status, label in ObligationStatus.LABELS.items()
        ]

    def clean_year(self) -> int | None:
        year = self.cleaned_data["year"]
        last = today().year + 1
        if year is not None and not FIRST_YEAR <= year <= last:
            raise forms.ValidationError(
                _("Choose a year from %(first)s to %(last)s.") % {"first": FIRST_YEAR, "last": last}
            )
        return year


def default_unit(user) -> Unit | None:
    """The unit the page starts from: the one unit the user's roles reach, if only one."""
    paths = paths_for(user)
    if len(paths) != 1:
        return None
    return Unit.objects.filter(path=paths[0]).first()


@login_required
@require_GET
def obligation_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = get_unit_for(user, request.GET["unit"]) if request.GET.get("unit") else None
    if unit is None:
        unit = default_unit(user)
    kinds = due_kinds()
    form = ObligationFilterForm(request.GET or None, kinds=kinds)
    # A bad value in one filter is shown on its field; the others still apply.
    data: dict = {}
    if form.is_bound:
        form.is_valid()
        data = form.cleaned_data
    year = data.get("year") or today().year
    kind_id = data.get("kind")
    status = data.get("status") or None
    rollup = rows = None
    if unit is not None:
        rollup = subtree_rollup(unit, year, on=today(), kind_id=kind_id)
        rows = [r for r in rollup.rows if status is None or r.has(status)]
    roots = (
        list(Unit.objects.filter(path__in=paths_for(user)).only("id", "name"))
        if unit is None
        else []
    )
    query = {"year": year, "kind": kind_id or ""}
    context = {
        "unit": unit,
        "roots": roots,
        "form": form,
        "year": year,
        "status": status,
        "rollup": rollup,
        "rows": rows,
        "statuses": [
            (key, label, getattr(rollup.totals, key) if rollup else 0)
            for key, label in ObligationStatus.LABELS.items()
        ],
        "years": list(range(today().year + 1, FIRST_YEAR - 1, -1)),
        "query": urlencode(query),
        "ancestors": _ancestors(user, unit),
    }
    return render(request, "meetings/obligation_list.html", context)


def _ancestors(user, unit: Unit | None) -> list[Unit]:
    """The units above `unit` the user may open: the way back up."""
    if unit is None:
        return []
    above = Unit.objects.filter(path__in=unit.ancestor_paths()[:-1]).order_by("depth")
    return [a for a in above if can_view_unit(user, a)]
