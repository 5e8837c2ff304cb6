"""Households of residential communities and the matters they decide ("dân bàn, dân quyết").

Law 10/2022/QH15, arts. 15–24, and Decree 59/2023/NĐ-CP, arts. 3–5. Households, not people,
are counted: one representative per household votes, once per matter, whatever the channel.
The numbers of the law (thresholds, quorum, working days, counting board size) and the ways
each kind of matter may be decided live in `DecisionRule`, one row per kind, which an
administrator can read and correct in the admin; each value keeps its citation beside it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coso.core.models import TimeStampedModel
from coso.core.text import fold
from coso.units.models import Unit, path_within

# --- Households -------------------------------------------------------------------------------


class HouseholdQuerySet(models.QuerySet):
    def active(self) -> HouseholdQuerySet:
        return self.filter(left_on__isnull=True)

    def of_unit(self, unit: Unit) -> HouseholdQuerySet:
        return self.filter(unit=unit)

    def search(self, query: str) -> HouseholdQuerySet:
        """Diacritic-insensitive: every word must appear in the folded code, name or address."""
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
        return qs


class Household(TimeStampedModel):
    """A household of a residential community (hộ gia đình), with its representative."""

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("residential community"),
        on_delete=models.PROTECT,
        related_name="households",
    )
    code = models.CharField(_("household code"), max_length=30)
    address = models.CharField(_("address"), max_length=255, blank=True, default="")
    representative_name = models.CharField(_("representative"), max_length=200)
    # The citizen account that votes online for the household (Law 10/2022/QH15, art. 17:
    # one representative per household votes).
    representative_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("representative's account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="represented_households",
    )
    members_count = models.PositiveSmallIntegerField(_("number of members"), default=1)
    phone = models.CharField(_("phone"), max_length=30, blank=True, default="")
    left_on = models.DateField(
        _("left the community on"),
        null=True,
        blank=True,
        help_text=_("A household that moved away or merged is kept with the date it left."),
    )
    search_text = models.CharField(max_length=600, editable=False, default="")

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["unit", "code"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "code"], name="household_code_unique_per_unit"),
            # An account represents one household that still lives in the community.
            models.UniqueConstraint(
                fields=["representative_user"],
                condition=Q(representative_user__isnull=False, left_on__isnull=True),
                name="household_one_per_representative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.representative_name}"

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold(
            f"{self.code} {self.representative_name} {self.address} {self.phone}"
        )[:600]
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.left_on is None

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit.path}


# --- Kinds, methods and their rules -------------------------------------------------------------


class MatterKind(models.TextChoices):
    """The six kinds of matters the people decide (Law 10/2022/QH15, art. 15)."""

    INFRASTRUCTURE = (
        "infrastructure",
        _("Contributions to build infrastructure and public works"),
    )  # art. 15, cl. 1
    FUNDS = (
        "funds",
        _("Collection and use of the people's contributions and community funds"),
    )  # art. 15, cl. 2
    CONVENTION = "convention", _("Village convention")  # art. 15, cl. 3
    VILLAGE_HEAD = "village_head", _("Electing or dismissing the village head")  # art. 15, cl. 4
    BOARDS = (
        "boards",
        _(
            "Electing or dismissing members of the People's Inspection Board or the community "
            "investment supervision board"
        ),
    )  # art. 15, cl. 5
    OTHER = "other", _("Other self-managed matters of the community")  # art. 15, cl. 6


class DecisionMethod(models.TextChoices):
    """The ways the people decide (Law 10/2022/QH15, art. 17)."""

    MEETING = "meeting", _("Meeting of household representatives")
    BALLOT = "ballot", _("Ballot sent to every household")
    ONLINE = "online", _("Online vote")


class DecisionRule(models.Model):
    """The law's rules for one kind of matter, editable by an administrator.

    Seeded by migration 0002 with the citation beside each value. A share is "more than
    numerator/denominator": adopted when yes * denominator > households * numerator.
    """

    kind = models.CharField(
        _("kind of matter"), max_length=20, choices=MatterKind.choices, unique=True
    )
    allows_meeting = models.BooleanField(_("may be decided at a meeting"), default=True)
    allows_ballot = models.BooleanField(_("may be decided by household ballot"), default=True)
    allows_online = models.BooleanField(_("may be decided by online vote"), default=False)
    methods_citation = models.CharField(_("legal basis of the methods"), max_length=300)
    adoption_numerator = models.PositiveSmallIntegerField(_("adoption share: numerator"), default=1)
    adoption_denominator = models.PositiveSmallIntegerField(
        _("adoption share: denominator"), default=2
    )
    adoption_citation = models.CharField(_("legal basis of the adoption threshold"), max_length=300)
    quorum_numerator = models.PositiveSmallIntegerField(_("meeting quorum: numerator"), default=1)
    quorum_denominator = models.PositiveSmallIntegerField(
        _("meeting quorum: denominator"), default=2
    )
    quorum_citation = models.CharField(_("legal basis of the meeting quorum"), max_length=300)
    ballot_fallback_citation = models.CharField(
        _("legal basis of the household ballot when a meeting falls short"), max_length=300
    )
    send_within_working_days = models.PositiveSmallIntegerField(
        _("working days to send the result to the commune"), default=5
    )
    send_citation = models.CharField(_("legal basis of the sending deadline"), max_length=300)
    counting_board_min = models.PositiveSmallIntegerField(_("counting board: at least"), default=3)
    counting_board_max = models.PositiveSmallIntegerField(_("counting board: at most"), default=5)
    counting_board_citation = models.CharField(
        _("legal basis of the counting board"), max_length=300
    )

    class Meta:
        verbose_name = _("decision rule")
        verbose_name_plural = _("decision rules")
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.get_kind_display()

    @classmethod
    def for_kind(cls, kind: str) -> DecisionRule:
        """The rule of `kind`; the law's defaults when an administrator deleted the row."""
        rule = cls.objects.filter(kind=kind).first()
        return rule if rule is not None else default_rule(kind)

    def allowed_methods(self) -> list[str]:
        allowed = []
        if self.allows_meeting:
            allowed.append(DecisionMethod.MEETING.value)
        if self.allows_ballot:
            allowed.append(DecisionMethod.BALLOT.value)
        if self.allows_online:
            allowed.append(DecisionMethod.ONLINE.value)
        return allowed

    def is_adopted(self, yes: int, households_total: int) -> bool:
        # Law 10/2022/QH15, art. 21: adopted when more than half of ALL households agree
        # (strictly more: exactly half is not adopted).
        if households_total <= 0:
            return False
        return yes * self.adoption_denominator > households_total * self.adoption_numerator

    def has_quorum(self, present: int, households_total: int) -> bool:
        # Law 10/2022/QH15, art. 21; Decree 59/2023, art. 4: a meeting can decide when more
        # than half of the households are represented.
        if households_total <= 0:
            return False
        return present * self.quorum_denominator > households_total * self.quorum_numerator

    def votes_needed(self, households_total: int) -> int:
        """The smallest number of yes votes that adopts."""
        return households_total * self.adoption_numerator // self.adoption_denominator + 1

    def present_needed(self, households_total: int) -> int:
        return households_total * self.quorum_numerator // self.quorum_denominator + 1


