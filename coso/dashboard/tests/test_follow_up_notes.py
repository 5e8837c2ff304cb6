import datetime as dt

from django.urls import reverse

from coso.units import actions as unit_actions
from coso.units.models import FollowAssignment


def test_each_child_shows_its_follower_and_the_first_line_of_the_latest_note(
    tree, committee_member, province_officer, login
):
    assignment = FollowAssignment.objects.get(unit=tree.commune)
    unit_actions.record_follow_up(
        assignment, by=committee_member, visited_on=dt.date(2024, 3, 1), findings="Cũ"
    )
    unit_actions.record_follow_up(
        assignment,
        by=committee_member,
        visited_on=dt.date(2024, 9, 12),
        findings="Xã đã ban hành kế hoạch\nChi tiết dòng hai",
    )

    response = login(province_officer).get(reverse("dashboard:unit", args=[tree.province.pk]))

    page = response.content.decode()
    assert "Vũ Văn Ủy Viên" in page
    assert "12/09/2024 — Xã đã ban hành kế hoạch" in page
    assert "Chi tiết dòng hai" not in page
    assert "Cũ" not in page


def test_children_without_follower_or_note_say_none_yet(
    tree, committee_member, province_officer, login
):
    response = login(province_officer).get(reverse("dashboard:unit", args=[tree.province.pk]))

    page = response.content.decode()
    assert tree.other_commune.name in page
    assert page.count("chưa có") >= 3  # commune: no note yet; other commune: no member, no note
