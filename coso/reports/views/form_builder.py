"""Form builder pages (biểu mẫu): list, detail, create, sections, indicators, rules, preview.

form → access check → action → render. A form units have started filling is shown read-only:
the actions refuse structural changes to it, and the pages explain why and offer a copy.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coso.core.forms import apply_validation_error
from coso.core.pages import paginate, querystring_base, require
from coso.units.access import MANAGERS, get_unit_for, paths_for
from coso.units.models import Unit, User, path_within

from .. import access, actions
from ..form_builder_forms import (
    FormCopyForm,
    FormCreateForm,
    FormEditForm,
    IndicatorForm,
    PreviewForm,
    RuleForm,
    SectionForm,
)
from ..models import FormSection, Indicator, ReportForm, ValidationRule

# --- helpers ---------------------------------------------------------------------------------


def _visible_forms(user: User) -> QuerySet[ReportForm]:
    """coso's forms, those of the units above the user's (usable by them), and those of the
    units they reach; inactive ones only where the user manages them (to reactivate)."""
    above = sorted({p[:i] for p in paths_for(user) for i in range(4, len(p) + 1, 4)})
    active = Q(owner_unit__isnull=True) | Q(owner_unit__path__in=above)
    for p in paths_for(user):
        active |= path_within("owner_unit__path", p)
    managed = Q(pk__in=[])
    for p in paths_for(user, MANAGERS):
        managed |= path_within("owner_unit__path", p)
    if user.is_superuser:
        managed |= Q(owner_unit__isnull=True)
    return ReportForm.objects.filter((active & Q(is_active=True)) | managed)


def _unit_choices(user: User, selected: Unit | None) -> QuerySet[Unit]:
    """Units a form may be created for: where the user manages, and one level below."""
    condition = Q(pk__in=[])
    for p in paths_for(user, MANAGERS):
        condition |= path_within("path", p) & Q(depth__lte=len(p) // Unit.steplen + 1)
    if selected is not None:
        condition |= Q(pk=selected.pk)
    return Unit.objects.active().filter(condition).order_by("path")


def _limited(units: QuerySet[Unit]) -> QuerySet[Unit]:
    return Unit.objects.filter(pk__in=list(units.values_list("pk", flat=True)[:300])).order_by(
        "path"
    )


def _selected_unit(request: HttpRequest) -> Unit | None:
    raw = request.GET.get("unit")
    if not raw:
        return None
    if not raw.isdigit():
        raise Http404
    unit = get_unit_for(request.user, raw)
    require(access.can_create_requirement(request.user, unit))
    return unit


def _may_create_somewhere(user: User) -> bool:
    return bool(paths_for(user, MANAGERS)) or user.is_superuser


def _get_section_for(user: User, pk: int) -> FormSection:
    section = FormSection.objects.filter(pk=pk).first()
    if section is None:
        raise Http404
    section.form = access.get_form_for(user, section.form_id)
    return section


def _get_indicator_for(user: User, pk: int) -> Indicator:
    indicator = Indicator.objects.select_related("section").filter(pk=pk).first()
    if indicator is None:
        raise Http404
    indicator.form = access.get_form_for(user, indicator.form_id)
    return indicator


def _get_rule_for(user: User, pk: int) -> ValidationRule:
    rule = ValidationRule.objects.select_related("left", "right").filter(pk=pk).first()
    if rule is None:
        raise Http404
    rule.form = access.get_form_for(user, rule.form_id)
    return rule


def _editable_or_redirect(request: HttpRequest, form: ReportForm) -> HttpResponse | None:
    """403 for those who may not manage the form; back to it (with why) when it is in use."""
    require(access.can_manage_form(request.user, form))
    if request.method != "POST" and actions.form_in_use(form):
        messages.info(request, _("Units have already entered figures in this form."))
        return redirect("reports:form_detail", pk=form.pk)
    return None


# --- forms -----------------------------------------------------------------------------------


@login_required
def form_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    forms = (
        _visible_forms(user)
        .select_related("owner_unit")
        .annotate(indicator_count=Count("indicators"))
        .order_by("owner_unit__path", "name", "id")
    )
    context = {
        "page_obj": paginate(request, forms),
        "querystring_base": querystring_base(request),
        "may_create": _may_create_somewhere(user),
    }
    return render(request, "reports/form_list.html", context)


@login_required
def form_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(_may_create_somewhere(user))
    selected = _selected_unit(request)
    units = _limited(_unit_choices(user, selected))
    data = request.POST if request.method == "POST" else None
    initial = {"unit": selected.pk} if selected else None
    form = FormCreateForm(data, initial=initial, units=units, allow_shared=user.is_superuser)
    if data is not None and form.is_valid():
        cleaned = form.cleaned_data
        try:
            created = actions.new_form(
                by=user,
                owner_unit=cleaned["unit"],
                code=cleaned["code"],
                name=cleaned["name"],
                description=cleaned["description"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The form was created. Now add its sections."))
            return redirect("reports:form_section_add", pk=created.pk)
    return render(request, "reports/form_edit.html", {"form": form, "creating": True})


@login_required
def form_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    report_form = access.get_form_for(user, pk)
    sections = list(report_form.sections.all())
    indicators = list(report_form.indicators.all())
    by_section: dict[int, list[Indicator]] = {}
    for indicator in indicators:
        by_section.setdefault(indicator.section_id, []).append(indicator)
    for section in sections:
        section.indicator_list = by_section.get(section.pk, [])  # type: ignore[attr-defined]
    can_manage = access.can_manage_form(user, report_form)
    in_use = actions.form_in_use(report_form)
    context = {
        "report_form": report_form,
        "sections": sections,
        "indicator_count": len(indicators),
        "rules": list(report_form.rules.select_related("left", "right")),
        "can_manage": can_manage,
        "in_use": in_use,
        "can_edit_structure": can_manage and not in_use,
        "can_copy": _may_create_somewhere(user),
    }
    return render(request, "reports/form_detail.html", context)


@login_required
def form_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    report_form = access.get_form_for(user, pk)
    require(access.can_manage_form(user, report_form))
    initial = {"name": report_form.name, "description": report_form.description}
    data = request.POST if request.method == "POST" else None
    form = FormEditForm(data, initial=initial)
    if data is not None and form.is_valid():
        try:
            actions.update_form(report_form, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The form was saved."))
            return redirect("reports:form_detail", pk=report_form.pk)
    return render(request, "reports/form_edit.html", {"form": form, "report_form": report_form})


@login_required
def form_copy(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    source = access.get_form_for(user, pk)
    require(_may_create_somewhere(user))
    selected = _selected_unit(request)
    units = _limited(_unit_choices(user, selected))
    data = request.POST if request.method == "POST" else None
    initial = {
        "unit": selected.pk if selected else None,
        "name": source.name,
        "code": f"{source.code}-ban-sao"[:50],
        "description": source.description,
    }
    form = FormCopyForm(data, initial=initial, units=units)
    if data is not None and form.is_valid():
        cleaned = form.cleaned_data
        try:
            copy = actions.copy_form(
                source,
                by=user,
                owner_unit=cleaned["unit"],
                code=cleaned["code"],
                name=cleaned["name"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The copy was created: you can now change it."))
            return redirect("reports:form_detail", pk=copy.pk)
    return render(request, "reports/form_edit.html", {"form": form, "copy_of": source})


@login_required
@require_POST
def form_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    report_form = access.get_form_for(request.user, pk)
    require(access.can_manage_form(request.user, report_form))
    actions.deactivate_form(report_form, by=request.user)
    messages.success(request, _("The form is no longer offered for new report requirements."))
    return redirect("reports:form_detail", pk=report_form.pk)


@login_required
@require_POST
def form_activate(request: HttpRequest, pk: int) -> HttpResponse:
    report_form = access.get_form_for(request.user, pk)
    require(access.can_manage_form(request.user, report_form))
    actions.activate_form(report_form, by=request.user)
    messages.success(request, _("The form is offered again for new report requirements."))
    return redirect("reports:form_detail", pk=report_form.pk)


@login_required
def form_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The form as a unit will fill it. Checking it applies every rule and saves nothing."""
    report_form = access.get_form_for(request.user, pk)
    indicators = list(report_form.indicators.select_related("section"))
    rules = list(report_form.rules.select_related("left", "right"))
    data = request.POST if request.method == "POST" else None
    form = PreviewForm(data, indicators=indicators, rules=rules)
    checked = data is not None and form.is_valid()
    context = {"report_form": report_form, "form": form, "checked": checked}
    return render(request, "reports/form_preview.html", context)


