"""The bloc's own report pre-filled from the reports of its agency and enterprise."""

import pytest
from django.core.exceptions import ValidationError

from coso.reports import actions, aggregate
from coso.reports.models import SubmissionStatus

from . import conftest_overview
from .conftest_overview import report, require

half_year = conftest_overview.half_year
overview_form = conftest_overview.overview_form


@pytest.fixture
def from_below(tree, half_year, province_officer, overview_form):
    """The bloc asked its units for the same half-year; two reported, one draft."""
    officer = province_officer
    bloc_requirement = require(officer, tree.bloc, overview_form, levels_down=2)
    report(
        bloc_requirement,
        tree.office,
        officer,
        {"received": "6", "resolved": "5", "rate": "90", "results": "Tổ chức 3 hội nghị."},
    )
    report(
        bloc_requirement,
        tree.enterprise,
        officer,
        {"received": "4", "resolved": "2", "rate": "70", "results": "Đối thoại định kỳ."},
    )
    report(bloc_requirement, tree.department, officer, {"received": "100"}, submit=False)
    return half_year.submissions.get(unit=tree.bloc)


def test_prefill_sums_figures_and_joins_narratives(tree, from_below, province_officer):
    submission = aggregate.prefill_from_below(from_below, by=province_officer)

    values = {v.indicator.code: v for v in submission.values.select_related("indicator")}
    assert values["received"].number == 10
    assert values["resolved"].number == 7
    assert values["rate"].number == 80
    assert values["results"].text == (
        f"{tree.office.name}: Tổ chức 3 hội nghị.\n\n{tree.enterprise.name}: Đối thoại định kỳ."
    )
    assert "committee" not in values  # a yes/no answers for the bloc itself
    submission.refresh_from_db()
    assert submission.is_aggregate and submission.status == SubmissionStatus.DRAFT


def test_prefill_refuses_a_submitted_report(from_below, province_officer):
    actions.save_draft(from_below, by=province_officer, values={"received": "1"}, revision=0)
    submitted = actions.submit(from_below, by=province_officer)

    with pytest.raises(ValidationError):
        aggregate.prefill_from_below(submitted, by=province_officer)

    submitted.refresh_from_db()
    assert submitted.values.get().number == 1 and not submitted.is_aggregate


def test_prefill_respects_the_revision_the_officer_saw(from_below, province_officer):
    opened_at = from_below.revision
    actions.save_draft(from_below, by=province_officer, values={"received": "2"}, revision=0)

    with pytest.raises(actions.EditConflict):
        aggregate.prefill_from_below(from_below, by=province_officer, revision=opened_at)

    from_below.refresh_from_db()
    assert from_below.values.get().number == 2 and not from_below.is_aggregate


def test_prefill_without_reports_below_says_so(tree, half_year, province_officer):
    submission = half_year.submissions.get(unit=tree.commune)

    with pytest.raises(ValidationError):
        aggregate.prefill_from_below(submission, by=province_officer)

    assert not submission.values.exists()


def test_prefill_needs_the_right_to_edit(from_below, other_commune_officer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        aggregate.prefill_from_below(from_below, by=other_commune_officer)
