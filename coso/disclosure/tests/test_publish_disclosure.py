"""publish_disclosure: the one-step entry point other apps call (consultation results)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from coso.core.models import AuditEntry
from coso.disclosure import actions
from coso.disclosure.models import Disclosure, DisclosureStatus


def test_a_consultation_result_is_published_in_one_step(tree, commune_officer):
    # when another app publishes a consultation's result
    item = actions.publish_disclosure(
        by=commune_officer,
        unit=tree.commune,
        category_code="consultation_result",
        title="Kết quả lấy ý kiến Nhân dân về quy hoạch khu dân cư",
        body="Tiếp thu 12 ý kiến, giải trình 3 ý kiến.",
        starts_on=dt.date(2025, 3, 10),
        link="/cong-khai/lay-y-kien/7/",
    )

    # then it is public at once, version 1, with its publisher and the link back
    item.refresh_from_db()
    assert item.status == DisclosureStatus.PUBLISHED
    assert item.version == 1 and item.supersedes is None
    assert item.published_by == commune_officer and item.published_at is not None
    assert item.link == "/cong-khai/lay-y-kien/7/"
    assert item.category.code == "consultation_result"
    assert item.posting_days is None  # no planned end: never shorter than the minimum


def test_the_actor_is_recorded_in_the_audit_log(tree, commune_officer):
    item = actions.publish_disclosure(
        by=commune_officer,
        unit=tree.commune,
        category_code="ngan_sach",
        title="Dự toán ngân sách",
        starts_on=dt.date(2025, 3, 10),
    )

    entries = AuditEntry.objects.filter(object_pk=str(item.pk), content_type__model="disclosure")
    assert entries.exists()
    assert {e.actor_id for e in entries} == {commune_officer.pk}
    assert all(e.unit_path == tree.commune.path for e in entries)


def test_every_kind_of_unit_publishes_a_consultation_result(tree, admin):
    for unit in (tree.commune, tree.village, tree.office, tree.enterprise):
        item = actions.publish_disclosure(
            by=admin,
            unit=unit,
            category_code="consultation_result",
            title=f"Kết quả lấy ý kiến tại {unit.name}",
            starts_on=dt.date(2025, 3, 10),
        )
        assert item.category.unit_kind == unit.kind


@pytest.mark.parametrize("code", ["khong_co", "", "chinh_sach"])
def test_an_unknown_category_is_refused(tree, commune_officer, code):
    # "chinh_sach" exists, but for agencies, not communes.
    with pytest.raises(ValidationError) as exc:
        actions.publish_disclosure(
            by=commune_officer,
            unit=tree.commune,
            category_code=code,
            title="Dự toán",
            starts_on=dt.date(2025, 3, 10),
        )
    assert "category" in exc.value.message_dict
    assert not Disclosure.objects.exists()


def test_a_unit_kind_without_a_list_is_refused(tree, admin):
    with pytest.raises(ValidationError) as exc:
        actions.publish_disclosure(
            by=admin,
            unit=tree.province,
            category_code="other",
            title="Thông báo",
            starts_on=dt.date(2025, 3, 10),
        )
    assert "category" in exc.value.message_dict


def test_someone_without_a_managing_role_is_refused(tree, citizen, employee, committee_member):
    for user in (citizen, employee, committee_member):
        with pytest.raises(PermissionDenied):
            actions.publish_disclosure(
                by=user,
                unit=tree.commune,
                category_code="ngan_sach",
                title="Dự toán",
                starts_on=dt.date(2025, 3, 10),
            )
    assert not Disclosure.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"ends_on": dt.date(2025, 3, 9)}, "ends_on"),
        ({"issued_on": dt.date(2025, 3, 11)}, "starts_on"),
        ({"title": "   "}, "title"),
        ({"link": "not a link"}, "link"),
        ({"link": "javascript:alert(1)"}, "link"),
    ],
)
def test_bad_input_is_a_field_error_and_nothing_is_saved(tree, commune_officer, fields, field):
    data = {"title": "Dự toán", "starts_on": dt.date(2025, 3, 10)} | fields
    with pytest.raises(ValidationError) as exc:
        actions.publish_disclosure(
            by=commune_officer, unit=tree.commune, category_code="ngan_sach", **data
        )
    assert field in exc.value.message_dict
    assert not Disclosure.objects.exists()


def test_publishing_twice_is_refused(tree, commune_officer):
    item = actions.publish_disclosure(
        by=commune_officer,
        unit=tree.commune,
        category_code="ngan_sach",
        title="Dự toán",
        starts_on=dt.date(2025, 3, 10),
    )
    with pytest.raises(ValidationError):
        actions.publish(item, by=commune_officer)
