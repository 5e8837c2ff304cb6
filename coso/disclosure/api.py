"""JSON API of disclosures (mounted under /api/v1/).

Reads go through the checked fetches of disclosure.access; writes through disclosure.actions,
which check the permission and write the audit entry. Files and photos are uploaded through the
pages (multipart); the API lists them with their download addresses.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from coso.core.dates import today
from coso.units.access import get_unit_for
from coso.units.models import Unit, UnitKind, path_within

from . import access, actions
from .compliance import open_children, subtree_compliance, unit_compliance
from .models import (
    DISCLOSING_KINDS,
    ChannelMethod,
    Disclosure,
    DisclosureCategory,
    DisclosureChannel,
    DisclosureFile,
    DisclosureStatus,
)
from .versions import version_history

router = Router(tags=["disclosure"])


# --- Schemas ------------------------------------------------------------------------------------


class CategoryOut(Schema):
    id: int
    unit_kind: UnitKind
    code: str
    name: str
    citation: str
    min_posting_days: int
    min_posting_citation: str
    broadcast_days: int
    broadcast_citation: str
    required_every_year: bool
    deadline_working_days: int | None
    deadline_citation: str


class DisclosureOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    category_code: str = Field(..., alias="category.code")
    category_name: str = Field(..., alias="category.name")
    title: str
    issued_on: dt.date | None
    starts_on: dt.date
    ends_on: dt.date | None
    link: str
    status: DisclosureStatus
    status_label: str = Field(..., alias="get_status_display")
    version: int
    series_id: int
    supersedes_id: int | None
    correction_note: str
    published_at: dt.datetime | None
    ended_on: dt.date | None
    end_reason: str
    posting_days: int | None
    broadcast_days: int
    due_by: dt.date | None
    warnings: list[str]
    public_url: str | None = None

    @staticmethod
    def resolve_warnings(disclosure: Disclosure) -> list[str]:
        return disclosure.warnings()

    @staticmethod
    def resolve_public_url(disclosure: Disclosure) -> str | None:
        return disclosure.get_public_url() if disclosure.is_public else None


class FileOut(Schema):
    id: int
    label: str
    original_name: str
    download_url: str

    @staticmethod
    def resolve_download_url(item: DisclosureFile) -> str:
        return reverse("disclosure:file_download", args=[item.pk])


class ChannelOut(Schema):
    id: int
    method: ChannelMethod
    method_label: str = Field(..., alias="get_method_display")
    detail: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    has_photo: bool

    @staticmethod
    def resolve_has_photo(channel: DisclosureChannel) -> bool:
        return bool(channel.photo)


class VersionOut(Schema):
    id: int
    version: int
    status: DisclosureStatus
    starts_on: dt.date
    ends_on: dt.date | None
    published_at: dt.datetime | None
    superseded_at: dt.datetime | None
    correction_note: str


class DisclosureDetailOut(DisclosureOut):
    body: str
    files: list[FileOut]
    channels: list[ChannelOut]
    versions: list[VersionOut]

    @staticmethod
    def resolve_files(disclosure: Disclosure) -> list[DisclosureFile]:
        return list(disclosure.files.all())

    @staticmethod
    def resolve_channels(disclosure: Disclosure) -> list[DisclosureChannel]:
        return list(disclosure.channels.all())

    @staticmethod
    def resolve_versions(disclosure: Disclosure) -> list[Disclosure]:
        return version_history(disclosure)


class DisclosureIn(Schema):
    unit_id: int
    category_code: str
    title: str
    body: str = ""
    starts_on: dt.date
    ends_on: dt.date | None = None
    issued_on: dt.date | None = None
    link: str = ""


class DisclosureUpdateIn(Schema):
    """Send only the fields to change (drafts only)."""

    category_code: str | None = None
    title: str | None = None
    body: str | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    issued_on: dt.date | None = None
    link: str | None = None


class CorrectionIn(Schema):
    correction_note: str
    title: str | None = None
    body: str | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    issued_on: dt.date | None = None
    link: str | None = None
    keep_files: bool = True
    keep_channels: bool = False


class EndEarlyIn(Schema):
    ended_on: dt.date
    reason: str


class ChannelIn(Schema):
    method: ChannelMethod
    detail: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None


class RollupOut(Schema):
    units: int
    expected: int
    done: int
    missing: int
    flagged: int
    percent: int


class ChildComplianceOut(RollupOut):
    unit_id: int
    unit_name: str


class ComplianceOut(Schema):
    unit_id: int
    year: int
    required_codes: list[str]
    missing_codes: list[str]
    flagged: list[DisclosureOut]
    subtree: RollupOut
    children: list[ChildComplianceOut]


# --- Helpers ------------------------------------------------------------------------------------


def _detail(disclosure_id: int) -> Disclosure:
    return (
        Disclosure.objects.select_related("unit", "category")
        .prefetch_related("files", "channels")
        .get(pk=disclosure_id)
    )


def _rollup(r) -> dict:
    return {
        "units": r.units,
        "expected": r.expected,
        "done": r.done,
        "missing": r.missing,
        "flagged": r.flagged,
        "percent": r.percent,
    }


# --- Endpoints ----------------------------------------------------------------------------------


@router.get(
    "/disclosure-categories/",
    response=list[CategoryOut],
    summary="The categories of the law each kind of unit discloses (the rule set)",
)
def list_disclosure_categories(request: HttpRequest, unit_kind: UnitKind | None = None):
    categories = DisclosureCategory.objects.filter(active=True)
    if unit_kind is not None:
        categories = categories.filter(unit_kind=unit_kind)
    return categories.order_by("unit_kind", "order", "id")


@router.get(
    "/disclosures/", response=list[DisclosureOut], summary="List the disclosures you may read"
)
@paginate(LimitOffsetPagination)
def list_disclosures(
    request: HttpRequest,
    unit_id: int | None = None,
    category_code: str | None = None,
    status: DisclosureStatus | None = None,
    year: int | None = None,
    q: str = "",
) -> QuerySet[Disclosure]:
    """Newest first; `unit_id` takes the unit's whole subtree, `q` ignores diacritics. Earlier
    versions replaced by a correction are listed only with `status=superseded`."""
    items = access.visible_disclosures(request.user).select_related("unit", "category")
    if unit_id is not None:
        path = Unit.objects.filter(pk=unit_id).values_list("path", flat=True).first()
        items = items.filter(path_within("unit_path", path)) if path else items.none()
    if category_code:
        items = items.filter(category__code=category_code)
    if year is not None:
        items = items.filter(year=year)
    if q.strip():
        items = items.search(q)
    if status is not None:
        items = items.filter(status=status)
    else:
        items = items.exclude(status=DisclosureStatus.SUPERSEDED)
    return items.order_by("-starts_on", "-id")


@router.get(
    "/disclosures/{disclosure_id}",
    response=DisclosureDetailOut,
    summary="A disclosure with its files, ways of disclosure and versions",
)
def get_disclosure(request: HttpRequest, disclosure_id: int):
    disclosure = access.get_disclosure_for(request.user, disclosure_id)
    return _detail(disclosure.pk)


@router.post("/disclosures/", response={201: DisclosureDetailOut}, summary="Draft a disclosure")
def create_disclosure(request: HttpRequest, payload: DisclosureIn) -> Status:
    unit = get_unit_for(request.user, payload.unit_id)
    disclosure = actions.create_disclosure(
        by=request.user, unit=unit, **payload.dict(exclude={"unit_id"})
    )
    return Status(201, _detail(disclosure.pk))


@router.patch(
    "/disclosures/{disclosure_id}",
    response=DisclosureDetailOut,
    summary="Change a draft (a published disclosure changes only by a correction)",
)
def update_disclosure(request: HttpRequest, disclosure_id: int, payload: DisclosureUpdateIn):
    disclosure = access.get_disclosure_for(request.user, disclosure_id)
    fields = payload.dict(exclude_unset=True)
    for required in ("title", "starts_on", "category_code"):
        if required in fields and fields[required] is None:
            raise ValidationError({required: _("This field cannot be empty.")})
    actions.update_disclosure(disclosure, by=request.user, **fields)
    return _detail(disclosure.pk)


@router.post(
    "/disclosures/{disclosure_id}/publish",
    response=DisclosureDetailOut,
    summary="Publish a draft",
)
def publish_disclosure(request: HttpRequest, disclosure_id: int):
    disclosure = access.get_disclosure_for(request.user, disclosure_id)
    actions.publish(disclosure, by=request.user)
    return _detail(disclosure.pk)


@router.post(
    "/disclosures/{disclosure_id}/correct",
    response={201: DisclosureDetailOut},
    summary="Publish a correction: a new version replaces the published one",
)
def correct_disclosure(request: HttpRequest, disclosure_id: int, payload: CorrectionIn) -> Status:
    disclosure = access.get_disclosure_for(request.user, disclosure_id)
    # ends_on left out: the new posting lasts as long as the earlier one; null: no planned end.
    fields = payload.dict(exclude_unset=True)
    new = actions.correct_disclosure(disclosure, by=request.user, **fields)
    return Status(201, _detail(new.pk))


@router.post(
    "/disclosures/{disclosure_id}/end-early",
    response=DisclosureDetailOut,
    summary="End a posting before its planned end, with the reason",
)
def end_disclosure_early(request: HttpRequest, disclosure_id: int, payload: EndEarlyIn):
    disclosure = access.get_disclosure_for(request.user, disclosure_id)
    actions.end_posting_early(disclosure, by=request.user, **payload.dict())
    return _detail(disclosure.pk)


@router.post(
    "/disclosures/{disclosure_id}/channels",
    response={201: DisclosureDetailOut},
    summary="Record a way the disclosure was made (photos are uploaded on the page)",
)
def add_disclosure_channel(request: HttpRequest, disclosure_id: int, payload: ChannelIn) -> Status:
    disclosure = access.get_disclosure_for(request.user, disclosure_id)
    actions.add_channel(disclosure, by=request.user, **payload.dict())
    return Status(201, _detail(disclosure.pk))


@router.get(
    "/units/{unit_id}/disclosure-compliance",
    response=ComplianceOut,
    summary="A unit's required categories not yet disclosed, flagged postings, and the "
    "roll-up over each child's subtree",
)
def disclosure_compliance(request: HttpRequest, unit_id: int, year: int | None = None):
    unit = get_unit_for(request.user, unit_id)
    year = year or today().year
    own = unit_compliance(unit, year) if unit.kind in DISCLOSING_KINDS else None
    subtree = subtree_compliance(unit, year)
    children = list(open_children(unit)[:500])
    return {
        "unit_id": unit.pk,
        "year": year,
        "required_codes": [c.code for c in own.required] if own else [],
        "missing_codes": [c.code for c in own.missing] if own else [],
        "flagged": own.flagged if own else [],
        "subtree": _rollup(subtree.totals),
        "children": [
            {"unit_id": c.pk, "unit_name": c.name, **_rollup(subtree.for_child(c))}
            for c in children
        ],
    }
