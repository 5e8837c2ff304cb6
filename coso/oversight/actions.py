"""Boards, members, plans, activities and recommendations: every change atomic and audited.

Law 10/2022/QH15: arts. 36-39 (the People's Inspection Board of a commune), art. 41 (community
investment supervision), art. 60 (the board of an agency); Decree 59/2023/NĐ-CP, arts. 13-18.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import clean_text
from coso.core.checks import require as _require
from coso.core.dates import format_date, month_end, today
from coso.core.errors import InvalidTransition
from coso.core.text import fold
from coso.core.workdays import add_working_days, is_working_day, working_days_between
from coso.units.models import Unit, UnitKind, User

from . import access
from .composition import composition_problems, default_term_end, staff_problem
from .models import (
    BOARD_UNIT_KINDS,
    OPEN_BOARD_STATUSES,
    TEXT_MAX_LENGTH,
    Activity,
    ActivityKind,
    ActivityStatus,
    Board,
    BoardKind,
    BoardMember,
    BoardPlan,
    BoardStatus,
    CompositionRule,
    ElectionMethod,
    OversightRule,
    PeriodKind,
    PlanItem,
    Position,
    Recommendation,
    RecommendationStatus,
    rule,
)

BOARD_FIELDS = (
    "name",
    "project_name",
    "election_method",
    "elected_on",
    "resolution_number",
    "term_starts_on",
    "term_ends_on",
)


def _fresh(board: Board) -> Board:
    """The board as stored now, locked until the end of the transaction."""
    return Board.objects.select_for_update(of=("self",)).select_related("unit").get(pk=board.pk)


def _label(choices, value: str) -> str:
    return str(choices(value).label)


def _text(value: str, field: str, *, required: bool = True, max_length: int = TEXT_MAX_LENGTH):
    return clean_text(value, field, required=required, max_length=max_length)


def _not_future(day: dt.date | None, field: str) -> None:
    if day is not None and day > today():
        raise ValidationError({field: _("This date is in the future.")})


def _require_open(board: Board) -> None:
    if board.status not in OPEN_BOARD_STATUSES:
        raise ValidationError(
            _("The board has ended or been dissolved: its records can no longer change.")
        )


def _require_active(board: Board) -> None:
    if board.status != BoardStatus.ACTIVE:
        raise ValidationError(
            _(
                "Only a recognised, active board carries out inspections and supervisions and "
                "makes recommendations."
            )
        )


# --- Boards -----------------------------------------------------------------------------------


def default_name(kind: str, unit: Unit, project_name: str = "") -> str:
    if kind == BoardKind.INVESTMENT:
        return _("Community investment supervision board: %(project)s") % {"project": project_name}
    return _("People's Inspection Board of %(unit)s") % {"unit": unit.name}


def _check_board_fields(
    kind: str,
    unit: Unit,
    fields: dict,
    *,
    exclude_pk: int | None = None,
) -> dict:
    cleaned = dict(fields)
    cleaned["name"] = _text(fields.get("name", ""), "name", required=False, max_length=300)
    cleaned["project_name"] = _text(
        fields.get("project_name", ""),
        "project_name",
        required=kind == BoardKind.INVESTMENT,
        max_length=500,
    )
    if kind != BoardKind.INVESTMENT:
        cleaned["project_name"] = ""
    cleaned["resolution_number"] = _text(
        fields.get("resolution_number", ""), "resolution_number", required=False, max_length=100
    )
    if fields.get("election_method") not in ElectionMethod.values:
        raise ValidationError({"election_method": _("Choose how the board was elected.")})
    elected_on = fields.get("elected_on")
    if elected_on is None:
        raise ValidationError({"elected_on": _("Enter the date of the election.")})
    _not_future(elected_on, "elected_on")
    starts = fields.get("term_starts_on") or elected_on
    cleaned["term_starts_on"] = starts
    if starts < elected_on:
        raise ValidationError(
            {"term_starts_on": _("The term cannot start before the board was elected.")}
        )
    ends = fields.get("term_ends_on")
    if ends is None:
        ends = default_term_end(kind, starts)
    if ends is not None and ends < starts:
        raise ValidationError({"term_ends_on": _("The term must end after it starts.")})
    cleaned["term_ends_on"] = ends
    if not cleaned["name"]:
        cleaned["name"] = default_name(kind, unit, cleaned["project_name"])
    # One board of a commune or an agency at a time (Law 10/2022/QH15, arts. 36, 60); one
    # investment supervision board per project (art. 41).
    others = Board.objects.filter(unit=unit, kind=kind, status__in=OPEN_BOARD_STATUSES)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if kind == BoardKind.INVESTMENT:
        wanted = fold(cleaned["project_name"])
        if any(fold(p) == wanted for p in others.values_list("project_name", flat=True)):
            raise ValidationError(
                {"project_name": _("This project already has a supervision board.")}
            )
    elif exclude_pk is None and others.exists():
        raise ValidationError(
            {
                "kind": _(
                    "This unit already has a People's Inspection Board: end its term before "
                    "recording a new one."
                )
            }
        )
    return cleaned


@transaction.atomic
def create_board(
    *,
    by: User,
    unit: Unit,
    kind: str,
    election_method: str,
    elected_on: dt.date,
    name: str = "",
    project_name: str = "",
    resolution_number: str = "",
    term_starts_on: dt.date | None = None,
    term_ends_on: dt.date | None = None,
) -> Board:
    """Record a board being formed; it acts once recognised (`recognise_board`)."""
    _require(access.can_create_board(by, unit))
    if kind not in BoardKind.values:
        raise ValidationError({"kind": _("Choose the kind of board.")})
    if unit.kind not in BOARD_UNIT_KINDS[kind]:
        raise ValidationError(
            {
                "unit": _(
                    "A commune's boards belong to a commune; an agency's board to an agency, "
                    "public service unit or enterprise."
                )
            }
        )
    problem = staff_problem(CompositionRule.for_kind(kind), unit)
    if problem is not None and problem.hard:
        raise ValidationError({"unit": f"{problem.message} ({problem.citation})"})
    cleaned = _check_board_fields(
        kind,
        unit,
        {
            "name": name,
            "project_name": project_name,
            "election_method": election_method,
            "elected_on": elected_on,
            "resolution_number": resolution_number,
            "term_starts_on": term_starts_on,
            "term_ends_on": term_ends_on,
        },
    )
    with acting_as(by):
        board = Board(unit=unit, kind=kind, created_by=by, **cleaned)
        board.save()
    return board


@transaction.atomic
def update_board(board: Board, *, by: User, **fields) -> Board:
    board = _fresh(board)
    _require(access.can_manage_board(by, board))
    _require_open(board)
    unknown = set(fields) - set(BOARD_FIELDS)
    if unknown:
        raise ValueError(f"not a field of a board: {sorted(unknown)}")
    merged = {name: getattr(board, name) for name in BOARD_FIELDS} | fields
    cleaned = _check_board_fields(board.kind, board.unit, merged, exclude_pk=board.pk)
    with acting_as(by):
        for name, value in cleaned.items():
            setattr(board, name, value)
        board.save()
    return board


@transaction.atomic
def recognise_board(
    board: Board, *, by: User, decision_number: str, recognised_on: dt.date
) -> Board:
    """The recognising decision (the commune Front, the union; Decree 59/2023, art. 13; Law
    10/2022/QH15, art. 60): refused while a rule of composition is broken."""
    board = _fresh(board)
    _require(access.can_manage_board(by, board))
    if board.status != BoardStatus.FORMING:
        raise InvalidTransition(
            _label(BoardStatus, board.status), _label(BoardStatus, BoardStatus.ACTIVE)
        )
    decision_number = _text(decision_number, "decision_number", max_length=100)
    if recognised_on is None:
        raise ValidationError({"recognised_on": _("Enter the date of the decision.")})
    _not_future(recognised_on, "recognised_on")
    if recognised_on < board.elected_on:
        raise ValidationError(
            {"recognised_on": _("The board is recognised after it is elected, not before.")}
        )
    refusals: dict[str, list[str]] = defaultdict(list)
    for problem in composition_problems(board):
        if problem.hard:
            text = problem.message
            if problem.citation:
                text = f"{text} ({problem.citation})"
            refusals[problem.field].append(text)
    if refusals:
        raise ValidationError(dict(refusals))
    with acting_as(by):
        board.status = BoardStatus.ACTIVE
        board.decision_number = decision_number
        board.recognised_on = recognised_on
        board.save(update_fields=["status", "decision_number", "recognised_on", "updated_at"])
    return board


@transaction.atomic
def end_board(board: Board, *, by: User, status: str, ended_on: dt.date, reason: str = "") -> Board:
    """The term ends, or the board is dissolved (an investment board when its project ends:
    Law 10/2022/QH15, art. 41)."""
    board = _fresh(board)
    _require(access.can_manage_board(by, board))
    if status not in (BoardStatus.ENDED, BoardStatus.DISSOLVED):
        raise ValidationError(
            {"status": _("Choose whether the term ended or the board was dissolved.")}
        )
    if board.status not in OPEN_BOARD_STATUSES:
        raise InvalidTransition(_label(BoardStatus, board.status), _label(BoardStatus, status))
    reason = _text(reason, "reason", required=status == BoardStatus.DISSOLVED, max_length=500)
    if ended_on is None:
        raise ValidationError({"ended_on": _("Enter the date.")})
    _not_future(ended_on, "ended_on")
    if ended_on < board.elected_on:
        raise ValidationError({"ended_on": _("The board cannot end before it was elected.")})
    with acting_as(by):
        board.status = status
        board.ended_on = ended_on
        board.end_reason = reason
        board.save(update_fields=["status", "ended_on", "end_reason", "updated_at"])
    return board


# --- Members ----------------------------------------------------------------------------------


def _check_member(
    board: Board,
    *,
    full_name: str,
    user: User | None,
    position: str,
    community: Unit | None,
    occupation: str,
    exclude_pk: int | None = None,
) -> dict:
    full_name = (full_name or "").strip() or (str(user) if user is not None else "")
    full_name = _text(full_name, "full_name", max_length=200)
    if position not in Position.values:
        raise ValidationError({"position": _("Choose the position on the board.")})
    if community is not None:
        if board.kind == BoardKind.AGENCY:
            raise ValidationError(
                {"community": _("Members of an agency's board do not represent a community.")}
            )
        if community.kind != UnitKind.RESIDENTIAL or not community.is_within(board.unit):
            raise ValidationError(
                {
                    "community": _("Choose a residential community of %(unit)s.")
                    % {"unit": board.unit.name}
                }
            )
    if user is not None:
        others = BoardMember.objects.filter(board=board, user=user)
        if exclude_pk is not None:
            others = others.exclude(pk=exclude_pk)
        if others.exists():
            raise ValidationError({"user": _("This account already sits on the board.")})
    return {
        "full_name": full_name,
        "user": user,
        "position": position,
        "community": community,
        "occupation": _text(occupation, "occupation", required=False, max_length=200),
    }


@transaction.atomic
def add_member(
    board: Board,
    *,
    by: User,
    full_name: str = "",
    position: str = Position.MEMBER,
    user: User | None = None,
    community: Unit | None = None,
    occupation: str = "",
    is_unit_leader: bool = False,
    is_commune_official: bool = False,
) -> BoardMember:
    board = _fresh(board)
    _require(access.can_manage_board(by, board))
    _require_open(board)
    cleaned = _check_member(
        board,
        full_name=full_name,
        user=user,
        position=position,
        community=community,
        occupation=occupation,
    )
    with acting_as(by):
        member = BoardMember.objects.create(
            board=board,
            is_unit_leader=bool(is_unit_leader),
            is_commune_official=bool(is_commune_official),
            **cleaned,
        )
    if user is not None:
        access.forget_seats(user)
    return member


@transaction.atomic
def update_member(
    member: BoardMember,
    *,
    by: User,
    full_name: str,
    position: str,
    user: User | None = None,
    community: Unit | None = None,
    occupation: str = "",
    is_unit_leader: bool = False,
    is_commune_official: bool = False,
) -> BoardMember:
    board = _fresh(member.board)
    _require(access.can_manage_board(by, board))
    _require_open(board)
    previous_user = member.user
    cleaned = _check_member(
        board,
        full_name=full_name,
        user=user,
        position=position,
        community=community,
        occupation=occupation,
        exclude_pk=member.pk,
    )
    with acting_as(by):
        for name, value in cleaned.items():
            setattr(member, name, value)
        member.is_unit_leader = bool(is_unit_leader)
        member.is_commune_official = bool(is_commune_official)
        member.save()
    for person in (previous_user, user):
        if person is not None:
            access.forget_seats(person)
    return member


@transaction.atomic
def remove_member(member: BoardMember, *, by: User) -> None:
    """A member resigns or is dismissed; the audit log keeps who they were."""
    board = _fresh(member.board)
    _require(access.can_manage_board(by, board))
    _require_open(board)
    with acting_as(by):
        member.delete()
    if member.user is not None:
        access.forget_seats(member.user)


# --- Plans ------------------------------------------------------------------------------------


def period_bounds(
    board: Board, period_kind: str, year: int, number: int | None
) -> tuple[dt.date, dt.date]:
    if period_kind == PeriodKind.QUARTER:
        if number not in (1, 2, 3, 4):
            raise ValidationError({"number": _("Choose a quarter from 1 to 4.")})
        first = dt.date(year, 3 * number - 2, 1)
        return first, month_end(year, 3 * number)
    if period_kind == PeriodKind.HALF:
        if number not in (1, 2):
            raise ValidationError({"number": _("Choose the first or the second half-year.")})
        return (
            (dt.date(year, 1, 1), dt.date(year, 6, 30))
            if number == 1
            else (
                dt.date(year, 7, 1),
                dt.date(year, 12, 31),
            )
        )
    if period_kind == PeriodKind.YEAR:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if period_kind == PeriodKind.TERM:
        if board.term_ends_on is None:
            raise ValidationError(
                {"period_kind": _("The board's term has no end date: plan by year instead.")}
            )
        return board.term_starts_on, board.term_ends_on
    raise ValidationError({"period_kind": _("Choose the period of the plan.")})


def period_title(period_kind: str, year: int, number: int | None, board: Board) -> str:
    if period_kind == PeriodKind.QUARTER:
        return _("Plan for quarter %(n)s of %(year)s") % {"n": number, "year": year}
    if period_kind == PeriodKind.HALF:
        return _("Plan for half-year %(n)s of %(year)s") % {"n": number, "year": year}
    if period_kind == PeriodKind.YEAR:
        return _("Plan for %(year)s") % {"year": year}
    return _("Plan for the term %(start)s – %(end)s") % {
        "start": format_date(board.term_starts_on),
        "end": format_date(board.term_ends_on),
    }


@transaction.atomic
def create_plan(
    board: Board,
    *,
    by: User,
    period_kind: str,
    year: int | None = None,
    number: int | None = None,
    title: str = "",
    adopted_on: dt.date | None = None,
) -> BoardPlan:
    """Plans by quarter, half-year, year and term (Law 10/2022/QH15, art. 39)."""
    board = _fresh(board)
    _require(access.can_record_work(by, board))
    _require_open(board)
    if period_kind == PeriodKind.TERM:
        year = board.term_starts_on.year
        number = None
    elif year is None or not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Enter a year between 2000 and 2100.")})
    if period_kind == PeriodKind.YEAR:
        number = None
    starts_on, ends_on = period_bounds(board, period_kind, year, number)
    if BoardPlan.objects.filter(
        board=board, period_kind=period_kind, year=year, number=number
    ).exists():
        raise ValidationError({"period_kind": _("The board already has a plan for this period.")})
    _not_future(adopted_on, "adopted_on")
    title = _text(title, "title", required=False, max_length=500) or period_title(
        period_kind, year, number, board
    )
    with acting_as(by):
        return BoardPlan.objects.create(
            board=board,
            period_kind=period_kind,
            year=year,
            number=number,
            starts_on=starts_on,
            ends_on=ends_on,
            title=title,
            adopted_on=adopted_on,
        )


def _check_item_dates(plan: BoardPlan, starts_on: dt.date | None, ends_on: dt.date | None):
    if starts_on is None:
        raise ValidationError({"starts_on": _("Enter when this is done.")})
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end must be on or after the start.")})
    last = ends_on or starts_on
    if starts_on < plan.starts_on or last > plan.ends_on:
        raise ValidationError(
            {
                "starts_on": _("The plan covers %(start)s to %(end)s: choose dates inside it.")
                % {"start": format_date(plan.starts_on), "end": format_date(plan.ends_on)}
            }
        )


@transaction.atomic
def add_plan_item(
    plan: BoardPlan, *, by: User, content: str, starts_on: dt.date, ends_on: dt.date | None = None
) -> PlanItem:
    board = _fresh(plan.board)
    _require(access.can_record_work(by, board))
    _require_open(board)
    content = _text(content, "content", max_length=4000)
    _check_item_dates(plan, starts_on, ends_on)
    with acting_as(by):
        return PlanItem.objects.create(
            plan=plan, content=content, starts_on=starts_on, ends_on=ends_on
        )


@transaction.atomic
def delete_plan_item(item: PlanItem, *, by: User) -> None:
    board = _fresh(item.plan.board)
    _require(access.can_record_work(by, board))
    _require_open(board)
    with acting_as(by):
        item.delete()


# --- Activities -------------------------------------------------------------------------------


def latest_notice_day(starts_on: dt.date, days: int) -> dt.date:
    """The last working day on which a notice still leaves `days` working days before the
    start (a notice posted on a Sunday would count too, but nobody is at the office then)."""
    day = starts_on - dt.timedelta(days=days)
    while not is_working_day(day) or working_days_between(day, starts_on) < days:
        day -= dt.timedelta(days=1)
    return day


def check_notice(notice_sent_on: dt.date | None, starts_on: dt.date) -> None:
    """The notice goes out at least 5 working days before the inspection or supervision
    starts (Law 10/2022/QH15, art. 39; Decree 59/2023/NĐ-CP, art. 14; the number is a rule)."""
    if notice_sent_on is None:
        raise ValidationError({"notice_sent_on": _("Enter the date the notice is sent.")})
    notice = rule(OversightRule.NOTICE_WORKING_DAYS)
    if add_working_days(notice_sent_on, notice.value) > starts_on:
        raise ValidationError(
            {
                "notice_sent_on": _(
                    "The notice must be sent at least %(n)s working days before the activity "
                    "starts (%(citation)s). For a start on %(start)s, send it on %(latest)s at "
                    "the latest, or move the start."
                )
                % {
                    "n": notice.value,
                    "citation": notice.citation,
                    "start": format_date(starts_on),
                    "latest": format_date(latest_notice_day(starts_on, notice.value)),
                }
            }
        )


def _check_activity(board: Board, fields: dict) -> dict:
    if fields.get("kind") not in ActivityKind.values:
        raise ValidationError({"kind": _("Choose inspection or supervision.")})
    starts_on, ends_on = fields.get("starts_on"), fields.get("ends_on")
    if starts_on is None:
        raise ValidationError({"starts_on": _("Enter the day the activity starts.")})
    ends_on = ends_on or starts_on
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end must be on or after the start.")})
    if starts_on < board.term_starts_on or (
        board.term_ends_on is not None and starts_on > board.term_ends_on
    ):
        raise ValidationError({"starts_on": _("The activity must fall within the board's term.")})
    check_notice(fields.get("notice_sent_on"), starts_on)
    plan_item = fields.get("plan_item")
    if plan_item is not None and plan_item.plan.board_id != board.pk:
        raise ValidationError({"plan_item": _("This content belongs to another board's plan.")})
    return {
        "kind": fields["kind"],
        "subject": _text(fields.get("subject", ""), "subject", max_length=500),
        "content": _text(fields.get("content", ""), "content", required=False),
        "plan_item": plan_item,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "notice_sent_on": fields["notice_sent_on"],
        "notice_to": _text(fields.get("notice_to", ""), "notice_to", max_length=300),
    }


ACTIVITY_FIELDS = (
    "kind",
    "subject",
    "content",
    "plan_item",
    "starts_on",
    "ends_on",
    "notice_sent_on",
    "notice_to",
)


@transaction.atomic
def create_activity(board: Board, *, by: User, **fields) -> Activity:
    """Schedule an inspection or a supervision with its notice."""
    board = _fresh(board)
    _require(access.can_record_work(by, board))
    _require_active(board)
    cleaned = _check_activity(board, fields)
    with acting_as(by):
        activity = Activity(board=board, created_by=by, **cleaned)
        activity.save()
    return activity


@transaction.atomic
def update_activity(activity: Activity, *, by: User, **fields) -> Activity:
    board = _fresh(activity.board)
    _require(access.can_record_work(by, board))
    _require_active(board)
    if activity.status != ActivityStatus.PLANNED:
        raise ValidationError(_("Only a planned activity can be rescheduled."))
    merged = {name: getattr(activity, name) for name in ACTIVITY_FIELDS} | fields
    cleaned = _check_activity(board, merged)
    with acting_as(by):
        for name, value in cleaned.items():
            setattr(activity, name, value)
        activity.save()
    return activity


@transaction.atomic
def record_findings(
    activity: Activity, *, by: User, findings: str, findings_on: dt.date
) -> Activity:
    board = _fresh(activity.board)
    _require(access.can_record_work(by, board))
    _require_open(board)
    if activity.status == ActivityStatus.CANCELLED:
        raise InvalidTransition(
            _label(ActivityStatus, activity.status), _label(ActivityStatus, ActivityStatus.DONE)
        )
    findings = _text(findings, "findings")
    if findings_on is None:
        raise ValidationError({"findings_on": _("Enter the date.")})
    _not_future(findings_on, "findings_on")
    if findings_on < activity.starts_on:
        raise ValidationError(
            {"findings_on": _("Findings are recorded once the activity has started.")}
        )
    with acting_as(by):
        activity.findings = findings
        activity.findings_on = findings_on
        activity.status = ActivityStatus.DONE
        activity.save(update_fields=["findings", "findings_on", "status", "updated_at"])
    return activity


@transaction.atomic
def cancel_activity(activity: Activity, *, by: User, reason: str) -> Activity:
    board = _fresh(activity.board)
    _require(access.can_record_work(by, board))
    if activity.status != ActivityStatus.PLANNED:
        raise InvalidTransition(
            _label(ActivityStatus, activity.status),
            _label(ActivityStatus, ActivityStatus.CANCELLED),
        )
    reason = _text(reason, "reason", max_length=500)
    with acting_as(by):
        activity.status = ActivityStatus.CANCELLED
        activity.cancel_reason = reason
        activity.save(update_fields=["status", "cancel_reason", "updated_at"])
    return activity


# --- Recommendations --------------------------------------------------------------------------


@transaction.atomic
def add_recommendation(
    activity: Activity,
    *,
    by: User,
    text: str,
    addressed_to: str,
    sent_on: dt.date,
    addressed_unit: Unit | None = None,
) -> Recommendation:
    """A recommendation sent to the authority; the answer is expected within the rule's
    working days (Law 10/2022/QH15, art. 38; the number is a rule to verify)."""
    board = _fresh(activity.board)
    _require(access.can_record_work(by, board))
    _require_open(board)
    if activity.status == ActivityStatus.CANCELLED:
        raise ValidationError(_("This activity was cancelled."))
    text = _text(text, "text", max_length=4000)
    addressed_to = (addressed_to or "").strip() or (addressed_unit.name if addressed_unit else "")
    addressed_to = _text(addressed_to, "addressed_to", max_length=300)
    if sent_on is None:
        raise ValidationError({"sent_on": _("Enter the date the recommendation was sent.")})
    _not_future(sent_on, "sent_on")
    if sent_on < activity.starts_on:
        raise ValidationError(
            {"sent_on": _("A recommendation follows the activity: it cannot be sent before it.")}
        )
    if addressed_unit is not None and addressed_unit.is_closed:
        raise ValidationError({"addressed_unit": _("This unit is closed.")})
    days = rule(OversightRule.ANSWER_WORKING_DAYS).value
    with acting_as(by):
        recommendation = Recommendation(
            activity=activity,
            text=text,
            addressed_to=addressed_to,
            addressed_unit=addressed_unit,
            sent_on=sent_on,
            answer_due_on=add_working_days(sent_on, days),
            created_by=by,
        )
        recommendation.save()
    return recommendation


def _fresh_recommendation(item: Recommendation) -> Recommendation:
    return (
        Recommendation.objects.select_for_update()
        .select_related("activity__board__unit")
        .get(pk=item.pk)
    )


@transaction.atomic
def record_answer(
    recommendation: Recommendation, *, by: User, answer: str, answered_on: dt.date
) -> Recommendation:
    item = _fresh_recommendation(recommendation)
    _require(access.can_record_work(by, item.activity.board))
    if item.status != RecommendationStatus.SENT:
        raise InvalidTransition(
            _label(RecommendationStatus, item.status),
            _label(RecommendationStatus, RecommendationStatus.ANSWERED),
        )
    answer = _text(answer, "answer")
    if answered_on is None:
        raise ValidationError({"answered_on": _("Enter the date of the answer.")})
    _not_future(answered_on, "answered_on")
    if answered_on < item.sent_on:
        raise ValidationError(
            {"answered_on": _("The answer cannot come before the recommendation was sent.")}
        )
    with acting_as(by):
        item.answer = answer
        item.answered_on = answered_on
        item.status = RecommendationStatus.ANSWERED
        item.save(update_fields=["answer", "answered_on", "status", "updated_at"])
    return item


@transaction.atomic
def close_recommendation(
    recommendation: Recommendation,
    *,
    by: User,
    outcome: str,
    closed_on: dt.date,
    note: str = "",
) -> Recommendation:
    """After the answer, the board follows up: the authority did it, or did not accept it."""
    item = _fresh_recommendation(recommendation)
    _require(access.can_record_work(by, item.activity.board))
    if outcome not in (RecommendationStatus.DONE, RecommendationStatus.NOT_ACCEPTED):
        raise ValidationError({"outcome": _("Choose done or not accepted.")})
    if item.status != RecommendationStatus.ANSWERED:
        raise InvalidTransition(
            _label(RecommendationStatus, item.status), _label(RecommendationStatus, outcome)
        )
    note = _text(note, "note", required=outcome == RecommendationStatus.NOT_ACCEPTED)
    if closed_on is None:
        raise ValidationError({"closed_on": _("Enter the date.")})
    _not_future(closed_on, "closed_on")
    if item.answered_on and closed_on < item.answered_on:
        raise ValidationError({"closed_on": _("The follow-up cannot end before the answer.")})
    with acting_as(by):
        item.status = outcome
        item.closed_on = closed_on
        item.outcome_note = note
        item.save(update_fields=["status", "closed_on", "outcome_note", "updated_at"])
    return item
