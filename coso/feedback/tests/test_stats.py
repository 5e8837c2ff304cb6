"""How units handle feedback: the numbers on a small hand-built set, rolled up the tree."""

import datetime as dt

import pytest
from django.utils.translation import gettext as _

from coso.core.dates import today
from coso.feedback import actions, sender_actions
from coso.feedback.models import Feedback, Status
from coso.feedback.stats import Figures, rollup, statistics, totals
from coso.feedback.tests.conftest import field, kind, make_feedback

ONE_DAY = dt.timedelta(days=1)


def due(item: Feedback, day: dt.date) -> Feedback:
    """Move the item's deadline (the rule's own arithmetic is tested in test_deadlines.py)."""
    Feedback.objects.filter(pk=item.pk).update(due_on=day)
    item.refresh_from_db()
    return item


def answered(item: Feedback, officer, *, due_on: dt.date) -> Feedback:
    return actions.answer(due(item, due_on), by=officer, text="Xã đã kiểm tra và xử lý xong.")


@pytest.fixture
def hand_built(tree, commune_officer):
    """Seven items of Xã Thanh Miện, one for each case the figures tell apart."""
    officer = commune_officer
    on_due_day = answered(make_feedback(tree.commune), officer, due_on=today())
    day_after = answered(make_feedback(tree.commune), officer, due_on=today() - ONE_DAY)
    open_due_today = due(make_feedback(tree.commune), today())
    open_past_due = due(make_feedback(tree.commune), today() - ONE_DAY)
    closed = actions.close(
        answered(make_feedback(tree.commune), officer, due_on=today()), by=officer
    )
    reopened = answered(make_feedback(tree.commune), officer, due_on=today())
    reopened = sender_actions.reply_to_answer(
        feedback=reopened,
        satisfied=False,
        reason="Nước vẫn ngập như cũ, chưa ai đến xử lý.",
        code=reopened.tracking_code,
    )
    duplicate = make_feedback(tree.commune)
    actions.merge(duplicate, by=officer, into=open_due_today)
    return {
        "on_due_day": on_due_day,
        "day_after": day_after,
        "open_due_today": open_due_today,
        "open_past_due": open_past_due,
        "closed": closed,
        "reopened": reopened,
    }


def this_year() -> tuple[dt.date, dt.date]:
    return dt.date(today().year, 1, 1), dt.date(today().year, 12, 31)


def test_each_case_counts_where_it_belongs(tree, hand_built):
    figures = totals(tree.commune, *this_year())

    assert figures.received == 6  # the merged duplicate counts once, in its original
    assert figures.answered == 4  # on the due day, the day after, closed, reopened
    assert figures.in_time == 3  # the answer on the due day is in time; the day after is not
    assert figures.overdue == 2  # answered the day after, and open past its due day
    assert figures.closed == 1
    assert figures.reopened == 1
    days = [i.days_to_answer for i in hand_built.values() if i.days_to_answer is not None]
    assert figures.days_count == 4
    assert figures.average_days == round(sum(days) / len(days), 1)


def test_an_item_due_today_is_not_overdue_until_tomorrow(tree, hand_built):
    item = hand_built["open_due_today"]
    before = totals(tree.commune, *this_year()).overdue

    due(item, today() - ONE_DAY)

    assert totals(tree.commune, *this_year()).overdue == before + 1


def test_items_received_outside_the_period_are_not_counted(tree, commune_officer):
    old = make_feedback(tree.commune)
    Feedback.objects.filter(pk=old.pk).update(received_on=dt.date(today().year - 1, 12, 31))
    make_feedback(tree.commune)

    assert totals(tree.commune, *this_year()).received == 1
    last_year = dt.date(today().year - 1, 1, 1), dt.date(today().year - 1, 12, 31)
    assert totals(tree.commune, *last_year).received == 1


