"""Overdue corrective actions on the dashboards of the inspected and of the inspecting unit."""

from __future__ import annotations

from django.template.loader import render_to_string

from coso.inspections import actions
from coso.inspections.dashboard import dashboard_panel

from .conftest import days


def test_the_inspected_unit_sees_what_it_must_correct(world, tree):
    panel = dashboard_panel(tree.commune, on=days(0))

    assert panel["inspected"]["count"] == 1
    assert panel["inspected"]["items"] == [world.overdue]
    assert panel["inspecting"]["count"] == 0


def test_the_inspecting_unit_sees_what_its_inspections_required(world, tree):
    panel = dashboard_panel(tree.province, on=days(0))

    assert panel["inspecting"]["count"] == 1
    assert panel["inspecting"]["items"] == [world.overdue]
    assert panel["inspected"]["count"] == 0
    # a unit above the inspecting one sees it too; a sibling of the inspected one does not
    assert dashboard_panel(tree.central, on=days(0))["inspecting"]["count"] == 1
    other = dashboard_panel(tree.other_commune, on=days(0))
    assert other["inspected"]["count"] == other["inspecting"]["count"] == 0


def test_the_panel_follows_the_deadline_and_the_acceptance(
    world, tree, commune_officer, province_officer
):
    later = world.upcoming.deadline
    assert dashboard_panel(tree.commune, on=later)["inspected"]["count"] == 1
    assert dashboard_panel(tree.commune, on=days(21))["inspected"]["count"] == 2

    actions.report_action(world.overdue, by=commune_officer, note="Đã niêm yết.")
    actions.accept_action(world.overdue, by=province_officer)

    assert dashboard_panel(tree.commune, on=days(0))["inspected"]["count"] == 0


def test_the_panel_template_shows_counts_and_links(world, tree):
    html = render_to_string(
        "inspections/dashboard_panel.html", {"panel": dashboard_panel(tree.province, on=days(0))}
    )

    assert "Yêu cầu chấn chỉnh quá hạn" in html
    assert world.overdue.description in html
    assert "Xã Thanh Miện" in html
    assert f"/kiem-tra/khac-phuc/{world.overdue.pk}/" in html


def test_the_panel_takes_a_fixed_number_of_queries(world, tree, django_assert_num_queries):
    with django_assert_num_queries(4):
        dashboard_panel(tree.province, on=days(0))
