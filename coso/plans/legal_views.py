"""Pages joining plans to the legal library: plans still citing replaced texts, and linking a
plan's legal basis to a library text. They live with plans, which may read the library."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coso.core.forms import flash_validation_error
from coso.core.pages import paginate, querystring_base, require, row_id
from coso.library.models import current_versions

from .access import can_edit_plan, get_plan_for
from .legal_bases import link_basis, stale_bases
from .models import PlanBasis


@login_required
def stale_plans(request: HttpRequest) -> HttpResponse:
    """Plans of the user's units that still cite a text replaced by a newer one."""
    page = paginate(request, stale_bases(request.user))
    currents = current_versions([b.legal_text for b in page.object_list])
    for basis in page.object_list:
        basis.current_text = currents.get(basis.legal_text_id)
    return render(
        request,
        "plans/stale_plans.html",
        {"page_obj": page, "querystring_base": querystring_base(request)},
    )


@login_required
@require_POST
def basis_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Link a plan's legal basis to a library text picked by its number (or unlink it)."""
    user = request.user
    key = row_id(pk)
    basis = PlanBasis.objects.filter(pk=key).select_related("plan").first() if key else None
    if basis is None:
        raise Http404
    plan = get_plan_for(user, basis.plan_id)
    require(can_edit_plan(user, plan))
    number = (request.POST.get("number") or "").strip()[:200]
    try:
        text = link_basis(basis, by=user, number=number)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        if text is None:
            messages.success(request, _("The link to the library was removed."))
        else:
            messages.success(
                request,
                _("The basis is now linked to %(text)s.") % {"text": text.number_symbol},
            )
    return redirect("plans:detail", pk=plan.pk)