# The law's defaults, also the seed of migration 0002 (kept here so both read the same text).
METHODS_ONLINE_CITATION = (
    "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 17: biểu quyết trực tuyến chỉ áp "
    "dụng cho nội dung quy định tại khoản 6 Điều 15"
)
METHODS_MEETING_ONLY_CITATION = (
    "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 17: nội dung quy định tại các khoản "
    "3, 4 và 5 Điều 15 được tổ chức họp cử tri hoặc hộ gia đình"
)
METHODS_MEETING_OR_BALLOT_CITATION = (
    "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 17: tổ chức cuộc họp hoặc phát "
    "phiếu lấy ý kiến tới hộ gia đình"
)
ADOPTION_CITATION = (
    "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 21, Điều 22: được thông qua khi có "
    "trên 50% tổng số hộ gia đình trên địa bàn cộng đồng dân cư tán thành"
)
QUORUM_CITATION = (
    "Nghị định 59/2023/NĐ-CP, Điều 4: cuộc họp được tiến hành khi có trên 50% tổng số hộ gia "
    "đình tham dự"
)
BALLOT_FALLBACK_CITATION = (
    "Nghị định 59/2023/NĐ-CP, Điều 4: cuộc họp không đủ số hộ gia đình tham dự hoặc không đạt "
    "số hộ tán thành thì phát phiếu lấy ý kiến tới từng hộ gia đình"
)
SEND_CITATION = (
    "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 20; Nghị định 59/2023/NĐ-CP: gửi Ủy "
    "ban nhân dân và Ủy ban Mặt trận Tổ quốc cấp xã trong thời hạn 05 ngày làm việc"
)
COUNTING_BOARD_CITATION = (
    "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 18: biểu quyết kín thì lập Tổ kiểm "
    "phiếu từ 03 đến 05 người"
)


