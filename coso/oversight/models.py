"""People's oversight boards: "dân kiểm tra, dân giám sát" (Law 10/2022/QH15, arts. 36-41, 60).

A board belongs to a unit: the People's Inspection Board (Ban thanh tra nhân dân) of a commune
(arts. 36-39; Decree 59/2023 arts. 13-16) or of an agency, public service unit or enterprise
(art. 60), or a community investment supervision board (Ban giám sát đầu tư của cộng đồng), one
per project, set up by the commune Front and dissolved when the project ends (art. 41; Decree
59/2023 arts. 17-18). A board has members, plans by quarter, half-year, year and term, and
activities (an inspection or a supervision) with their notice, findings and recommendations to
the authority, followed up to done.

The rules of composition and the deadlines are rows an administrator can adjust
(`CompositionRule`, `OversightRule`), seeded by migration 0002 with their citations.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coso.core.dates import today
from coso.core.models import TimeStampedModel
from coso.core.text import fold
from coso.units.models import Unit, UnitKind, path_within

TEXT_MAX_LENGTH = 10_000


class BoardKind(models.TextChoices):
    COMMUNE = "commune", _("People's Inspection Board of a commune")
    AGENCY = "agency", _("People's Inspection Board of an agency, public unit or enterprise")
    INVESTMENT = "investment", _("Community investment supervision board")


# The kinds of unit each kind of board belongs to.
BOARD_UNIT_KINDS: dict[str, tuple[str, ...]] = {
    # Law 10/2022/QH15, art. 36: one board in each commune, ward and town.
    BoardKind.COMMUNE: (UnitKind.COMMUNE,),
    # Law 10/2022/QH15, art. 60 (agencies, public service units); arts. 67-69 (state-owned
    # enterprises elect their inspection board at the workers' conference).
    BoardKind.AGENCY: (UnitKind.AGENCY, UnitKind.ENTERPRISE),
    # Law 10/2022/QH15, art. 41: set up by the commune's Fatherland Front committee.
    BoardKind.INVESTMENT: (UnitKind.COMMUNE,),
}


class ElectionMethod(models.TextChoices):
    COMMUNITY_MEETINGS = "community_meetings", _("Meetings of the residential communities")
    OFFICIALS_CONFERENCE = "officials_conference", _("Conference of officials and employees")
    WORKERS_CONFERENCE = "workers_conference", _("Workers' conference")
    FRONT_DECISION = "front_decision", _("Decision of the commune Fatherland Front committee")


class BoardStatus(models.TextChoices):
    FORMING = "forming", _("Being formed")
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Term ended")
    DISSOLVED = "dissolved", _("Dissolved")


OPEN_BOARD_STATUSES = (BoardStatus.FORMING, BoardStatus.ACTIVE)


class CompositionRule(models.Model):
    """The law's rules of composition for one kind of board, editable by an administrator."""

    kind = models.CharField(
        _("kind of board"), max_length=20, choices=BoardKind.choices, unique=True
    )
    min_members = models.PositiveSmallIntegerField(_("members: at least"))
    max_members = models.PositiveSmallIntegerField(_("members: at most"), null=True, blank=True)
    members_citation = models.CharField(_("legal basis of the number of members"), max_length=300)
    one_per_community = models.BooleanField(
        _("one member per residential community"), default=False
    )
    community_citation = models.CharField(
        _("legal basis of the community rule"), max_length=300, blank=True, default=""
    )
    term_years = models.PositiveSmallIntegerField(_("term (years)"), null=True, blank=True)
    term_citation = models.CharField(
        _("legal basis of the term"), max_length=300, blank=True, default=""
    )
    min_staff_exclusive = models.PositiveSmallIntegerField(
        _("no board where the unit has this many staff or fewer"), null=True, blank=True
    )
    staff_citation = models.CharField(
        _("legal basis of the staff threshold"), max_length=300, blank=True, default=""
    )
    excludes_unit_leaders = models.BooleanField(
        _("the unit's head, deputies and chief accountant may not be members"), default=False
    )
    excludes_commune_officials = models.BooleanField(
        _("commune officials may not be members"), default=False
    )
    exclusion_citation = models.CharField(
        _("legal basis of the exclusions"), max_length=300, blank=True, default=""
    )

    class Meta:
        verbose_name = _("rule of composition")
        verbose_name_plural = _("rules of composition")
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.get_kind_display()

    @classmethod
    def for_kind(cls, kind: str) -> CompositionRule:
        """The rule of `kind`; the law's defaults when an administrator deleted the row."""
        found = cls.objects.filter(kind=kind).first()
        return (
            found if found is not None else CompositionRule(kind=kind, **COMPOSITION_DEFAULTS[kind])
        )


