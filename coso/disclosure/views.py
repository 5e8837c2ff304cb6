"""Internal pages of disclosure: checked fetch → access → form → action → render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coso.core.dates import today
from coso.core.forms import apply_validation_error, flash_validation_error
from coso.core.pages import paginate, querystring_base, require
from coso.reports.exports.common import content_disposition, safe_filename
from coso.units.access import get_unit_for, paths_for
from coso.units.models import Unit

from . import access, actions
from .compliance import open_children, subtree_compliance, unit_compliance
from .forms import (
    ChannelForm,
    CorrectionForm,
    DisclosureForm,
    EndEarlyForm,
    FileForm,
    FilterForm,
    UnitPickForm,
)
from .models import DISCLOSING_KINDS, Disclosure, DisclosureStatus
from .notice import notice_pdf
from .versions import version_history

CONTENT_FIELDS = ("title", "body", "issued_on", "starts_on", "ends_on", "link")


def _show_warnings(request: HttpRequest, disclosure: Disclosure) -> None:
    for warning in disclosure.warnings():
        messages.warning(request, warning)


# --- List ---------------------------------------------------------------------------------------


@login_required
def disclosure_list(request: HttpRequest) -> HttpResponse:
    """Disclosures the user's roles reach, newest first; ?unit= narrows to a subtree."""
    user = request.user
    unit = (
        get_unit_for(user, request.GET["unit"]) if request.GET.get("unit", "").isdigit() else None
    )
    form = FilterForm(request.GET or None)
    items = access.visible_disclosures(user).select_related("unit", "category")
    if unit is not None:
        items = items.in_subtree(unit)
    status = ""
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            items = items.search(data["q"])
        if data["category"] is not None:
            items = items.filter(category=data["category"])
        if data["year"]:
            items = items.filter(year=data["year"])
        status = data["status"]
    # Earlier versions live on in their correction: listed only when asked for.
    items = (
        items.filter(status=status) if status else items.exclude(status=DisclosureStatus.SUPERSEDED)
    )
    context = {
        "form": form,
        "unit": unit,
        "page_obj": paginate(request, items.order_by("-starts_on", "-id")),
        "querystring_base": querystring_base(request),
        "may_create": bool(access.manageable_unit_paths(user)),
    }
    return render(request, "disclosure/list.html", context)


# --- Create and edit drafts ---------------------------------------------------------------------


