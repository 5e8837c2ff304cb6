"""Keeping the household register and deciding matters: every change atomic and audited.

Law 10/2022/QH15, arts. 15–24; Decree 59/2023/NĐ-CP, arts. 3–5. Results are always counted from
the stored votes; the unique constraint on (matter, household) refuses a second vote from the
same household whichever channel it comes through.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import require as _require
from coso.core.dates import today
from coso.core.errors import InvalidTransition
from coso.core.workdays import add_working_days
from coso.units.models import Unit, UnitKind, User

from . import access
from .imports import ImportResult, read_household_rows
from .models import (
    Attendance,
    BallotCode,
    DecisionMethod,
    DecisionRule,
    Household,
    Matter,
    MatterKind,
    MatterStatus,
    SecretChoice,
    Vote,
    VoteChannel,
    VoteChoice,
)

__all__ = [
    "ImportResult",
    "add_household",
    "cast_online_vote",
    "close_voting",
    "convert_to_ballot",
    "import_households",
    "mark_sent_to_commune",
    "open_matter",
    "prepare_ballots",
    "record_attendance",
    "record_meeting_votes",
    "record_paper_ballot",
    "set_counting_board",
    "update_household",
]

HOUSEHOLD_FIELDS = (
    "code",
    "address",
    "representative_name",
    "representative_user",
    "members_count",
    "phone",
    "left_on",
)
MATTER_FIELDS = (
    "secret",
    "meeting_at",
    "meeting_place",
    "voting_opens_at",
    "voting_closes_at",
)
# Ballot codes avoid letters and digits that read alike (0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


# --- Households --------------------------------------------------------------------------------


def _check_community(unit: Unit) -> None:
    if unit.kind != UnitKind.RESIDENTIAL or unit.is_closed:
        raise ValidationError(
            {"unit": _("Households belong to an open residential community (village, hamlet).")}
        )


def _validate_household(household: Household) -> None:
    errors: dict[str, str] = {}
    household.code = (household.code or "").strip()
    household.representative_name = (household.representative_name or "").strip()
    if not household.code:
        errors["code"] = _("Enter the household code.")
    elif len(household.code) > 30:
        errors["code"] = _("The household code has at most 30 characters.")
    elif (
        Household.objects.filter(unit_id=household.unit_id, code=household.code)
        .exclude(pk=household.pk)
        .exists()
    ):
        errors["code"] = _("The register already has a household with the code %(code)s.") % {
            "code": household.code
        }
    if not household.representative_name:
        errors["representative_name"] = _("Enter the name of the household's representative.")
    if household.members_count is None or household.members_count < 1:
        errors["members_count"] = _("A household has at least one member.")
    if household.representative_user_id and household.left_on is None:
        taken = (
            Household.objects.active()
            .filter(representative_user_id=household.representative_user_id)
            .exclude(pk=household.pk)
            .select_related("unit")
            .first()
        )
        if taken is not None:
            errors["representative_user"] = _(
                "This account already represents household %(code)s of %(unit)s."
            ) % {"code": taken.code, "unit": taken.unit.name}
    if household.left_on is not None and household.left_on > today():
        errors["left_on"] = _("The date the household left cannot be in the future.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def add_household(*, by: User, unit: Unit, **fields: Any) -> Household:
    """Enter a household in the community's register by hand."""
    _require(access.can_manage_households(by, unit))
    _check_community(unit)
    unknown = set(fields) - set(HOUSEHOLD_FIELDS)
    if unknown:
        raise TypeError(f"unknown household fields: {sorted(unknown)}")
    household = Household(unit=unit, **fields)
    _validate_household(household)
    with acting_as(by):
        household.save()
    return household


