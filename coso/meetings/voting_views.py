"""Pages for motions and elections: checked fetch → access → form → action → render.

The meeting page (views.py) shows `meetings/_voting_section.html` with `voting_context`; the
forms there post to the views below, which come back to the page they were sent from (`next`)
or to the meeting's voting page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from coso.core.forms import apply_validation_error, flash_validation_error
from coso.core.pages import require
from coso.oversight.models import BoardKind

from . import access, voting
from .models import (
    Candidate,
    Election,
    ElectionBallot,
    Meeting,
    MeetingStatus,
    Motion,
    MotionBallot,
    VoteMethod,
    VoteStatus,
)
from .quorum import attendance_of
from .voting_forms import (
    CandidateForm,
    ElectionBallotForm,
    ElectionCountsForm,
    ElectionForm,
    HandsForm,
    MotionBallotForm,
    MotionForm,
)

# --- What the meeting page shows ------------------------------------------------------------


def _percent(part: int, whole: int) -> int:
    return round(part * 100 / whole) if whole else 0


def _motion_bars(motion: Motion, kind) -> list[dict]:
    base = kind.majority_denominator(motion.present_at_close or 0, motion.convened_at_close or 0)
    return [
        {
            "key": "yes",
            "label": pgettext("meetings", "Agree"),
            "count": motion.yes,
            "percent": _percent(motion.yes, base),
        },
        {
            "key": "no",
            "label": pgettext("meetings", "Disagree"),
            "count": motion.no,
            "percent": _percent(motion.no, base),
        },
        {
            "key": "abstain",
            "label": pgettext("meetings", "No opinion"),
            "count": motion.abstain,
            "percent": _percent(motion.abstain, base),
        },
    ]


def voting_context(request: HttpRequest, meeting: Meeting) -> dict:
    """What the meeting's page shows of votes (template meetings/_voting_section.html): the
    motions and elections with their status and results and, for a participant present, the
    ballots open to them. Five queries whatever the number of votes."""
    user = request.user
    may_run = access.can_run_meeting(user, meeting)
    seat = access.seat_of(user, meeting)
    can_vote = seat is not None and seat.is_convened and seat.is_present
    motions = meeting.motions.annotate(ballot_count=Count("ballots"))
    elections = meeting.elections.annotate(ballot_count=Count("ballots")).prefetch_related(
        Prefetch("candidates", queryset=Candidate.objects.order_by("full_name", "id"))
    )
    if seat is not None:
        motions = motions.annotate(
            i_voted=Exists(MotionBallot.objects.filter(motion=OuterRef("pk"), participant=seat))
        )
        elections = elections.annotate(
            i_voted=Exists(ElectionBallot.objects.filter(election=OuterRef("pk"), participant=seat))
        )
    motions = list(motions)
    elections = list(elections)
    kind = meeting.kind
    for motion in motions:
        if motion.status == VoteStatus.CLOSED:
            motion.bars = _motion_bars(motion, kind)
            motion.base = kind.majority_denominator(
                motion.present_at_close or 0, motion.convened_at_close or 0
            )
    for election in elections:
        candidates = list(election.candidates.all())
        election.candidate_list = candidates
        election.warnings = (
            voting.election_warnings(election, len(candidates))
            if election.status == VoteStatus.DRAFT
            else []
        )
        if election.status == VoteStatus.CLOSED:
            election.result = voting.election_result(election, candidates)
            valid = election.result.valid
            for candidate in candidates:
                candidate.percent = _percent(candidate.votes, valid)
    preparable = meeting.status in voting.PREPARABLE_STATUSES and kind.has_votes
    return {
        "meeting": meeting,
        "motions": motions,
        "elections": elections,
        "voting_attendance": attendance_of(meeting),
        "may_run_votes": may_run,
        "may_prepare_votes": may_run and preparable,
        "may_open_votes": may_run and meeting.status == MeetingStatus.IN_PROGRESS,
        "voter_seat": seat,
        "can_vote": can_vote,
        "motion_form": MotionForm(),
        "election_form": ElectionForm(),
        "voting_next": request.get_full_path(),
    }


# --- Helpers ------------------------------------------------------------------------------------


def _back(request: HttpRequest, meeting: Meeting, anchor: str = "") -> HttpResponse:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("meetings:voting", args=[meeting.pk])
    return redirect(f"{target.split('#')[0]}{'#' + anchor if anchor else ''}")


def _next(request: HttpRequest) -> str:
    return request.POST.get("next") or request.GET.get("next") or ""


@login_required
def voting_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting's votes on their own page (the same section as on the meeting page)."""
    meeting = access.get_meeting_for(request.user, pk)
    return render(request, "meetings/voting_page.html", voting_context(request, meeting))


