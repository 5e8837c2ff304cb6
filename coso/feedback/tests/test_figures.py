"""The feedback figures that prefill the periodic reports, under the built-in form's codes."""

import datetime as dt
from decimal import Decimal

from coso.core.dates import today
from coso.feedback import actions
from coso.feedback.figures import CODES, report_figures
from coso.feedback.models import Feedback
from coso.feedback.stats import statistics
from coso.feedback.tests.conftest import make_denunciation, make_feedback
from coso.reports.builtin_form import SECTIONS


def test_every_code_is_an_indicator_of_the_built_in_form():
    form_codes = {i["code"] for section in SECTIONS for i in section["indicators"]}

    assert set(CODES) <= form_codes


def test_nothing_received_gives_zeros_and_no_rate(tree):
    figures = report_figures(tree.commune, dt.date(2020, 1, 1), dt.date(2020, 12, 31))

    assert "feedback-on-time-rate" not in figures
    assert set(figures.values()) == {0}


def test_the_figures_count_the_subtree_for_the_period(tree, commune_officer):
    answered = make_feedback(tree.village)
    actions.answer(answered, by=commune_officer, text="Thôn đã sửa xong đoạn đường.")
    waiting = make_feedback(tree.commune, title="Đèn đường hỏng")
    Feedback.objects.filter(pk=waiting.pk).update(due_on=today() - dt.timedelta(days=1))
    complaint = make_feedback(tree.commune, kind_code="complaint", title="Khiếu nại thu hồi đất")
    actions.answer(complaint, by=commune_officer, text="Đã giải quyết theo quy định.")
    make_denunciation(tree.commune)
    make_feedback(tree.other_commune)  # another commune: not counted
    old = make_feedback(tree.commune)
    Feedback.objects.filter(pk=old.pk).update(received_on=dt.date(today().year - 1, 5, 5))

    year = today().year
    figures = report_figures(tree.commune, dt.date(year, 1, 1), dt.date(year, 12, 31))

    assert figures == {
        "feedback-received": 2,
        "feedback-resolved": 1,
        "feedback-overdue": 1,
        "feedback-on-time-rate": Decimal("100.0"),
        "complaints-received": 1,
        "complaints-settled": 1,
        "denunciations-received": 1,
        "denunciations-settled": 0,
    }
    last_year = report_figures(tree.commune, dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31))
    assert last_year["feedback-received"] == 1


def test_the_figures_agree_with_the_statistics_page(tree):
    make_feedback(tree.commune)
    make_feedback(tree.village, kind_code="complaint", title="Khiếu nại")
    year = today().year

    figures = report_figures(tree.province, dt.date(year, 1, 1), dt.date(year, 12, 31))
    totals = statistics(tree.province, year).totals

    assert figures["feedback-received"] + figures["complaints-received"] == totals.received == 2
    assert figures["complaints-received"] == totals.complaints == 1


def test_the_figures_take_two_queries(tree, django_assert_num_queries):
    make_feedback(tree.commune)

    with django_assert_num_queries(2):
        report_figures(tree.commune, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
