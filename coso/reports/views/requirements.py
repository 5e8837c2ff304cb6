"""The reports landing page and the pages where an upper unit requires reports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coso.core.dates import today
from coso.core.forms import apply_validation_error
from coso.core.pages import paginate, querystring_base, require
from coso.units.access import MANAGERS, get_unit_for, has_role_over, paths_for, subtree_q
from coso.units.models import Unit, UnitKind, User

from .. import access, actions
from ..models import (
    ReportRequirement,
    Submission,
    SubmissionStatus,
    TargetMode,
)
from ..requirements_forms import (
    RequirementForm,
    SubmissionFilterForm,
    UnitPickForm,
    unit_choices,
)

REQUIREMENTS_PER_PAGE = 25


def optional_url(name: str, *args: object) -> str:
    """The URL of a page another area provides, or "" while that page does not exist."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def _mark(submissions: list[Submission]) -> None:
    """Set `late` (first sent after the deadline), `overdue` (not sent, deadline passed) and
    `url` on each row, without a query."""
    now = today()
    for submission in submissions:
        deadline = submission.requirement.deadline
        first = submission.first_submitted_at
        submission.late = first is not None and timezone.localtime(first).date() > deadline  # type: ignore[attr-defined]
        submission.overdue = first is None and now > deadline  # type: ignore[attr-defined]
        submission.url = optional_url("reports:submission", submission.pk)  # type: ignore[attr-defined]


def _with_counts(requirements: QuerySet[ReportRequirement]) -> QuerySet[ReportRequirement]:
    """Required / submitted / late / missing per requirement, in the same grouped query."""
    sent = Q(submissions__first_submitted_at__isnull=False)
    return requirements.annotate(
        required_count=Count("submissions"),
        submitted_count=Count("submissions", filter=sent),
        late_count=Count(
            "submissions", filter=Q(submissions__first_submitted_at__date__gt=F("deadline"))
        ),
        missing_count=Count("submissions", filter=Q(submissions__first_submitted_at__isnull=True)),
    )


def _parse_pk(raw: str | None) -> int | None:
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise Http404 from None


# --- the landing page ------------------------------------------------------------------------


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    managed = subtree_q(user, "unit_path", MANAGERS)
    to_send = (
        access.visible_submissions(user)
        .filter(managed)
        .exclude(status=SubmissionStatus.ACCEPTED)
        .select_related("unit", "requirement__period")
        .order_by("requirement__deadline", "unit_path", "pk")
    )
    page_obj = paginate(request, to_send)
    _mark(page_obj.object_list)

    issued = _with_counts(
        ReportRequirement.objects.filter(managed).select_related("unit", "period")
    ).order_by("-deadline", "-id")
    requirements_page = Paginator(issued, REQUIREMENTS_PER_PAGE).get_page(request.GET.get("rpage"))
    requirements_page.object_list = list(requirements_page.object_list)

    params = request.GET.copy()
    params.pop("rpage", None)
    rpage_base = params.urlencode()
    context = {
        "page_obj": page_obj,
        "querystring_base": querystring_base(request),
        "requirements_page": requirements_page,
        "rpage_base": f"{rpage_base}&" if rpage_base else "",
        "issuing_units": _issuing_roots(user),
        "today": today(),
    }
    return render(request, "reports/home.html", context)


def _issuing_roots(user: User) -> list[Unit]:
    """The open units where the user's manager roles start: one "new requirement" button each."""
    paths = paths_for(user, MANAGERS)
    if not paths:
        return []
    return list(Unit.objects.filter(path__in=paths).active().order_by("path"))


# --- creating a requirement ------------------------------------------------------------------


def _apply_errors(form: RequirementForm, exc: ValidationError) -> None:
    """An error about the period as a whole goes to the field that defines it."""
    if hasattr(exc, "error_dict") and "period" in exc.error_dict:
        errors = exc.message_dict
        errors.setdefault(form.period_field(), []).extend(errors.pop("period"))
        exc = ValidationError(errors)
    apply_validation_error(form, exc)


def _targets(data: dict) -> dict:
    mode = data["target_mode"]
    return {
        "target_mode": mode,
        "target_kinds": data["target_kinds"] if mode == TargetMode.KINDS else [],
        "levels_down": data["levels_down"],
        "target_units": list(data["target_units"]) if mode == TargetMode.LIST else [],
    }


def _initial_from(post: dict) -> dict:
    """The entries of a POST as initial data, to redraw the form after a unit search."""
    multiple = ("target_kinds", "target_units")
    return {k: (post.getlist(k) if k in multiple else post.get(k)) for k in post}


