import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from coso.reports import actions
from coso.reports.models import (
    FormSection,
    Indicator,
    IndicatorKind,
    PeriodKind,
    ReportForm,
    RuleOperator,
    SubmissionStatus,
    ValidationRule,
)


@pytest.fixture
def small_form(db) -> ReportForm:
    form = ReportForm.objects.create(code="thu-nghiem", name="Biểu thử nghiệm")
    section = FormSection.objects.create(form=form, title="Phản ánh, kiến nghị")
    received = Indicator.objects.create(
        form=form,
        section=section,
        code="received",
        label="Tiếp nhận",
        kind=IndicatorKind.INTEGER,
        required=True,
    )
    resolved = Indicator.objects.create(
        form=form,
        section=section,
        code="resolved",
        label="Đã giải quyết",
        kind=IndicatorKind.INTEGER,
    )
    ValidationRule.objects.create(
        form=form, left=resolved, operator=RuleOperator.LTE, right=received
    )
    return form


@pytest.fixture
def requirement(tree, province_officer, small_form):
    return actions.create_requirement(
        by=province_officer,
        unit=tree.province,
        title="Sơ kết 6 tháng đầu năm 2024",
        form=small_form,
        period=actions.get_period(PeriodKind.HALF_YEAR, 2024, 1),
        deadline=dt.date(2024, 6, 15),
        receiving_office="Ban Dân vận Tỉnh ủy",
    )


def test_every_child_unit_is_expected_to_report(tree, requirement):
    assert set(requirement.submissions.values_list("unit__name", flat=True)) == {
        tree.bloc.name,
        tree.commune.name,
        tree.other_commune.name,
    }


def test_draft_submit_return_resubmit_accept(tree, requirement, commune_officer, province_officer):
    submission = requirement.submissions.get(unit=tree.commune)
    submission = actions.save_draft(
        submission, by=commune_officer, values={"received": "12", "resolved": "9"}, revision=0
    )
    submission = actions.submit(submission, by=commune_officer)
    assert submission.status == SubmissionStatus.SUBMITTED and submission.version == 1

    with pytest.raises(PermissionDenied):
        actions.accept_submission(submission, by=commune_officer)
    submission = actions.return_submission(
        submission, by=province_officer, reason="Thiếu số liệu quý II"
    )
    submission = actions.save_draft(
        submission, by=commune_officer, values={"resolved": "10"}, revision=submission.revision
    )
    submission = actions.submit(submission, by=commune_officer)
    submission = actions.accept_submission(submission, by=province_officer)

    assert submission.status == SubmissionStatus.ACCEPTED
    first, second = submission.versions.order_by("number")
    assert (
        first.data == {"received": "12", "resolved": "9"}
        and first.outcome == SubmissionStatus.RETURNED
    )
    assert second.data["resolved"] == "10" and second.outcome == SubmissionStatus.ACCEPTED


def test_a_stale_save_is_a_conflict_and_changes_nothing(tree, requirement, commune_officer):
    submission = requirement.submissions.get(unit=tree.commune)
    actions.save_draft(submission, by=commune_officer, values={"received": "5"}, revision=0)

    with pytest.raises(actions.EditConflict):
        actions.save_draft(submission, by=commune_officer, values={"received": "7"}, revision=0)

    assert submission.values.get().number == 5


def test_resolved_above_received_and_negative_counts_are_refused(
    tree, requirement, commune_officer
):
    submission = requirement.submissions.get(unit=tree.commune)
    with pytest.raises(ValidationError) as err:
        actions.save_draft(
            submission, by=commune_officer, values={"received": "3", "resolved": "4"}, revision=0
        )
    assert "resolved" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        actions.save_draft(submission, by=commune_officer, values={"received": "-1"}, revision=0)
    assert "received" in err.value.message_dict
    assert not submission.values.exists()


def test_a_deadline_before_the_period_starts_is_refused(tree, province_officer, small_form):
    with pytest.raises(ValidationError) as err:
        actions.create_requirement(
            by=province_officer,
            unit=tree.province,
            title="Tổng kết năm 2024",
            form=small_form,
            period=actions.get_period(PeriodKind.YEAR, 2024),
            deadline=dt.date(2023, 12, 1),
            receiving_office="Ban Dân vận",
        )
    assert "deadline" in err.value.message_dict
