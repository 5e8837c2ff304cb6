"""Preparing a meeting: the meeting itself, its agenda, files, participants, notice and questions.

Every change is atomic and audited, runs with the acting user, and locks the meeting row
before re-checking its status, so two officers working at once never half-save anything.

Law 10/2022/QH15, art. 51 (officials' conference: delegates from 100 staff); Law on Local
Government Organisation 2025, art. 43 (commune dialogue announced at least 7 days ahead). The
periods themselves are parameters of `MeetingKind`, never constants here.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import clean_text as _text
from coso.core.checks import require as _require
from coso.core.dates import format_date, today
from coso.core.notifications import Reminder, notify
from coso.core.text import fold
from coso.core.uploads import validate_upload
from coso.core.workdays import add_working_days, working_days_between
from coso.units.models import Unit, User, path_within

from . import access
from .models import (
    TEXT_MAX_LENGTH,
    AgendaItem,
    Meeting,
    MeetingFile,
    MeetingKind,
    MeetingStatus,
    Participant,
    ParticipantRole,
    Question,
    QuestionStatus,
)

MEETING_FIELDS = (
    "kind",
    "title",
    "year",
    "starts_at",
    "ends_at",
    "venue",
    "description",
    "is_public",
    "uses_delegates",
    "requested_by",
)
AGENDA_FIELDS = ("title", "presenter", "minutes")

# Statuses in which the agenda and the files may still change (the meeting adopts its agenda
# when it opens; documents are added until the minutes are published).
AGENDA_STATUSES = (MeetingStatus.DRAFT, MeetingStatus.NOTICED, MeetingStatus.IN_PROGRESS)
FILE_STATUSES = (
    MeetingStatus.DRAFT,
    MeetingStatus.NOTICED,
    MeetingStatus.IN_PROGRESS,
    MeetingStatus.HELD,
)
QUESTION_STATUSES = (MeetingStatus.DRAFT, MeetingStatus.NOTICED, MeetingStatus.IN_PROGRESS)
# Roles who never count for the quorum: guests are invited, not convened.
NOT_CONVENED_ROLES = (ParticipantRole.GUEST,)


# --- Helpers ----------------------------------------------------------------------------------


def _locked(meeting: Meeting) -> Meeting:
    """The meeting as stored now, locked until the end of the transaction."""
    fresh = Meeting.objects.select_for_update().get(pk=meeting.pk)
    # Related rows are read after the lock (select_related with FOR UPDATE would lock them too).
    fresh.unit = Unit.objects.get(pk=fresh.unit_id)
    fresh.kind = MeetingKind.objects.get(pk=fresh.kind_id)
    return fresh


def _require_status(meeting: Meeting, allowed: tuple, message: str) -> None:
    if meeting.status not in allowed:
        raise ValidationError(message)


def _not_editable_message(meeting: Meeting) -> str:
    return _("The meeting is “%(status)s”: its preparation can no longer change.") % {
        "status": meeting.get_status_display()
    }


def meeting_url(meeting: Meeting) -> str:
    return reverse("meetings:detail", args=[meeting.pk])


def local_day(moment: dt.datetime) -> dt.date:
    return timezone.localdate(moment)


def format_moment(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


# --- The notice period ------------------------------------------------------------------------


def latest_notice_day(kind: MeetingKind, start_day: dt.date) -> dt.date:
    """The last day on which the notice of a meeting on `start_day` may be published.

    The notice must come at least `kind.notice_days` before the meeting: calendar days, or
    working days (weekends and holidays of `coso.core.workdays` not counted) when the kind
    says so. Counted like every period of the law: the day of the notice is not counted, the
    day of the meeting is.
    """
    days = kind.notice_days
    if not days:
        return start_day
    candidate = start_day - dt.timedelta(days=days)
    if not kind.notice_in_working_days:
        return candidate
    while working_days_between(candidate, start_day) < days:
        candidate -= dt.timedelta(days=1)
    return candidate


def earliest_start_day(kind: MeetingKind, notice_day: dt.date) -> dt.date:
    """The first day a meeting can be held if its notice is published on `notice_day`."""
    days = kind.notice_days
    if not days:
        return notice_day
    if kind.notice_in_working_days:
        return add_working_days(notice_day, days)
    return notice_day + dt.timedelta(days=days)


def _notice_period_text(kind: MeetingKind) -> str:
    if kind.notice_in_working_days:
        return _("%(n)s working days") % {"n": kind.notice_days}
    return _("%(n)s days") % {"n": kind.notice_days}


def _check_notice_period(kind: MeetingKind, starts_at: dt.datetime, *, field: str) -> None:
    """Refuse a meeting dated too soon for the notice its kind needs, published today."""
    if not kind.notice_days:
        return
    start_day = local_day(starts_at)
    latest = latest_notice_day(kind, start_day)
    if latest < today():
        raise ValidationError(
            {
                field: _(
                    "A %(kind)s must be announced at least %(period)s ahead: for a meeting on "
                    "%(day)s the notice had to be published by %(latest)s at the latest. Choose "
                    "a day from %(earliest)s on."
                )
                % {
                    "kind": kind.name,
                    "period": _notice_period_text(kind),
                    "day": format_date(start_day),
                    "latest": format_date(latest),
                    "earliest": format_date(earliest_start_day(kind, today())),
                }
            }
        )


def default_year(kind: MeetingKind, starts_at: dt.datetime) -> int:
    """The work year a meeting serves: a conference held in the months after the year ends
    (e.g. the officials' conference of March 2026) reviews the year before."""
    day = local_day(starts_at)
    months = kind.due_months_after_year_end
    if months and day.month <= months:
        return day.year - 1
    return day.year


# --- Meetings ---------------------------------------------------------------------------------


def _check_meeting_fields(unit: Unit, fields: dict, *, meeting: Meeting | None = None) -> dict:
    cleaned = dict(fields)
    kind = fields.get("kind")
    if not isinstance(kind, MeetingKind):
        raise ValidationError({"kind": _("Choose the kind of meeting.")})
    if unit.kind not in kind.unit_kind_list:
        raise ValidationError(
            {
                "kind": _("%(unit)s is not a unit that holds a “%(kind)s”.")
                % {"unit": unit.name, "kind": kind.name}
            }
        )
    starts_at = fields.get("starts_at")
    if not isinstance(starts_at, dt.datetime):
        raise ValidationError({"starts_at": _("Enter the day and time the meeting starts.")})
    ends_at = fields.get("ends_at")
    if ends_at is not None and ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The meeting must end after it starts.")})
    year = fields.get("year") or default_year(kind, starts_at)
    start_year = local_day(starts_at).year
    if year not in (start_year - 1, start_year):
        raise ValidationError(
            {"year": _("The year served is the year of the meeting or the year before it.")}
        )
    cleaned["year"] = year
    cleaned["title"] = _text(fields.get("title"), "title", required=False, max_length=300)
    if not cleaned["title"]:
        cleaned["title"] = f"{kind.name} {year}"
    cleaned["venue"] = _text(fields.get("venue"), "venue", required=False, max_length=300)
    cleaned["description"] = _text(
        fields.get("description"), "description", required=False, max_length=TEXT_MAX_LENGTH
    )
    cleaned["requested_by"] = _text(
        fields.get("requested_by"), "requested_by", required=False, max_length=300
    )
    cleaned["is_public"] = bool(fields.get("is_public"))
    cleaned["uses_delegates"] = bool(fields.get("uses_delegates"))
    if cleaned["uses_delegates"]:
        threshold = kind.delegates_from_staff
        if threshold is None:
            raise ValidationError(
                {
                    "uses_delegates": _(
                        "A “%(kind)s” convenes everyone: it does not convene delegates."
                    )
                    % {"kind": kind.name}
                }
            )
        if (unit.staff_count or 0) < threshold:
            # Law 10/2022/QH15, art. 51: below 100 staff every member of staff is convened.
            raise ValidationError(
                {
                    "uses_delegates": _(
                        "Only a unit of at least %(n)s staff may convene delegates; %(unit)s "
                        "has %(staff)s, so every member of staff is convened."
                    )
                    % {"n": threshold, "unit": unit.name, "staff": unit.staff_count or 0}
                }
            )
    elif (
        meeting is not None
        and meeting.uses_delegates
        and meeting.participants.filter(role=ParticipantRole.DELEGATE).exists()
    ):
        raise ValidationError(
            {"uses_delegates": _("Remove the delegates before convening everyone.")}
        )
    return cleaned


@transaction.atomic
def create_meeting(
    *,
    by: User,
    unit: Unit,
    kind: MeetingKind,
    starts_at: dt.datetime,
    title: str = "",
    year: int | None = None,
    ends_at: dt.datetime | None = None,
    venue: str = "",
    description: str = "",
    is_public: bool = False,
    uses_delegates: bool = False,
    requested_by: str = "",
) -> Meeting:
    """Start preparing a meeting (status "being prepared")."""
    _require(access.can_create_meeting(by, unit))
    cleaned = _check_meeting_fields(
        unit,
        {
            "kind": kind,
            "title": title,
            "year": year,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "venue": venue,
            "description": description,
            "is_public": is_public,
            "uses_delegates": uses_delegates,
            "requested_by": requested_by,
        },
    )
    _check_notice_period(kind, starts_at, field="starts_at")
    with acting_as(by):
        meeting = Meeting(unit=unit, created_by=by, **cleaned)
        meeting.save()
    return meeting


@transaction.atomic
def update_meeting(meeting: Meeting, *, by: User, **fields) -> Meeting:
    """Change what is being prepared; after the notice, participants are told of a new time
    or venue, and the new time must still leave the notice period."""
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise ValueError(f"not a field of a meeting: {sorted(unknown)}")
    _require(access.can_manage_meeting(by, meeting))
    fresh = _locked(meeting)
    _require_status(
        fresh, (MeetingStatus.DRAFT, MeetingStatus.NOTICED), _not_editable_message(fresh)
    )
    merged = {name: getattr(fresh, name) for name in MEETING_FIELDS} | fields
    if merged["kind"].pk != fresh.kind_id and fresh.status != MeetingStatus.DRAFT:
        raise ValidationError(
            {"kind": _("The kind of meeting cannot change once its notice is published.")}
        )
    cleaned = _check_meeting_fields(fresh.unit, merged, meeting=fresh)
    moved = cleaned["starts_at"] != fresh.starts_at
    if moved or cleaned["kind"].pk != fresh.kind_id:
        _check_notice_period(cleaned["kind"], cleaned["starts_at"], field="starts_at")
    changed_for_people = moved or cleaned["venue"] != fresh.venue
    with acting_as(by):
        for name, value in cleaned.items():
            setattr(fresh, name, value)
        fresh.save()
    if fresh.status == MeetingStatus.NOTICED and changed_for_people:
        stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
        _notify_participants(
            fresh,
            key=f"meeting-changed:{fresh.pk}:{stamp}",
            message=_("Changed: %(title)s is now at %(when)s, %(venue)s.")
            % {
                "title": fresh.title,
                "when": format_moment(fresh.starts_at),
                "venue": fresh.venue or "—",
            },
            skip=by,
        )
    _copy(fresh, meeting)
    return fresh


def _copy(source: Meeting, target: Meeting) -> None:
    """Keep the caller's object in step with what was saved."""
    if source is not target:
        target.__dict__.update(
            {k: v for k, v in source.__dict__.items() if not k.startswith("_state")}
        )


@transaction.atomic
def cancel_meeting(meeting: Meeting, *, by: User, reason: str) -> Meeting:
    """Call the meeting off before it opens; participants already told are told again."""
    _require(access.can_manage_meeting(by, meeting))
    fresh = _locked(meeting)
    _require_status(
        fresh,
        (MeetingStatus.DRAFT, MeetingStatus.NOTICED),
        _("Only a meeting that has not opened yet can be cancelled."),
    )
    reason = _text(reason, "reason", max_length=300)
    was_noticed = fresh.status == MeetingStatus.NOTICED
    with acting_as(by):
        fresh.status = MeetingStatus.CANCELLED
        fresh.cancelled_reason = reason
        fresh.save()
    if was_noticed:
        _notify_participants(
            fresh,
            key=f"meeting-cancelled:{fresh.pk}",
            message=_("Cancelled: %(title)s (%(when)s). Reason: %(reason)s")
            % {"title": fresh.title, "when": format_moment(fresh.starts_at), "reason": reason},
            skip=by,
        )
    _copy(fresh, meeting)
    return fresh


# --- The notice -------------------------------------------------------------------------------


def default_notice_text(meeting: Meeting) -> str:
    """The notice as the unit would post it: who convenes what, when, where, and the agenda."""
    lines = [
        _("%(unit)s announces the %(title)s.")
        % {"unit": meeting.unit.name, "title": meeting.title},
        _("Time: %(when)s.") % {"when": format_moment(meeting.starts_at)},
    ]
    if meeting.venue:
        lines.append(_("Venue: %(venue)s.") % {"venue": meeting.venue})
    if meeting.description:
        lines += ["", meeting.description]
    agenda = list(meeting.agenda.all())
    if agenda:
        lines += ["", _("Agenda:")]
        for number, item in enumerate(agenda, start=1):
            presenter = f" ({item.presenter})" if item.presenter else ""
            lines.append(f"{number}. {item.title}{presenter}")
    lines += [
        "",
        _("Participants may send their questions and proposals ahead of the meeting."),
    ]
    return "\n".join(lines)


def _notify_participants(
    meeting: Meeting, *, key: str, message: str, skip: User | None = None
) -> int:
    user_ids = set(
        meeting.participants.filter(user__isnull=False, user__is_active=True).values_list(
            "user_id", flat=True
        )
    )
    if skip is not None:
        user_ids.discard(skip.pk)
    url = meeting_url(meeting)
    return notify(Reminder(uid, f"{key}:{uid}", message, url) for uid in sorted(user_ids))


@transaction.atomic
def publish_notice(meeting: Meeting, *, by: User, notice_text: str = "") -> Meeting:
    """Publish the notice: at least the kind's notice period before the meeting. Participants
    with an account are told in coso (and by e-mail)."""
    _require(access.can_manage_meeting(by, meeting))
    fresh = _locked(meeting)
    _require_status(
        fresh,
        (MeetingStatus.DRAFT,),
        _("The notice can only be published once, while the meeting is being prepared."),
    )
    if fresh.starts_at <= timezone.now():
        raise ValidationError(
            {"starts_at": _("The meeting has already started: its notice can no longer go out.")}
        )
    _check_notice_period(fresh.kind, fresh.starts_at, field="starts_at")
    text = _text(notice_text, "notice_text", required=False, max_length=TEXT_MAX_LENGTH)
    with acting_as(by):
        fresh.notice_text = text or default_notice_text(fresh)
        fresh.status = MeetingStatus.NOTICED
        fresh.noticed_at = timezone.now()
        fresh.save()
    _notify_participants(
        fresh,
        key=f"meeting-notice:{fresh.pk}",
        message=_("You are invited: %(title)s, %(when)s, %(venue)s.")
        % {
            "title": fresh.title,
            "when": format_moment(fresh.starts_at),
            "venue": fresh.venue or "—",
        },
    )
    _copy(fresh, meeting)
    return fresh


# --- Agenda -----------------------------------------------------------------------------------


def _check_agenda_fields(fields: dict) -> dict:
    minutes = fields.get("minutes")
    if minutes is not None and not 0 < minutes <= 24 * 60:
        raise ValidationError({"minutes": _("Enter a duration between 1 and 1440 minutes.")})
    return {
        "title": _text(fields.get("title"), "title", max_length=300),
        "presenter": _text(fields.get("presenter"), "presenter", required=False, max_length=200),
        "minutes": minutes,
    }


def _agenda_open(meeting: Meeting) -> None:
    _require_status(
        meeting, AGENDA_STATUSES, _("The meeting has ended: its agenda can no longer change.")
    )


@transaction.atomic
def add_agenda_item(
    meeting: Meeting, *, by: User, title: str, presenter: str = "", minutes: int | None = None
) -> AgendaItem:
    _require(access.can_manage_meeting(by, meeting))
    fresh = _locked(meeting)
    _agenda_open(fresh)
    cleaned = _check_agenda_fields({"title": title, "presenter": presenter, "minutes": minutes})
    last = fresh.agenda.aggregate(last=Max("position"))["last"]
    with acting_as(by):
        return AgendaItem.objects.create(
            meeting=fresh, position=0 if last is None else last + 1, **cleaned
        )


@transaction.atomic
def update_agenda_item(item: AgendaItem, *, by: User, **fields) -> AgendaItem:
    unknown = set(fields) - set(AGENDA_FIELDS)
    if unknown:
        raise ValueError(f"not a field of an agenda item: {sorted(unknown)}")
    _require(access.can_manage_meeting(by, item.meeting))
    fresh = _locked(item.meeting)
    _agenda_open(fresh)
    row = AgendaItem.objects.filter(pk=item.pk, meeting=fresh).first()
    if row is None:
        raise ValidationError(_("This agenda item no longer exists."))
    merged = {name: getattr(row, name) for name in AGENDA_FIELDS} | fields
    cleaned = _check_agenda_fields(merged)
    with acting_as(by):
        for name, value in cleaned.items():
            setattr(row, name, value)
        row.save()
    return row


@transaction.atomic
def delete_agenda_item(item: AgendaItem, *, by: User) -> None:
    _require(access.can_manage_meeting(by, item.meeting))
    fresh = _locked(item.meeting)
    _agenda_open(fresh)
    with acting_as(by):
        for row in AgendaItem.objects.filter(pk=item.pk, meeting=fresh):
            row.delete()


@transaction.atomic
def move_agenda_item(item: AgendaItem, *, by: User, up: bool) -> None:
    """Swap the item with the one before (up) or after it."""
    _require(access.can_manage_meeting(by, item.meeting))
    fresh = _locked(item.meeting)
    _agenda_open(fresh)
    items = list(fresh.agenda.all())
    index = next((i for i, row in enumerate(items) if row.pk == item.pk), None)
    if index is None:
        raise ValidationError(_("This agenda item no longer exists."))
    other = index - 1 if up else index + 1
    if not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    with acting_as(by):
        for position, row in enumerate(items):
            if row.position != position:
                row.position = position
                row.save(update_fields=["position"])


# --- Files ------------------------------------------------------------------------------------


@transaction.atomic
def add_file(
    meeting: Meeting, *, by: User, title: str, upload: UploadedFile, is_public: bool = False
) -> MeetingFile:
    """Attach a document (report, draft resolution, rules) for participants to read ahead."""
    _require(access.can_manage_meeting(by, meeting))
    fresh = _locked(meeting)
    _require_status(
        fresh,
        FILE_STATUSES,
        _("The minutes are published or the meeting cancelled: no more files."),
    )
    if upload is None:
        raise ValidationError({"upload": _("Choose a file.")})
    try:
        validate_upload(upload)
    except ValidationError as exc:
        raise ValidationError({"upload": exc.messages}) from exc
    title = _text(title, "title", required=False, max_length=300)
    if not title:
        title = (upload.name or "").rsplit("/", 1)[-1][:300] or _("Document")
    with acting_as(by):
        item = MeetingFile(meeting=fresh, title=title, is_public=bool(is_public), uploaded_by=by)
        item.file.save(upload.name or "tai-lieu", upload, save=False)
        item.save()
    return item


@transaction.atomic
def delete_file(item: MeetingFile, *, by: User) -> None:
    _require(access.can_manage_meeting(by, item.meeting))
    fresh = _locked(item.meeting)
    _require_status(
        fresh,
        FILE_STATUSES,
        _("The minutes are published or the meeting cancelled: no more files."),
    )
    row = MeetingFile.objects.filter(pk=item.pk, meeting=fresh).first()
    if row is None:
        return
    stored = row.file.name
    storage = row.file.storage
    with acting_as(by):
        row.delete()
    transaction.on_commit(lambda: storage.delete(stored))


# --- Participants -----------------------------------------------------------------------------


def staff_of(meeting: Meeting):
    """People with an account whose unit is in the meeting's unit's subtree, not yet invited."""
    invited = meeting.participants.filter(user__isnull=False).values("user_id")
    return (
        User.objects.filter(path_within("home_unit__path", meeting.unit.path), is_active=True)
        .exclude(pk__in=invited)
        .select_related("home_unit")
        .order_by("full_name", "username")
    )


def _participants_open(meeting: Meeting) -> None:
    _require_status(
        meeting,
        (MeetingStatus.DRAFT, MeetingStatus.NOTICED),
        _("The meeting has opened: the list of those convened is closed."),
    )


def _check_role(meeting: Meeting, role: str, delegate_of: Unit | None) -> None:
    if role not in ParticipantRole.values:
        raise ValidationError({"role": _("Choose a role.")})
    if role == ParticipantRole.DELEGATE:
        if not meeting.uses_delegates:
            raise ValidationError(
                {
                    "role": _(
                        "This meeting convenes everyone: tick “convenes delegates” on the "
                        "meeting first (allowed from %(n)s staff)."
                    )
                    % {"n": meeting.kind.delegates_from_staff or "—"}
                }
            )
        if delegate_of is None:
            raise ValidationError(
                {"delegate_of": _("Choose the sub-unit that elected the delegate.")}
            )
    if delegate_of is not None and (
        not delegate_of.is_within(meeting.unit) or delegate_of.is_closed
    ):
        raise ValidationError(
            {"delegate_of": _("Choose an open unit within %(unit)s.") % {"unit": meeting.unit.name}}
        )


def _notice_one(meeting: Meeting, participant: Participant) -> None:
    """Someone invited after the notice went out is told too."""
    if meeting.status != MeetingStatus.NOTICED or participant.user_id is None:
        return
    notify(
        [
            Reminder(
                participant.user_id,
                f"meeting-notice:{meeting.pk}:{participant.user_id}",
                _("You are invited: %(title)s, %(when)s, %(venue)s.")
                % {
                    "title": meeting.title,
                    "when": format_moment(meeting.starts_at),
                    "venue": meeting.venue or "—",
                },
                meeting_url(meeting),
            )
        ]
    )


@transaction.atomic
def add_participant(
    meeting: Meeting,
    *,
    by: User,
    full_name: str = "",
    job_title: str = "",
    role: str = ParticipantRole.MEMBER,
    delegate_of: Unit | None = None,
    user: User | None = None,
) -> Participant:
    """Invite one person: by name (a citizen, a guest), with their account, or as a delegate
    elected by a sub-unit. Guests are invited but not convened: they never count."""
    _require(access.can_manage_meeting(by, meeting))
    fresh = _locked(meeting)
    _participants_open(fresh)
    if delegate_of is not None and role == ParticipantRole.MEMBER:
        role = ParticipantRole.DELEGATE
    _check_role(fresh, role, delegate_of)
    if user is not None:
        if fresh.participants.filter(user=user).exists():
            raise ValidationError(
                {"user": _("%(name)s is already invited.") % {"name": user.display_name}}
            )
        full_name = full_name or user.display_name
        job_title = job_title or user.job_title
    full_name = _text(full_name, "full_name", max_length=200)
    job_title = _text(job_title, "job_title", required=False, max_length=200)
    with acting_as(by):
        participant = Participant.objects.create(
            meeting=fresh,
            user=user,
            full_name=full_name,
            job_title=job_title,
            role=role,
            delegate_of=delegate_of,
            is_convened=role not in NOT_CONVENED_ROLES,
        )
    _notice_one(fresh, participant)
    return participant


@transaction.atomic
def add_staff(meeting: Meeting, *, by: User, users: list[User] | None = None) -> list[Participant]:
    """Invite members of the unit's staff who have an account (all of them when `users` is
    None). Those already invited are skipped, so two officers clicking at once invite once."""
    _require(access.can_manage_meeting(by, meeting))
    fresh = _locked(meeting)
    _participants_open(fresh)
    available = {u.pk: u for u in staff_of(fresh)}
    if users is None:
        chosen = list(available.values())
    else:
        invited = set(
            fresh.participants.filter(user__isnull=False).values_list("user_id", flat=True)
        )
        if any(u.pk not in available and u.pk not in invited for u in users):
            raise ValidationError(
                {"users": _("Choose people from the staff of %(unit)s.") % {"unit": fresh.unit}}
            )
        chosen = [available[u.pk] for u in users if u.pk in available]
    role = ParticipantRole.MEMBER
    added = []
    with acting_as(by):
        for person in chosen:
            added.append(
                Participant.objects.create(
                    meeting=fresh,
                    user=person,
                    full_name=person.display_name,
                    job_title=person.job_title,
                    role=role,
                    is_convened=True,
                )
            )
    for participant in added:
        _notice_one(fresh, participant)
    return added


@transaction.atomic
def set_participant_role(participant: Participant, *, by: User, role: str) -> Participant:
    """Give a role: presidium, chair, secretary, counting board, guest. Before the meeting
    opens any role; during it (the meeting elects its presidium and secretary) only roles of
    people convened, so the quorum's base does not move under the room."""
    meeting = participant.meeting
    _require(access.can_manage_meeting(by, meeting))
    fresh = _locked(meeting)
    row = Participant.objects.filter(pk=participant.pk, meeting=fresh).first()
    if row is None:
        raise ValidationError(_("This participant is no longer on the list."))
    if fresh.status not in (MeetingStatus.DRAFT, MeetingStatus.NOTICED, MeetingStatus.IN_PROGRESS):
        raise ValidationError(_("The meeting has ended: roles can no longer change."))
    _check_role(fresh, role, row.delegate_of if role == ParticipantRole.DELEGATE else None)
    convened = role not in NOT_CONVENED_ROLES
    if fresh.status == MeetingStatus.IN_PROGRESS and convened != row.is_convened:
        raise ValidationError(
            {
                "role": _(
                    "During the meeting a guest cannot become a participant convened, nor the "
                    "reverse: the quorum is counted on those convened."
                )
            }
        )
    if role != ParticipantRole.DELEGATE and row.role == ParticipantRole.DELEGATE:
        delegate_of = None
    else:
        delegate_of = row.delegate_of
    with acting_as(by):
        row.role = role
        row.is_convened = convened
        row.delegate_of = delegate_of
        row.save()
    access.forget_seats(by)
    return row


@transaction.atomic
def remove_participant(participant: Participant, *, by: User) -> None:
    meeting = participant.meeting
    _require(access.can_manage_meeting(by, meeting))
    fresh = _locked(meeting)
    _participants_open(fresh)
    with acting_as(by):
        for row in Participant.objects.filter(pk=participant.pk, meeting=fresh):
            row.delete()


# --- Questions --------------------------------------------------------------------------------


def _check_question_text(meeting: Meeting, text: str, *, by: User, asker_name: str) -> str:
    text = _text(text, "text", max_length=5000)
    folded = fold(text)
    same = meeting.questions.filter(asked_by=by, asker_name=asker_name)
    if any(fold(t) == folded for t in same.values_list("text", flat=True)):
        raise ValidationError({"text": _("This question was already sent.")})
    return text


@transaction.atomic
def send_question(meeting: Meeting, *, by: User, text: str) -> Question:
    """A participant sends a question or proposal ahead (or from their phone at the meeting)."""
    _require(access.seat_of(by, meeting) is not None)
    fresh = _locked(meeting)
    _require_status(
        fresh, QUESTION_STATUSES, _("The meeting has ended: questions are no longer received.")
    )
    name = by.display_name
    text = _check_question_text(fresh, text, by=by, asker_name=name)
    with acting_as(by):
        return Question.objects.create(
            meeting=fresh,
            asked_by=by,
            asker_name=name,
            text=text,
            raised_at_meeting=fresh.status == MeetingStatus.IN_PROGRESS,
        )


@transaction.atomic
def record_question(meeting: Meeting, *, by: User, text: str, asker_name: str) -> Question:
    """The secretary or an officer records a question raised in the room."""
    _require(access.can_run_meeting(by, meeting))
    fresh = _locked(meeting)
    _require_status(
        fresh,
        (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD),
        _("Questions raised at the meeting are recorded once it has opened."),
    )
    asker_name = _text(asker_name, "asker_name", max_length=200)
    text = _check_question_text(fresh, text, by=by, asker_name=asker_name)
    with acting_as(by):
        return Question.objects.create(
            meeting=fresh, asked_by=by, asker_name=asker_name, text=text, raised_at_meeting=True
        )


@transaction.atomic
def answer_question(question: Question, *, by: User, answer: str) -> Question:
    """Record the answer given at the meeting (it can be corrected until the minutes)."""
    _require(access.can_run_meeting(by, question.meeting))
    fresh = _locked(question.meeting)
    _require_status(
        fresh,
        (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD),
        _("Answers are recorded during the meeting or before its minutes are published."),
    )
    row = Question.objects.select_for_update().filter(pk=question.pk, meeting=fresh).first()
    if row is None:
        raise ValidationError(_("This question no longer exists."))
    if row.status == QuestionStatus.FORWARDED:
        raise ValidationError(
            {"answer": _("This question is followed as a feedback item: answer it there.")}
        )
    answer = _text(answer, "answer", max_length=TEXT_MAX_LENGTH)
    with acting_as(by):
        row.answer = answer
        row.status = QuestionStatus.ANSWERED
        row.save()
    return row