@login_required
def requirement_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit_pk = _parse_pk(request.GET.get("unit"))
    if unit_pk is None:
        require(bool(paths_for(user, MANAGERS)))
        picker = UnitPickForm(user=user)
        return render(request, "reports/requirement_pick_unit.html", {"form": picker})
    unit = get_unit_for(user, unit_pk)
    require(access.can_create_requirement(user, unit))

    post = request.POST if request.method == "POST" else None
    query = ((post or {}).get("q") or request.GET.get("q") or "").strip()
    searching = post is not None and "search" in post
    if searching:
        form = RequirementForm(user=user, unit=unit, initial=_initial_from(post))
    else:
        form = RequirementForm(post, user=user, unit=unit)
    asked_count = None
    if post is not None and not searching and form.is_valid():
        data = form.cleaned_data
        targets = _targets(data)
        if "preview" in post:
            asked_count = actions.required_units(
                unit,
                mode=targets["target_mode"],
                kinds=targets["target_kinds"],
                levels_down=targets["levels_down"],
                chosen=targets["target_units"],
            ).count()
        else:
            try:
                # The period is created with the requirement or not at all.
                with transaction.atomic():
                    period = actions.get_period(**form.period_args())
                    requirement = actions.create_requirement(
                        by=user,
                        unit=unit,
                        title=data["title"],
                        form=data["form"],
                        period=period,
                        deadline=data["deadline"],
                        receiving_office=data["receiving_office"],
                        repeats_yearly=data["repeats_yearly"],
                        **targets,
                    )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("The report was required from %(n)s units.")
                    % {"n": requirement.submissions.count()},
                )
                return redirect("reports:requirement", pk=requirement.pk)

    if post is not None:
        selected = [int(v) for v in post.getlist("target_units") if v.isdigit()]
    else:
        selected = []
    context = {
        "form": form,
        "unit": unit,
        "query": query,
        "choices": unit_choices(unit, query, selected),
        "selected": set(selected),
        "asked_count": asked_count,
    }
    return render(request, "reports/requirement_form.html", context)


# --- one requirement -------------------------------------------------------------------------


def _filter_submissions(
    submissions: QuerySet[Submission], form: SubmissionFilterForm, deadline
) -> QuerySet[Submission]:
    if not form.is_valid():
        return submissions
    data = form.cleaned_data
    if data["status"]:
        submissions = submissions.filter(status=data["status"])
    only = data["only"]
    if only == "missing":
        submissions = submissions.filter(first_submitted_at__isnull=True)
    elif only == "overdue":
        if today() > deadline:
            submissions = submissions.filter(first_submitted_at__isnull=True)
        else:
            submissions = submissions.none()
    elif only == "late":
        submissions = submissions.filter(first_submitted_at__date__gt=deadline)
    return submissions


def _kind_labels(kinds: list[str]) -> list[str]:
    labels = dict(UnitKind.choices)
    return [str(labels.get(kind, kind)) for kind in kinds]


@login_required
def requirement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    requirement = access.get_requirement_for(user, pk)
    deadline = requirement.deadline
    mine = access.visible_submissions(user).filter(requirement=requirement)
    counts = mine.aggregate(
        required=Count("pk"),
        submitted=Count("pk", filter=Q(first_submitted_at__isnull=False)),
        late=Count("pk", filter=Q(first_submitted_at__date__gt=deadline)),
        missing=Count("pk", filter=Q(first_submitted_at__isnull=True)),
    )
    form = SubmissionFilterForm(request.GET or None)
    submissions = (
        _filter_submissions(mine, form, deadline).select_related("unit").order_by("unit_path")
    )
    page_obj = paginate(request, submissions)
    for submission in page_obj.object_list:
        submission.requirement = requirement  # spares a query per row in _mark
    _mark(page_obj.object_list)

    is_issuer_side = has_role_over(user, requirement.unit)
    can_manage = access.can_manage_requirement(user, requirement)
    chosen: list[Unit] = []
    chosen_count = 0
    if requirement.target_mode == TargetMode.LIST and is_issuer_side:
        chosen_count = requirement.target_units.count()
        chosen = list(requirement.target_units.order_by("path")[:20])
    context = {
        "requirement": requirement,
        "counts": counts,
        "form": form,
        "page_obj": page_obj,
        "querystring_base": querystring_base(request),
        "kind_labels": _kind_labels(requirement.target_kinds),
        "chosen": chosen,
        "chosen_count": chosen_count,
        "is_issuer_side": is_issuer_side,
        "can_manage": can_manage,
        "next_requirement": ReportRequirement.objects.filter(previous=requirement)
        .only("pk", "title")
        .first(),
        "completeness_url": optional_url("reports:completeness", requirement.pk),
        "totals_url": optional_url("reports:totals", requirement.pk),
        "overdue": today() > deadline,
    }
    return render(request, "reports/requirement_detail.html", context)


@login_required
@require_POST
def requirement_roll_over(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    requirement = access.get_requirement_for(user, pk)
    require(access.can_manage_requirement(user, requirement))
    try:
        following = actions.roll_over_requirement(requirement, by=user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("reports:requirement", pk=requirement.pk)
    messages.success(request, _("Next year's requirement is ready."))
    return redirect("reports:requirement", pk=following.pk)


urlpatterns: list[URLPattern] = [
    path("", home, name="home"),
    path("yeu-cau/tao-moi/", requirement_create, name="requirement_create"),
    path("yeu-cau/<int:pk>/", requirement_detail, name="requirement"),
    path("yeu-cau/<int:pk>/nam-sau/", requirement_roll_over, name="requirement_roll_over"),
]