def default_rule_values(kind: str) -> dict:
    """The law's default for `kind`, as the fields of a DecisionRule."""
    if kind == MatterKind.OTHER:
        # Law 10/2022/QH15, art. 17: online voting only for other self-managed matters.
        methods = {
            "allows_meeting": True,
            "allows_ballot": True,
            "allows_online": True,
            "methods_citation": METHODS_ONLINE_CITATION,
        }
    elif kind in (MatterKind.CONVENTION, MatterKind.VILLAGE_HEAD, MatterKind.BOARDS):
        # Law 10/2022/QH15, art. 17: the convention and elections go to a meeting; the ballot
        # remains the fallback of Decree 59/2023, art. 4 when the meeting falls short.
        methods = {
            "allows_meeting": True,
            "allows_ballot": False,
            "allows_online": False,
            "methods_citation": METHODS_MEETING_ONLY_CITATION,
        }
    else:
        methods = {
            "allows_meeting": True,
            "allows_ballot": True,
            "allows_online": False,
            "methods_citation": METHODS_MEETING_OR_BALLOT_CITATION,
        }
    return {
        **methods,
        "adoption_numerator": 1,
        "adoption_denominator": 2,
        "adoption_citation": ADOPTION_CITATION,
        "quorum_numerator": 1,
        "quorum_denominator": 2,
        "quorum_citation": QUORUM_CITATION,
        "ballot_fallback_citation": BALLOT_FALLBACK_CITATION,
        "send_within_working_days": 5,
        "send_citation": SEND_CITATION,
        "counting_board_min": 3,
        "counting_board_max": 5,
        "counting_board_citation": COUNTING_BOARD_CITATION,
    }


def default_rule(kind: str) -> DecisionRule:
    """An unsaved rule with the law's defaults."""
    return DecisionRule(kind=kind, **default_rule_values(kind))


# --- Matters ----------------------------------------------------------------------------------


class MatterStatus(models.TextChoices):
    OPEN = "open", _("Voting open")
    CLOSED = "closed", _("Counted")
    CONVERTED = "converted", _("Turned into a household ballot")
    SENT = "sent", _("Sent to the commune")


class VoteChoice(models.TextChoices):
    YES = "yes", _("Agree")
    NO = "no", _("Disagree")
    ABSTAIN = "abstain", _("No opinion")


class VoteChannel(models.TextChoices):
    MEETING = "meeting", _("At the meeting")
    PAPER = "paper", _("Paper ballot")
    ONLINE = "online", _("Online")


# Which channels each method accepts. An online vote takes paper ballots from households
# without an account; a meeting takes a show of hands or (secret) paper ballots; a household
# ballot is answered on paper, or online where the kind allows online voting.
CHANNELS_BY_METHOD: dict[str, tuple[str, ...]] = {
    DecisionMethod.MEETING: (VoteChannel.MEETING, VoteChannel.PAPER),
    DecisionMethod.BALLOT: (VoteChannel.PAPER, VoteChannel.ONLINE),
    DecisionMethod.ONLINE: (VoteChannel.ONLINE, VoteChannel.PAPER),
}