@transaction.atomic
def update_household(*, by: User, household: Household, **fields: Any) -> Household:
    _require(access.can_manage_households(by, household.unit))
    unknown = set(fields) - set(HOUSEHOLD_FIELDS)
    if unknown:
        raise TypeError(f"unknown household fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(household, name, value)
    _validate_household(household)
    with acting_as(by):
        household.save()
    return household


@transaction.atomic
def import_households(*, by: User, unit: Unit, file: UploadedFile) -> ImportResult:
    """Import a register from an XLSX or CSV file, all or nothing.

    A file-level problem (wrong type, empty, unreadable, no header) raises ValidationError on
    `file`. Otherwise the result lists every row in error (row number, column, message); when
    there is any, nothing is saved, so the officer corrects the file and imports it again.
    A household whose code is already in the register is listed as skipped and left as it is,
    so importing the same file twice never duplicates a household.
    """
    _require(access.can_manage_households(by, unit))
    _check_community(unit)
    result = read_household_rows(file)
    existing = set(Household.objects.filter(unit=unit).values_list("code", flat=True))
    to_create: list[Household] = []
    for row in result.rows:
        if row.code in existing:
            result.skip(
                row.number, _("Household %(code)s is already in the register.") % {"code": row.code}
            )
            continue
        to_create.append(
            Household(
                unit=unit,
                code=row.code,
                representative_name=row.representative_name,
                address=row.address,
                members_count=row.members_count,
                phone=row.phone,
            )
        )
    if result.errors:
        return result
    with acting_as(by):
        for household in to_create:
            household.save()
    result.created = to_create
    return result


# --- Matters -----------------------------------------------------------------------------------


def eligible_households(matter: Matter):
    """The households that may vote on `matter`: those of its community on the day it opened
    (the same set as `households_total`)."""
    return Household.objects.filter(
        unit_id=matter.unit_id, created_at__lte=matter.created_at
    ).filter(_still_there_on(timezone.localdate(matter.created_at)))


def _still_there_on(day: dt.date):
    from django.db.models import Q

    return Q(left_on__isnull=True) | Q(left_on__gt=day)


def _validate_matter(matter: Matter, rule: DecisionRule) -> None:
    errors: dict[str, str] = {}
    matter.title = (matter.title or "").strip()
    if not matter.title:
        errors["title"] = _("Enter the matter to decide.")
    if matter.kind not in MatterKind.values:
        errors["kind"] = _("Choose one of the six kinds of matters of the law.")
    if matter.method not in DecisionMethod.values:
        errors["method"] = _("Choose how the community decides.")
    elif matter.kind in MatterKind.values and matter.method not in rule.allowed_methods():
        # Law 10/2022/QH15, art. 17: online voting only for other self-managed matters
        # (art. 15, cl. 6); the convention and elections (cl. 3–5) go to a meeting.
        errors["method"] = _(
            "The law does not allow “%(method)s” for this kind of matter (%(citation)s)."
        ) % {"method": DecisionMethod(matter.method).label, "citation": rule.methods_citation}
    if matter.method == DecisionMethod.MEETING:
        if matter.meeting_at is None:
            errors["meeting_at"] = _("Enter the date and time of the meeting.")
        if not (matter.meeting_place or "").strip():
            errors["meeting_place"] = _("Enter where the meeting is held.")
    if (
        matter.voting_opens_at is not None
        and matter.voting_closes_at is not None
        and matter.voting_closes_at <= matter.voting_opens_at
    ):
        errors["voting_closes_at"] = _("Voting must close after it opens.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def open_matter(
    *,
    by: User,
    unit: Unit,
    kind: str,
    title: str,
    description: str = "",
    method: str,
    counting_board: Iterable[User] = (),
    **fields: Any,
) -> Matter:
    """Put a matter to the community by one of the ways the law allows for its kind.

    The number of households is taken now: it is the denominator of the adoption threshold.
    """
    _require(access.can_open_matter(by, unit))
    _check_community(unit)
    unknown = set(fields) - set(MATTER_FIELDS)
    if unknown:
        raise TypeError(f"unknown matter fields: {sorted(unknown)}")
    rule = DecisionRule.for_kind(kind) if kind in MatterKind.values else None
    matter = Matter(
        unit=unit,
        kind=kind,
        title=title,
        description=(description or "").strip(),
        method=method,
        created_by=by,
        **fields,
    )
    _validate_matter(matter, rule or DecisionRule.for_kind(MatterKind.OTHER))
    board = list(counting_board)
    _validate_board(board, matter.rule)
    with acting_as(by):
        matter.save()
        matter.households_total = eligible_households(matter).count()
        if matter.households_total == 0:
            raise ValidationError(
                {"unit": _("The community has no households in its register yet.")}
            )
        matter.save(update_fields=["households_total"])
        if board:
            matter.counting_board.set(board)
    return matter


def _validate_board(board: list[User], rule: DecisionRule) -> None:
    # Law 10/2022/QH15, art. 18: a secret ballot is counted by a board of 3 to 5 people.
    if len(board) > rule.counting_board_max:
        raise ValidationError(
            {
                "counting_board": _("A counting board has at most %(max)s members (%(citation)s).")
                % {"max": rule.counting_board_max, "citation": rule.counting_board_citation}
            }
        )


@transaction.atomic
def set_counting_board(*, by: User, matter: Matter, members: Iterable[User]) -> Matter:
    _require(access.can_manage_matter(by, matter))
    if matter.status != MatterStatus.OPEN:
        raise InvalidTransition(matter.get_status_display(), _("counting board"))
    board = list(members)
    _validate_board(board, matter.rule)
    with acting_as(by):
        matter.counting_board.set(board)
    return matter


def _status_held_for_vote(matter: Matter) -> str:
    """The matter's current status, held until the vote commits.

    On PostgreSQL a shared row lock: voters do not wait for one another, but counting
    (`close_voting` locks the row for update) waits for the votes in progress, and votes
    arriving after it see the matter closed; so the counted result always equals the votes
    stored. SQLite's IMMEDIATE transactions already run one writer at a time.
    """
    suffix = " FOR SHARE" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT status FROM {Matter._meta.db_table} WHERE id = %s{suffix}",  # noqa: S608
            [matter.pk],
        )
        row = cursor.fetchone()
    if row is None:
        raise ValidationError(_("Voting on this matter is over."), code="closed")
    return row[0]