# --- Motions ----------------------------------------------------------------------------------


def _motion_form_page(request, meeting, form, motion=None) -> HttpResponse:
    return render(
        request,
        "meetings/voting_motion_form.html",
        {"meeting": meeting, "motion": motion, "form": form, "next": _next(request)},
    )


@login_required
def motion_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = access.get_meeting_for(user, pk)
    require(access.can_run_meeting(user, meeting))
    form = MotionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            motion = voting.add_motion(meeting, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The motion was added."))
            return _back(request, meeting, f"motion-{motion.pk}")
    return _motion_form_page(request, meeting, form)


@login_required
def motion_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    motion = access.get_motion_for(user, pk)
    require(access.can_run_meeting(user, motion.meeting))
    initial = {"title": motion.title, "text": motion.text, "method": motion.method}
    form = MotionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            voting.update_motion(motion, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The motion was updated."))
            return _back(request, motion.meeting, f"motion-{motion.pk}")
    return _motion_form_page(request, motion.meeting, form, motion)


def _motion_step(request: HttpRequest, pk: int, step, done: str) -> HttpResponse:
    user = request.user
    motion = access.get_motion_for(user, pk)
    require(access.can_run_meeting(user, motion.meeting))
    try:
        step(motion, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, done)
    return _back(request, motion.meeting, f"motion-{motion.pk}")


@login_required
@require_POST
def motion_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _motion_step(request, pk, voting.delete_motion, _("The motion was deleted."))


@login_required
@require_POST
def motion_open(request: HttpRequest, pk: int) -> HttpResponse:
    return _motion_step(request, pk, voting.open_motion, _("Voting is open."))


@login_required
@require_POST
def motion_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _motion_step(request, pk, voting.close_motion, _("Voting is closed: see the result."))


@login_required
def motion_hands(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretary's counts form for a show of hands."""
    user = request.user
    motion = access.get_motion_for(user, pk)
    meeting = motion.meeting
    require(access.can_run_meeting(user, meeting))
    initial = {"yes": motion.yes, "no": motion.no, "abstain": motion.abstain}
    form = HandsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            voting.record_hands(motion, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The counts were recorded."))
            return _back(request, meeting, f"motion-{motion.pk}")
    context = {
        "meeting": meeting,
        "motion": motion,
        "form": form,
        "attendance": attendance_of(meeting),
        "next": _next(request),
    }
    return render(request, "meetings/voting_hands.html", context)


@login_required
def motion_ballot(request: HttpRequest, pk: int) -> HttpResponse:
    """A participant's ballot on the phone: agree, disagree or no opinion, once."""
    user = request.user
    motion = access.get_motion_for(user, pk)
    meeting = motion.meeting
    require(access.can_cast_ballot(user, meeting))
    form = MotionBallotForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            voting.cast_motion_ballot(motion, by=user, choice=form.cleaned_data["choice"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
            status = 409 if getattr(exc, "code", None) == "already_voted" else 200
        else:
            # The receipt says that the vote counts, never what it was.
            messages.success(request, _("Your ballot was cast. Thank you."))
            return redirect("meetings:motion_ballot", pk=motion.pk)
    seat = access.seat_of(user, meeting)
    context = {
        "meeting": meeting,
        "motion": motion,
        "form": form,
        "seat": seat,
        "has_voted": MotionBallot.objects.filter(motion=motion, participant=seat).exists(),
    }
    return render(request, "meetings/voting_ballot.html", context, status=status)


@login_required
def motion_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """How many have voted and who has not yet (the htmx fragment refreshes it)."""
    user = request.user
    motion = access.get_motion_for(user, pk)
    require(access.can_run_meeting(user, motion.meeting))
    return _progress(request, motion)


def _progress(request: HttpRequest, vote: Motion | Election) -> HttpResponse:
    waiting = voting.not_voted(vote) if vote.status == VoteStatus.OPEN else []
    context = {
        "vote": vote,
        "voted": vote.ballots.count(),
        "waiting": waiting,
        "attendance": attendance_of(vote.meeting),
        "progress_url": request.path,
    }
    template = (
        "meetings/voting_progress.html#progress"
        if request.htmx
        else "meetings/voting_progress.html"
    )
    return render(request, template, context)


# --- Elections --------------------------------------------------------------------------------


def _election_form_page(request, meeting, form, election=None) -> HttpResponse:
    return render(
        request,
        "meetings/voting_election_form.html",
        {"meeting": meeting, "election": election, "form": form, "next": _next(request)},
    )


@login_required
def election_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = access.get_meeting_for(user, pk)
    require(access.can_run_meeting(user, meeting))
    form = ElectionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            election = voting.add_election(meeting, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The election was added: now add its candidates."))
            return redirect("meetings:election_detail", pk=election.pk)
    return _election_form_page(request, meeting, form)


@login_required
def election_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    election = access.get_election_for(user, pk)
    require(access.can_run_meeting(user, election.meeting))
    initial = {
        "title": election.title,
        "seats": election.seats,
        "board_kind": election.board_kind,
        "method": election.method,
    }
    form = ElectionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            voting.update_election(election, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The election was updated."))
            return redirect("meetings:election_detail", pk=election.pk)
    return _election_form_page(request, election.meeting, form, election)


def _commune_of(election: Election):
    if election.board_kind != BoardKind.COMMUNE:
        return None
    try:
        return voting.board_unit(election.meeting, election.board_kind)
    except ValidationError:
        return None


def _render_election(
    request: HttpRequest,
    election: Election,
    *,
    candidate_form: CandidateForm | None = None,
    counts_form: ElectionCountsForm | None = None,
) -> HttpResponse:
    user = request.user
    meeting = election.meeting
    may_run = access.can_run_meeting(user, meeting)
    candidates = list(election.candidates.order_by("full_name", "id"))
    closed = election.status == VoteStatus.CLOSED
    result = voting.election_result(election, candidates) if closed else None
    if result is not None:
        for candidate in candidates:
            candidate.percent = _percent(candidate.votes, result.valid)
    context = {
        "meeting": meeting,
        "election": election,
        "candidates": candidates,
        "result": result,
        "warnings": voting.election_warnings(election, len(candidates))
        if election.status == VoteStatus.DRAFT
        else [],
        "may_run": may_run,
        "may_prepare": may_run
        and election.status == VoteStatus.DRAFT
        and meeting.status in voting.PREPARABLE_STATUSES,
        "may_open": may_run
        and election.status == VoteStatus.DRAFT
        and meeting.status == MeetingStatus.IN_PROGRESS,
        "can_vote": access.can_cast_ballot(user, meeting),
        "candidate_form": candidate_form
        or CandidateForm(election=election, commune=_commune_of(election)),
        "counts_form": counts_form
        or (
            ElectionCountsForm(
                candidates=candidates,
                initial={
                    "ballots_cast": election.ballots_cast,
                    "ballots_invalid": election.ballots_invalid,
                },
            )
            if election.method == VoteMethod.HANDS and election.status == VoteStatus.OPEN
            else None
        ),
    }
    return render(request, "meetings/voting_election.html", context)


@login_required
def election_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_election(request, access.get_election_for(request.user, pk))


@login_required
@require_POST
def candidate_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    election = access.get_election_for(user, pk)
    require(access.can_run_meeting(user, election.meeting))
    form = CandidateForm(request.POST, election=election, commune=_commune_of(election))
    if form.is_valid():
        try:
            voting.add_candidate(election, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The candidate was added."))
            return redirect("meetings:election_detail", pk=election.pk)
    return _render_election(request, election, candidate_form=form)


@login_required
@require_POST
def candidate_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    candidate = access.get_candidate_for(user, pk)
    election = candidate.election
    require(access.can_run_meeting(user, election.meeting))
    try:
        voting.remove_candidate(candidate, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, _("The candidate was removed."))
    return redirect("meetings:election_detail", pk=election.pk)


def _election_step(request: HttpRequest, pk: int, step, done: str) -> HttpResponse:
    user = request.user
    election = access.get_election_for(user, pk)
    require(access.can_run_meeting(user, election.meeting))
    try:
        step(election, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, done)
    if request.POST.get("next"):
        return _back(request, election.meeting, f"election-{election.pk}")
    return redirect("meetings:election_detail", pk=election.pk)


@login_required
@require_POST
def election_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    election = access.get_election_for(user, pk)
    require(access.can_run_meeting(user, election.meeting))
    try:
        voting.delete_election(election, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
        return redirect("meetings:election_detail", pk=election.pk)
    messages.success(request, _("The election was deleted."))
    return _back(request, election.meeting)


@login_required
@require_POST
def election_open(request: HttpRequest, pk: int) -> HttpResponse:
    return _election_step(request, pk, voting.open_election, _("Voting is open."))


@login_required
@require_POST
def election_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _election_step(
        request, pk, voting.close_election, _("Voting is closed: see the result.")
    )


@login_required
@require_POST
def election_board(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the People's Inspection Board from the result, then show it."""
    user = request.user
    election = access.get_election_for(user, pk)
    require(access.can_run_meeting(user, election.meeting))
    try:
        board = voting.set_up_board(election, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
        return redirect("meetings:election_detail", pk=election.pk)
    messages.success(
        request,
        _("The elected were recorded as members of the board. Record its recognition there."),
    )
    return redirect("oversight:detail", pk=board.pk)


@login_required
@require_POST
def election_counts(request: HttpRequest, pk: int) -> HttpResponse:
    """The counting board's figures (show of hands, or paper ballots counted in the room)."""
    user = request.user
    election = access.get_election_for(user, pk)
    require(access.can_run_meeting(user, election.meeting))
    candidates = list(election.candidates.order_by("full_name", "id"))
    form = ElectionCountsForm(request.POST, candidates=candidates)
    if form.is_valid():
        try:
            voting.record_election_counts(
                election,
                by=user,
                ballots_cast=form.cleaned_data["ballots_cast"],
                ballots_invalid=form.cleaned_data["ballots_invalid"],
                votes=form.votes(),
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The counts were recorded."))
            return redirect("meetings:election_detail", pk=election.pk)
    return _render_election(request, election, counts_form=form)


@login_required
def election_ballot(request: HttpRequest, pk: int) -> HttpResponse:
    """A participant's election ballot on the phone: mark at most `seats` candidates, once."""
    user = request.user
    election = access.get_election_for(user, pk)
    meeting = election.meeting
    require(access.can_cast_ballot(user, meeting))
    candidates = list(election.candidates.order_by("full_name", "id"))
    data = request.POST if request.method == "POST" else None
    form = ElectionBallotForm(data, candidates=candidates, seats=election.seats)
    status = 200
    if data is not None and form.is_valid():
        try:
            voting.cast_election_ballot(
                election, by=user, candidates=[int(c) for c in form.cleaned_data["candidates"]]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
            status = 409 if getattr(exc, "code", None) == "already_voted" else 200
        else:
            messages.success(request, _("Your ballot was cast. Thank you."))
            return redirect("meetings:election_ballot", pk=election.pk)
    seat = access.seat_of(user, meeting)
    context = {
        "meeting": meeting,
        "election": election,
        "form": form,
        "seat": seat,
        "has_voted": ElectionBallot.objects.filter(election=election, participant=seat).exists(),
    }
    return render(request, "meetings/voting_election_ballot.html", context, status=status)


@login_required
def election_progress(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    election = access.get_election_for(user, pk)
    require(access.can_run_meeting(user, election.meeting))
    return _progress(request, election)
