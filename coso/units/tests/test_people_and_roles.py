"""People and roles of a unit: list, assign to an existing account, create an account, revoke."""

from __future__ import annotations

from django.urls import reverse

from coso.units.models import Role, RoleAssignment, User


def test_people_page_lists_role_holders(login, tree, commune_officer, province_officer):
    response = login(province_officer).get(reverse("units:people", args=[tree.commune.pk]))

    page = response.content.decode()
    assert "Lê Văn Xã" in page
    assert "Cán bộ đơn vị" in page
    assert "Giao vai trò cho tài khoản đã có" not in page


def test_admin_assigns_a_role_to_an_existing_account(login, tree, admin, citizen):
    response = login(admin).post(
        reverse("units:role_assign", args=[tree.commune.pk]),
        {"username": "CongDan", "role": Role.STAFF},
    )

    assert response.status_code == 302
    assert RoleAssignment.objects.filter(user=citizen, unit=tree.commune, role=Role.STAFF).exists()


def test_an_unknown_username_is_a_field_error(login, tree, admin, snapshot):
    before = snapshot()

    response = login(admin).post(
        reverse("units:role_assign", args=[tree.commune.pk]),
        {"username": "khongco", "role": Role.STAFF},
    )

    assert response.status_code == 200
    assert "Không có tài khoản nào với tên đăng nhập này." in response.content.decode()
    assert snapshot() == before


def test_admin_creates_an_account_with_a_role_who_can_then_sign_in(client, login, tree, admin):
    login(admin).post(
        reverse("units:user_create", args=[tree.commune.pk]),
        {
            "username": "canbo2",
            "full_name": "Ngô Văn Hai",
            "email": "",
            "job_title": "Công chức Văn phòng",
            "password": "Mat-khau-rat-dai-2025",
            "role": Role.UNIT_OFFICER,
        },
    )

    account = User.objects.get(username="canbo2")
    assert account.home_unit == tree.commune
    assert account.roles.get().role == Role.UNIT_OFFICER
    client.logout()
    assert client.login(username="canbo2", password="Mat-khau-rat-dai-2025")


def test_a_taken_username_or_weak_password_is_refused(
    login, tree, admin, commune_officer, snapshot
):
    before = snapshot()

    response = login(admin).post(
        reverse("units:user_create", args=[tree.commune.pk]),
        {"username": "xa", "full_name": "Trùng", "password": "123", "role": Role.STAFF},
    )

    errors = response.context["create_form"].errors
    assert response.status_code == 200
    assert "Tên đăng nhập này đã được sử dụng." in errors["username"]
    assert "password" in errors
    assert snapshot() == before


def test_admin_revokes_a_role(login, tree, admin, commune_officer):
    assignment = commune_officer.roles.get()

    response = login(admin).post(reverse("units:role_revoke", args=[assignment.pk]))

    assert response.status_code == 302
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