def _lock(matter: Matter) -> Matter:
    """Re-read the matter under a row lock so that counting and voting do not interleave."""
    return Matter.objects.select_for_update(of=("self",)).select_related("unit").get(pk=matter.pk)


def _require_open(matter: Matter) -> None:
    if matter.status != MatterStatus.OPEN:
        raise ValidationError(
            _("Voting on this matter is over (%(status)s).")
            % {"status": matter.get_status_display()},
            code="closed",
        )


@transaction.atomic
def record_attendance(*, by: User, matter: Matter, present: Iterable[Household | int]) -> int:
    """Record which households are represented at the meeting (the full list each time).

    Returns the number present. A household that already voted cannot be marked absent.
    """
    _require(access.can_manage_matter(by, matter))
    matter = _lock(matter)
    if matter.method != DecisionMethod.MEETING:
        raise ValidationError(_("Attendance is recorded only for a meeting."), code="not_meeting")
    _require_open(matter)
    wanted = {h.pk if isinstance(h, Household) else int(h) for h in present}
    eligible = set(eligible_households(matter).values_list("pk", flat=True))
    strangers = wanted - eligible
    if strangers:
        raise ValidationError(
            _("Only households of the community's register can attend."), code="stranger"
        )
    voted_absent = (
        Vote.objects.filter(matter=matter)
        .exclude(household_id__in=wanted)
        .select_related("household")
        .first()
    )
    if voted_absent is not None:
        raise ValidationError(
            _("Household %(code)s has already voted: it cannot be marked absent.")
            % {"code": voted_absent.household.code},
            code="voted",
        )
    existing = dict(matter.attendances.values_list("household_id", "present"))
    with acting_as(by):
        for household_id in eligible:
            is_present = household_id in wanted
            if existing.get(household_id) == is_present:
                continue
            if household_id not in existing and not is_present:
                continue
            Attendance.objects.update_or_create(
                matter=matter,
                household_id=household_id,
                defaults={"present": is_present, "recorded_by": by},
            )
    return len(wanted)


