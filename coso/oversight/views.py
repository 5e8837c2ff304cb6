"""Pages of the oversight boards: checked fetch → access → form → action → render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coso.core.dates import today
from coso.core.forms import apply_validation_error
from coso.core.pages import paginate, querystring_base, require, row_id
from coso.units.access import get_unit_for, paths_for
from coso.units.models import Unit, path_within

from . import access, actions
from .composition import composition_problems
from .forms import (
    ActivityForm,
    AnswerForm,
    BoardCreateForm,
    BoardForm,
    CancelForm,
    CloseForm,
    EndForm,
    FilterForm,
    FindingsForm,
    MemberForm,
    PlanForm,
    PlanItemForm,
    RecogniseForm,
    RecommendationFilterForm,
    RecommendationForm,
)
from .models import Activity, Board, PlanItem, RecommendationStatus

MEMBER_FIELDS = (
    "full_name",
    "position",
    "user",
    "community",
    "occupation",
    "is_unit_leader",
    "is_commune_official",
)


def _unit_from_query(request: HttpRequest) -> Unit | None:
    raw = request.GET.get("unit")
    if not raw:
        return None
    if row_id(raw) is None:
        raise Http404
    return get_unit_for(request.user, raw)


def _errors_to_messages(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


# --- Boards -----------------------------------------------------------------------------------


@login_required
def board_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = _unit_from_query(request)
    form = FilterForm(request.GET or None)
    boards = access.visible_boards(user).select_related("unit")
    if unit is not None:
        boards = boards.in_subtree(unit)
    if form.is_valid():
        if form.cleaned_data["q"]:
            boards = boards.search(form.cleaned_data["q"])
        if form.cleaned_data["kind"]:
            boards = boards.filter(kind=form.cleaned_data["kind"])
        if form.cleaned_data["status"]:
            boards = boards.filter(status=form.cleaned_data["status"])
    boards = boards.annotate(member_count=Count("members"))
    context = {
        "form": form,
        "unit": unit,
        "page_obj": paginate(
            request, boards.order_by("unit_path", "kind", "-term_starts_on", "-id")
        ),
        "querystring_base": querystring_base(request),
        "may_create": (
            access.can_create_board(user, unit)
            if unit is not None
            else bool(access.manageable_paths(user))
        ),
    }
    return render(request, "oversight/board_list.html", context)


@login_required
def board_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = _unit_from_query(request)
    if unit is not None:
        require(access.can_create_board(user, unit))
    else:
        require(bool(access.manageable_paths(user)))
    data = request.POST if request.method == "POST" else None
    form = BoardCreateForm(data, user=user, unit=unit)
    if data is not None and form.is_valid():
        try:
            board = actions.create_board(by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("The board was recorded. Add its members, then record its recognition."),
            )
            return redirect("oversight:detail", pk=board.pk)
    return render(request, "oversight/board_form.html", {"form": form, "unit": unit})


def _render_board(
    request: HttpRequest,
    board: Board,
    *,
    member_form: MemberForm | None = None,
    recognise_form: RecogniseForm | None = None,
    end_form: EndForm | None = None,
    plan_form: PlanForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    members = list(board.members.select_related("community", "user"))
    plans = list(board.plans.prefetch_related("items"))
    activities = list(
        board.activities.annotate(
            recommendation_count=Count("recommendations"),
            open_count=Count(
                "recommendations",
                filter=Q(
                    recommendations__status__in=(
                        RecommendationStatus.SENT,
                        RecommendationStatus.ANSWERED,
                    )
                ),
            ),
        ).order_by("-starts_on", "-id")
    )
    may_manage = access.can_manage_board(user, board)
    context = {
        "board": board,
        "members": members,
        "problems": composition_problems(board, members),
        "plans": plans,
        "activities": activities,
        "may_manage": may_manage and board.is_open,
        "may_record": access.can_record_work(user, board) and board.is_open,
        "member_form": member_form or MemberForm(board=board),
        "recognise_form": recognise_form or RecogniseForm(initial={"recognised_on": today()}),
        "end_form": end_form or EndForm(initial={"ended_on": today()}),
        "plan_form": plan_form or PlanForm(initial={"year": today().year}),
    }
    return render(request, "oversight/board_detail.html", context, status=status)


@login_required
def board_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_board(request, access.get_board_for(request.user, pk))


@login_required
def board_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    board = access.get_board_for(user, pk)
    require(access.can_manage_board(user, board))
    initial = {name: getattr(board, name) for name in actions.BOARD_FIELDS}
    data = request.POST if request.method == "POST" else None
    form = BoardForm(data, initial=initial)
    if data is not None and form.is_valid():
        try:
            actions.update_board(board, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The board was updated."))
            return redirect("oversight:detail", pk=board.pk)
    return render(request, "oversight/board_edit.html", {"form": form, "board": board})


@login_required
@require_POST
def board_recognise(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    board = access.get_board_for(user, pk)
    require(access.can_manage_board(user, board))
    form = RecogniseForm(request.POST)
    if form.is_valid():
        try:
            actions.recognise_board(board, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The board's recognition was recorded: it is active."))
            return redirect("oversight:detail", pk=board.pk)
    return _render_board(request, board, recognise_form=form)


@login_required
@require_POST
def board_end(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    board = access.get_board_for(user, pk)
    require(access.can_manage_board(user, board))
    form = EndForm(request.POST)
    if form.is_valid():
        try:
            actions.end_board(board, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The end of the board was recorded."))
            return redirect("oversight:detail", pk=board.pk)
    return _render_board(request, board, end_form=form)


# --- Members ----------------------------------------------------------------------------------


@login_required
@require_POST
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    board = access.get_board_for(user, pk)
    require(access.can_manage_board(user, board))
    form = MemberForm(request.POST, board=board)
    if form.is_valid():
        try:
            actions.add_member(board, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The member was added."))
            return redirect("oversight:detail", pk=board.pk)
    return _render_board(request, board, member_form=form)


@login_required
def member_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    member = access.get_member_for(user, pk)
    board = member.board
    require(access.can_manage_board(user, board))
    initial = {name: getattr(member, name) for name in MEMBER_FIELDS}
    initial["user"] = member.user.username if member.user else ""
    data = request.POST if request.method == "POST" else None
    form = MemberForm(data, board=board, initial=initial)
    if data is not None and form.is_valid():
        try:
            actions.update_member(member, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The member was updated."))
            return redirect("oversight:detail", pk=board.pk)
    return render(
        request, "oversight/member_form.html", {"form": form, "member": member, "board": board}
    )


@login_required
@require_POST
def member_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    member = access.get_member_for(user, pk)
    board = member.board
    require(access.can_manage_board(user, board))
    try:
        actions.remove_member(member, by=user)
    except ValidationError as exc:
        _errors_to_messages(request, exc)
    else:
        messages.success(request, _("The member was removed from the board."))
    return redirect("oversight:detail", pk=board.pk)


# --- Plans ------------------------------------------------------------------------------------


@login_required
@require_POST
def plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    board = access.get_board_for(user, pk)
    require(access.can_record_work(user, board))
    form = PlanForm(request.POST)
    if form.is_valid():
        try:
            plan = actions.create_plan(board, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The plan was created: add its contents."))
            return redirect("oversight:plan_detail", pk=plan.pk)
    return _render_board(request, board, plan_form=form)


def _render_plan(request: HttpRequest, plan, *, item_form: PlanItemForm | None = None):
    user = request.user
    board = plan.board
    context = {
        "plan": plan,
        "board": board,
        "items": list(plan.items.all()),
        "may_record": access.can_record_work(user, board) and board.is_open,
        "item_form": item_form or PlanItemForm(initial={"starts_on": plan.starts_on}),
    }
    return render(request, "oversight/plan_detail.html", context)


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_plan(request, access.get_plan_for(request.user, pk))


@login_required
@require_POST
def plan_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    plan = access.get_plan_for(user, pk)
    require(access.can_record_work(user, plan.board))
    form = PlanItemForm(request.POST)
    if form.is_valid():
        try:
            actions.add_plan_item(plan, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The content was added to the plan."))
            return redirect("oversight:plan_detail", pk=plan.pk)
    return _render_plan(request, plan, item_form=form)


@login_required
@require_POST
def plan_item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    item = access.get_plan_item_for(user, pk)
    require(access.can_record_work(user, item.plan.board))
    try:
        actions.delete_plan_item(item, by=user)
    except ValidationError as exc:
        _errors_to_messages(request, exc)
    else:
        messages.success(request, _("The content was removed from the plan."))
    return redirect("oversight:plan_detail", pk=item.plan_id)


# --- Activities -------------------------------------------------------------------------------


@login_required
def activity_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    board = access.get_board_for(user, pk)
    require(access.can_record_work(user, board))
    data = request.POST if request.method == "POST" else None
    initial = {}
    item_id = row_id(request.GET.get("noi-dung"))
    if item_id is not None:
        item = PlanItem.objects.filter(pk=item_id, plan__board=board).first()
        if item is not None:
            initial = {"plan_item": item.pk, "subject": item.content[:500]}
    form = ActivityForm(data, board=board, initial=initial)
    if data is not None and form.is_valid():
        try:
            activity = actions.create_activity(board, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The activity and its notice were recorded."))
            return redirect("oversight:activity_detail", pk=activity.pk)
    return render(request, "oversight/activity_form.html", {"form": form, "board": board})


@login_required
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    activity = access.get_activity_for(user, pk)
    board = activity.board
    require(access.can_record_work(user, board))
    initial = {name: getattr(activity, name) for name in actions.ACTIVITY_FIELDS}
    data = request.POST if request.method == "POST" else None
    form = ActivityForm(data, board=board, initial=initial)
    if data is not None and form.is_valid():
        try:
            actions.update_activity(activity, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The activity was updated."))
            return redirect("oversight:activity_detail", pk=activity.pk)
    return render(
        request,
        "oversight/activity_form.html",
        {"form": form, "board": board, "activity": activity},
    )


def _render_activity(
    request: HttpRequest,
    activity: Activity,
    *,
    findings_form: FindingsForm | None = None,
    cancel_form: CancelForm | None = None,
    recommendation_form: RecommendationForm | None = None,
    answer_forms: dict | None = None,
    close_forms: dict | None = None,
) -> HttpResponse:
    user = request.user
    board = activity.board
    may_record = access.can_record_work(user, board) and board.is_open
    recommendations = list(activity.recommendations.select_related("addressed_unit"))
    for item in recommendations:
        item.answer_form = (answer_forms or {}).get(item.pk) or AnswerForm(  # type: ignore[attr-defined]
            prefix=f"a{item.pk}", initial={"answered_on": today()}
        )
        item.close_form = (close_forms or {}).get(item.pk) or CloseForm(  # type: ignore[attr-defined]
            prefix=f"c{item.pk}", initial={"closed_on": today()}
        )
    context = {
        "activity": activity,
        "board": board,
        "recommendations": recommendations,
        "may_record": may_record,
        "may_record_answers": access.can_record_work(user, board),
        "findings_form": findings_form
        or FindingsForm(
            initial={"findings": activity.findings, "findings_on": activity.findings_on or today()}
        ),
        "cancel_form": cancel_form or CancelForm(),
        "recommendation_form": recommendation_form
        or RecommendationForm(board=board, initial={"sent_on": today()}),
    }
    return render(request, "oversight/activity_detail.html", context)


@login_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_activity(request, access.get_activity_for(request.user, pk))


@login_required
@require_POST
def activity_findings(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    activity = access.get_activity_for(user, pk)
    require(access.can_record_work(user, activity.board))
    form = FindingsForm(request.POST)
    if form.is_valid():
        try:
            actions.record_findings(activity, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The findings were recorded."))
            return redirect("oversight:activity_detail", pk=activity.pk)
    return _render_activity(request, activity, findings_form=form)


@login_required
@require_POST
def activity_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    activity = access.get_activity_for(user, pk)
    require(access.can_record_work(user, activity.board))
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            actions.cancel_activity(activity, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The activity was cancelled."))
            return redirect("oversight:activity_detail", pk=activity.pk)
    return _render_activity(request, activity, cancel_form=form)


@login_required
@require_POST
def recommendation_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    activity = access.get_activity_for(user, pk)
    require(access.can_record_work(user, activity.board))
    form = RecommendationForm(request.POST, board=activity.board)
    if form.is_valid():
        try:
            actions.add_recommendation(activity, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The recommendation was recorded."))
            return redirect("oversight:activity_detail", pk=activity.pk)
    return _render_activity(request, activity, recommendation_form=form)


@login_required
@require_POST
def recommendation_answer(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    item = access.get_recommendation_for(user, pk)
    require(access.can_record_work(user, item.activity.board))
    form = AnswerForm(request.POST, prefix=f"a{item.pk}")
    if form.is_valid():
        try:
            actions.record_answer(item, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The answer of the authority was recorded."))
            return redirect("oversight:activity_detail", pk=item.activity_id)
    return _render_activity(request, item.activity, answer_forms={item.pk: form})


@login_required
@require_POST
def recommendation_close(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    item = access.get_recommendation_for(user, pk)
    require(access.can_record_work(user, item.activity.board))
    form = CloseForm(request.POST, prefix=f"c{item.pk}")
    if form.is_valid():
        try:
            actions.close_recommendation(item, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The follow-up of the recommendation was recorded."))
            return redirect("oversight:activity_detail", pk=item.activity_id)
    return _render_activity(request, item.activity, close_forms={item.pk: form})


# --- Recommendations not answered, rolled up the tree -----------------------------------------


def rollup(unit: Unit, items) -> tuple[dict, list[dict]]:
    """Open, unanswered and overdue recommendations of `unit`'s subtree: the unit's own and
    one row per child unit (its whole subtree), in one aggregate query."""
    day = today()
    step = (unit.depth + 1) * Unit.steplen
    counts = (
        items.in_subtree(unit)
        .open()
        .annotate(prefix=Substr("unit_path", 1, step))
        .values("prefix")
        .annotate(
            open=Count("id"),
            unanswered=Count("id", filter=Q(status=RecommendationStatus.SENT)),
            overdue=Count("id", filter=Q(status=RecommendationStatus.SENT, answer_due_on__lt=day)),
        )
    )
    by_prefix = {row["prefix"]: row for row in counts}
    empty = {"open": 0, "unanswered": 0, "overdue": 0}
    total = dict(empty)
    for row in by_prefix.values():
        for key in total:
            total[key] += row[key]
    children = Unit.objects.filter(path_within("path", unit.path), depth=unit.depth + 1)
    rows = [{"unit": unit, **{k: by_prefix.get(unit.path, empty)[k] for k in empty}}]
    for child in children.order_by("path"):
        row = by_prefix.get(child.path)
        if row is not None:
            rows.append({"unit": child, **{k: row[k] for k in empty}})
    return total, [r for r in rows if r["open"]]


@login_required
def recommendation_list(request: HttpRequest) -> HttpResponse:
    """ "Khuyến nghị chưa được trả lời": what waits for the authority's answer, per unit."""
    user = request.user
    unit = _unit_from_query(request)
    if unit is None:
        paths = paths_for(user)
        if len(paths) == 1:
            unit = Unit.objects.filter(path=paths[0]).first()
    form = RecommendationFilterForm(request.GET or None)
    show = "unanswered"
    if form.is_valid() and form.cleaned_data["show"]:
        show = form.cleaned_data["show"]
    items = access.visible_recommendations(user)
    total = rows = None
    if unit is not None:
        items = items.in_subtree(unit)
        total, rows = rollup(unit, items)
    if show == "unanswered":
        items = items.filter(status=RecommendationStatus.SENT)
    elif show == "overdue":
        items = items.overdue()
    elif show == "open":
        items = items.open()
    items = items.select_related("activity__board__unit").order_by("answer_due_on", "id")
    context = {
        "unit": unit,
        "form": form,
        "show": show,
        "total": total,
        "rows": rows,
        "page_obj": paginate(request, items),
        "querystring_base": querystring_base(request),
    }
    return render(request, "oversight/recommendation_list.html", context)
