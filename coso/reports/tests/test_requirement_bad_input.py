"""Bad input on the create page: a message on the field, nothing saved, never a 500."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from coso.reports.models import Period, ReportRequirement, Submission

from .conftest_requirements import create_data


def _post(client, tree, report_form, **changes):
    url = reverse("reports:requirement_create") + f"?unit={tree.province.pk}"
    return client.post(url, create_data(report_form, **changes))


def _vi(msgid: str, **params) -> str:
    """The message as a Vietnamese user reads it (the page's language)."""
    with translation.override("vi"):
        return translation.gettext(msgid) % params if params else translation.gettext(msgid)


def _nothing_saved() -> bool:
    return not ReportRequirement.objects.exists() and not Submission.objects.exists()


def test_a_deadline_before_the_period_starts(login, tree, province_officer, report_form):
    client = login(province_officer)

    response = _post(client, tree, report_form, deadline="31/12/2024")

    assert response.status_code == 200
    errors = response.context["form"].errors
    expected = _vi("The deadline is before the period starts (%(d)s).", d="01/01/2025")
    assert errors["deadline"] == [expected]
    assert expected in response.content.decode()
    assert _nothing_saved()
    # the period of the refused requirement was not left behind either
    assert not Period.objects.filter(code="2025S1").exists()


def test_an_ad_hoc_period_ending_before_it_starts(login, tree, province_officer, report_form):
    client = login(province_officer)

    response = _post(
        client,
        tree,
        report_form,
        period_kind="ad_hoc",
        year="",
        number="",
        period_start="30/04/2025",
        period_end="01/04/2025",
    )

    assert response.status_code == 200
    assert response.context["form"].errors["period_end"] == [
        _vi("The period ends before it starts.")
    ]
    assert _nothing_saved() and not Period.objects.exists()


def test_month_thirteen(login, tree, province_officer, report_form):
    client = login(province_officer)

    response = _post(client, tree, report_form, period_kind="month", number="13")

    assert response.status_code == 200
    assert response.context["form"].errors["number"] == [
        _vi("Enter a number from 1 to %(n)s.", n=12)
    ]
    assert _nothing_saved()


def test_a_quarter_without_its_number(login, tree, province_officer, report_form):
    client = login(province_officer)

    response = _post(client, tree, report_form, period_kind="quarter", number="")

    assert response.status_code == 200
    assert "number" in response.context["form"].errors
    assert _nothing_saved()


def test_a_unit_of_another_province_in_the_list(
    login, tree, province_officer, report_form, another_province
):
    _province, foreign_commune = another_province
    client = login(province_officer)

    response = _post(
        client,
        tree,
        report_form,
        target_mode="list",
        target_units=[tree.commune.pk, foreign_commune.pk],
    )

    assert response.status_code == 200
    assert "target_units" in response.context["form"].errors
    # Django's own message, already in Vietnamese
    assert "Hãy chọn" in response.content.decode()
    assert _nothing_saved()


def test_an_empty_list_and_no_kinds(login, tree, province_officer, report_form):
    client = login(province_officer)

    empty_list = _post(client, tree, report_form, target_mode="list")
    no_kinds = _post(client, tree, report_form, target_mode="kinds")

    assert empty_list.context["form"].errors["target_units"] == [_vi("Choose at least one unit.")]
    assert no_kinds.context["form"].errors["target_kinds"] == [
        _vi("Choose at least one kind of unit.")
    ]
    assert _nothing_saved()


def test_a_form_that_does_not_exist_a_bad_date_and_garbage(
    login, tree, province_officer, report_form
):
    client = login(province_officer)

    response = _post(
        client,
        tree,
        report_form,
        form="999999",
        deadline="31/02/2025",
        year="năm nay",
        levels_down="9",
        target_mode="everything",
        period_kind="week",
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"form", "deadline", "year", "levels_down", "target_mode", "period_kind"} <= set(errors)
    assert "Nhập ngày có thật theo dạng dd/mm/yyyy." in response.content.decode()
    assert _nothing_saved()


def test_a_unit_that_is_not_a_number_is_not_found(login, province_officer):
    client = login(province_officer)

    response = client.get(reverse("reports:requirement_create") + "?unit=abc")

    assert response.status_code == 404
