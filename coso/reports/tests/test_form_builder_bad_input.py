"""Bad input on the form builder pages: a Vietnamese message on the field, nothing saved, no 500."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from coso.reports.models import FormSection, Indicator, ReportForm, ValidationRule

from . import conftest_form_builder

province_form = conftest_form_builder.province_form


def _vi(message: str) -> str:
    """What the officer reads: the message in the default language, Vietnamese."""
    with translation.override("vi"):
        return gettext(message)


def _snapshot() -> tuple:
    return (
        ReportForm.objects.count(),
        FormSection.objects.count(),
        sorted(Indicator.objects.values_list("pk", "code", "kind", "choices")),
        ValidationRule.objects.count(),
    )


def _field_errors(response, field: str) -> list[str]:
    return [str(e) for e in response.context["form"].errors.get(field, [])]


def _indicator_data(world, **changes) -> dict:
    data = {"section": world.section.pk, "label": "Số vụ việc", "code": "cases", "kind": "integer"}
    return data | changes


def test_a_duplicate_indicator_code_is_refused(login, province_officer, province_form):
    before = _snapshot()

    response = login(province_officer).post(
        reverse("reports:form_indicator_add", args=[province_form.section.pk]),
        _indicator_data(province_form, code="received"),
    )

    assert response.status_code == 200
    message = _vi("This form already has an indicator with this code.")
    assert _field_errors(response, "code") == [message]
    assert message in response.content.decode()
    assert _snapshot() == before


@pytest.mark.parametrize("code", ["Tiếp nhận", "phan anh", "UPPER", "-received", "a--b", ""])
def test_a_code_that_is_not_a_plain_slug_is_refused(login, province_officer, province_form, code):
    before = _snapshot()

    response = login(province_officer).post(
        reverse("reports:form_indicator_add", args=[province_form.section.pk]),
        _indicator_data(province_form, code=code),
    )

    assert response.status_code == 200
    assert _field_errors(response, "code")
    assert _snapshot() == before


def test_a_one_choice_indicator_without_answers_is_refused(login, province_officer, province_form):
    before = _snapshot()

    response = login(province_officer).post(
        reverse("reports:form_indicator_add", args=[province_form.section.pk]),
        _indicator_data(province_form, code="rating", kind="choice", choices="  \n"),
    )

    assert response.status_code == 200
    message = _vi("List the possible answers, one per line (at least two).")
    assert _field_errors(response, "choices") == [message]
    assert _snapshot() == before


def test_repeated_answers_are_refused(login, province_officer, province_form):
    before = _snapshot()

    response = login(province_officer).post(
        reverse("reports:form_indicator_add", args=[province_form.section.pk]),
        _indicator_data(province_form, code="rating", kind="choice", choices="Tốt\nKhá\nTốt"),
    )

    assert _field_errors(response, "choices") == [_vi("Each answer may be listed only once.")]
    assert _snapshot() == before


def test_answers_one_per_line_make_a_one_choice_indicator(login, province_officer, province_form):
    response = login(province_officer).post(
        reverse("reports:form_indicator_add", args=[province_form.section.pk]),
        _indicator_data(
            province_form, code="rating", kind="choice", choices="Tốt\r\n Khá \r\n\r\nYếu"
        ),
    )

    assert response.status_code == 302
    assert Indicator.objects.get(code="rating").choices == ["Tốt", "Khá", "Yếu"]


def test_a_text_cannot_be_a_key_indicator(login, province_officer, province_form):
    before = _snapshot()

    response = login(province_officer).post(
        reverse("reports:form_indicator_add", args=[province_form.section.pk]),
        _indicator_data(province_form, code="story", kind="narrative", is_key="on"),
    )

    assert _field_errors(response, "is_key") == [
        _vi("Only figures and yes/no answers can be key indicators.")
    ]
    assert _snapshot() == before


def test_an_unknown_kind_is_refused(login, province_officer, province_form):
    before = _snapshot()

    response = login(province_officer).post(
        reverse("reports:form_indicator_add", args=[province_form.section.pk]),
        _indicator_data(province_form, kind="money"),
    )

    assert response.status_code == 200
    assert _field_errors(response, "kind")
    assert _snapshot() == before


def test_a_rule_between_a_number_and_a_text_is_refused(login, province_officer, province_form):
    before = _snapshot()

    response = login(province_officer).post(
        reverse("reports:form_rule_add", args=[province_form.form.pk]),
        {"left": province_form.received.pk, "operator": "gte", "right": province_form.note.pk},
    )

    assert response.status_code == 200
    message = _vi("A rule compares two figures: choose a number or a percentage.")
    assert _field_errors(response, "right") == [message]
    assert _snapshot() == before


def test_a_rule_between_an_indicator_and_itself_is_refused(login, province_officer, province_form):
    before = _snapshot()

    response = login(province_officer).post(
        reverse("reports:form_rule_add", args=[province_form.form.pk]),
        {"left": province_form.received.pk, "operator": "gte", "right": province_form.received.pk},
    )

    assert _field_errors(response, "right") == [_vi("Compare the indicator with a different one.")]
    assert _snapshot() == before


def test_a_rule_with_an_indicator_of_another_form_is_refused(
    login, province_officer, province_form
):
    builtin = ReportForm.objects.get(code="dan-chu-co-so")
    foreign = builtin.indicators.get(code="feedback-received")
    before = _snapshot()

    response = login(province_officer).post(
        reverse("reports:form_rule_add", args=[province_form.form.pk]),
        {"left": province_form.received.pk, "operator": "gte", "right": foreign.pk},
    )

    assert response.status_code == 200
    assert _field_errors(response, "right")
    assert _snapshot() == before


def test_the_same_rule_twice_is_refused(login, province_officer, province_form):
    before = _snapshot()

    response = login(province_officer).post(
        reverse("reports:form_rule_add", args=[province_form.form.pk]),
        {"left": province_form.resolved.pk, "operator": "lte", "right": province_form.received.pk},
    )

    assert response.status_code == 200
    assert _vi("This rule already exists.") in response.content.decode()
    assert _snapshot() == before


def test_turning_an_indicator_of_a_rule_into_text_is_refused(
    login, province_officer, province_form
):
    before = _snapshot()

    response = login(province_officer).post(
        reverse("reports:form_indicator_edit", args=[province_form.resolved.pk]),
        _indicator_data(province_form, code="resolved", label="Đã giải quyết", kind="text"),
    )

    assert response.status_code == 200
    assert _field_errors(response, "kind")
    assert _snapshot() == before


@pytest.mark.parametrize(
    "data",
    [
        {"unit": "", "name": "Biểu mới", "code": "bieu-moi"},
        {"unit": "abc", "name": "Biểu mới", "code": "bieu-moi"},
        {"name": "", "code": "bieu-moi"},
        {"name": "Biểu mới", "code": "Biểu mới"},
        {"name": "Biểu mới", "code": "bieu-tinh"},
        {"name": "Biểu mới", "code": "x" * 80},
    ],
)
def test_a_bad_new_form_is_refused(login, tree, province_officer, province_form, data):
    data = {"unit": tree.province.pk} | data
    before = _snapshot()

    response = login(province_officer).post(reverse("reports:form_create"), data)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert _snapshot() == before


def test_a_duplicate_form_code_names_the_field(login, tree, province_officer, province_form):
    response = login(province_officer).post(
        reverse("reports:form_create"),
        {"unit": tree.province.pk, "name": "Biểu khác", "code": "bieu-tinh"},
    )

    assert _field_errors(response, "code") == [_vi("A form with this code already exists.")]


@pytest.mark.parametrize(
    "url_name", ["reports:form_detail", "reports:form_preview", "reports:form_edit"]
)
def test_a_missing_form_answers_404(login, province_officer, url_name):
    response = login(province_officer).get(reverse(url_name, args=[999999]))

    assert response.status_code == 404


def test_a_unit_id_that_is_not_a_number_answers_404(login, province_officer):
    response = login(province_officer).get(reverse("reports:form_create") + "?unit=abc")

    assert response.status_code == 404


def test_the_preview_refuses_resolved_over_received_and_saves_nothing(
    login, province_officer, province_form
):
    response = login(province_officer).post(
        reverse("reports:form_preview", args=[province_form.form.pk]),
        {"received": "3", "resolved": "5", "note": ""},
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "resolved" in errors
    assert not errors.get("received")