LAW = "Luật số 10/2022/QH15"
DECREE = "Nghị định số 59/2023/NĐ-CP"

# The law's defaults, also the seed of migration 0002 (one text for both).
COMPOSITION_DEFAULTS: dict[str, dict] = {
    BoardKind.COMMUNE: {
        "min_members": 5,
        "max_members": None,
        "members_citation": f"{LAW}, Điều 36; {DECREE}, Điều 13: ít nhất 05 thành viên",
        "one_per_community": True,
        "community_citation": f"{LAW}, Điều 36; {DECREE}, Điều 13: mỗi thôn, tổ dân phố "
        "có 01 thành viên, được bầu tại hội nghị của cộng đồng dân cư",
        "term_years": 5,
        "term_citation": f"{LAW}, Điều 37 (cần đối chiếu): nhiệm kỳ bằng nhiệm kỳ của "
        "Trưởng thôn, Tổ trưởng tổ dân phố",
        "min_staff_exclusive": None,
        "staff_citation": "",
        "excludes_unit_leaders": False,
        "excludes_commune_officials": True,
        "exclusion_citation": f"{LAW}, Điều 36: thành viên không đồng thời là cán bộ, công chức "
        "cấp xã",
    },
    BoardKind.AGENCY: {
        "min_members": 3,
        "max_members": 9,
        "members_citation": f"{LAW}, Điều 60: từ 03 đến 09 thành viên",
        "one_per_community": False,
        "community_citation": "",
        "term_years": 2,
        "term_citation": f"{LAW}, Điều 60: nhiệm kỳ 02 năm",
        "min_staff_exclusive": 7,
        "staff_citation": f"{LAW}, Điều 60: đơn vị có từ 07 cán bộ, công chức, viên chức, người "
        "lao động trở xuống thì không thành lập Ban thanh tra nhân dân",
        "excludes_unit_leaders": True,
        "excludes_commune_officials": False,
        "exclusion_citation": f"{LAW}, Điều 60: người đứng đầu, cấp phó của người đứng đầu, kế "
        "toán trưởng không là thành viên",
    },
    BoardKind.INVESTMENT: {
        "min_members": 5,
        "max_members": None,
        "members_citation": f"{LAW}, Điều 41; {DECREE}, Điều 17: ít nhất 05 thành viên",
        "one_per_community": False,
        "community_citation": "",
        "term_years": None,
        "term_citation": f"{LAW}, Điều 41; {DECREE}, Điều 18: giải thể khi kết thúc dự án",
        "min_staff_exclusive": None,
        "staff_citation": "",
        "excludes_unit_leaders": False,
        "excludes_commune_officials": False,
        "exclusion_citation": "",
    },
}


class OversightRule(models.Model):
    """A number of the law with its citation, editable by administrators."""

    NOTICE_WORKING_DAYS = "notice_working_days"
    ANSWER_WORKING_DAYS = "answer_working_days"

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("rule"), max_length=300)
    value = models.PositiveIntegerField(_("value"))
    citation = models.CharField(_("legal basis"), max_length=300)

    class Meta:
        ordering = ["id"]
        verbose_name = _("oversight rule")
        verbose_name_plural = _("oversight rules")

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"


RULE_DEFAULTS: dict[str, tuple[str, int, str]] = {
    OversightRule.NOTICE_WORKING_DAYS: (
        "Số ngày làm việc tối thiểu gửi thông báo trước khi kiểm tra, giám sát",
        5,
        f"{LAW}, Điều 39; {DECREE}, Điều 14: thông báo kế hoạch kiểm tra, giám sát chậm nhất "
        "05 ngày làm việc trước khi tiến hành",
    ),
    OversightRule.ANSWER_WORKING_DAYS: (
        "Số ngày làm việc chờ cơ quan có thẩm quyền trả lời kiến nghị trước khi coi là quá hạn",
        15,
        f"{LAW}, Điều 38 (cần đối chiếu): cơ quan có thẩm quyền xem xét, trả lời kiến nghị "
        "của Ban thanh tra nhân dân",
    ),
}


