"""JSON API of recognition (mounted under /api/v1/).

Signed-in users read the campaigns and nominations the pages show them, send nominations,
score them and record decisions through the same access rules and actions as the pages.
"""

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from coso.core.pages import require
from coso.units.access import get_unit_for

from . import access, actions
from .models import (
    Campaign,
    CampaignStatus,
    Nomination,
    NominationStatus,
    RecognitionForm,
    SubjectKind,
)
from .models import Field as ModelField
from .scoring import assessment_of, campaign_progress

router = Router(tags=["recognition"])


class CriterionOut(Schema):
    id: int
    name: str
    max_points: int


class CampaignOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    title: str
    starts_on: dt.date
    ends_on: dt.date
    nomination_deadline: dt.date
    target_kinds: list[str]
    status: CampaignStatus
    status_label: str = Field(..., alias="get_status_display")


class CampaignDetailOut(CampaignOut):
    description: str
    criteria: list[CriterionOut]

    @staticmethod
    def resolve_criteria(campaign: Campaign) -> list:
        return list(campaign.criteria.all())


class UnitProgressOut(Schema):
    unit_id: int
    unit_name: str
    nominations: int


class ProgressOut(Schema):
    total: int
    nominated: int
    percent: int
    units: list[UnitProgressOut]


class NominationOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    campaign_id: int | None
    title: str
    field: ModelField
    subject_kind: SubjectKind
    subject_name: str
    status: NominationStatus
    status_label: str = Field(..., alias="get_status_display")
    submitted_on: dt.date
    recognition_form: str
    decision_number: str
    decision_date: dt.date | None


class ScoreLineOut(Schema):
    assessor: str
    total: int
    points: dict[int, int]


class NominationDetailOut(NominationOut):
    description: str
    results: str
    decision_reasons: str
    max_total: int
    average_total: float | None
    assessments: list[ScoreLineOut]


class NominationIn(Schema):
    unit_id: int
    campaign_id: int | None = None
    title: str
    field: ModelField
    subject_kind: SubjectKind
    subject_name: str
    description: str
    results: str


class ScoresIn(Schema):
    points: dict[int, int]


class DecisionIn(Schema):
    recognised: bool
    recognition_form: RecognitionForm | None = None
    decision_number: str = ""
    decision_date: dt.date | None = None
    reasons: str = ""


def _detail(nomination: Nomination) -> Nomination:
    assessment = assessment_of(nomination)
    nomination.max_total = assessment.max_total  # type: ignore[attr-defined]
    nomination.average_total = assessment.average_total  # type: ignore[attr-defined]
    nomination.assessments = [  # type: ignore[attr-defined]
        {"assessor": str(a.assessor), "total": a.total, "points": a.points}
        for a in assessment.assessors
    ]
    return nomination


@router.get("/recognition/campaigns/", response=list[CampaignOut], summary="Campaigns you may read")
@paginate(LimitOffsetPagination)
def list_campaigns(
    request: HttpRequest, status: CampaignStatus | None = None, q: str = ""
) -> QuerySet[Campaign]:
    campaigns = access.visible_campaigns(request.user).select_related("unit")
    if status is not None:
        campaigns = campaigns.filter(status=status)
    if q.strip():
        campaigns = campaigns.search(q[:100])
    return campaigns.order_by("-starts_on", "-id")


@router.get(
    "/recognition/campaigns/{campaign_id}",
    response=CampaignDetailOut,
    summary="A campaign with its criteria",
)
def get_campaign(request: HttpRequest, campaign_id: int) -> Campaign:
    return access.get_campaign_for(request.user, campaign_id)


@router.get(
    "/recognition/campaigns/{campaign_id}/progress",
    response=ProgressOut,
    summary="Which units asked to nominate have nominated",
)
def get_campaign_progress(request: HttpRequest, campaign_id: int) -> dict:
    campaign = access.get_campaign_for(request.user, campaign_id)
    require(access.can_view_progress(request.user, campaign))
    progress = campaign_progress(campaign)
    return {
        "total": progress.total,
        "nominated": progress.nominated,
        "percent": progress.percent,
        "units": [
            {"unit_id": r.unit.pk, "unit_name": r.unit.name, "nominations": r.nominations}
            for r in progress.rows
        ],
    }


@router.get(
    "/recognition/nominations/",
    response=list[NominationOut],
    summary="Nominations of the units you reach",
)
@paginate(LimitOffsetPagination)
def list_nominations(
    request: HttpRequest,
    status: NominationStatus | None = None,
    campaign_id: int | None = None,
    q: str = "",
) -> QuerySet[Nomination]:
    nominations = access.visible_nominations(request.user).select_related("unit")
    if status is not None:
        nominations = nominations.filter(status=status)
    if campaign_id is not None:
        nominations = nominations.filter(campaign_id=campaign_id if campaign_id > 0 else None)
    if q.strip():
        nominations = nominations.search(q[:100])
    return nominations.order_by("-submitted_on", "-id")


@router.get(
    "/recognition/nominations/{nomination_id}",
    response=NominationDetailOut,
    summary="A nomination with its assessment",
)
def get_nomination(request: HttpRequest, nomination_id: int) -> Nomination:
    return _detail(access.get_nomination_for(request.user, nomination_id))


@router.post(
    "/recognition/nominations/",
    response={201: NominationDetailOut},
    summary="Nominate a model or an exemplary person",
)
def create_nomination(request: HttpRequest, payload: NominationIn) -> tuple[int, Nomination]:
    unit = get_unit_for(request.user, payload.unit_id)
    campaign = (
        access.get_campaign_for(request.user, payload.campaign_id)
        if payload.campaign_id is not None
        else None
    )
    data = payload.dict(exclude={"unit_id", "campaign_id"})
    nomination = actions.submit_nomination(by=request.user, unit=unit, campaign=campaign, **data)
    return Status(201, _detail(nomination))


@router.post(
    "/recognition/nominations/{nomination_id}/scores",
    response=NominationDetailOut,
    summary="Score a nomination against the campaign's criteria",
)
def score_nomination(request: HttpRequest, nomination_id: int, payload: ScoresIn) -> Nomination:
    nomination = access.get_nomination_for(request.user, nomination_id)
    actions.score_nomination(nomination, by=request.user, points=payload.points)
    return _detail(access.get_nomination_for(request.user, nomination_id))


@router.post(
    "/recognition/nominations/{nomination_id}/decision",
    response=NominationDetailOut,
    summary="Recognise a nomination or refuse it with reasons",
)
def decide_nomination(request: HttpRequest, nomination_id: int, payload: DecisionIn) -> Nomination:
    nomination = access.get_nomination_for(request.user, nomination_id)
    data = payload.dict()
    data["recognition_form"] = data["recognition_form"] or ""
    decided = actions.decide_nomination(nomination, by=request.user, **data)
    return _detail(decided)
