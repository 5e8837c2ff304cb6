"""The cast every test reuses: a small real tree and one person per role.

Tree (built through the real actions):
    Ban Chỉ đạo Trung ương (party body)                    <- admin
      Tỉnh Gia Lai (province)                              <- province_officer, committee
        Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh (party body)
          Văn phòng UBND tỉnh (agency)                     <- employee (staff)
            Phòng Hành chính - Tổ chức (department)
          Công ty Cổ phần Cà phê Gia Lai (enterprise)
        Xã Thanh Miện (commune)                            <- commune_officer
          Thôn Đông (residential community)
        Phường Quy Nhơn (commune)                          <- other_commune_officer
The committee member sits on the province's steering committee and follows Xã Thanh Miện.
The citizen has an account and no role.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer

from coso.units import actions as unit_actions
from coso.units.models import CommitteePosition, Role, Unit, UnitKind, User

# Fixtures of the reports tests, kept by area; registered here so every test sees them.
pytest_plugins = [
    "coso.reports.tests.conftest_api",
    "coso.reports.tests.conftest_exports",
    "coso.reports.tests.conftest_form_builder",
    "coso.reports.tests.conftest_overview",
    "coso.reports.tests.conftest_requirements",
    "coso.reports.tests.conftest_submission",
]

PASSWORD = "Mat-khau-thu-nghiem-2024"

# The live server of the concurrency tests takes 50 clients at once; Django's development
# server listens with a backlog of 10, and on a loaded machine the kernel then resets the
# connections it cannot queue. Production runs gunicorn (backlog 2048).
ThreadedWSGIServer.request_queue_size = 128

# Every persona of the permission matrices, "anonymous" being nobody signed in.
PERSONAS = (
    "admin",
    "province_officer",
    "commune_officer",
    "other_commune_officer",
    "employee",
    "committee_member",
    "citizen",
    "anonymous",
)


def client_as(client, personas: SimpleNamespace, name: str):
    """The test client signed in as the persona `name` (or left anonymous)."""
    if name != "anonymous":
        client.force_login(getattr(personas, name))
    return client


def make_user(username: str, full_name: str, home_unit: Unit | None = None, **extra) -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, full_name=full_name, home_unit=home_unit, **extra
    )
    return user


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Drop django-auditlog's own log table from the test database, and keep the seeded rows.

    coso swaps the audit model for core.AuditEntry, but auditlog's first migration still
    creates its unused table with a key to users; on PostgreSQL that key blocks the TRUNCATE
    with which transactional tests (the browser tests) clean up.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        with connection.cursor() as cursor:
            cascade = " CASCADE" if connection.vendor == "postgresql" else ""
            cursor.execute(f"DROP TABLE IF EXISTS auditlog_logentry{cascade}")
        _SEEDED_ROWS["default"] = _seeded_rows_as_json()


@pytest.fixture(autouse=True)
def _fast_hashing_and_private_media(settings, tmp_path) -> None:
    """Personas are created for every test: the production password hasher would dominate
    the run. Uploaded files go to a throw-away directory."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        # Still checks passwords hashed the production way (the demo data, loaded once).
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    settings.MEDIA_ROOT = tmp_path / "media"


# The rows that migrations seed (the holiday calendar, the law's rule sets, the built-in report
# form), as Django serialises them, taken once when the test database is ready.
_SEEDED_ROWS: dict[str, str] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests with real transactions (a live server, the worker) empty every table when they
    end, seeded rows included: each of them starts by putting those rows back."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = marker is not None and marker.kwargs.get("transaction")
        if transactional or {"live_server", "transactional_db"} & set(item.fixturenames):
            item.fixturenames.insert(0, "_seeded_rows_restored")


def _seeded_rows_as_json() -> str:
    """Every row of the fresh test database, except the content types and permissions that
    Django itself recreates after emptying the tables."""
    from django.apps import apps
    from django.core import serializers

    recreated = {"contenttypes.contenttype", "auth.permission"}
    app_list = [(config, list(config.get_models())) for config in apps.get_app_configs()]
    objects = []
    for model in serializers.sort_dependencies(app_list, allow_cycles=True):
        if model._meta.label_lower in recreated or model._meta.proxy or not model._meta.managed:
            continue
        objects.extend(model._base_manager.order_by("pk"))
    return serializers.serialize("json", objects)


@pytest.fixture
def _seeded_rows_restored(transactional_db) -> None:
    from django.db import connection

    connection.creation.deserialize_db_from_string(_SEEDED_ROWS["default"])