def test_the_province_rolls_up_its_children_subtrees(tree, commune_officer):
    make_feedback(tree.commune)
    make_feedback(tree.village)  # under the commune: counted in the commune's line
    make_feedback(tree.other_commune)
    make_feedback(tree.other_commune)
    make_feedback(tree.office)  # under the bloc
    make_feedback(tree.province)  # the province's own
    make_feedback(tree.central)  # above the province: never in its figures

    rows = rollup(tree.province, *this_year())

    by_label = {row.label: row.figures.received for row in rows}
    assert by_label == {
        _("Handled by the unit itself"): 1,
        tree.bloc.name: 1,
        tree.commune.name: 2,
        tree.other_commune.name: 2,
    }
    summed = Figures()
    for row in rows:
        summed.add(row.figures)
    assert summed == totals(tree.province, *this_year())
    assert summed.received == 6
    for child in (tree.bloc, tree.commune, tree.other_commune):
        assert totals(child, *this_year()) == next(r.figures for r in rows if r.unit == child)


def test_a_closed_child_without_items_has_no_line_but_one_with_items_keeps_it(
    tree, commune_officer, root_admin
):
    from coso.units import actions as unit_actions

    make_feedback(tree.commune)
    unit_actions.close_unit(tree.other_commune, by=root_admin, closed_on=today(), reason="Sáp nhập")

    labels = [row.label for row in rollup(tree.province, *this_year())]

    assert tree.commune.name in labels and tree.other_commune.name not in labels


def test_figures_by_field_and_by_kind(tree, commune_officer):
    roads = make_feedback(tree.commune)
    actions.classify(roads, by=commune_officer, kind=kind("reflection"), field=field())
    land = make_feedback(tree.commune, kind_code="complaint", title="Khiếu nại thu hồi đất")
    actions.classify(land, by=commune_officer, kind=kind("complaint"), field=field("land"))
    make_feedback(tree.commune)  # not classified yet

    stats = statistics(tree.commune, today().year)

    assert {row.label: row.figures.received for row in stats.by_field} == {
        field().name: 1,
        field("land").name: 1,
        _("Not classified yet"): 1,
    }
    assert {row.label: row.figures.received for row in stats.by_kind} == {
        kind("reflection").name: 2,
        kind("complaint").name: 1,
    }
    assert stats.totals.complaints == 1


def test_figures_by_month_quarter_and_year(tree, commune_officer):
    year = today().year
    for day in (dt.date(year, 1, 10), dt.date(year, 2, 3), dt.date(year, 11, 30)):
        item = make_feedback(tree.commune)
        Feedback.objects.filter(pk=item.pk).update(received_on=day, due_on=today() - ONE_DAY)
    item = make_feedback(tree.commune)
    Feedback.objects.filter(pk=item.pk).update(received_on=dt.date(year - 2, 6, 1))

    months = statistics(tree.commune, year, "month").by_period
    quarters = statistics(tree.commune, year, "quarter").by_period
    years = statistics(tree.commune, year, "year").by_period

    assert [r.figures.received for r in months] == [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]
    assert [r.figures.received for r in quarters] == [2, 0, 0, 1]
    assert [r.key for r in years] == [str(y) for y in range(year - 4, year + 1)]
    assert [r.figures.received for r in years][-3:] == [1, 0, 3]
    assert all(r.figures.overdue == 1 for r in months if r.figures.received)


def test_the_statistics_cost_the_same_queries_for_3_or_12_children(
    tree, root_admin, django_assert_num_queries
):
    from coso.units import actions as unit_actions
    from coso.units.models import UnitKind

    make_feedback(tree.commune)
    with django_assert_num_queries(5):
        statistics(tree.province, today().year)
    for n in range(9):
        unit_actions.create_unit(
            by=root_admin, parent=tree.province, name=f"Xã mới {n}", kind=UnitKind.COMMUNE
        )
    tree.province.refresh_from_db()
    with django_assert_num_queries(5):
        stats = statistics(tree.province, today().year)
    assert len(stats.by_child) == 12


def test_merged_items_never_count(tree, commune_officer):
    main = make_feedback(tree.commune)
    duplicate = make_feedback(tree.commune)
    actions.merge(duplicate, by=commune_officer, into=main)

    assert Feedback.objects.get(pk=duplicate.pk).status == Status.MERGED
    assert totals(tree.commune, *this_year()).received == 1