# --- sections --------------------------------------------------------------------------------


@login_required
def section_add(request: HttpRequest, pk: int) -> HttpResponse:
    report_form = access.get_form_for(request.user, pk)
    if (response := _editable_or_redirect(request, report_form)) is not None:
        return response
    data = request.POST if request.method == "POST" else None
    form = SectionForm(data)
    if data is not None and form.is_valid():
        try:
            section = actions.add_section(
                report_form, by=request.user, title=form.cleaned_data["title"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The section was added. Now add its indicators."))
            return redirect("reports:form_indicator_add", pk=section.pk)
    context = {"form": form, "report_form": report_form, "title": _("New section")}
    return render(request, "reports/form_part.html", context)


@login_required
def section_edit(request: HttpRequest, pk: int) -> HttpResponse:
    section = _get_section_for(request.user, pk)
    report_form = section.form
    if (response := _editable_or_redirect(request, report_form)) is not None:
        return response
    data = request.POST if request.method == "POST" else None
    form = SectionForm(data, initial={"title": section.title})
    if data is not None and form.is_valid():
        try:
            actions.update_section(section, by=request.user, title=form.cleaned_data["title"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The section was saved."))
            return redirect("reports:form_detail", pk=report_form.pk)
    context = {"form": form, "report_form": report_form, "title": _("Edit section")}
    return render(request, "reports/form_part.html", context)


@login_required
def section_delete(request: HttpRequest, pk: int) -> HttpResponse:
    section = _get_section_for(request.user, pk)
    return _delete(
        request,
        section.form,
        section,
        lambda: actions.delete_section(section, by=request.user),
        _("Delete the section “%(name)s” with all its indicators?") % {"name": section.title},
    )


def _delete(
    request: HttpRequest,
    report_form: ReportForm,
    obj: object,
    do_delete: Callable[[], None],
    question: str,
) -> HttpResponse:
    """GET asks for confirmation; POST deletes (or says why not)."""
    if (response := _editable_or_redirect(request, report_form)) is not None:
        return response
    if request.method == "POST":
        try:
            do_delete()
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Deleted."))
        return redirect("reports:form_detail", pk=report_form.pk)
    context = {"report_form": report_form, "question": question, "object": obj}
    return render(request, "reports/form_confirm_delete.html", context)


# --- indicators ------------------------------------------------------------------------------


def _indicator_kwargs(form: IndicatorForm) -> dict:
    data = form.cleaned_data
    return {
        "code": data["code"],
        "label": data["label"],
        "kind": data["kind"],
        "required": data["required"],
        "is_key": data["is_key"],
        "help_text": data["help_text"],
        "choices": form.choice_lines(),
    }


@login_required
def indicator_add(request: HttpRequest, pk: int) -> HttpResponse:
    section = _get_section_for(request.user, pk)
    report_form = section.form
    if (response := _editable_or_redirect(request, report_form)) is not None:
        return response
    data = request.POST if request.method == "POST" else None
    form = IndicatorForm(data, form=report_form, initial={"section": section.pk})
    if data is not None and form.is_valid():
        target = form.cleaned_data["section"]
        try:
            actions.add_indicator(target, by=request.user, **_indicator_kwargs(form))
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The indicator was added."))
            if "another" in request.POST:
                return redirect("reports:form_indicator_add", pk=target.pk)
            return redirect("reports:form_detail", pk=report_form.pk)
    context = {
        "form": form,
        "report_form": report_form,
        "title": _("New indicator"),
        "add_another": True,
    }
    return render(request, "reports/form_part.html", context)


@login_required
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = _get_indicator_for(request.user, pk)
    report_form = indicator.form
    if (response := _editable_or_redirect(request, report_form)) is not None:
        return response
    initial = {
        "section": indicator.section_id,
        "code": indicator.code,
        "label": indicator.label,
        "kind": indicator.kind,
        "required": indicator.required,
        "is_key": indicator.is_key,
        "help_text": indicator.help_text,
        "choices": "\n".join(str(c) for c in indicator.choices),
    }
    data = request.POST if request.method == "POST" else None
    form = IndicatorForm(data, form=report_form, initial=initial)
    if data is not None and form.is_valid():
        try:
            actions.update_indicator(
                indicator,
                by=request.user,
                section=form.cleaned_data["section"],
                **_indicator_kwargs(form),
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The indicator was saved."))
            return redirect("reports:form_detail", pk=report_form.pk)
    context = {"form": form, "report_form": report_form, "title": _("Edit indicator")}
    return render(request, "reports/form_part.html", context)


@login_required
def indicator_delete(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = _get_indicator_for(request.user, pk)
    return _delete(
        request,
        indicator.form,
        indicator,
        lambda: actions.delete_indicator(indicator, by=request.user),
        _("Delete the indicator “%(name)s” and the rules that use it?") % {"name": indicator.label},
    )


# --- rules -----------------------------------------------------------------------------------


@login_required
def rule_add(request: HttpRequest, pk: int) -> HttpResponse:
    report_form = access.get_form_for(request.user, pk)
    if (response := _editable_or_redirect(request, report_form)) is not None:
        return response
    data = request.POST if request.method == "POST" else None
    form = RuleForm(data, form=report_form)
    if data is not None and form.is_valid():
        try:
            actions.add_rule(report_form, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The rule was added."))
            return redirect("reports:form_detail", pk=report_form.pk)
    context = {"form": form, "report_form": report_form, "title": _("New validation rule")}
    return render(request, "reports/form_part.html", context)


@login_required
def rule_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rule = _get_rule_for(request.user, pk)
    return _delete(
        request,
        rule.form,
        rule,
        lambda: actions.delete_rule(rule, by=request.user),
        _("Delete the rule “%(left)s %(op)s %(right)s”?")
        % {"left": rule.left.label, "op": rule.get_operator_display(), "right": rule.right.label},
    )


urlpatterns: list[URLPattern] = [
    path("bieu-mau/", form_list, name="form_list"),
    path("bieu-mau/moi/", form_create, name="form_create"),
    path("bieu-mau/<int:pk>/", form_detail, name="form_detail"),
    path("bieu-mau/<int:pk>/sua/", form_edit, name="form_edit"),
    path("bieu-mau/<int:pk>/sao-chep/", form_copy, name="form_copy"),
    path("bieu-mau/<int:pk>/ngung-su-dung/", form_deactivate, name="form_deactivate"),
    path("bieu-mau/<int:pk>/su-dung-lai/", form_activate, name="form_activate"),
    path("bieu-mau/<int:pk>/xem-truoc/", form_preview, name="form_preview"),
    path("bieu-mau/<int:pk>/them-muc/", section_add, name="form_section_add"),
    path("bieu-mau/muc/<int:pk>/sua/", section_edit, name="form_section_edit"),
    path("bieu-mau/muc/<int:pk>/xoa/", section_delete, name="form_section_delete"),
    path("bieu-mau/muc/<int:pk>/them-chi-tieu/", indicator_add, name="form_indicator_add"),
    path("bieu-mau/chi-tieu/<int:pk>/sua/", indicator_edit, name="form_indicator_edit"),
    path("bieu-mau/chi-tieu/<int:pk>/xoa/", indicator_delete, name="form_indicator_delete"),
    path("bieu-mau/<int:pk>/them-quy-tac/", rule_add, name="form_rule_add"),
    path("bieu-mau/quy-tac/<int:pk>/xoa/", rule_delete, name="form_rule_delete"),
]
