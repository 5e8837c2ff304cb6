"""Conferences and dialogues: "dân bàn, dân kiểm tra" in meetings the law requires.

A unit holds meetings of the kinds the law names (the officials' conference of an agency, the
workers' conference and the workplace dialogue of an employer, the commune's dialogue with the
people, citizen reception days, the residential community's conference). Each kind is a row of
an adjustable rule set (`MeetingKind`, seeded by migration 0002 with its citations): which units
must hold it and how often, the notice period, the quorum and the majority.

A meeting is prepared (agenda, files, participants, questions collected ahead), noticed, held
(check-in from the list or by QR code, the live quorum, motions and elections), and followed
after (minutes and resolution, commitments with an owner and a deadline, questions that become
feedback items). Every change goes through `actions.py`, `voting.py` or `followup.py`.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.core.models import TimeStampedModel
from coso.core.text import fold
from coso.units.models import Unit, path_within

TEXT_MAX_LENGTH = 20_000


def new_token() -> str:
    """An unguessable token for the meeting's QR check-in link."""
    return secrets.token_urlsafe(18)


def new_code() -> str:
    """A participant's personal check-in code: short enough to read out or type, 8 characters
    without the look-alikes 0/O and 1/I/L."""
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    return "".join(secrets.choice(alphabet) for _ in range(8))


# --- The rule set ------------------------------------------------------------------------------


class KindCode(models.TextChoices):
    OFFICIALS_CONFERENCE = "officials_conference", _("Conference of officials and employees")
    WORKERS_CONFERENCE = "workers_conference", _("Workers' conference")
    WORKPLACE_DIALOGUE = "workplace_dialogue", _("Periodic dialogue at the workplace")
    DIALOGUE_ON_REQUEST = "dialogue_on_request", _("Dialogue on request")
    COMMUNE_DIALOGUE = "commune_dialogue", _("Dialogue conference of the commune with the people")
    CITIZEN_RECEPTION = "citizen_reception", _("Citizen reception day")
    COMMUNITY_CONFERENCE = "community_conference", _("Conference of the residential community")


class Frequency(models.TextChoices):
    YEARLY = "yearly", _("Every year")
    MONTHLY = "monthly", _("Every month")
    ON_REQUEST = "on_request", _("When requested")


class MajorityBase(models.TextChoices):
    """What "more than half" is counted against."""

    PRESENT = "present", _("Participants present")
    CONVENED = "convened", _("All participants convened")


