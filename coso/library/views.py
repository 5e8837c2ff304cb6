"""Pages of the legal library: checked fetch → access → form → action → render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coso.core.forms import apply_validation_error
from coso.core.pages import paginate, querystring_base, require
from coso.core.text import fold

from . import access, actions
from .forms import AmendForm, ExpireForm, FilterForm, ReplaceForm, TextForm
from .models import LegalText


def _filtered(request: HttpRequest, form: FilterForm):
    texts = access.visible_texts(request.user).select_related("replaced_by")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            texts = texts.search(data["q"])
        if data["text_type"]:
            texts = texts.filter(text_type=data["text_type"])
        if data["status"]:
            texts = texts.filter(status=data["status"])
        if data["issuer"]:
            texts = texts.filter(issuer_key__contains=" ".join(fold(data["issuer"]).split()))
        if data["year"]:
            texts = texts.filter(issued_on__year=data["year"])
    return texts


@login_required
def text_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    texts = _filtered(request, form).order_by(
        F("issued_on").desc(nulls_last=True), "number_symbol", "pk"
    )
    context = {
        "form": form,
        "page_obj": paginate(request, texts),
        "querystring_base": querystring_base(request),
        "may_manage": access.can_manage_texts(request.user),
    }
    return render(request, "library/text_list.html", context)


def _render_text(
    request: HttpRequest,
    text: LegalText,
    *,
    replace_form: ReplaceForm | None = None,
    amend_form: AmendForm | None = None,
    expire_form: ExpireForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    may_manage = access.can_manage_texts(user)
    live = text.replaced_by_id is None and text.status != "expired"
    context = {
        "text": text,
        "chain": text.replacement_chain(),
        "replaces": list(text.replaces.order_by("-issued_on")),
        "amended_by": list(text.amended_by.order_by("issued_on")),
        "amends": list(text.amends.order_by("issued_on")),
        "may_manage": may_manage,
        "may_change_status": may_manage and live,
        "replace_form": replace_form or ReplaceForm(text=text),
        "amend_form": amend_form or AmendForm(text=text),
        "expire_form": expire_form or ExpireForm(),
    }
    return render(request, "library/text_detail.html", context, status=status)


@login_required
def text_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_text(request, access.get_text_for(request.user, pk))


@login_required
def text_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(access.can_manage_texts(user))
    data = request.POST if request.method == "POST" else None
    form = TextForm(data, request.FILES or None)
    if data is not None and form.is_valid():
        try:
            text = actions.create_text(by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The text was added to the library."))
            return redirect("library:detail", pk=text.pk)
    return render(request, "library/text_form.html", {"form": form})


@login_required
def text_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    text = access.get_text_for(user, pk)
    require(access.can_manage_texts(user))
    initial = {name: getattr(text, name) for name in actions.TEXT_FIELDS}
    data = request.POST if request.method == "POST" else None
    form = TextForm(data, request.FILES or None, initial=initial)
    if data is not None and form.is_valid():
        try:
            actions.update_text(text, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The text was updated."))
            return redirect("library:detail", pk=text.pk)
    return render(request, "library/text_form.html", {"form": form, "text": text})


@login_required
@require_POST
def text_replace(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    text = access.get_text_for(user, pk)
    require(access.can_manage_texts(user))
    form = ReplaceForm(request.POST, text=text)
    if form.is_valid():
        try:
            actions.replace_text(
                text,
                by=user,
                replacement=form.cleaned_data["replacement"],
                on=form.cleaned_data["on"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The replacement was recorded."))
            return redirect("library:detail", pk=text.pk)
    return _render_text(request, text, replace_form=form, status=400)


@login_required
@require_POST
def text_amend(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    text = access.get_text_for(user, pk)
    require(access.can_manage_texts(user))
    form = AmendForm(request.POST, text=text)
    if form.is_valid():
        try:
            actions.amend_text(text, by=user, amending=form.cleaned_data["amending"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The amendment was recorded."))
            return redirect("library:detail", pk=text.pk)
    return _render_text(request, text, amend_form=form, status=400)


@login_required
@require_POST
def text_expire(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    text = access.get_text_for(user, pk)
    require(access.can_manage_texts(user))
    form = ExpireForm(request.POST)
    if form.is_valid():
        try:
            actions.expire_text(text, by=user, on=form.cleaned_data["on"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The expiry was recorded."))
            return redirect("library:detail", pk=text.pk)
    return _render_text(request, text, expire_form=form, status=400)


@login_required
def suggest(request: HttpRequest) -> HttpResponse:
    """Options for the number box of a plan's basis (a datalist filled by htmx)."""
    query = (request.GET.get("q") or request.GET.get("number") or "")[:100]
    texts = (
        access.visible_texts(request.user).search(query).order_by("number_symbol")[:15]
        if query.strip()
        else []
    )
    return render(request, "library/_suggestions.html", {"texts": texts})