class MatterQuerySet(models.QuerySet):
    def in_subtree(self, unit: Unit) -> MatterQuerySet:
        return self.filter(path_within("unit_path", unit.path))

    def public_for(self, unit: Unit) -> MatterQuerySet:
        """What the portal shows of a community: every matter but those replaced by a ballot
        (their ballot is shown instead)."""
        return self.filter(unit=unit).exclude(status=MatterStatus.CONVERTED)

    def open(self) -> MatterQuerySet:
        return self.filter(status=MatterStatus.OPEN)

    def decided(self) -> MatterQuerySet:
        return self.filter(status__in=(MatterStatus.CLOSED, MatterStatus.SENT))

    def search(self, query: str) -> MatterQuerySet:
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
        return qs


@dataclass(frozen=True)
class Tally:
    """The count of stored votes of one matter (never kept in counters that could drift)."""

    yes: int
    no: int
    abstain: int
    voted: int
    households_total: int

    @property
    def not_voted(self) -> int:
        return max(self.households_total - self.voted, 0)

    @property
    def percent_voted(self) -> int:
        if not self.households_total:
            return 0
        return round(100 * self.voted / self.households_total)


class Matter(TimeStampedModel):
    """A matter a residential community decides (Law 10/2022/QH15, arts. 15–24)."""

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("residential community"),
        on_delete=models.PROTECT,
        related_name="matters",
    )
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    kind = models.CharField(_("kind of matter"), max_length=20, choices=MatterKind.choices)
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True, default="")
    method = models.CharField(_("method"), max_length=10, choices=DecisionMethod.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=MatterStatus.choices, default=MatterStatus.OPEN
    )
    secret = models.BooleanField(
        _("secret ballot"),
        default=False,
        help_text=_("Who voted is recorded, never how."),
    )
    meeting_at = models.DateTimeField(_("meeting date and time"), null=True, blank=True)
    meeting_place = models.CharField(_("meeting place"), max_length=255, blank=True, default="")
    voting_opens_at = models.DateTimeField(_("voting opens"), null=True, blank=True)
    voting_closes_at = models.DateTimeField(_("voting closes"), null=True, blank=True)
    # Snapshot of the community's active households when the matter was opened: the
    # denominator of the adoption threshold (Law 10/2022/QH15, art. 21).
    households_total = models.PositiveIntegerField(_("households of the community"), default=0)
    counting_board = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("counting board"),
        blank=True,
        related_name="counting_boards",
    )
    # The result, written once when the votes are counted (from the stored votes).
    adopted = models.BooleanField(_("adopted"), null=True, blank=True)
    yes_count = models.PositiveIntegerField(_("agree"), null=True, blank=True)
    no_count = models.PositiveIntegerField(_("disagree"), null=True, blank=True)
    abstain_count = models.PositiveIntegerField(_("no opinion"), null=True, blank=True)
    present_count = models.PositiveIntegerField(_("households present"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    # Law 10/2022/QH15, art. 20; Decree 59/2023: sent to the commune People's Committee and
    # Fatherland Front within 5 working days of the decision.
    send_deadline = models.DateField(_("send to the commune by"), null=True, blank=True)
    sent_to_commune_on = models.DateField(_("sent to the commune on"), null=True, blank=True)
    converted_from = models.ForeignKey(
        "self",
        verbose_name=_("ballot replacing the meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conversions",
    )
    search_text = models.CharField(max_length=600, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = MatterQuerySet.as_manager()

    class Meta:
        verbose_name = _("community matter")
        verbose_name_plural = _("community matters")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["unit", "status"], name="matter_unit_status")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.search_text = fold(self.title)[:600]
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    @property
    def rule(self) -> DecisionRule:
        cached = getattr(self, "_rule", None)
        if cached is None:
            cached = DecisionRule.for_kind(self.kind)
            self._rule = cached
        return cached

    @property
    def channels(self) -> tuple[str, ...]:
        channels = CHANNELS_BY_METHOD[self.method]
        if VoteChannel.ONLINE in channels and not self.rule.allows_online:
            channels = tuple(c for c in channels if c != VoteChannel.ONLINE)
        return channels

    def accepts_votes(self, now: dt.datetime | None = None) -> bool:
        if self.status != MatterStatus.OPEN:
            return False
        now = now or timezone.now()
        if self.voting_opens_at is not None and now < self.voting_opens_at:
            return False
        return not (self.voting_closes_at is not None and now >= self.voting_closes_at)

    @property
    def is_decided(self) -> bool:
        return self.status in (MatterStatus.CLOSED, MatterStatus.SENT)

    def tally(self) -> Tally:
        """Counts of the stored votes: one query on votes (two for a secret ballot)."""
        counts = self.votes.aggregate(
            voted=Count("pk"),
            yes=Count("pk", filter=Q(choice=VoteChoice.YES)),
            no=Count("pk", filter=Q(choice=VoteChoice.NO)),
            abstain=Count("pk", filter=Q(choice=VoteChoice.ABSTAIN)),
        )
        if self.secret:
            secret = self.secret_choices.aggregate(
                yes=Count("pk", filter=Q(choice=VoteChoice.YES)),
                no=Count("pk", filter=Q(choice=VoteChoice.NO)),
                abstain=Count("pk", filter=Q(choice=VoteChoice.ABSTAIN)),
            )
            counts.update(secret)
        return Tally(
            yes=counts["yes"],
            no=counts["no"],
            abstain=counts["abstain"],
            voted=counts["voted"],
            households_total=self.households_total,
        )

    def present(self) -> int:
        return self.attendances.filter(present=True).count()

    @property
    def is_overdue(self) -> bool:
        """Decided, not yet sent, and the 5-working-day deadline has passed."""
        from coso.core.dates import today

        return (
            self.send_deadline is not None
            and self.sent_to_commune_on is None
            and today() > self.send_deadline
        )


class Attendance(models.Model):
    """Whether a household was represented at the meeting of a matter."""

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="attendances")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="attendances")
    present = models.BooleanField(_("present"), default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["matter", "household"], name="attendance_once_per_household"
            )
        ]

    def __str__(self) -> str:
        return f"{self.matter_id}/{self.household_id}: {self.present}"

    def get_additional_data(self) -> dict:
        return {"unit_path": self.matter.unit_path}