def _household_label(household: Household) -> str:
    return f"{household.code} ({household.representative_name})"


def _store_vote(
    matter: Matter,
    household: Household,
    *,
    choice: str,
    channel: str,
    cast_by: User | None,
    recorded_by: User | None,
) -> Vote:
    """Every channel ends here: the checks of one vote per household, and the write."""
    if choice not in VoteChoice.values:
        raise ValidationError({"choice": _("Choose agree, disagree or no opinion.")})
    _require_open(matter)
    if channel not in matter.channels:
        raise ValidationError(
            _("This matter does not take votes “%(channel)s”.")
            % {"channel": VoteChannel(channel).label},
            code="channel",
        )
    if not eligible_households(matter).filter(pk=household.pk).exists():
        raise ValidationError(
            _("Household %(household)s is not on this matter's register.")
            % {"household": _household_label(household)},
            code="not_eligible",
        )
    if (
        matter.method == DecisionMethod.MEETING
        and not matter.attendances.filter(household=household, present=True).exists()
    ):
        raise ValidationError(
            _("Household %(household)s is not recorded as present at the meeting.")
            % {"household": _household_label(household)},
            code="absent",
        )
    previous = Vote.objects.filter(matter=matter, household=household).first()
    if previous is not None:
        raise _already_voted(household, previous)
    vote = Vote(
        matter=matter,
        household=household,
        # Secret ballot: who voted is kept, how is written apart with no link back.
        choice="" if matter.secret else choice,
        channel=channel,
        cast_by=cast_by,
        recorded_by=recorded_by,
    )
    try:
        with transaction.atomic():
            vote.save()
    except IntegrityError:
        # Another request of the same household won the race: the constraint refused ours.
        previous = Vote.objects.filter(matter=matter, household=household).first()
        raise _already_voted(household, previous) from None
    if matter.secret:
        SecretChoice.objects.create(matter=matter, choice=choice)
    return vote


def _already_voted(household: Household, previous: Vote | None) -> ValidationError:
    if previous is None:
        return ValidationError(
            _("Household %(household)s has already voted on this matter.")
            % {"household": _household_label(household)},
            code="already_voted",
        )
    return ValidationError(
        _(
            "Household %(household)s has already voted on this matter (%(channel)s, "
            "%(when)s). A household votes only once."
        )
        % {
            "household": _household_label(household),
            "channel": previous.get_channel_display().lower(),
            "when": date_format(timezone.localtime(previous.created_at), "d/m/Y H:i"),
        },
        code="already_voted",
    )


@transaction.atomic
def cast_online_vote(*, by: User, matter: Matter, choice: str) -> Vote:
    """The household's representative votes online (Law 10/2022/QH15, art. 17: kind 6 only)."""
    household = access.household_of_voter(by, matter.unit)
    if household is None:
        raise PermissionDenied(
            _("Only the representative of a household of this community can vote.")
        )
    matter.status = _status_held_for_vote(matter)
    if matter.status == MatterStatus.OPEN and not matter.accepts_votes():
        raise ValidationError(
            _("Online voting on this matter is not open at this time."), code="not_open"
        )
    with acting_as(by):
        return _store_vote(
            matter,
            household,
            choice=choice,
            channel=VoteChannel.ONLINE,
            cast_by=by,
            recorded_by=by,
        )


