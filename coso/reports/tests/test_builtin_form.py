"""The form coso ships ("Báo cáo kết quả thực hiện dân chủ ở cơ sở"): installed by migration
0002, reversible, and its rules refuse impossible figures when a unit saves its report."""

from __future__ import annotations

import importlib

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import translation
from django.utils.translation import gettext

from coso.reports import actions, builtin_form
from coso.reports.models import (
    IndicatorKind,
    ReportForm,
    SubmissionStatus,
    SubmissionValue,
)

from .conftest_form_builder import require_form

# What the issue asks the form to report, by the code aggregation and trends match on.
EXPECTED_CODES = {
    "propaganda-sessions",
    "propaganda-participants",
    "steering-committees",
    "steering-meetings",
    "plans-issued",
    "conferences-held",
    "dialogues-held",
    "dialogue-issues",
    "citizen-receptions",
    "feedback-received",
    "feedback-resolved",
    "feedback-overdue",
    "complaints-received",
    "complaints-settled",
    "denunciations-received",
    "denunciations-settled",
    "disclosures",
    "community-decisions",
    "inspection-boards-active",
    "inspection-board-recommendations",
    "inspection-board-recommendations-accepted",
    "inspections",
    "violations-found",
    "violations-corrected",
    "models-recognised",
    "feedback-on-time-rate",
    "democracy-regulation-issued",
    "self-assessment",
    "results",
    "shortcomings",
    "lessons",
    "next-tasks",
}
EXPECTED_RULES = {
    ("feedback-resolved", "lte", "feedback-received"),
    ("feedback-overdue", "lte", "feedback-received"),
    ("complaints-settled", "lte", "complaints-received"),
    ("denunciations-settled", "lte", "denunciations-received"),
    ("violations-corrected", "lte", "violations-found"),
    ("inspection-board-recommendations-accepted", "lte", "inspection-board-recommendations"),
}


@pytest.fixture
def builtin(db) -> ReportForm:
    return ReportForm.objects.get(code="dan-chu-co-so")


@pytest.fixture
def submission(tree, province_officer, builtin):
    requirement = require_form(tree, province_officer, builtin)
    return requirement.submissions.get(unit=tree.commune)


def _vi(message: str) -> str:
    with translation.override("vi"):
        return gettext(message)


def test_the_form_exists_after_migrations_for_every_unit(builtin):
    # then it is coso's own form, offered to every unit, with the official name
    assert builtin.name == "Báo cáo kết quả thực hiện dân chủ ở cơ sở"
    assert builtin.owner_unit is None and builtin.is_active


def test_the_form_has_every_item_the_issue_lists(builtin):
    codes = set(builtin.indicators.values_list("code", flat=True))
    assert codes >= EXPECTED_CODES


def test_the_labels_use_administrative_wording(builtin):
    labels = dict(builtin.indicators.values_list("code", "label"))
    assert labels["propaganda-sessions"].startswith("Số cuộc tuyên truyền, phổ biến")
    assert labels["propaganda-participants"] == "Số lượt người tham gia"
    assert labels["feedback-received"] == "Số phản ánh, kiến nghị tiếp nhận"
    assert "đã giải quyết" in labels["feedback-resolved"]
    assert "quá hạn chưa giải quyết" in labels["feedback-overdue"]


def test_the_form_has_a_percentage_a_yes_no_a_choice_and_narratives(builtin):
    kinds = dict(builtin.indicators.values_list("code", "kind"))
    assert kinds["feedback-on-time-rate"] == IndicatorKind.PERCENT
    assert kinds["democracy-regulation-issued"] == IndicatorKind.BOOLEAN
    assert kinds["self-assessment"] == IndicatorKind.CHOICE
    assert builtin.indicators.get(code="self-assessment").choices == [
        "Tốt",
        "Khá",
        "Trung bình",
        "Yếu",
    ]
    for code in ("results", "shortcomings", "lessons", "next-tasks"):
        assert kinds[code] == IndicatorKind.NARRATIVE


def test_six_to_eight_key_figures_feed_the_trends(builtin):
    keys = list(builtin.indicators.filter(is_key=True).values_list("kind", flat=True))
    assert 6 <= len(keys) <= 8
    assert all(kind in (IndicatorKind.INTEGER, IndicatorKind.PERCENT) for kind in keys)


def test_the_rules_compare_settled_with_received(builtin):
    rules = {(r.left.code, r.operator, r.right.code) for r in builtin.rules.all()}
    assert rules == EXPECTED_RULES


def test_every_code_is_a_stable_ascii_slug(builtin):
    for code in builtin.indicators.values_list("code", flat=True):
        assert code.isascii() and code == code.lower() and " " not in code