def rule(code: str) -> OversightRule:
    """The rule `code`; the law's default when an administrator deleted the row."""
    found = OversightRule.objects.filter(code=code).first()
    if found is not None:
        return found
    name, value, citation = RULE_DEFAULTS[code]
    return OversightRule(code=code, name=name, value=value, citation=citation)


class BoardQuerySet(models.QuerySet):
    def in_subtree(self, unit: Unit) -> BoardQuerySet:
        return self.filter(path_within("unit_path", unit.path))

    def search(self, query: str) -> BoardQuerySet:
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
        return qs


class Board(TimeStampedModel):
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="oversight_boards"
    )
    # Copy of unit.path: subtree lists are one index range on this table.
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    kind = models.CharField(_("kind of board"), max_length=20, choices=BoardKind.choices)
    name = models.CharField(_("name of the board"), max_length=300)
    project_name = models.CharField(
        _("investment project supervised"), max_length=500, blank=True, default=""
    )
    election_method = models.CharField(
        _("elected or set up by"), max_length=30, choices=ElectionMethod.choices
    )
    elected_on = models.DateField(_("elected on"))
    resolution_number = models.CharField(
        _("number of the resolution or minutes"), max_length=100, blank=True, default=""
    )
    term_starts_on = models.DateField(_("term starts on"))
    term_ends_on = models.DateField(_("term ends on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=BoardStatus.choices, default=BoardStatus.FORMING
    )
    decision_number = models.CharField(
        _("number of the recognising decision"), max_length=100, blank=True, default=""
    )
    recognised_on = models.DateField(_("recognised on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(_("reason"), max_length=500, blank=True, default="")
    search_text = models.CharField(max_length=900, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = BoardQuerySet.as_manager()

    class Meta:
        verbose_name = _("oversight board")
        verbose_name_plural = _("oversight boards")
        ordering = ["unit_path", "kind", "-term_starts_on", "-id"]
        indexes = [models.Index(fields=["unit_path", "status"], name="board_path_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_ends_on__isnull=True)
                | Q(term_ends_on__gte=models.F("term_starts_on")),
                name="board_term_order",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.search_text = fold(f"{self.name} {self.project_name} {self.unit.name}")[:900]
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_BOARD_STATUSES

    @property
    def term_over(self) -> bool:
        return self.term_ends_on is not None and self.term_ends_on < today()


class Position(models.TextChoices):
    HEAD = "head", _("Head")
    DEPUTY = "deputy", _("Deputy head")
    MEMBER = "member", _("Member")


POSITION_RANKS = {Position.HEAD: 0, Position.DEPUTY: 1, Position.MEMBER: 2}


class BoardMember(TimeStampedModel):
    board = models.ForeignKey(
        Board, verbose_name=_("board"), on_delete=models.CASCADE, related_name="members"
    )
    full_name = models.CharField(_("full name"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account in coso"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="oversight_seats",
    )
    position = models.CharField(
        _("position"), max_length=20, choices=Position.choices, default=Position.MEMBER
    )
    # Head first, then deputies, then members: the order lists are read in.
    position_rank = models.PositiveSmallIntegerField(default=2, editable=False)
    community = models.ForeignKey(
        Unit,
        verbose_name=_("residential community represented"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="oversight_members",
    )
    occupation = models.CharField(_("occupation or job"), max_length=200, blank=True, default="")
    is_unit_leader = models.BooleanField(
        _("is the head, a deputy head or the chief accountant of the unit"), default=False
    )
    is_commune_official = models.BooleanField(
        _("is an official or civil servant of the commune"), default=False
    )

    class Meta:
        verbose_name = _("board member")
        verbose_name_plural = _("board members")
        ordering = ["board", "position_rank", "full_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "user"],
                condition=Q(user__isnull=False),
                name="oversight_member_user_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_position_display()})"

    def save(self, *args, **kwargs) -> None:
        self.position_rank = POSITION_RANKS.get(self.position, len(POSITION_RANKS))
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.board.unit_path}


class PeriodKind(models.TextChoices):
    QUARTER = "quarter", _("Quarter")
    HALF = "half", _("Half-year")
    YEAR = "year", _("Year")
    TERM = "term", _("Term")


class BoardPlan(TimeStampedModel):
    """The board's work plan for a quarter, a half-year, a year or its term."""

    board = models.ForeignKey(
        Board, verbose_name=_("board"), on_delete=models.CASCADE, related_name="plans"
    )
    period_kind = models.CharField(_("period"), max_length=20, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    # The quarter (1-4) or the half (1-2); none for a year or a term.
    number = models.PositiveSmallIntegerField(_("quarter or half"), null=True, blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    title = models.CharField(_("title"), max_length=500)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan of the board")
        verbose_name_plural = _("plans of the board")
        ordering = ["board", "starts_on", "period_kind", "id"]

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict:
        return {"unit_path": self.board.unit_path}


class PlanItem(models.Model):
    plan = models.ForeignKey(
        BoardPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="items"
    )
    content = models.TextField(_("content"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("content of the plan")
        verbose_name_plural = _("contents of the plan")
        ordering = ["plan", "starts_on", "id"]

    def __str__(self) -> str:
        return self.content[:80]

    def get_additional_data(self) -> dict:
        return {"unit_path": self.plan.board.unit_path}


class ActivityKind(models.TextChoices):
    INSPECTION = "inspection", _("Inspection")
    SUPERVISION = "supervision", _("Supervision")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned, notice sent")
    DONE = "done", _("Findings recorded")
    CANCELLED = "cancelled", _("Cancelled")


class Activity(TimeStampedModel):
    """One inspection or supervision by the board, announced ahead, with its findings."""

    board = models.ForeignKey(
        Board, verbose_name=_("board"), on_delete=models.CASCADE, related_name="activities"
    )
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    subject = models.CharField(_("subject inspected or supervised"), max_length=500)
    content = models.TextField(_("content"), blank=True, default="")
    plan_item = models.ForeignKey(
        PlanItem,
        verbose_name=_("content of the plan carried out"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    notice_sent_on = models.DateField(_("notice sent on"))
    notice_to = models.CharField(_("notice sent to"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    findings = models.TextField(_("findings"), blank=True, default="")
    findings_on = models.DateField(_("findings recorded on"), null=True, blank=True)
    cancel_reason = models.CharField(_("reason"), max_length=500, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("inspection or supervision")
        verbose_name_plural = _("inspections and supervisions")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="activity_period_order"
            )
        ]

    def __str__(self) -> str:
        return self.subject

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.board.unit_path
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}


class RecommendationStatus(models.TextChoices):
    SENT = "sent", _("Sent, awaiting an answer")
    ANSWERED = "answered", _("Answered")
    DONE = "done", _("Done")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")


OPEN_RECOMMENDATION_STATUSES = (RecommendationStatus.SENT, RecommendationStatus.ANSWERED)


class RecommendationQuerySet(models.QuerySet):
    def in_subtree(self, unit: Unit) -> RecommendationQuerySet:
        return self.filter(path_within("unit_path", unit.path))

    def open(self) -> RecommendationQuerySet:
        return self.filter(status__in=OPEN_RECOMMENDATION_STATUSES)

    def overdue(self, on: dt.date | None = None) -> RecommendationQuerySet:
        return self.filter(status=RecommendationStatus.SENT, answer_due_on__lt=on or today())


class Recommendation(TimeStampedModel):
    """A recommendation (kiến nghị) of the board to the authority, followed up to done."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("inspection or supervision"),
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    # The board's unit path: open and overdue recommendations roll up the tree in one range.
    unit_path = models.CharField(max_length=255, editable=False)
    text = models.TextField(_("recommendation"))
    addressed_to = models.CharField(_("addressed to"), max_length=300)
    addressed_unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit addressed (in coso)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="oversight_recommendations",
    )
    sent_on = models.DateField(_("sent on"))
    # Fixed when sent, with the rule of that day: a later change of the rule does not move it.
    answer_due_on = models.DateField(_("answer expected by"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.SENT,
    )
    answer = models.TextField(_("answer of the authority"), blank=True, default="")
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    outcome_note = models.TextField(_("follow-up"), blank=True, default="")
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["-sent_on", "-id"]
        indexes = [
            models.Index(fields=["unit_path", "status", "answer_due_on"], name="recomm_path_status")
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.activity.unit_path
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_RECOMMENDATION_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.status == RecommendationStatus.SENT and self.answer_due_on < today()
