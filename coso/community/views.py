"""Pages of the household register and community decisions: checked fetch → access → form →
action → render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coso.core.forms import apply_validation_error
from coso.core.pages import paginate, querystring_base, require
from coso.units.access import MANAGERS

from . import access, actions
from .forms import (
    AttendanceForm,
    CountingBoardForm,
    HouseholdForm,
    HouseholdSearchForm,
    ImportForm,
    MatterForm,
    MeetingVotesForm,
    SentForm,
    VoteForm,
)
from .models import (
    DecisionMethod,
    DecisionRule,
    Household,
    Matter,
    MatterKind,
    MatterStatus,
    Vote,
    VoteChannel,
)

# --- helpers -----------------------------------------------------------------------------------


def _community_from_query(request: HttpRequest):
    """The community of ?unit=, checked; else the only one the user reaches; else None."""
    raw = request.GET.get("unit") or request.POST.get("unit")
    if raw:
        try:
            return access.get_community_for(request.user, int(raw))
        except ValueError:
            raise Http404 from None
    communities = list(access.communities_for(request.user)[:2])
    return communities[0] if len(communities) == 1 else None


def _communities(request: HttpRequest):
    return access.communities_for(request.user).order_by("path")[:500]


# --- Households --------------------------------------------------------------------------------


@login_required
def household_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = _community_from_query(request)
    communities = _communities(request)
    if unit is None:
        require(bool(communities))
        return render(request, "community/household_choose.html", {"communities": communities})
    form = HouseholdSearchForm(request.GET or None)
    households = Household.objects.filter(unit=unit).select_related("representative_user")
    show_left = False
    if form.is_valid():
        if form.cleaned_data["q"]:
            households = households.search(form.cleaned_data["q"])
        show_left = form.cleaned_data["left"]
    if not show_left:
        households = households.active()
    page = paginate(request, households.order_by("code"))
    totals = Household.objects.filter(unit=unit).aggregate(
        active=Count("pk", filter=Q(left_on__isnull=True)),
        with_account=Count("pk", filter=Q(left_on__isnull=True, representative_user__isnull=False)),
    )
    return render(
        request,
        "community/household_list.html",
        {
            "unit": unit,
            "communities": communities,
            "form": form,
            "page_obj": page,
            "querystring_base": querystring_base(request),
            "totals": totals,
            "may_manage": access.can_manage_households(user, unit),
        },
    )


@login_required
def household_add(request: HttpRequest) -> HttpResponse:
    unit = _community_from_query(request)
    if unit is None:
        raise Http404
    require(access.can_manage_households(request.user, unit))
    form = HouseholdForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        try:
            household = actions.add_household(by=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Household %(code)s was added.") % {"code": household.code})
            return redirect(f"{reverse('community:households')}?unit={unit.pk}")
    return render(
        request, "community/household_form.html", {"form": form, "unit": unit, "household": None}
    )


@login_required
def household_edit(request: HttpRequest, pk: int) -> HttpResponse:
    household = access.get_household_for(request.user, pk)
    unit = household.unit
    require(access.can_manage_households(request.user, unit))
    form = HouseholdForm(request.POST or None, instance=household, unit=unit)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_household(by=request.user, household=household, **form.cleaned_data)
        except ValidationError as exc:
            household.refresh_from_db()
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The household was saved."))
            return redirect(f"{reverse('community:households')}?unit={unit.pk}")
    return render(
        request,
        "community/household_form.html",
        {"form": form, "unit": unit, "household": household},
    )


@login_required
def household_import(request: HttpRequest) -> HttpResponse:
    unit = _community_from_query(request)
    if unit is None:
        raise Http404
    require(access.can_manage_households(request.user, unit))
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            result = actions.import_households(
                by=request.user, unit=unit, file=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            if result.ok:
                messages.success(
                    request,
                    _("%(count)s households were imported.") % {"count": len(result.created)},
                )
    return render(
        request, "community/household_import.html", {"form": form, "unit": unit, "result": result}
    )


# --- Matters -----------------------------------------------------------------------------------


@login_required
def matter_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = None
    if request.GET.get("unit"):
        unit = _community_from_query(request)
    matters = access.visible_matters(user).select_related("unit")
    if unit is not None:
        matters = matters.filter(unit=unit)
    query = (request.GET.get("q") or "").strip()[:100]
    if query:
        matters = matters.search(query)
    status = request.GET.get("status") or ""
    if status in MatterStatus.values:
        matters = matters.filter(status=status)
    page = paginate(request, matters.annotate(voted=Count("votes")).order_by("-created_at", "-pk"))
    communities = _communities(request)
    return render(
        request,
        "community/matter_list.html",
        {
            "page_obj": page,
            "unit": unit,
            "communities": communities,
            "query": query,
            "status": status,
            "statuses": MatterStatus.choices,
            "querystring_base": querystring_base(request),
            "may_open": any(access.can_open_matter(user, c) for c in communities[:50]),
            "my_matters": access.matters_for_voter(user).exists(),
        },
    )


@login_required
def matter_create(request: HttpRequest) -> HttpResponse:
    unit = _community_from_query(request)
    if unit is None:
        communities = [
            c for c in access.communities_for(request.user, MANAGERS).order_by("path")[:500]
        ]
        require(bool(communities))
        return render(
            request,
            "community/household_choose.html",
            {"communities": communities, "next": "community:create"},
        )
    require(access.can_open_matter(request.user, unit))
    form = MatterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            matter = actions.open_matter(by=request.user, unit=unit, **data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The matter is open."))
            return redirect("community:detail", pk=matter.pk)
    rules = [DecisionRule.for_kind(kind) for kind in MatterKind.values]
    return render(
        request, "community/matter_form.html", {"form": form, "unit": unit, "rules": rules}
    )


@login_required
def matter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    matter = access.get_matter_for(user, pk)
    rule = matter.rule
    tally = matter.tally()
    may_manage = access.can_manage_matter(user, matter)
    present = matter.present() if matter.method == DecisionMethod.MEETING else None
    not_voted = (
        actions.eligible_households(matter)
        .exclude(Exists(Vote.objects.filter(matter=matter, household=OuterRef("pk"))))
        .order_by("code")
    )
    not_voted_page = paginate(request, not_voted, per_page=50, count=tally.not_voted)
    ballots_prepared = matter.ballot_codes.count()
    context = {
        "matter": matter,
        "unit": matter.unit,
        "rule": rule,
        "tally": tally,
        "present": present,
        "present_needed": rule.present_needed(matter.households_total),
        "votes_needed": rule.votes_needed(matter.households_total),
        "has_quorum": present is not None and rule.has_quorum(present, matter.households_total),
        "page_obj": not_voted_page,
        "querystring_base": querystring_base(request),
        "may_manage": may_manage,
        "may_count": access.can_record_paper_ballot(user, matter),
        "may_convert": may_manage and actions.can_convert(matter),
        "ballots_prepared": ballots_prepared,
        "board": list(matter.counting_board.all()),
        "conversion": matter.conversions.first(),
        "sent_form": SentForm(),
        "takes_paper": VoteChannel.PAPER in matter.channels,
    }
    return render(request, "community/matter_detail.html", context)


@login_required
def matter_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    matter = access.get_matter_for(request.user, pk)
    require(access.can_manage_matter(request.user, matter))
    if matter.method != DecisionMethod.MEETING:
        raise Http404
    households = actions.eligible_households(matter).order_by("code")
    initial = {
        "present": list(matter.attendances.filter(present=True).values_list("household", flat=True))
    }
    form = AttendanceForm(request.POST or None, households=households, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            count = actions.record_attendance(
                by=request.user, matter=matter, present=form.cleaned_data["present"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request, _("%(count)s households present were recorded.") % {"count": count}
            )
            return redirect("community:detail", pk=matter.pk)
    return render(
        request,
        "community/matter_attendance.html",
        {"matter": matter, "form": form, "unit": matter.unit},
    )


@login_required
def matter_show_of_hands(request: HttpRequest, pk: int) -> HttpResponse:
    matter = access.get_matter_for(request.user, pk)
    require(access.can_manage_matter(request.user, matter))
    if matter.method != DecisionMethod.MEETING or matter.secret:
        raise Http404
    voted = Vote.objects.filter(matter=matter, household=OuterRef("pk"))
    households = list(
        actions.eligible_households(matter)
        .filter(attendances__matter=matter, attendances__present=True)
        .exclude(Exists(voted))
        .order_by("code")
    )
    form = MeetingVotesForm(request.POST or None, households=households)
    if request.method == "POST" and form.is_valid():
        try:
            stored = actions.record_meeting_votes(
                by=request.user, matter=matter, votes=form.votes()
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("%(count)s votes were recorded.") % {"count": len(stored)})
            return redirect("community:detail", pk=matter.pk)
    return render(
        request,
        "community/matter_show_of_hands.html",
        {"matter": matter, "form": form, "unit": matter.unit},
    )


@login_required
def matter_counting_board(request: HttpRequest, pk: int) -> HttpResponse:
    matter = access.get_matter_for(request.user, pk)
    require(access.can_manage_matter(request.user, matter))
    form = CountingBoardForm(
        request.POST or None,
        matter=matter,
        initial={"members": list(matter.counting_board.all())},
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_counting_board(
                by=request.user, matter=matter, members=form.cleaned_data["members"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The counting board was saved."))
            return redirect("community:detail", pk=matter.pk)
    return render(
        request,
        "community/matter_counting_board.html",
        {"matter": matter, "form": form, "unit": matter.unit},
    )


def _post_action(request: HttpRequest, pk: int, run, success: str) -> HttpResponse:
    matter = access.get_matter_for(request.user, pk)
    require(access.can_manage_matter(request.user, matter))
    try:
        result = run(matter)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("community:detail", pk=matter.pk)
    messages.success(request, success)
    return redirect("community:detail", pk=result.pk)


@login_required
@require_POST
def matter_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_action(
        request,
        pk,
        lambda m: actions.close_voting(by=request.user, matter=m),
        _("The votes were counted and the result recorded."),
    )


@login_required
@require_POST
def matter_convert(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_action(
        request,
        pk,
        lambda m: actions.convert_to_ballot(by=request.user, matter=m),
        _("The meeting was turned into a ballot sent to every household."),
    )


@login_required
@require_POST
def matter_prepare_ballots(request: HttpRequest, pk: int) -> HttpResponse:
    def run(matter: Matter) -> Matter:
        actions.prepare_ballots(by=request.user, matter=matter)
        return matter

    return _post_action(
        request, pk, run, _("Every household has a ballot code; the ballots can be printed.")
    )


@login_required
@require_POST
def matter_sent(request: HttpRequest, pk: int) -> HttpResponse:
    matter = access.get_matter_for(request.user, pk)
    require(access.can_manage_matter(request.user, matter))
    form = SentForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("community:detail", pk=matter.pk)
    return _post_action(
        request,
        pk,
        lambda m: actions.mark_sent_to_commune(
            by=request.user, matter=m, sent_on=form.cleaned_data["sent_on"]
        ),
        _("The result is recorded as sent to the commune."),
    )


# --- Voting by a household representative ----------------------------------------------------


@login_required
def my_matters(request: HttpRequest) -> HttpResponse:
    """The matters of the communities where the user represents a household."""
    user = request.user
    households = list(
        Household.objects.active().filter(representative_user=user).select_related("unit")
    )
    matters = (
        access.matters_for_voter(user)
        .select_related("unit")
        .annotate(
            my_vote=Exists(
                Vote.objects.filter(matter=OuterRef("pk"), household__representative_user=user)
            )
        )
        .order_by("-created_at", "-pk")[:100]
    )
    return render(
        request,
        "community/my_matters.html",
        {"households": households, "matters": matters},
    )


@login_required
def vote_online(request: HttpRequest, pk: int) -> HttpResponse:
    """One form for the household; after voting, the receipt and never a second form."""
    matter, household = access.get_matter_for_voter(request.user, pk)
    vote = Vote.objects.filter(matter=matter, household=household).first()
    form = None
    error = None
    if vote is None and VoteChannel.ONLINE in matter.channels and matter.accepts_votes():
        form = VoteForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                vote = actions.cast_online_vote(
                    by=request.user, matter=matter, choice=form.cleaned_data["choice"]
                )
            except PermissionDenied:
                raise
            except ValidationError as exc:
                vote = Vote.objects.filter(matter=matter, household=household).first()
                if vote is None:
                    apply_validation_error(form, exc)
                else:
                    error = exc.messages[0]
            else:
                messages.success(request, _("Your household's vote was recorded."))
                return redirect("community:vote", pk=matter.pk)
        if vote is not None:
            form = None
    elif request.method == "POST" and vote is not None:
        error = _("Your household has already voted on this matter. A household votes only once.")
    return render(
        request,
        "community/vote.html",
        {
            "matter": matter,
            "household": household,
            "vote": vote,
            "form": form,
            "error": error,
            "unit": matter.unit,
        },
        status=409 if error else 200,
    )


# --- Public pages (no login; read only through the public access functions) ------------------


def public_list(request: HttpRequest, unit_id: int) -> HttpResponse:
    from coso.units.models import Unit, UnitKind

    unit = Unit.objects.filter(pk=unit_id, closed_on__isnull=True).first()
    if unit is None or unit.kind not in (UnitKind.RESIDENTIAL, UnitKind.COMMUNE):
        raise Http404
    from .public import _matters_of

    matters = _matters_of(unit).select_related("unit").annotate(voted=Count("votes"))
    page = paginate(request, matters.order_by("-created_at", "-pk"))
    return render(
        request,
        "community/public_list.html",
        {
            "portal_unit": unit,
            "page_obj": page,
            "querystring_base": querystring_base(request),
            "show_unit": unit.kind != UnitKind.RESIDENTIAL,
        },
    )


def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    matter = access.get_public_matter(pk)
    tally = matter.tally()
    return render(
        request,
        "community/public_detail.html",
        {
            "matter": matter,
            "tally": tally,
            "rule": matter.rule,
            "portal_unit": matter.unit,
            "votes_needed": matter.rule.votes_needed(matter.households_total),
        },
    )