class BallotCode(models.Model):
    """The code printed on one household's paper ballot; the counting board types or scans it."""

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="ballot_codes")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="ballot_codes")
    code = models.CharField(_("ballot code"), max_length=20, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(_("entered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("ballot code")
        verbose_name_plural = _("ballot codes")
        ordering = ["household__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["matter", "household"], name="ballot_code_once_per_household"
            )
        ]

    def __str__(self) -> str:
        return self.code

    def get_additional_data(self) -> dict:
        return {"unit_path": self.matter.unit_path}


class Vote(models.Model):
    """One household's vote on one matter. The unique constraint refuses a second vote from the
    same household whatever the channel (Law 10/2022/QH15, art. 17: one vote per household).

    In a secret ballot `choice` stays empty: the choice is written to `SecretChoice`, which
    has no link to the household, the vote, the voter or the time.
    """

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="votes")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="votes")
    choice = models.CharField(
        _("choice"), max_length=10, choices=VoteChoice.choices, blank=True, default=""
    )
    channel = models.CharField(_("channel"), max_length=10, choices=VoteChannel.choices)
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cast by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["matter", "household"], name="vote_once_per_household")
        ]

    def __str__(self) -> str:
        return f"{self.matter_id}/{self.household_id}"

    def get_additional_data(self) -> dict:
        return {"unit_path": self.matter.unit_path}


class SecretChoice(models.Model):
    """An anonymous choice of a secret ballot: no household, no vote, no voter, no time.

    The key is random so that neither its order nor its value follows the order of the votes.
    Never registered with the audit log (an entry would carry the actor and the time).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="secret_choices")
    choice = models.CharField(max_length=10, choices=VoteChoice.choices)

    class Meta:
        verbose_name = _("secret choice")
        verbose_name_plural = _("secret choices")

    def __str__(self) -> str:
        return self.get_choice_display()