def test_the_migration_is_reversible(builtin):
    # given the app registry as migration 0002 sees it
    apps = MigrationLoader(connection).project_state(("reports", "0002_builtin_form")).apps
    migration = importlib.import_module("coso.reports.migrations.0002_builtin_form")
    count = builtin.indicators.count()

    # when the migration is reversed, the form is gone with its indicators and rules
    migration.uninstall(apps, None)
    assert not ReportForm.objects.filter(code=builtin_form.CODE).exists()

    # and when it is applied again, the same form is back
    migration.install(apps, None)
    again = ReportForm.objects.get(code=builtin_form.CODE)
    assert again.indicators.count() == count
    assert again.rules.count() == len(EXPECTED_RULES)


def test_applying_it_twice_creates_one_form(builtin):
    from coso.reports.models import FormSection, Indicator, ValidationRule

    builtin_form.install(ReportForm, FormSection, Indicator, ValidationRule)

    assert ReportForm.objects.filter(code=builtin_form.CODE).count() == 1


@pytest.mark.parametrize(("left", "operator", "right"), sorted(EXPECTED_RULES))
def test_settled_more_than_received_is_refused_and_nothing_is_saved(
    submission, commune_officer, left, operator, right
):
    # when the commune reports more settled than received
    with pytest.raises(ValidationError) as caught:
        actions.save_draft(
            submission, by=commune_officer, values={left: "5", right: "3"}, revision=0
        )

    # then the message is in Vietnamese and names the figures; nothing is written
    message = " ".join(caught.value.message_dict[left])
    assert "không được lớn hơn" in message
    assert not SubmissionValue.objects.filter(submission=submission).exists()
    submission.refresh_from_db()
    assert submission.revision == 0 and submission.status == SubmissionStatus.NOT_STARTED


def test_settled_equal_to_received_is_accepted(submission, commune_officer):
    saved = actions.save_draft(
        submission,
        by=commune_officer,
        values={"feedback-received": "12", "feedback-resolved": "12", "feedback-overdue": "0"},
        revision=0,
    )

    assert saved.status == SubmissionStatus.DRAFT
    assert SubmissionValue.objects.filter(submission=submission).count() == 3


def test_resolved_more_than_received_message_is_the_one_officers_read(submission, commune_officer):
    with pytest.raises(ValidationError) as caught:
        actions.save_draft(
            submission,
            by=commune_officer,
            values={"feedback-received": "10", "feedback-resolved": "11"},
            revision=0,
        )

    assert caught.value.message_dict["feedback-resolved"] == [
        "Số phản ánh, kiến nghị đã giải quyết không được lớn hơn số tiếp nhận."
    ]


def test_a_percentage_of_101_is_refused(submission, commune_officer):
    with pytest.raises(ValidationError) as caught:
        actions.save_draft(
            submission, by=commune_officer, values={"feedback-on-time-rate": "101"}, revision=0
        )

    assert caught.value.message_dict["feedback-on-time-rate"] == [
        _vi("A percentage cannot be over 100.")
    ]
    assert not SubmissionValue.objects.filter(submission=submission).exists()


@pytest.mark.parametrize("code", ["propaganda-sessions", "feedback-received", "violations-found"])
def test_a_negative_count_is_refused(submission, commune_officer, code):
    with pytest.raises(ValidationError) as caught:
        actions.save_draft(submission, by=commune_officer, values={code: "-3"}, revision=0)

    assert caught.value.message_dict[code] == [_vi("The number cannot be negative.")]
    assert not SubmissionValue.objects.filter(submission=submission).exists()


def test_an_answer_outside_the_self_assessment_scale_is_refused(submission, commune_officer):
    with pytest.raises(ValidationError) as caught:
        actions.save_draft(
            submission, by=commune_officer, values={"self-assessment": "Xuất sắc"}, revision=0
        )

    assert "self-assessment" in caught.value.message_dict
    assert not SubmissionValue.objects.filter(submission=submission).exists()


def test_a_complete_report_on_the_builtin_form_can_be_submitted(submission, commune_officer):
    # given a draft with every required item
    submission = actions.save_draft(
        submission,
        by=commune_officer,
        values={
            "propaganda-sessions": "14",
            "propaganda-participants": "1250",
            "feedback-received": "20",
            "feedback-resolved": "18",
            "feedback-on-time-rate": "90",
            "democracy-regulation-issued": "có",
            "self-assessment": "Khá",
            "results": "Tổ chức 14 cuộc tuyên truyền; đối thoại định kỳ với Nhân dân.",
            "next-tasks": "Tiếp tục kiện toàn Ban Thanh tra nhân dân.",
        },
        revision=0,
    )

    # when it is submitted
    submitted = actions.submit(submission, by=commune_officer)

    # then it went up with its figures frozen
    assert submitted.status == SubmissionStatus.SUBMITTED
    data = submitted.versions.get().data
    assert data["propaganda-participants"] == "1250"
    assert data["self-assessment"] == "Khá"


def test_a_report_missing_a_required_item_cannot_be_submitted(submission, commune_officer):
    submission = actions.save_draft(
        submission, by=commune_officer, values={"propaganda-sessions": "3"}, revision=0
    )

    with pytest.raises(ValidationError) as caught:
        actions.submit(submission, by=commune_officer)

    assert {"self-assessment", "results", "next-tasks"} <= set(caught.value.message_dict)
