"""Who may see and act on report requirements and submissions (built on coso.units.access).

A unit sees its own reports and those of its subtree; the units asked for a report see the
requirement addressed to them; the receiving side (managers over the requiring unit) and
nobody else accepts or returns a submission.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from coso.core.pages import row_id
from coso.units.access import MANAGERS, has_role_over, subtree_q
from coso.units.models import Unit, User

from .models import ReportForm, ReportRequirement, Submission, SubmissionAttachment


def visible_requirements(user: User) -> QuerySet[ReportRequirement]:
    """Requirements the user's units issued, or that ask a unit the user reaches for a report."""
    asked = Submission.objects.filter(subtree_q(user, "unit_path")).values("requirement_id")
    return ReportRequirement.objects.filter(Q(subtree_q(user, "unit_path")) | Q(pk__in=asked))


def visible_submissions(user: User) -> QuerySet[Submission]:
    """Submissions of the units the user reaches (their own and their subtree's)."""
    return Submission.objects.filter(subtree_q(user, "unit_path"))


def can_create_requirement(user: User, unit: Unit) -> bool:
    return not unit.is_closed and has_role_over(user, unit, MANAGERS)


def can_manage_requirement(user: User, requirement: ReportRequirement) -> bool:
    return has_role_over(user, requirement.unit, MANAGERS)


def can_view_requirement(user: User, requirement: ReportRequirement) -> bool:
    if has_role_over(user, requirement.unit):
        return True
    return visible_submissions(user).filter(requirement=requirement).exists()


def can_view_submission(user: User, submission: Submission) -> bool:
    return has_role_over(user, submission.unit)


def can_fill_submission(user: User, submission: Submission) -> bool:
    """Fill, save, attach and submit: the unit's own managers (and those above them)."""
    return has_role_over(user, submission.unit, MANAGERS)


def can_edit_submission(user: User, submission: Submission) -> bool:
    """May fill it now: allowed to, and the report is not waiting for or past a decision."""
    return submission.is_editable and can_fill_submission(user, submission)


def can_decide_submission(user: User, submission: Submission) -> bool:
    """Accept or return: the receiving side, i.e. managers over the requiring unit."""
    return has_role_over(user, submission.requirement.unit, MANAGERS)


def can_manage_form(user: User, form: ReportForm) -> bool:
    if form.owner_unit_id is None:
        return user.is_superuser
    return has_role_over(user, form.owner_unit, MANAGERS)


def usable_forms(user: User, unit: Unit) -> QuerySet[ReportForm]:
    """Forms a unit may require: coso's own forms and those of the unit or the units above it."""
    return ReportForm.objects.filter(
        Q(owner_unit__isnull=True) | Q(owner_unit__path__in=unit.ancestor_paths()),
        is_active=True,
    )


def get_requirement_for(user: User, pk: int | str) -> ReportRequirement:
    requirement = (
        ReportRequirement.objects.select_related("unit", "form", "period")
        .filter(pk=row_id(pk))
        .first()
    )
    if requirement is None or not can_view_requirement(user, requirement):
        raise Http404
    return requirement


def get_submission_for(user: User, pk: int | str) -> Submission:
    submission = (
        Submission.objects.select_related(
            "unit", "requirement__unit", "requirement__form", "requirement__period"
        )
        .filter(pk=row_id(pk))
        .first()
    )
    if submission is None:
        raise Http404
    if not (can_view_submission(user, submission) or can_decide_submission(user, submission)):
        raise Http404
    return submission


def get_attachment_for(user: User, pk: int | str) -> SubmissionAttachment:
    attachment = SubmissionAttachment.objects.filter(pk=row_id(pk)).first()
    if attachment is None:
        raise Http404
    get_submission_for(user, attachment.submission_id)
    return attachment


def get_form_for(user: User, pk: int | str) -> ReportForm:
    form = ReportForm.objects.select_related("owner_unit").filter(pk=row_id(pk)).first()
    if form is None or not user.is_authenticated:
        raise Http404
    if form.owner_unit_id is not None and not (
        has_role_over(user, form.owner_unit)
        or any(path.startswith(form.owner_unit.path) for path in _user_paths(user))
    ):
        raise Http404
    return form


def _user_paths(user: User) -> list[str]:
    from coso.units.access import paths_for

    return paths_for(user)
