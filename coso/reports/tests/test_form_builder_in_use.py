"""A form units have started filling keeps its structure: figures must keep their meaning."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from coso.reports import actions
from coso.reports.models import FormSection, Indicator, ReportForm, ValidationRule

from . import conftest_form_builder

province_form = conftest_form_builder.province_form

IN_USE = (
    "Units have already entered figures in this form, so its structure can no longer be "
    "changed. Make a copy of the form and change the copy."
)


@pytest.fixture
def in_use(tree, province_officer, commune_officer, province_form):
    """The province's form, required from the communes; the commune has saved a draft."""
    requirement = conftest_form_builder.require_form(tree, province_officer, province_form.form)
    submission = requirement.submissions.get(unit=tree.commune)
    actions.save_draft(
        submission, by=commune_officer, values={"received": "4", "resolved": "2"}, revision=0
    )
    return province_form


def _vi(message: str) -> str:
    with translation.override("vi"):
        return gettext(message)


def _structure() -> tuple:
    return (
        sorted(FormSection.objects.values_list("pk", "title")),
        sorted(Indicator.objects.values_list("pk", "code", "label", "kind")),
        sorted(ValidationRule.objects.values_list("pk", "operator")),
    )


def test_a_form_nobody_filled_is_not_in_use(province_form, tree, province_officer):
    conftest_form_builder.require_form(tree, province_officer, province_form.form)

    assert not actions.form_in_use(province_form.form)


def test_the_page_of_a_form_in_use_is_read_only_and_says_why(login, province_officer, in_use):
    response = login(province_officer).get(reverse("reports:form_detail", args=[in_use.form.pk]))

    body = response.content.decode()
    assert response.status_code == 200
    assert reverse("reports:form_section_add", args=[in_use.form.pk]) not in body
    assert reverse("reports:form_indicator_edit", args=[in_use.received.pk]) not in body
    assert reverse("reports:form_rule_delete", args=[in_use.rule.pk]) not in body
    assert reverse("reports:form_copy", args=[in_use.form.pk]) in body
    # the structure is still shown, rules in words
    assert "Đã giải quyết ≤ Tiếp nhận" in body


def _structural_changes(world) -> dict[str, tuple[str, dict]]:
    return {
        "add_section": (
            reverse("reports:form_section_add", args=[world.form.pk]),
            {"title": "Mục mới"},
        ),
        "rename_section": (
            reverse("reports:form_section_edit", args=[world.section.pk]),
            {"title": "Tên khác"},
        ),
        "add_indicator": (
            reverse("reports:form_indicator_add", args=[world.section.pk]),
            {"section": world.section.pk, "label": "Số mới", "code": "new", "kind": "integer"},
        ),
        "edit_indicator": (
            reverse("reports:form_indicator_edit", args=[world.received.pk]),
            {"section": world.section.pk, "label": "Khác", "code": "received", "kind": "decimal"},
        ),
        "add_rule": (
            reverse("reports:form_rule_add", args=[world.form.pk]),
            {"left": world.received.pk, "operator": "gte", "right": world.resolved.pk},
        ),
    }


@pytest.mark.parametrize(
    "change", ["add_section", "rename_section", "add_indicator", "edit_indicator", "add_rule"]
)
def test_a_form_in_use_refuses_structural_changes(login, province_officer, in_use, change):
    url, data = _structural_changes(in_use)[change]
    before = _structure()

    response = login(province_officer).post(url, data)

    assert response.status_code == 200
    assert _vi(IN_USE) in response.content.decode()
    assert _structure() == before


@pytest.mark.parametrize("name", ["section", "note", "rule"])
def test_a_form_in_use_refuses_deletions(client, login, province_officer, in_use, name):
    url = {
        "section": reverse("reports:form_section_delete", args=[in_use.section.pk]),
        "note": reverse("reports:form_indicator_delete", args=[in_use.note.pk]),
        "rule": reverse("reports:form_rule_delete", args=[in_use.rule.pk]),
    }[name]
    before = _structure()

    response = login(province_officer).post(url, follow=True)

    assert response.status_code == 200
    assert _vi(IN_USE) in response.content.decode()
    assert _structure() == before


def test_the_add_pages_of_a_form_in_use_lead_back_to_it(login, province_officer, in_use):
    response = login(province_officer).get(
        reverse("reports:form_section_add", args=[in_use.form.pk])
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("reports:form_detail", args=[in_use.form.pk])


def test_the_actions_refuse_too(province_officer, in_use):
    with pytest.raises(ValidationError) as caught:
        actions.add_indicator(
            in_use.section, by=province_officer, code="extra", label="Thêm", kind="integer"
        )

    assert caught.value.code == "in_use"
    assert not Indicator.objects.filter(code="extra").exists()


def test_a_form_in_use_can_still_be_renamed_and_stopped(login, province_officer, in_use):
    client = login(province_officer)

    client.post(reverse("reports:form_edit", args=[in_use.form.pk]), {"name": "Biểu mẫu 2024"})
    client.post(reverse("reports:form_deactivate", args=[in_use.form.pk]))

    form = ReportForm.objects.get(pk=in_use.form.pk)
    assert form.name == "Biểu mẫu 2024" and not form.is_active


def test_a_copy_of_a_form_in_use_keeps_its_codes_and_can_be_changed(
    login, tree, province_officer, in_use
):
    # when the officer copies the form in use for the province
    response = login(province_officer).post(
        reverse("reports:form_copy", args=[in_use.form.pk]),
        {"unit": tree.province.pk, "name": "Biểu mẫu mới", "code": "bieu-tinh-2025"},
    )

    # then the copy has the same indicators and rules, and accepts a new indicator
    copy = ReportForm.objects.get(code="bieu-tinh-2025")
    assert response.status_code == 302
    assert sorted(copy.indicators.values_list("code", flat=True)) == [
        "note",
        "received",
        "resolved",
    ]
    assert copy.rules.get().left.form_id == copy.pk
    actions.add_indicator(
        copy.sections.get(), by=province_officer, code="overdue", label="Quá hạn", kind="integer"
    )
    assert in_use.form.indicators.count() == 3
