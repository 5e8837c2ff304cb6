"""Building a form through the pages, from nothing to a preview a unit would fill."""

from __future__ import annotations

from django.urls import reverse

from coso.reports import access, actions
from coso.reports.models import ReportForm

from . import conftest_form_builder

province_form = conftest_form_builder.province_form


def test_an_officer_builds_a_form_from_nothing(login, tree, province_officer):
    client = login(province_officer)

    # when the province officer creates a form, a section, indicators and a rule
    response = client.post(
        reverse("reports:form_create") + f"?unit={tree.province.pk}",
        {"unit": tree.province.pk, "name": "Báo cáo quý về tiếp công dân", "code": "tiep-dan"},
    )
    form = ReportForm.objects.get(code="tiep-dan")
    assert response.status_code == 302 and form.owner_unit == tree.province
    response = client.post(
        reverse("reports:form_section_add", args=[form.pk]), {"title": "I. Tiếp công dân"}
    )
    section = form.sections.get()
    assert response["Location"] == reverse("reports:form_indicator_add", args=[section.pk])
    for code, label, kind, extra in [
        ("sessions", "Số buổi tiếp công dân", "integer", {"is_key": "on", "required": "on"}),
        ("handled", "Số buổi do người đứng đầu chủ trì", "integer", {}),
        ("rate", "Tỷ lệ đơn được xử lý (%)", "percent", {}),
        ("rating", "Tự đánh giá", "choice", {"choices": "Tốt\nKhá\nTrung bình\nYếu"}),
        ("story", "Kết quả nổi bật", "narrative", {}),
    ]:
        response = client.post(
            reverse("reports:form_indicator_add", args=[section.pk]),
            {"section": section.pk, "code": code, "label": label, "kind": kind, **extra},
        )
        assert response.status_code == 302, response.context["form"].errors
    sessions, handled = form.indicators.get(code="sessions"), form.indicators.get(code="handled")
    response = client.post(
        reverse("reports:form_rule_add", args=[form.pk]),
        {"left": handled.pk, "operator": "lte", "right": sessions.pk},
    )
    assert response.status_code == 302

    # then its page shows the structure, with kinds, marks and the rule in words
    body = client.get(reverse("reports:form_detail", args=[form.pk])).content.decode()
    assert "I. Tiếp công dân" in body
    assert "Số buổi tiếp công dân" in body
    assert "Tốt / Khá / Trung bình / Yếu" in body
    assert "Số buổi do người đứng đầu chủ trì ≤ Số buổi tiếp công dân" in body
    assert form.indicators.get(code="sessions").is_key
    # and the form is offered to the units of the province for a requirement
    assert access.usable_forms(province_officer, tree.commune).filter(pk=form.pk).exists()


def test_the_preview_shows_the_form_as_a_unit_fills_it(login, province_officer, province_form):
    response = login(province_officer).get(
        reverse("reports:form_preview", args=[province_form.form.pk])
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Phản ánh, kiến nghị" in body
    assert 'name="received"' in body and 'name="resolved"' in body and 'name="note"' in body


def test_the_preview_of_the_builtin_form_checks_figures_and_saves_nothing(login, commune_officer):
    builtin = ReportForm.objects.get(code="dan-chu-co-so")
    client = login(commune_officer)

    page = client.get(reverse("reports:form_preview", args=[builtin.pk]))
    assert 'name="self-assessment"' in page.content.decode()

    response = client.post(
        reverse("reports:form_preview", args=[builtin.pk]),
        {"feedback-received": "10", "feedback-resolved": "12", "feedback-on-time-rate": "101"},
    )

    errors = response.context["form"].errors
    assert errors["feedback-resolved"] == [
        "Số phản ánh, kiến nghị đã giải quyết không được lớn hơn số tiếp nhận."
    ]
    assert "feedback-on-time-rate" in errors
    assert builtin.indicators.count() == ReportForm.objects.get(pk=builtin.pk).indicators.count()


def test_editing_an_indicator_moves_and_relabels_it(login, province_officer, province_form):
    client = login(province_officer)
    other = actions.add_section(province_form.form, by=province_officer, title="Khác")

    response = client.post(
        reverse("reports:form_indicator_edit", args=[province_form.note.pk]),
        {"section": other.pk, "code": "remarks", "label": "Ý kiến khác", "kind": "narrative"},
    )

    assert response.status_code == 302
    province_form.note.refresh_from_db()
    assert (province_form.note.code, province_form.note.section_id) == ("remarks", other.pk)


def test_deleting_an_indicator_deletes_its_rules(login, province_officer, province_form):
    client = login(province_officer)
    url = reverse("reports:form_indicator_delete", args=[province_form.resolved.pk])

    confirm = client.get(url)
    response = client.post(url)

    assert confirm.status_code == 200 and "Đã giải quyết" in confirm.content.decode()
    assert response.status_code == 302
    assert list(province_form.form.indicators.values_list("code", flat=True)) == [
        "received",
        "note",
    ]
    assert not province_form.form.rules.exists()


def test_a_stopped_form_is_no_longer_offered_and_can_be_offered_again(
    login, tree, province_officer, province_form
):
    client = login(province_officer)

    client.post(reverse("reports:form_deactivate", args=[province_form.form.pk]))
    offered = _usable(province_officer, tree)
    client.post(reverse("reports:form_activate", args=[province_form.form.pk]))

    assert province_form.form.pk not in offered
    assert province_form.form.pk in _usable(province_officer, tree)


def _usable(user, tree) -> set[int]:
    return set(access.usable_forms(user, tree.commune).values_list("pk", flat=True))


def test_the_list_shows_usable_forms_in_a_fixed_number_of_queries(
    login, tree, province_officer, province_form, django_assert_max_num_queries
):
    # given thirty forms of the province
    for n in range(30):
        actions.create_form(
            by=province_officer, owner_unit=tree.province, code=f"bieu-{n}", name=f"Biểu {n:02d}"
        )
    client = login(province_officer)

    # when the officer lists forms, the page costs the same few queries however many there are
    with django_assert_max_num_queries(8):
        response = client.get(reverse("reports:form_list"))

    # then a page shows 25 of them, with a pager
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 25
    assert "page=2" in response.content.decode()