def normalize_code(code: str) -> str:
    """What the counting board typed or scanned, as stored: no spaces or dashes, upper case."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


@transaction.atomic
def prepare_ballots(*, by: User, matter: Matter) -> list[BallotCode]:
    """A unique, unguessable code for each household's paper ballot (idempotent)."""
    _require(access.can_manage_matter(by, matter))
    matter = _lock(matter)
    _require_open(matter)
    if VoteChannel.PAPER not in matter.channels:
        raise ValidationError(_("This matter does not take paper ballots."), code="channel")
    have = set(matter.ballot_codes.values_list("household_id", flat=True))
    with acting_as(by):
        for household in eligible_households(matter).exclude(pk__in=have):
            while True:
                code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                if not BallotCode.objects.filter(code=code).exists():
                    break
            BallotCode.objects.create(matter=matter, household=household, code=code)
    return list(matter.ballot_codes.select_related("household").order_by("household__code"))


@transaction.atomic
def record_paper_ballot(*, by: User, matter: Matter, code: str, choice: str) -> Vote:
    """The counting board enters one paper ballot by its code (typed or scanned)."""
    _require(access.can_record_paper_ballot(by, matter))
    matter = _lock(matter)
    typed = normalize_code(code)
    if not typed:
        raise ValidationError({"code": _("Enter the code printed on the ballot.")})
    ballot = (
        BallotCode.objects.select_for_update()
        .select_related("household")
        .filter(matter=matter, code=typed)
        .first()
    )
    if ballot is None:
        raise ValidationError(
            {"code": _("No ballot of this matter has the code %(code)s.") % {"code": typed}}
        )
    if ballot.used_at is not None:
        raise ValidationError(
            {
                "code": _("Ballot %(code)s was already entered at %(when)s.")
                % {
                    "code": typed,
                    "when": date_format(timezone.localtime(ballot.used_at), "H:i d/m/Y"),
                }
            }
        )
    with acting_as(by):
        vote = _store_vote(
            matter,
            ballot.household,
            choice=choice,
            channel=VoteChannel.PAPER,
            cast_by=None,
            recorded_by=by,
        )
        marked = BallotCode.objects.filter(pk=ballot.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if marked != 1:
            raise ValidationError(
                {"code": _("Ballot %(code)s was already entered.") % {"code": typed}}
            )
    return vote


@transaction.atomic
def record_meeting_votes(
    *, by: User, matter: Matter, votes: Mapping[Household | int, str]
) -> list[Vote]:
    """Record a show of hands at the meeting, one choice per household present, all or nothing.

    Counts alone could not prove that no household was counted twice, so each household's
    choice is recorded; a household that already voted (by any channel) is refused.
    """
    _require(access.can_manage_matter(by, matter))
    matter = _lock(matter)
    if matter.method != DecisionMethod.MEETING:
        raise ValidationError(_("A show of hands is recorded only at a meeting."), code="channel")
    if matter.secret:
        raise ValidationError(
            _("A secret ballot is counted from the paper ballots, not by a show of hands."),
            code="secret",
        )
    ids = {(h.pk if isinstance(h, Household) else int(h)): choice for h, choice in votes.items()}
    households = {h.pk: h for h in Household.objects.filter(pk__in=ids, unit=matter.unit)}
    errors: list[str] = []
    stored: list[Vote] = []
    with acting_as(by):
        for household_id, choice in ids.items():
            household = households.get(household_id)
            if household is None:
                errors.append(_("A household outside the community's register was given."))
                continue
            try:
                stored.append(
                    _store_vote(
                        matter,
                        household,
                        choice=choice,
                        channel=VoteChannel.MEETING,
                        cast_by=None,
                        recorded_by=by,
                    )
                )
            except ValidationError as exc:
                errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return stored


@transaction.atomic
def close_voting(*, by: User, matter: Matter) -> Matter:
    """Count the stored votes and record the result.

    Law 10/2022/QH15, art. 21: adopted when more than half of ALL households of the community
    agree; at a meeting, only when more than half of them are present (Decree 59/2023, art. 4).
    """
    _require(access.can_manage_matter(by, matter))
    matter = _lock(matter)
    if matter.status != MatterStatus.OPEN:
        raise InvalidTransition(matter.get_status_display(), MatterStatus.CLOSED.label)
    rule = matter.rule
    tally = matter.tally()
    adopted = rule.is_adopted(tally.yes, matter.households_total)
    if matter.method == DecisionMethod.MEETING:
        present = matter.present()
        matter.present_count = present
        adopted = adopted and rule.has_quorum(present, matter.households_total)
    matter.yes_count, matter.no_count, matter.abstain_count = tally.yes, tally.no, tally.abstain
    matter.adopted = adopted
    matter.status = MatterStatus.CLOSED
    matter.decided_on = today()
    # Law 10/2022/QH15, art. 20; Decree 59/2023: sent to the commune within 5 working days.
    matter.send_deadline = add_working_days(matter.decided_on, rule.send_within_working_days)
    with acting_as(by):
        matter.save()
    return matter


def can_convert(matter: Matter) -> bool:
    """A meeting that cannot reach the threshold turns into a household ballot (Decree
    59/2023, art. 4): too few households present, or too few of them agreeing."""
    if matter.method != DecisionMethod.MEETING:
        return False
    if matter.status == MatterStatus.CLOSED:
        return matter.adopted is False
    if matter.status != MatterStatus.OPEN:
        return False
    rule = matter.rule
    present = matter.present()
    return not rule.has_quorum(present, matter.households_total) or not rule.is_adopted(
        matter.tally().yes, matter.households_total
    )


@transaction.atomic
def convert_to_ballot(*, by: User, matter: Matter) -> Matter:
    """Replace a meeting that fell short with a ballot sent to every household.

    Every household of the register answers the ballot afresh, those present at the meeting
    included: the meeting's show of hands is kept on the meeting for the record but does not
    count for the ballot. Returns the new ballot.
    """
    _require(access.can_manage_matter(by, matter))
    matter = _lock(matter)
    if not can_convert(matter):
        if matter.method != DecisionMethod.MEETING:
            raise ValidationError(
                _("Only a meeting is turned into a household ballot."), code="not_meeting"
            )
        if matter.status == MatterStatus.OPEN:
            raise ValidationError(
                _("The meeting has reached the threshold: count the votes instead."),
                code="adoptable",
            )
        raise InvalidTransition(matter.get_status_display(), MatterStatus.CONVERTED.label)
    tally = matter.tally()
    with acting_as(by):
        if matter.status == MatterStatus.OPEN:
            matter.present_count = matter.present()
            matter.yes_count, matter.no_count = tally.yes, tally.no
            matter.abstain_count = tally.abstain
            matter.adopted = False
        matter.status = MatterStatus.CONVERTED
        matter.send_deadline = None
        matter.save()
        ballot = Matter(
            unit=matter.unit,
            kind=matter.kind,
            title=matter.title,
            description=matter.description,
            # Decree 59/2023, art. 4: the fallback is a ballot whatever the kind's usual ways.
            method=DecisionMethod.BALLOT,
            secret=matter.secret,
            converted_from=matter,
            created_by=by,
        )
        ballot.save()
        ballot.households_total = eligible_households(ballot).count()
        ballot.save(update_fields=["households_total"])
        ballot.counting_board.set(matter.counting_board.all())
    return ballot


@transaction.atomic
def mark_sent_to_commune(*, by: User, matter: Matter, sent_on: dt.date | None = None) -> Matter:
    """Record that the result went to the commune People's Committee and Front."""
    _require(access.can_manage_matter(by, matter))
    matter = _lock(matter)
    if matter.status != MatterStatus.CLOSED:
        raise InvalidTransition(matter.get_status_display(), MatterStatus.SENT.label)
    sent_on = sent_on or today()
    if sent_on > today():
        raise ValidationError({"sent_on": _("The date sent cannot be in the future.")})
    if matter.decided_on and sent_on < matter.decided_on:
        raise ValidationError({"sent_on": _("The result cannot be sent before it was decided.")})
    matter.sent_to_commune_on = sent_on
    matter.status = MatterStatus.SENT
    with acting_as(by):
        matter.save(update_fields=["sent_to_commune_on", "status", "updated_at"])
    return matter