@pytest.fixture
def root_admin(db) -> User:
    return User.objects.create_superuser(
        username="sysadmin", password=PASSWORD, full_name="Quản trị hệ thống", email=""
    )


@pytest.fixture
def tree(root_admin) -> SimpleNamespace:
    add = unit_actions.create_unit
    central = add(
        by=root_admin,
        parent=None,
        name="Ban Chỉ đạo Trung ương",
        kind=UnitKind.PARTY_BODY,
        short_name="BCĐTW",
    )
    province = add(by=root_admin, parent=central, name="Tỉnh Gia Lai", kind=UnitKind.PROVINCE)
    bloc = add(
        by=root_admin,
        parent=province,
        name="Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh",
        kind=UnitKind.PARTY_BODY,
        short_name="ĐUK",
    )
    office = add(
        by=root_admin, parent=bloc, name="Văn phòng UBND tỉnh", kind=UnitKind.AGENCY, staff_count=85
    )
    department = add(
        by=root_admin, parent=office, name="Phòng Hành chính - Tổ chức", kind=UnitKind.DEPARTMENT
    )
    enterprise = add(
        by=root_admin, parent=bloc, name="Công ty Cổ phần Cà phê Gia Lai", kind=UnitKind.ENTERPRISE
    )
    commune = add(by=root_admin, parent=province, name="Xã Thanh Miện", kind=UnitKind.COMMUNE)
    village = add(by=root_admin, parent=commune, name="Thôn Đông", kind=UnitKind.RESIDENTIAL)
    other_commune = add(
        by=root_admin, parent=province, name="Phường Quy Nhơn", kind=UnitKind.COMMUNE
    )
    return SimpleNamespace(
        central=central,
        province=province,
        bloc=bloc,
        office=office,
        department=department,
        enterprise=enterprise,
        commune=commune,
        village=village,
        other_commune=other_commune,
    )


def _with_role(root_admin: User, user: User, unit: Unit, role: str) -> User:
    unit_actions.assign_role(by=root_admin, user=user, unit=unit, role=role)
    return user


@pytest.fixture
def admin(root_admin, tree) -> User:
    user = make_user("admin", "Nguyễn Quản Trị", tree.central)
    return _with_role(root_admin, user, tree.central, Role.ADMIN)


@pytest.fixture
def province_officer(root_admin, tree) -> User:
    user = make_user("tinh", "Trần Thị Tỉnh", tree.province, email="tinh@example.org")
    return _with_role(root_admin, user, tree.province, Role.STEERING_OFFICER)


@pytest.fixture
def commune_officer(root_admin, tree) -> User:
    user = make_user("xa", "Lê Văn Xã", tree.commune, email="xa@example.org")
    return _with_role(root_admin, user, tree.commune, Role.UNIT_OFFICER)


@pytest.fixture
def other_commune_officer(root_admin, tree) -> User:
    user = make_user("phuong", "Phạm Thị Phường", tree.other_commune)
    return _with_role(root_admin, user, tree.other_commune, Role.UNIT_OFFICER)


@pytest.fixture
def employee(root_admin, tree) -> User:
    user = make_user("nhanvien", "Hoàng Văn Viên", tree.office)
    return _with_role(root_admin, user, tree.office, Role.STAFF)


@pytest.fixture
def citizen(db) -> User:
    return make_user("congdan", "Đỗ Thị Dân")


@pytest.fixture
def committee(root_admin, tree, province_officer):
    return unit_actions.create_committee(
        by=province_officer,
        unit=tree.province,
        name="Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh",
        established_on=dt.date(2024, 1, 5),
    )


@pytest.fixture
def committee_member(root_admin, tree, committee, province_officer) -> User:
    user = make_user("uyvien", "Vũ Văn Ủy Viên", tree.province)
    member = unit_actions.add_committee_member(
        committee, by=province_officer, user=user, position=CommitteePosition.MEMBER
    )
    unit_actions.assign_follow(member, by=province_officer, unit=tree.commune)
    return user


@pytest.fixture
def personas(
    admin,
    province_officer,
    commune_officer,
    other_commune_officer,
    employee,
    citizen,
    committee_member,
):
    """Every persona at once, for permission matrices."""
    return SimpleNamespace(
        admin=admin,
        province_officer=province_officer,
        commune_officer=commune_officer,
        other_commune_officer=other_commune_officer,
        employee=employee,
        citizen=citizen,
        committee_member=committee_member,
    )


@pytest.fixture
def login(client):
    """Sign a persona in on the test client: `login(user)` returns the client."""

    def _login(user: User):
        client.force_login(user)
        return client

    return _login
