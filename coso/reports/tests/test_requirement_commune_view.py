"""A commune sees the requirement addressed to it, and only its own submission."""

from __future__ import annotations

from django.urls import reverse

from coso.reports import actions


def test_the_commune_sees_its_own_row_only(login, tree, commune_officer, half_year_requirement):
    # given the province's requirement, addressed to the bloc, the commune and the ward
    client = login(commune_officer)

    # when the commune officer opens it
    response = client.get(reverse("reports:requirement", args=[half_year_requirement.pk]))

    # then the header and the commune's row are there, the other units' rows are not
    page = response.content.decode()
    assert response.status_code == 200
    assert half_year_requirement.title in page
    assert "15/06/2024" in page
    assert "Ban Dân vận Tỉnh ủy (qua Phòng Tổng hợp)" in page
    assert [s.unit for s in response.context["page_obj"]] == [tree.commune]
    assert tree.other_commune.name not in page
    assert tree.bloc.name not in page
    assert response.context["counts"]["required"] == 1
    # and it cannot roll the requirement over
    assert reverse("reports:requirement_roll_over", args=[half_year_requirement.pk]) not in page


def test_the_province_sees_every_row_with_its_marks(
    login, tree, province_officer, commune_officer, half_year_requirement
):
    # given the commune submitted after the deadline (15/06/2024) and the others did not
    submission = half_year_requirement.submissions.get(unit=tree.commune)
    submission = actions.save_draft(
        submission, by=commune_officer, values={"receptions": "4"}, revision=0
    )
    actions.submit(submission, by=commune_officer)
    client = login(province_officer)
    url = reverse("reports:requirement", args=[half_year_requirement.pk])

    # when the province opens the requirement, then with the filters
    everything = client.get(url)
    missing = client.get(url + "?only=missing")
    late = client.get(url + "?only=late")
    submitted = client.get(url + "?status=submitted")

    rows = {s.unit.name: s for s in everything.context["page_obj"]}
    assert set(rows) == {tree.bloc.name, tree.commune.name, tree.other_commune.name}
    assert rows[tree.commune.name].late and not rows[tree.commune.name].overdue
    assert rows[tree.bloc.name].overdue
    assert everything.context["counts"] == {"required": 3, "submitted": 1, "late": 1, "missing": 2}
    assert (
        "Nộp muộn" in everything.content.decode() or "Submitted late" in everything.content.decode()
    )
    assert {s.unit for s in missing.context["page_obj"]} == {tree.bloc, tree.other_commune}
    assert [s.unit for s in late.context["page_obj"]] == [tree.commune]
    assert [s.unit for s in submitted.context["page_obj"]] == [tree.commune]
    assert reverse("reports:requirement_roll_over", args=[half_year_requirement.pk]) in (
        everything.content.decode()
    )


def test_a_bad_filter_is_ignored(login, province_officer, half_year_requirement):
    response = login(province_officer).get(
        reverse("reports:requirement", args=[half_year_requirement.pk])
        + "?status=xyz&only=1&page=x"
    )

    assert response.status_code == 200