@login_required
def disclosure_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    raw_unit = request.GET.get("unit", "")
    if not raw_unit.isdigit():
        require(bool(access.manageable_unit_paths(user)))
        form = UnitPickForm(request.GET or None, user=user)
        return render(request, "disclosure/pick_unit.html", {"form": form})
    unit = get_unit_for(user, raw_unit)
    require(access.can_manage_disclosures(user, unit))
    if unit.kind not in DISCLOSING_KINDS:
        messages.error(
            request, _("The law sets no disclosure list for this kind of unit; choose another.")
        )
        return redirect("disclosure:create")
    data = request.POST if request.method == "POST" else None
    form = DisclosureForm(data, unit=unit, initial={"starts_on": today()})
    if data is not None and form.is_valid():
        try:
            disclosure = actions.create_disclosure(by=user, unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The draft was saved. Attach its files, then publish it."))
            _show_warnings(request, disclosure)
            return redirect("disclosure:detail", pk=disclosure.pk)
    return render(request, "disclosure/form.html", {"form": form, "unit": unit, "disclosure": None})


@login_required
def disclosure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    disclosure = access.get_disclosure_for(user, pk)
    require(access.can_manage_disclosures(user, disclosure.unit))
    if not disclosure.is_draft:
        messages.error(
            request,
            _(
                "A published disclosure is never changed in place: publish a correction "
                "instead, and the current version stays readable in its history."
            ),
        )
        return redirect("disclosure:detail", pk=disclosure.pk)
    initial = {name: getattr(disclosure, name) for name in CONTENT_FIELDS}
    initial["category_code"] = disclosure.category.code
    data = request.POST if request.method == "POST" else None
    form = DisclosureForm(data, unit=disclosure.unit, initial=initial)
    if data is not None and form.is_valid():
        try:
            disclosure = actions.update_disclosure(disclosure, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The draft was saved."))
            _show_warnings(request, disclosure)
            return redirect("disclosure:detail", pk=disclosure.pk)
    return render(
        request,
        "disclosure/form.html",
        {"form": form, "unit": disclosure.unit, "disclosure": disclosure},
    )


@login_required
@require_POST
def disclosure_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    disclosure = access.get_disclosure_for(user, pk)
    require(access.can_manage_disclosures(user, disclosure.unit))
    try:
        actions.delete_draft(disclosure, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
        return redirect("disclosure:detail", pk=disclosure.pk)
    messages.success(request, _("The draft was deleted."))
    return redirect(f"{reverse('disclosure:list')}?unit={disclosure.unit_id}")


# --- Detail, files, ways of disclosure ----------------------------------------------------------


def _render_detail(
    request: HttpRequest,
    disclosure: Disclosure,
    *,
    channel_form: ChannelForm | None = None,
    file_form: FileForm | None = None,
) -> HttpResponse:
    user = request.user
    channels = list(disclosure.channels.all())
    can_manage = access.can_manage_disclosures(user, disclosure.unit)
    context = {
        "disclosure": disclosure,
        "files": list(disclosure.files.all()),
        "channels": channels,
        "warnings": disclosure.warnings(channels),
        "versions": version_history(disclosure),
        "can_manage": can_manage,
        "can_edit": can_manage and disclosure.is_draft,
        "can_record": can_manage
        and disclosure.status in (DisclosureStatus.DRAFT, DisclosureStatus.PUBLISHED),
        "channel_form": channel_form or ChannelForm(initial={"starts_on": disclosure.starts_on}),
        "file_form": file_form or FileForm(),
    }
    return render(request, "disclosure/detail.html", context)


@login_required
def disclosure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, access.get_disclosure_for(request.user, pk))


@login_required
@require_POST
def disclosure_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    disclosure = access.get_disclosure_for(user, pk)
    require(access.can_manage_disclosures(user, disclosure.unit))
    try:
        disclosure = actions.publish(disclosure, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, _("The disclosure was published on the unit's public page."))
        _show_warnings(request, disclosure)
    return redirect("disclosure:detail", pk=disclosure.pk)


@login_required
@require_POST
def file_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    disclosure = access.get_disclosure_for(user, pk)
    require(access.can_manage_disclosures(user, disclosure.unit))
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.add_file(disclosure, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The file was attached."))
            return redirect("disclosure:detail", pk=disclosure.pk)
    return _render_detail(request, disclosure, file_form=form)


@login_required
@require_POST
def file_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    item = access.get_file_for(user, pk)
    require(access.can_manage_disclosures(user, item.disclosure.unit))
    try:
        actions.remove_file(item, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, _("The file was removed."))
    return redirect("disclosure:detail", pk=item.disclosure_id)


def _serve(field_file, name: str) -> FileResponse:
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except OSError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=name)


@login_required
def file_download(request: HttpRequest, pk: int) -> FileResponse:
    """Files are served only through a checked view, never from a public media URL."""
    item = access.get_file_for(request.user, pk)
    return _serve(item.file, item.original_name or item.file.name.rsplit("/", 1)[-1])


@login_required
@require_POST
def channel_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    disclosure = access.get_disclosure_for(user, pk)
    require(access.can_manage_disclosures(user, disclosure.unit))
    form = ChannelForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.add_channel(disclosure, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The way of disclosure was recorded."))
            disclosure.refresh_from_db()
            if disclosure.lacks_broadcast and form.cleaned_data["method"] == "loudspeaker":
                _show_warnings(request, disclosure)
            return redirect("disclosure:detail", pk=disclosure.pk)
    return _render_detail(request, disclosure, channel_form=form)


@login_required
def channel_photo(request: HttpRequest, pk: int) -> FileResponse:
    channel = access.get_channel_for(request.user, pk)
    return _serve(channel.photo, channel.photo_name or channel.photo.name.rsplit("/", 1)[-1])


# --- Corrections, early end, notice ------------------------------------------------------------


@login_required
def disclosure_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """Đính chính: a new version replaces the published one, which stays readable."""
    user = request.user
    disclosure = access.get_disclosure_for(user, pk)
    require(access.can_manage_disclosures(user, disclosure.unit))
    if disclosure.status != DisclosureStatus.PUBLISHED:
        messages.error(request, _("Only the published, current version can be corrected."))
        return redirect("disclosure:detail", pk=disclosure.pk)
    start = today()
    initial = {name: getattr(disclosure, name) for name in CONTENT_FIELDS}
    initial["starts_on"] = start
    if disclosure.ends_on is not None:
        initial["ends_on"] = start + (disclosure.ends_on - disclosure.starts_on)
    data = request.POST if request.method == "POST" else None
    form = CorrectionForm(data, request.FILES or None, initial=initial)
    if data is not None and form.is_valid():
        cleaned = dict(form.cleaned_data)
        upload = cleaned.pop("file")
        try:
            new = actions.correct_disclosure(
                disclosure, by=user, new_files=[upload] if upload else [], **cleaned
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("Version %(n)s was published; the earlier version stays in the history.")
                % {"n": new.version},
            )
            _show_warnings(request, new)
            return redirect("disclosure:detail", pk=new.pk)
    return render(request, "disclosure/correct.html", {"form": form, "disclosure": disclosure})


@login_required
def disclosure_end_early(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    disclosure = access.get_disclosure_for(user, pk)
    require(access.can_manage_disclosures(user, disclosure.unit))
    if disclosure.status != DisclosureStatus.PUBLISHED:
        messages.error(request, _("Only a published posting can be ended early."))
        return redirect("disclosure:detail", pk=disclosure.pk)
    data = request.POST if request.method == "POST" else None
    form = EndEarlyForm(data, initial={"ended_on": today()})
    if data is not None and form.is_valid():
        try:
            disclosure = actions.end_posting_early(disclosure, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The end of the posting was recorded."))
            return redirect("disclosure:detail", pk=disclosure.pk)
    return render(request, "disclosure/end_early.html", {"form": form, "disclosure": disclosure})


def public_url(request: HttpRequest, disclosure: Disclosure) -> str:
    """The absolute address of the item's public page (COSO_BASE_URL when set)."""
    path = disclosure.get_public_url()
    base = settings.COSO_BASE_URL.rstrip("/")
    return f"{base}{path}" if base else request.build_absolute_uri(path)


@login_required
def disclosure_notice(request: HttpRequest, pk: int) -> HttpResponse:
    """The A4 notice for the bulletin board, with a QR code to the public page."""
    disclosure = access.get_disclosure_for(request.user, pk)
    if disclosure.status != DisclosureStatus.PUBLISHED:
        messages.error(request, _("A notice is printed for the published, current version only."))
        return redirect("disclosure:detail", pk=disclosure.pk)
    names = [item.label for item in disclosure.files.all()]
    content = notice_pdf(disclosure, url=public_url(request, disclosure), file_names=names)
    response = HttpResponse(content, content_type="application/pdf")
    filename = safe_filename(f"Thông báo công khai - {disclosure.title}"[:120]) + ".pdf"
    response["Content-Disposition"] = content_disposition(filename)
    return response


# --- Compliance ---------------------------------------------------------------------------------


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("year", "")
    if raw.isdigit() and 2000 <= int(raw) <= 2100:
        return int(raw)
    return today().year


@login_required
def compliance_home(request: HttpRequest) -> HttpResponse:
    """The compliance page of the highest unit the user's roles reach."""
    paths = paths_for(request.user)
    unit = Unit.objects.filter(path=paths[0]).first() if paths else None
    if unit is None:
        raise Http404
    return redirect("disclosure:compliance", unit_id=unit.pk)


@login_required
def compliance(request: HttpRequest, unit_id: int) -> HttpResponse:
    """Which required categories the unit has not disclosed this year, its flagged postings,
    and the same rolled up over each child's subtree."""
    user = request.user
    unit = get_unit_for(user, unit_id)
    require(access.can_view_compliance(user, unit))
    year = _year(request)
    own = unit_compliance(unit, year) if unit.kind in DISCLOSING_KINDS else None
    subtree = subtree_compliance(unit, year)
    page = paginate(request, open_children(unit), 50)
    rows = [(child, subtree.for_child(child)) for child in page.object_list]
    context = {
        "unit": unit,
        "year": year,
        "years": list(range(today().year, today().year - 5, -1)),
        "own": own,
        "totals": subtree.totals,
        "rows": rows,
        "page_obj": page,
        "querystring_base": querystring_base(request),
        "ancestors": list(Unit.objects.filter(path__in=_reachable(user, unit)).order_by("depth")),
    }
    return render(request, "disclosure/compliance.html", context)


def _reachable(user, unit: Unit) -> list[str]:
    """Ancestor paths of `unit` (and itself) the user may open: for the breadcrumbs."""
    roots = paths_for(user)
    return [p for p in unit.ancestor_paths() if any(p.startswith(root) for root in roots)]