class MeetingKind(models.Model):
    """One kind of meeting and the law's rules for it, editable by an administrator."""

    code = models.CharField(_("code"), max_length=30, choices=KindCode.choices, unique=True)
    name = models.CharField(_("name"), max_length=200)
    # Comma-separated UnitKind values: the units that must hold (and may hold) this kind.
    unit_kinds = models.CharField(_("kinds of unit"), max_length=200)
    min_staff = models.PositiveIntegerField(
        _("required from this many staff or workers"),
        null=True,
        blank=True,
        help_text=_("Empty: whatever the size of the unit."),
    )
    frequency = models.CharField(
        _("how often"), max_length=20, choices=Frequency.choices, default=Frequency.YEARLY
    )
    times_per_period = models.PositiveSmallIntegerField(_("times per period"), default=1)
    due_months_after_year_end = models.PositiveSmallIntegerField(
        _("held within this many months after the year ends"),
        null=True,
        blank=True,
        help_text=_("Empty: any time within the year."),
    )
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind this many days before the deadline"), default=30
    )
    notice_days = models.PositiveSmallIntegerField(_("notice at least (days)"), default=0)
    notice_in_working_days = models.BooleanField(_("notice counted in working days"), default=False)
    quorum_numerator = models.PositiveSmallIntegerField(
        _("quorum: numerator"), default=0, help_text=_("0: no quorum required.")
    )
    quorum_denominator = models.PositiveSmallIntegerField(_("quorum: denominator"), default=1)
    quorum_strictly_more = models.BooleanField(
        _("quorum needs strictly more than the share"),
        default=False,
        help_text=_('Ticked: "more than half"; not ticked: "at least two thirds".'),
    )
    majority_base = models.CharField(
        _("majority counted against"),
        max_length=20,
        choices=MajorityBase.choices,
        default=MajorityBase.PRESENT,
    )
    delegates_from_staff = models.PositiveIntegerField(
        _("delegates may be convened from this many staff"),
        null=True,
        blank=True,
        help_text=_("Below it, every member of staff is convened."),
    )
    results_within_days = models.PositiveSmallIntegerField(
        _("results published within (days)"), null=True, blank=True
    )
    has_votes = models.BooleanField(_("holds votes and elections"), default=True)
    citation = models.TextField(_("legal basis"), blank=True, default="")

    class Meta:
        verbose_name = _("kind of meeting")
        verbose_name_plural = _("kinds of meeting")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def unit_kind_list(self) -> list[str]:
        return [k.strip() for k in self.unit_kinds.split(",") if k.strip()]

    def applies_to(self, unit: Unit) -> bool:
        """This unit must hold this kind of meeting (by its kind and size)."""
        if unit.kind not in self.unit_kind_list:
            return False
        return self.min_staff is None or (unit.staff_count or 0) >= self.min_staff

    @property
    def needs_quorum(self) -> bool:
        return self.quorum_numerator > 0

    def quorum_needed(self, convened: int) -> int:
        """The fewest present for a valid meeting: ceil(convened * numerator / denominator)."""
        if not self.needs_quorum:
            return 0
        if self.quorum_strictly_more:
            return convened * self.quorum_numerator // self.quorum_denominator + 1
        return -(-convened * self.quorum_numerator // self.quorum_denominator)

    def has_quorum(self, present: int, convened: int) -> bool:
        # Law 10/2022/QH15, art. 51: valid "khi có ít nhất hai phần ba" present: exactly two
        # thirds is enough. A community meeting needs "more than half": exactly half is not.
        if not self.needs_quorum:
            return True
        present_share = present * self.quorum_denominator
        needed_share = convened * self.quorum_numerator
        if self.quorum_strictly_more:
            return present_share > needed_share
        return present_share >= needed_share

    def majority_denominator(self, present: int, convened: int) -> int:
        return present if self.majority_base == MajorityBase.PRESENT else convened

    def is_adopted(self, yes: int, present: int, convened: int) -> bool:
        # "More than half" means strictly more: exactly half is not adopted.
        return yes * 2 > self.majority_denominator(present, convened)


# --- Meetings ----------------------------------------------------------------------------------


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    NOTICED = "noticed", _("Notice published")
    IN_PROGRESS = "in_progress", _("In progress")
    HELD = "held", _("Held")
    CLOSED = "closed", _("Minutes published")
    CANCELLED = "cancelled", _("Cancelled")


# A meeting in these statuses counts as held for the frequency rules.
HELD_STATUSES = (MeetingStatus.HELD, MeetingStatus.CLOSED)


class MeetingQuerySet(models.QuerySet):
    def in_subtree(self, unit: Unit) -> MeetingQuerySet:
        return self.filter(path_within("unit_path", unit.path))

    def held(self) -> MeetingQuerySet:
        return self.filter(status__in=HELD_STATUSES)

    def public_for(self, unit: Unit) -> MeetingQuerySet:
        """What the portal shows: public meetings of the unit whose notice is out."""
        return self.filter(unit=unit, is_public=True).exclude(
            status__in=(MeetingStatus.DRAFT, MeetingStatus.CANCELLED)
        )

    def search(self, query: str) -> MeetingQuerySet:
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
        return qs


class Meeting(TimeStampedModel):
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="meetings"
    )
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    kind = models.ForeignKey(
        MeetingKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=300)
    # The work year the meeting serves: the officials' conference held in March 2026 reviews
    # 2025 and counts for 2025's obligation.
    year = models.PositiveSmallIntegerField(_("year it serves"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True, default="")
    description = models.TextField(_("purpose and content"), blank=True, default="")
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Shown on the public portal with its notice.")
    )
    uses_delegates = models.BooleanField(_("convenes delegates"), default=False)
    requested_by = models.CharField(
        _("requested by"),
        max_length=300,
        blank=True,
        default="",
        help_text=_("For a dialogue on request."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT
    )
    notice_text = models.TextField(_("notice"), blank=True, default="")
    noticed_at = models.DateTimeField(_("notice published at"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    cancelled_reason = models.CharField(
        _("reason for cancelling"), max_length=300, blank=True, default=""
    )
    checkin_token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    # What the minutes record besides attendance and votes.
    discussion = models.TextField(_("discussion"), blank=True, default="")
    conclusions = models.TextField(_("conclusions"), blank=True, default="")
    minutes_published_at = models.DateTimeField(_("minutes published at"), null=True, blank=True)
    search_text = models.CharField(max_length=900, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-id"]
        indexes = [
            models.Index(fields=["unit_path", "starts_at"], name="meeting_path_start"),
            models.Index(fields=["kind", "year", "status"], name="meeting_kind_year"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.search_text = fold(f"{self.title} {self.venue} {self.unit.name}")[:900]
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    @property
    def is_open(self) -> bool:
        return self.status == MeetingStatus.IN_PROGRESS

    @property
    def is_editable(self) -> bool:
        return self.status in (MeetingStatus.DRAFT, MeetingStatus.NOTICED)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("item"), max_length=300)
    presenter = models.CharField(_("presented by"), max_length=200, blank=True, default="")
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), null=True, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict:
        return {"unit_path": self.meeting.unit_path}


class MeetingFile(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="files")
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to="meetings/%Y/%m/")
    is_public = models.BooleanField(_("public"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict:
        return {"unit_path": self.meeting.unit_path}


class ParticipantRole(models.TextChoices):
    MEMBER = "member", _("Participant")
    DELEGATE = "delegate", _("Delegate")
    PRESIDIUM = "presidium", _("Presidium")
    CHAIR = "chair", _("Chair")
    SECRETARY = "secretary", _("Secretary")
    COUNTING_BOARD = "counting_board", _("Counting board")
    GUEST = "guest", _("Guest")


class CheckinMethod(models.TextChoices):
    LIST = "list", _("From the list")
    CODE = "code", _("Personal code")
    QR = "qr", _("QR code")


class Participant(models.Model):
    """Someone invited to the meeting. Those convened count for the quorum; guests do not."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_seats",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    job_title = models.CharField(_("position"), max_length=200, blank=True, default="")
    # The sub-unit that elected this delegate (Law 10/2022/QH15, art. 51: a unit of 100 staff
    # or more may convene delegates).
    delegate_of = models.ForeignKey(
        Unit,
        verbose_name=_("delegate of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=ParticipantRole.choices, default=ParticipantRole.MEMBER
    )
    is_convened = models.BooleanField(_("counts for the quorum"), default=True)
    code = models.CharField(max_length=12, unique=True, default=new_code, editable=False)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checkin_method = models.CharField(
        _("checked in"), max_length=10, choices=CheckinMethod.choices, blank=True, default=""
    )
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["full_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=Q(user__isnull=False),
                name="participant_once_per_meeting",
            )
        ]
        indexes = [models.Index(fields=["meeting", "checked_in_at"], name="participant_checkin")]

    def __str__(self) -> str:
        return self.full_name

    def get_additional_data(self) -> dict:
        return {"unit_path": self.meeting.unit_path}

    @property
    def is_present(self) -> bool:
        return self.checked_in_at is not None


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("Waiting")
    ANSWERED = "answered", _("Answered at the meeting")
    FORWARDED = "forwarded", _("Followed as feedback")


class Question(TimeStampedModel):
    """A question or proposal for the meeting: sent ahead or raised at it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="questions")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    asker_name = models.CharField(_("asked by"), max_length=200, blank=True, default="")
    text = models.TextField(_("question"))
    raised_at_meeting = models.BooleanField(_("raised at the meeting"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.OPEN
    )
    answer = models.TextField(_("answer"), blank=True, default="")
    feedback = models.OneToOneField(
        "feedback.Feedback",
        verbose_name=_("feedback item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_question",
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    def get_additional_data(self) -> dict:
        return {"unit_path": self.meeting.unit_path}


# --- Votes and elections -------------------------------------------------------------------------


class VoteMethod(models.TextChoices):
    HANDS = "hands", _("Show of hands (counts recorded)")
    BALLOT = "ballot", _("Secret ballot")


class VoteStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("vote", "Not opened")
    OPEN = "open", pgettext_lazy("vote", "Voting")
    CLOSED = "closed", pgettext_lazy("vote", "Closed")


class Choice(models.TextChoices):
    YES = "yes", _("Agree")
    NO = "no", _("Disagree")
    ABSTAIN = "abstain", _("No opinion")


class Motion(TimeStampedModel):
    """A matter put to the vote: a resolution, a rule, the secretary, the procedure."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="motions")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("motion"), max_length=300)
    text = models.TextField(_("text"), blank=True, default="")
    method = models.CharField(
        _("how it is voted"), max_length=10, choices=VoteMethod.choices, default=VoteMethod.HANDS
    )
    status = models.CharField(
        _("status"), max_length=10, choices=VoteStatus.choices, default=VoteStatus.DRAFT
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Counts: typed for a show of hands, counted from the ballots when a ballot closes.
    yes = models.PositiveIntegerField(_("agree"), default=0)
    no = models.PositiveIntegerField(_("disagree"), default=0)
    abstain = models.PositiveIntegerField(_("no opinion"), default=0)
    # Frozen when the vote closes: the figures the majority was counted against.
    present_at_close = models.PositiveIntegerField(null=True, blank=True)
    convened_at_close = models.PositiveIntegerField(null=True, blank=True)
    adopted = models.BooleanField(_("adopted"), null=True, blank=True)

    class Meta:
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict:
        return {"unit_path": self.meeting.unit_path}


class MotionBallot(models.Model):
    """Who voted on a ballot motion, never what: the choice is a separate, unlinked row."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="ballots")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["motion", "participant"], name="motion_ballot_once")
        ]

    def __str__(self) -> str:
        return f"{self.motion_id}: {self.participant_id}"


class MotionChoice(models.Model):
    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="choices")
    choice = models.CharField(max_length=10, choices=Choice.choices)

    def __str__(self) -> str:
        return self.choice


class Election(TimeStampedModel):
    """An election held at the meeting, e.g. the People's Inspection Board (art. 60)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="elections")
    title = models.CharField(_("election"), max_length=300)
    seats = models.PositiveSmallIntegerField(_("seats to fill"))
    # When set, the candidates are checked against the composition rules of that kind of board
    # (coso.oversight.composition) and the result can set up the board.
    board_kind = models.CharField(_("board elected"), max_length=20, blank=True, default="")
    method = models.CharField(
        _("how it is voted"), max_length=10, choices=VoteMethod.choices, default=VoteMethod.BALLOT
    )
    status = models.CharField(
        _("status"), max_length=10, choices=VoteStatus.choices, default=VoteStatus.DRAFT
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    ballots_cast = models.PositiveIntegerField(_("ballots cast"), default=0)
    ballots_invalid = models.PositiveIntegerField(_("invalid ballots"), default=0)
    present_at_close = models.PositiveIntegerField(null=True, blank=True)
    convened_at_close = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict:
        return {"unit_path": self.meeting.unit_path}


class Candidate(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="candidates")
    full_name = models.CharField(_("full name"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    job_title = models.CharField(_("position"), max_length=200, blank=True, default="")
    community = models.ForeignKey(
        Unit,
        verbose_name=_("residential community"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The composition rules' exclusions (Law 10/2022/QH15, arts. 36, 60).
    is_unit_leader = models.BooleanField(_("head, deputy or chief accountant"), default=False)
    is_commune_official = models.BooleanField(_("commune official"), default=False)
    votes = models.PositiveIntegerField(_("votes"), default=0)
    elected = models.BooleanField(_("elected"), default=False)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["full_name", "id"]

    def __str__(self) -> str:
        return self.full_name

    def get_additional_data(self) -> dict:
        return {"unit_path": self.election.meeting.unit_path}


class ElectionBallot(models.Model):
    """Who voted in an election; the marks are separate and unlinked, so the ballot stays secret."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="ballots")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["election", "participant"], name="election_ballot_once")
        ]

    def __str__(self) -> str:
        return f"{self.election_id}: {self.participant_id}"


class ElectionMark(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="marks")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="marks")

    def __str__(self) -> str:
        return str(self.candidate_id)


# --- After the meeting -------------------------------------------------------------------------


class CommitmentStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("commitment", "In progress")
    DONE = "done", pgettext_lazy("commitment", "Done")
    DROPPED = "dropped", pgettext_lazy("commitment", "Dropped")


class CommitmentQuerySet(models.QuerySet):
    def in_subtree(self, unit: Unit) -> CommitmentQuerySet:
        return self.filter(path_within("unit_path", unit.path))

    def overdue(self, on: dt.date) -> CommitmentQuerySet:
        return self.filter(status=CommitmentStatus.OPEN, due_on__lt=on)


class Commitment(TimeStampedModel):
    """A conclusion or commitment of the meeting, followed until done."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="commitments")
    # The meeting's unit path: who reads the meeting reads its commitments.
    unit_path = models.CharField(max_length=255, editable=False)
    text = models.TextField(_("commitment"))
    owner_unit = models.ForeignKey(
        Unit,
        verbose_name=_("responsible unit"),
        on_delete=models.PROTECT,
        related_name="meeting_commitments",
    )
    owner_name = models.CharField(_("person responsible"), max_length=200, blank=True, default="")
    due_on = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=CommitmentStatus.choices, default=CommitmentStatus.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    result = models.TextField(_("result"), blank=True, default="")

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["unit_path", "status", "due_on"], name="commitment_path_due"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.meeting.unit_path
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}


class CalendarFeed(models.Model):
    """A person's private iCalendar address: calendar apps cannot sign in, so the secret token
    in the address stands for the person. Resetting it makes the old address answer 404."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_calendar"
    )
    token = models.CharField(max_length=40, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")

    def __str__(self) -> str:
        return str(self.user)
