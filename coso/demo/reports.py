"""Demo reports: Quảng Trị asks its communes and its party bloc for the grassroots democracy
report (last year's annual review, this year's and last year's half-year reviews), most answer,
some late, one returned, some not yet; the centre asks the provinces, and Quảng Trị's own report
is a draft pre-filled from what its units sent."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from coso.reports import actions as report_actions
from coso.reports.aggregate import prefill_from_below
from coso.reports.models import (
    IndicatorKind,
    PeriodKind,
    ReportForm,
    ReportRequirement,
    RuleOperator,
    Submission,
    SubmissionVersion,
)
from coso.units.models import Unit, User

FORM_CODE = "dan-chu-co-so"
RECEIVING_OFFICE = "Ban Dân vận Tỉnh ủy Quảng Trị (cơ quan thường trực Ban Chỉ đạo)"
NARRATIVES = {
    "results": "Tổ chức tốt việc công khai, niêm yết; duy trì tiếp công dân định kỳ; các thôn, "
    "khu phố họp bàn và quyết định các công trình đóng góp của Nhân dân.",
    "shortcomings": "Một số thôn chưa cập nhật kịp thời nội dung niêm yết; hoạt động của Ban "
    "Thanh tra nhân dân có nơi còn hình thức.",
    "lessons": "Người đứng đầu cấp ủy, chính quyền trực tiếp đối thoại thì kiến nghị được giải "
    "quyết dứt điểm hơn.",
    "next-tasks": "Tiếp tục tuyên truyền Luật Thực hiện dân chủ ở cơ sở; kiện toàn Ban Thanh tra "
    "nhân dân; tổ chức hội nghị đối thoại định kỳ.",
}


def figures(form: ReportForm, rng: random.Random) -> dict[str, object]:
    """Plausible figures for every indicator, satisfying the form's rules."""
    values: dict[str, object] = {}
    for indicator in form.indicators.all():
        if indicator.kind == IndicatorKind.INTEGER:
            values[indicator.code] = rng.randint(2, 40)
        elif indicator.kind == IndicatorKind.DECIMAL:
            values[indicator.code] = Decimal(rng.randint(10, 500)) / 10
        elif indicator.kind == IndicatorKind.PERCENT:
            values[indicator.code] = rng.randint(70, 100)
        elif indicator.kind == IndicatorKind.BOOLEAN:
            values[indicator.code] = rng.random() < 0.85
        elif indicator.kind == IndicatorKind.CHOICE and indicator.choices:
            values[indicator.code] = rng.choice(indicator.choices[:2])
        elif indicator.kind == IndicatorKind.NARRATIVE:
            values[indicator.code] = NARRATIVES.get(indicator.code, "Thực hiện theo kế hoạch.")
    for rule in form.rules.select_related("left", "right"):
        left, right = values.get(rule.left.code), values.get(rule.right.code)
        if (
            rule.operator in (RuleOperator.LTE, RuleOperator.LT)
            and left is not None
            and right is not None
        ):
            values[rule.left.code] = rng.randint(0, int(right) - (rule.operator == RuleOperator.LT))
    return values


def backdate(submission: Submission, when: dt.datetime) -> None:
    """Demo history: the report was sent on `when`, not on the day the demo was loaded."""
    Submission.objects.filter(pk=submission.pk).update(first_submitted_at=when, submitted_at=when)
    SubmissionVersion.objects.filter(submission=submission).update(submitted_at=when)


def answer(
    requirement: ReportRequirement,
    *,
    officer_of,
    receiver: User,
    rng: random.Random,
    answered: float,
    late: float,
) -> None:
    """Units fill and send their reports; the province accepts most, returns one."""
    form = requirement.form
    returned = False
    for submission in requirement.submissions.select_related("unit").order_by("unit__path"):
        roll = rng.random()
        officer = officer_of(submission.unit)
        if roll > answered + 0.1:
            continue  # not started
        submission = report_actions.save_draft(
            submission, by=officer, values=figures(form, rng), revision=submission.revision
        )
        if roll > answered:
            continue  # a draft, not sent yet
        submission = report_actions.submit(submission, by=officer)
        deadline = timezone.make_aware(dt.datetime.combine(requirement.deadline, dt.time(9)))
        offset = dt.timedelta(
            days=rng.randint(3, 12) if rng.random() < late else -rng.randint(1, 10)
        )
        if deadline + offset < timezone.now():
            backdate(submission, deadline + offset)
        if not returned and rng.random() < 0.2:
            report_actions.return_submission(
                submission,
                by=receiver,
                reason="Số liệu phản ánh, kiến nghị chưa khớp với sổ theo dõi; đề nghị rà soát lại.",
            )
            returned = True
        elif rng.random() < 0.8:
            report_actions.accept_submission(submission, by=receiver)


def build_reports(
    *,
    central: Unit,
    province: Unit,
    admin: User,
    officer: User,
    officer_of,
    today: dt.date,
    rng: random.Random,
) -> None:
    form = ReportForm.objects.get(code=FORM_CODE)
    year = today.year

    def require(
        title: str, kind: str, period_year: int, number: int, deadline: dt.date, **extra
    ) -> ReportRequirement:
        return report_actions.create_requirement(
            by=officer,
            unit=province,
            title=title,
            form=form,
            period=report_actions.get_period(kind, period_year, number),
            deadline=deadline,
            receiving_office=RECEIVING_OFFICE,
            **extra,
        )

    half_last = require(
        f"Sơ kết 6 tháng đầu năm {year - 1} thực hiện dân chủ ở cơ sở",
        PeriodKind.HALF_YEAR,
        year - 1,
        1,
        dt.date(year - 1, 6, 15),
    )
    answer(half_last, officer_of=officer_of, receiver=officer, rng=rng, answered=0.95, late=0.15)
    annual_last = require(
        f"Tổng kết năm {year - 1} thực hiện dân chủ ở cơ sở",
        PeriodKind.YEAR,
        year - 1,
        0,
        dt.date(year - 1, 11, 15),
    )
    answer(annual_last, officer_of=officer_of, receiver=officer, rng=rng, answered=0.9, late=0.25)
    half_now = require(
        f"Sơ kết 6 tháng đầu năm {year} thực hiện dân chủ ở cơ sở",
        PeriodKind.HALF_YEAR,
        year,
        1,
        dt.date(year, 6, 15),
        repeats_yearly=True,
    )
    answer(half_now, officer_of=officer_of, receiver=officer, rng=rng, answered=0.7, late=0.3)

    # The centre asks the provinces; Quảng Trị's own report is pre-filled from its units' reports.
    central_half = report_actions.create_requirement(
        by=admin,
        unit=central,
        title=f"Sơ kết 6 tháng đầu năm {year} thực hiện dân chủ ở cơ sở",
        form=form,
        period=half_now.period,
        deadline=dt.date(year, 6, 30),
        receiving_office="Ban Dân vận Trung ương (Vụ Dân vận các cơ quan nhà nước)",
    )
    own = central_half.submissions.get(unit=province)
    prefill_from_below(own, by=officer)
