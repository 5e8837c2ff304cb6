"""The audit log of a unit's subtree: who changed what, readable by the officers of that subtree."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from coso.core.models import AuditEntry


def test_audit_page_shows_a_rename_with_old_and_new_name_and_who(
    login, tree, admin, commune_officer
):
    # given the administrator renamed the village through the page
    login(admin).post(
        reverse("units:rename", args=[tree.village.pk]), {"name": "Thôn Đông A", "short_name": ""}
    )

    # when the commune officer reads the commune's log
    response = login(commune_officer).get(reverse("units:audit", args=[tree.commune.pk]))

    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert "Thôn Đông → Thôn Đông A" in page
    assert "Nguyễn Quản Trị" in page
    assert "Sửa đổi" in page


def test_the_other_communes_officer_cannot_read_it(login, tree, admin, other_commune_officer):
    login(admin).post(
        reverse("units:rename", args=[tree.village.pk]), {"name": "Thôn Đông A", "short_name": ""}
    )

    response = login(other_commune_officer).get(reverse("units:audit", args=[tree.commune.pk]))
    own = login(other_commune_officer).get(reverse("units:audit", args=[tree.other_commune.pk]))

    assert response.status_code == 404
    assert "Thôn Đông A" not in own.content.decode()


def test_changes_without_an_actor_are_by_the_system(login, tree, admin):
    # given a change made outside any request and any action (e.g. a data repair)
    tree.village.staff_count = 12
    tree.village.save()

    page = login(admin).get(reverse("units:audit", args=[tree.village.pk])).content.decode()

    assert "Hệ thống" in page


def test_entries_are_newest_first_and_filtered_by_date(login, tree, admin):
    old = AuditEntry.objects.filter(object_pk=str(tree.village.pk)).get()
    old.timestamp = old.timestamp.replace(year=2020)
    old.save()
    login(admin).post(
        reverse("units:rename", args=[tree.village.pk]), {"name": "Thôn Đông A", "short_name": ""}
    )
    url = reverse("units:audit", args=[tree.village.pk])

    everything = login(admin).get(url).content.decode()
    recent = login(admin).get(url, {"since": dt.date.today().strftime("%d/%m/%Y")})

    assert everything.index("Thôn Đông → Thôn Đông A") < everything.index("Tạo mới")
    assert "Tạo mới" not in recent.content.decode().split("<tbody>")[1]


def test_a_bad_date_filter_shows_an_error_not_a_500(login, tree, admin):
    response = login(admin).get(
        reverse("units:audit", args=[tree.village.pk]), {"since": "31/02/2024"}
    )

    assert response.status_code == 200
    assert "since" in response.context["form"].errors
