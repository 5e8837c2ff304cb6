"""Requiring a report through the page: the right units are asked, and only those."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from coso.reports.models import PeriodKind, ReportRequirement, Submission, TargetMode
from coso.units import actions as unit_actions

from .conftest_requirements import create_data


def _create(client, tree, report_form, **changes):
    url = reverse("reports:requirement_create") + f"?unit={tree.province.pk}"
    return client.post(url, create_data(report_form, **changes))


def _asked(requirement: ReportRequirement) -> set[str]:
    return set(requirement.submissions.values_list("unit__name", flat=True))


def test_all_units_one_level_down_leaves_out_closed_units_and_other_provinces(
    login, tree, province_officer, report_form, another_province, root_admin
):
    # given a ward that has been closed
    unit_actions.close_unit(tree.other_commune, by=root_admin, closed_on=dt.date(2024, 1, 1))
    client = login(province_officer)

    # when the province requires a report from all units one level down
    response = _create(client, tree, report_form)

    # then the open children are asked, nobody else, and the officer lands on the requirement
    requirement = ReportRequirement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:requirement", args=[requirement.pk])
    assert _asked(requirement) == {tree.bloc.name, tree.commune.name}
    assert requirement.period.code == "2025S1"
    assert requirement.deadline == dt.date(2025, 6, 15)
    assert requirement.receiving_office == "Ban Dân vận Tỉnh ủy (qua Phòng Tổng hợp)"


def test_all_units_two_levels_down(login, tree, province_officer, report_form, another_province):
    client = login(province_officer)

    _create(client, tree, report_form, levels_down="2")

    assert _asked(ReportRequirement.objects.get()) == {
        tree.bloc.name,
        tree.commune.name,
        tree.other_commune.name,
        tree.office.name,
        tree.enterprise.name,
        tree.village.name,
    }


def test_units_of_some_kinds_two_levels_down(
    login, tree, province_officer, report_form, another_province
):
    client = login(province_officer)

    _create(
        client,
        tree,
        report_form,
        target_mode="kinds",
        target_kinds=["commune", "residential"],
        levels_down="2",
    )

    requirement = ReportRequirement.objects.get()
    assert requirement.target_mode == TargetMode.KINDS
    assert _asked(requirement) == {tree.commune.name, tree.other_commune.name, tree.village.name}


def test_a_chosen_list_asks_exactly_those_units(login, tree, province_officer, report_form):
    client = login(province_officer)

    _create(
        client,
        tree,
        report_form,
        target_mode="list",
        target_units=[tree.commune.pk, tree.village.pk],
        levels_down="1",
    )

    requirement = ReportRequirement.objects.get()
    assert _asked(requirement) == {tree.commune.name, tree.village.name}
    assert set(requirement.target_units.all()) == {tree.commune, tree.village}


def test_an_ad_hoc_period_with_a_yearly_repeat(login, tree, province_officer, report_form):
    client = login(province_officer)

    _create(
        client,
        tree,
        report_form,
        period_kind="ad_hoc",
        year="",
        number="",
        period_start="01/03/2025",
        period_end="31/05/2025",
        deadline="10/06/2025",
        repeats_yearly="on",
    )

    requirement = ReportRequirement.objects.get()
    assert requirement.period.kind == PeriodKind.AD_HOC
    assert (requirement.period.start, requirement.period.end) == (
        dt.date(2025, 3, 1),
        dt.date(2025, 5, 31),
    )
    assert requirement.repeats_yearly


def test_counting_the_units_asked_saves_nothing(login, tree, province_officer, report_form):
    client = login(province_officer)

    response = _create(client, tree, report_form, levels_down="2", preview="1")

    assert response.status_code == 200
    assert "6" in response.content.decode()
    assert response.context["asked_count"] == 6
    assert not ReportRequirement.objects.exists() and not Submission.objects.exists()


def test_the_unit_list_is_searched_without_diacritics(login, tree, province_officer):
    client = login(province_officer)
    url = reverse("reports:requirement_create") + f"?unit={tree.province.pk}"

    everything = client.get(url)
    found = client.get(url + "&q=thon dong")

    names = [u.name for u in everything.context["choices"]]
    assert tree.commune.name in names and tree.village.name in names
    assert tree.department.name not in names  # three levels down: only through a search
    assert [u.name for u in found.context["choices"]] == [tree.village.name]
    assert "Thôn Đông" in found.content.decode()


def test_without_a_unit_the_officer_first_picks_one(login, tree, province_officer):
    client = login(province_officer)

    response = client.get(reverse("reports:requirement_create"))

    assert response.status_code == 200
    assert tree.province.name in response.content.decode()
    assert tree.commune.name in response.content.decode()


def test_searching_units_keeps_the_entries_and_saves_nothing(
    login, tree, province_officer, report_form
):
    client = login(province_officer)
    url = reverse("reports:requirement_create") + f"?unit={tree.province.pk}"

    response = client.post(
        url,
        create_data(
            report_form,
            title="Báo cáo chuyên đề",
            target_mode="list",
            target_units=[tree.commune.pk],
            q="phong hanh chinh",
            search="1",
        ),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert not ReportRequirement.objects.exists()
    # in tree order: the search match, and the commune already ticked
    assert [u.name for u in response.context["choices"]] == [
        tree.department.name,
        tree.commune.name,
    ]
    assert 'value="Báo cáo chuyên đề"' in page
    assert f'value="{tree.commune.pk}" checked' in page
    assert 'class="errors"' not in page
