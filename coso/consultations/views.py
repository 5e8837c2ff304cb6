"""Officers' pages of consultations: checked fetch → access → form → action → render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from coso.core.dates import today
from coso.core.forms import apply_validation_error
from coso.core.pages import paginate, querystring_base, require, row_id
from coso.reports.exports.common import content_disposition
from coso.units.access import get_unit_for

from . import access, actions
from .exports import DOCX_TYPE, XLSX_TYPE, build_synthesis, synthesis_docx, synthesis_xlsx
from .forms import (
    AnswerForm,
    ConsultationCreateForm,
    ConsultationForm,
    FileForm,
    FilterForm,
    GroupingForm,
    HideForm,
    OfficerCommentForm,
    PublishForm,
    SectionForm,
    SectionFormSet,
)
from .models import Consultation, ConsultationStatus

COMMENTS_PER_PAGE = 100
FORM_FIELDS = ("kind", "title", "introduction", "opens_on", "closes_on", "channels")


def _section_or_none(consultation: Consultation, raw) -> object:
    if not raw:
        return None
    return consultation.sections.filter(pk=int(raw)).first()


# --- List, create, edit -----------------------------------------------------------------------


@login_required
def consultation_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = FilterForm(request.GET or None)
    items = access.visible_consultations(user).select_related("unit", "kind")
    if form.is_valid():
        if form.cleaned_data["q"]:
            items = items.search(form.cleaned_data["q"])
        if form.cleaned_data["status"]:
            items = items.filter(status=form.cleaned_data["status"])
    items = items.annotate(comment_count=Count("comments", filter=Q(comments__hidden=False)))
    context = {
        "form": form,
        "page_obj": paginate(request, items.order_by("-opens_on", "-id")),
        "querystring_base": querystring_base(request),
        "may_create": bool(access.manageable_paths(user)),
    }
    return render(request, "consultations/consultation_list.html", context)


@login_required
def consultation_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = None
    if request.GET.get("unit"):
        unit_id = row_id(request.GET["unit"])
        if unit_id is None:
            raise Http404
        unit = get_unit_for(user, unit_id)
        require(access.can_create_consultation(user, unit))
    else:
        require(bool(access.manageable_paths(user)))
    data = request.POST if request.method == "POST" else None
    form = ConsultationCreateForm(data, user=user, unit=unit)
    sections = SectionFormSet(data, prefix="sections")
    if data is not None and form.is_valid() and sections.is_valid():
        cleaned = form.cleaned_data
        try:
            consultation = actions.create_consultation(
                by=user,
                unit=cleaned["unit"],
                sections=[
                    (s["heading"], s["text"]) for s in sections.cleaned_data if s.get("heading")
                ],
                **{k: cleaned[k] for k in FORM_FIELDS},
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The draft was saved. Check its sections, then open it."))
            return redirect("consultations:detail", pk=consultation.pk)
    return render(
        request,
        "consultations/consultation_form.html",
        {"form": form, "sections": sections, "unit": unit},
    )


@login_required
def consultation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    consultation = access.get_consultation_for(user, pk)
    require(access.can_manage_consultation(user, consultation))
    initial = {name: getattr(consultation, name) for name in FORM_FIELDS}
    data = request.POST if request.method == "POST" else None
    form = ConsultationForm(data, initial=initial, consultation=consultation)
    if data is not None and form.is_valid():
        try:
            actions.update_consultation(consultation, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The consultation was updated."))
            return redirect("consultations:detail", pk=consultation.pk)
    return render(
        request,
        "consultations/consultation_edit.html",
        {
            "form": form,
            "consultation": consultation,
            "sections": list(consultation.sections.all()),
            "section_form": SectionForm(prefix="section"),
        },
    )


@login_required
@require_POST
def section_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    consultation = access.get_consultation_for(user, pk)
    require(access.can_manage_consultation(user, consultation))
    form = SectionForm(request.POST, prefix="section")
    if form.is_valid():
        try:
            actions.add_section(consultation, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The section was added."))
            return redirect("consultations:edit", pk=consultation.pk)
    initial = {name: getattr(consultation, name) for name in FORM_FIELDS}
    return render(
        request,
        "consultations/consultation_edit.html",
        {
            "form": ConsultationForm(initial=initial, consultation=consultation),
            "consultation": consultation,
            "sections": list(consultation.sections.all()),
            "section_form": form,
        },
    )


@login_required
def section_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    section = access.get_section_for(user, pk)
    consultation = section.consultation
    require(access.can_manage_consultation(user, consultation))
    initial = {"heading": section.heading, "text": section.text, "order": section.order}
    form = SectionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_section(section, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The section was updated."))
            return redirect("consultations:edit", pk=consultation.pk)
    return render(
        request,
        "consultations/section_form.html",
        {"form": form, "section": section, "consultation": consultation},
    )


@login_required
@require_POST
def section_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    section = access.get_section_for(user, pk)
    consultation = section.consultation
    require(access.can_manage_consultation(user, consultation))
    try:
        actions.delete_section(section, by=user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The section was deleted."))
    return redirect("consultations:edit", pk=consultation.pk)


@login_required
@require_POST
def file_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    consultation = access.get_consultation_for(user, pk)
    require(access.can_manage_consultation(user, consultation))
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.add_file(
                consultation,
                by=user,
                file=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The file was added."))
            return redirect("consultations:detail", pk=consultation.pk)
    return _render_detail(request, consultation, file_form=form)


@login_required
@require_GET
def file_download(request: HttpRequest, pk: int) -> FileResponse:
    item = access.get_file_for(request.user, pk)
    return _serve(item)


def _serve(item) -> FileResponse:
    try:
        handle = item.file.open("rb")
    except (OSError, ValueError) as exc:
        raise Http404 from exc
    name = item.original_name or item.file.name.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name)


# --- Detail -----------------------------------------------------------------------------------


def _render_detail(
    request: HttpRequest,
    consultation: Consultation,
    *,
    file_form: FileForm | None = None,
    comment_form: OfficerCommentForm | None = None,
    answer_forms: dict[int, AnswerForm] | None = None,
    publish_form: PublishForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    sections = list(
        consultation.sections.annotate(
            comment_count=Count("comments", filter=Q(comments__hidden=False))
        )
    )
    counts = consultation.comments.aggregate(
        total=Count("id", filter=Q(hidden=False)),
        whole=Count("id", filter=Q(hidden=False, section__isnull=True)),
        ungrouped=Count("id", filter=Q(hidden=False, group__isnull=True)),
        hidden=Count("id", filter=Q(hidden=True)),
    )
    groups = list(
        consultation.groups.select_related("section").annotate(
            comment_count=Count("comments", filter=Q(comments__hidden=False))
        )
    )
    may_manage = access.can_manage_consultation(user, consultation)
    forms_by_group = answer_forms or {}
    for group in groups:
        group.form = forms_by_group.get(group.pk) or AnswerForm.for_group(group)  # type: ignore[attr-defined]
    in_comment_phase = consultation.status in (ConsultationStatus.OPEN, ConsultationStatus.CLOSED)
    context = {
        "consultation": consultation,
        "sections": sections,
        "counts": counts,
        "groups": groups,
        "files": list(consultation.files.all()),
        "may_manage": may_manage,
        "in_comment_phase": in_comment_phase,
        "problems": actions.synthesis_problems(consultation) if in_comment_phase else [],
        "file_form": file_form or FileForm(),
        "comment_form": comment_form
        or OfficerCommentForm(
            consultation=consultation,
            sections=sections,
            initial={"received_on": min(today(), consultation.closes_on)},
        ),
        "publish_form": publish_form or PublishForm(),
    }
    return render(request, "consultations/consultation_detail.html", context, status=status)


@login_required
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, access.get_consultation_for(request.user, pk))


def _change_status(request: HttpRequest, pk: int, change, done: str) -> HttpResponse:
    user = request.user
    consultation = access.get_consultation_for(user, pk)
    require(access.can_manage_consultation(user, consultation))
    try:
        change(consultation, by=user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("consultations:detail", pk=consultation.pk)


@login_required
@require_POST
def consultation_open(request: HttpRequest, pk: int) -> HttpResponse:
    return _change_status(
        request, pk, actions.open_consultation, _("The draft is open for comment.")
    )


@login_required
@require_POST
def consultation_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _change_status(
        request, pk, actions.close_consultation, _("The comment period is closed.")
    )


@login_required
@require_POST
def consultation_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    consultation = access.get_consultation_for(user, pk)
    require(access.can_manage_consultation(user, consultation))
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            actions.publish_synthesis(
                consultation,
                by=user,
                summary=form.cleaned_data["summary"],
                link=request.build_absolute_uri(
                    reverse("consultations_public:detail", args=[consultation.pk])
                ),
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The synthesis was published on the portal and disclosed."))
            return redirect("consultations:detail", pk=consultation.pk)
    consultation.refresh_from_db()
    return _render_detail(request, consultation, publish_form=form)


# --- Comments ---------------------------------------------------------------------------------


@login_required
@require_POST
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    consultation = access.get_consultation_for(user, pk)
    require(access.can_manage_consultation(user, consultation))
    sections = list(consultation.sections.all())
    form = OfficerCommentForm(request.POST, consultation=consultation, sections=sections)
    if form.is_valid():
        data = form.cleaned_data
        try:
            actions.record_comment(
                consultation,
                by=user,
                text=data["text"],
                channel=data["channel"],
                received_on=data["received_on"],
                section=_section_or_none(consultation, data["section"]),
                name=data["name"],
                contact=data["contact"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The comment was recorded."))
            return redirect("consultations:detail", pk=consultation.pk)
    return _render_detail(request, consultation, comment_form=form)


@login_required
def comment_list(request: HttpRequest, pk: int) -> HttpResponse:
    """Every comment with its contact, for grouping: tick comments, choose a group, submit."""
    user = request.user
    consultation = access.get_consultation_for(user, pk)
    may_manage = access.can_manage_consultation(user, consultation)
    comments = consultation.comments.select_related("section", "group", "author")
    section_filter = request.GET.get("muc", "")
    if section_filter == "toan-bo":
        comments = comments.filter(section__isnull=True)
    elif row_id(section_filter) is not None:
        comments = comments.filter(section_id=row_id(section_filter))
    group_filter = row_id(request.GET.get("nhom", ""))
    if group_filter is not None:
        comments = comments.filter(group_id=group_filter)
    if request.GET.get("chua-nhom") == "1":
        comments = comments.filter(group__isnull=True)
    hidden = []
    if request.GET.get("an") == "1":
        hidden = list(comments.filter(hidden=True).order_by("-hidden_at", "-id")[:200])
    page = paginate(
        request,
        comments.filter(hidden=False).order_by("section__order", "created_at", "id"),
        COMMENTS_PER_PAGE,
    )
    groups = list(consultation.groups.all())
    form = None
    if request.method == "POST":
        require(may_manage)
        form = GroupingForm(
            request.POST,
            consultation=consultation,
            comment_ids=consultation.comments.filter(hidden=False).values_list("pk", flat=True),
            groups=groups,
        )
        if form.is_valid():
            data = form.cleaned_data
            group = None
            if data["group"]:
                group = consultation.groups.filter(pk=data["group"]).first()
            try:
                result = actions.group_comments(
                    consultation,
                    by=user,
                    comments=data["comments"],
                    group=group,
                    new_title="" if data["group"] is not None else data["new_title"],
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                if result is None:
                    messages.success(request, _("The comments were taken out of their group."))
                else:
                    messages.success(
                        request,
                        _("The comments were put in the group “%(g)s”.") % {"g": result.title},
                    )
                return redirect(request.get_full_path())
    context = {
        "consultation": consultation,
        "page_obj": page,
        "querystring_base": querystring_base(request),
        "sections": list(consultation.sections.all()),
        "groups": groups,
        "section_filter": section_filter,
        "ungrouped_only": request.GET.get("chua-nhom") == "1",
        "show_hidden": request.GET.get("an") == "1",
        "hidden_comments": hidden,
        "may_manage": may_manage,
        "can_group": may_manage
        and consultation.status in (ConsultationStatus.OPEN, ConsultationStatus.CLOSED),
        "grouping_form": form
        or GroupingForm(consultation=consultation, comment_ids=[], groups=groups),
    }
    return render(request, "consultations/comment_list.html", context)


@login_required
def comment_hide(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    comment = access.get_comment_for(user, pk)
    consultation = comment.consultation
    require(access.can_manage_consultation(user, consultation))
    form = HideForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.hide_comment(comment, by=user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The comment was hidden."))
            return redirect("consultations:comments", pk=consultation.pk)
    return render(
        request,
        "consultations/comment_hide.html",
        {"form": form, "comment": comment, "consultation": consultation},
    )


@login_required
@require_POST
def comment_show(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    comment = access.get_comment_for(user, pk)
    require(access.can_manage_consultation(user, comment.consultation))
    try:
        actions.show_comment(comment, by=user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The comment is shown again."))
    return redirect("consultations:comments", pk=comment.consultation_id)


# --- Groups -----------------------------------------------------------------------------------


@login_required
@require_POST
def group_answer(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    group = access.get_group_for(user, pk)
    consultation = group.consultation
    require(access.can_manage_consultation(user, consultation))
    form = AnswerForm(request.POST, prefix=f"g{group.pk}")
    if form.is_valid():
        try:
            actions.answer_group(group, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The answer was saved."))
            return redirect(f"{consultation_url(consultation)}#nhom-{group.pk}")
    return _render_detail(request, consultation, answer_forms={group.pk: form})


@login_required
@require_POST
def group_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    group = access.get_group_for(user, pk)
    consultation = group.consultation
    require(access.can_manage_consultation(user, consultation))
    try:
        actions.delete_group(group, by=user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The group was removed; its comments are ungrouped."))
    return redirect("consultations:detail", pk=consultation.pk)


def consultation_url(consultation: Consultation) -> str:
    return reverse("consultations:detail", args=[consultation.pk])


# --- Synthesis table --------------------------------------------------------------------------


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def synthesis_docx_view(request: HttpRequest, pk: int) -> HttpResponse:
    synthesis = build_synthesis(access.get_consultation_for(request.user, pk))
    return _download(synthesis_docx(synthesis), DOCX_TYPE, f"{synthesis.file_stem}.docx")


@login_required
@require_GET
def synthesis_xlsx_view(request: HttpRequest, pk: int) -> HttpResponse:
    synthesis = build_synthesis(access.get_consultation_for(request.user, pk))
    return _download(synthesis_xlsx(synthesis), XLSX_TYPE, f"{synthesis.file_stem}.xlsx")
