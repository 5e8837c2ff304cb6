"""Every persona × every form builder page, on a form of the province: 200, redirect, 403 or 404;
a refusal changes nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.reports import actions
from coso.reports.models import FormSection, Indicator, ReportForm, ValidationRule

from . import conftest_form_builder

province_form = conftest_form_builder.province_form


def _request(name: str, world, tree) -> tuple[str, str, dict | None]:
    form = world.form
    return {
        "list": ("get", reverse("reports:form_list"), None),
        "view": ("get", reverse("reports:form_detail", args=[form.pk]), None),
        "preview": ("get", reverse("reports:form_preview", args=[form.pk]), None),
        "create": (
            "post",
            reverse("reports:form_create") + f"?unit={tree.province.pk}",
            {"unit": tree.province.pk, "name": "Biểu mới", "code": "bieu-moi"},
        ),
        "rename": (
            "post",
            reverse("reports:form_edit", args=[form.pk]),
            {"name": "Tên mới", "description": ""},
        ),
        "add_section": (
            "post",
            reverse("reports:form_section_add", args=[form.pk]),
            {"title": "Mục mới"},
        ),
        "add_indicator": (
            "post",
            reverse("reports:form_indicator_add", args=[world.section.pk]),
            {"section": world.section.pk, "label": "Số mới", "code": "new", "kind": "integer"},
        ),
        "edit_indicator": (
            "post",
            reverse("reports:form_indicator_edit", args=[world.note.pk]),
            {"section": world.section.pk, "label": "Ghi chú khác", "code": "note", "kind": "text"},
        ),
        "delete_indicator": (
            "post",
            reverse("reports:form_indicator_delete", args=[world.note.pk]),
            {},
        ),
        "add_rule": (
            "post",
            reverse("reports:form_rule_add", args=[form.pk]),
            {"left": world.received.pk, "operator": "gte", "right": world.resolved.pk},
        ),
        "delete_rule": ("post", reverse("reports:form_rule_delete", args=[world.rule.pk]), {}),
        "deactivate": ("post", reverse("reports:form_deactivate", args=[form.pk]), {}),
    }[name]


READERS = {"list": 200, "view": 200, "preview": 200}
WRITES = (
    "create",
    "rename",
    "add_section",
    "add_indicator",
    "edit_indicator",
    "delete_indicator",
    "add_rule",
    "delete_rule",
    "deactivate",
)
MANAGER = READERS | {name: 302 for name in WRITES}
# Below the province: reads the form its units may use, changes nothing, and cannot even see the
# province as a unit to create a form for (404).
COMMUNE = READERS | {name: 403 for name in WRITES} | {"create": 404}
# Roles that manage nothing: read the form, may not create anything anywhere.
NON_MANAGER = READERS | {name: 403 for name in WRITES}
EXPECTED = {
    "admin": MANAGER,
    "province_officer": MANAGER,
    "commune_officer": COMMUNE,
    "other_commune_officer": COMMUNE,
    "employee": NON_MANAGER,
    "committee_member": NON_MANAGER,
    "citizen": {name: 404 for name in MANAGER} | {"list": 200, "create": 403},
    "anonymous": {name: 302 for name in MANAGER},
}


def _snapshot() -> tuple:
    return (
        sorted(ReportForm.objects.values_list("pk", "name", "is_active")),
        sorted(FormSection.objects.values_list("pk", "title")),
        sorted(Indicator.objects.values_list("pk", "code", "label")),
        sorted(ValidationRule.objects.values_list("pk", "operator")),
    )


@pytest.mark.parametrize("action", list(MANAGER))
@pytest.mark.parametrize("persona", PERSONAS)
def test_form_builder_permission_matrix(client, personas, tree, province_form, persona, action):
    # given a form of the province and a persona
    method, url, data = _request(action, province_form, tree)
    client = client_as(client, personas, persona)
    before = _snapshot()

    # when the persona opens the page or sends the change
    response = getattr(client, method)(url, data) if data is not None else client.get(url)

    # then the answer is the expected one, and a refusal changes nothing
    expected = EXPECTED[persona][action]
    assert response.status_code == expected, (persona, action, response.status_code)
    if expected == 302 and persona == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    if action in WRITES:
        changed = _snapshot() != before
        assert changed == (expected == 302 and persona != "anonymous"), (persona, action)


@pytest.mark.parametrize("persona", ["admin", "province_officer"])
def test_only_a_system_administrator_changes_coso_s_own_form(client, personas, persona):
    # given coso's built-in form
    builtin = ReportForm.objects.get(code="dan-chu-co-so")
    client = client_as(client, personas, persona)

    # when an officer of a unit tries to add a section to it
    response = client.post(
        reverse("reports:form_section_add", args=[builtin.pk]), {"title": "Mục riêng"}
    )

    # then it is refused: only the system administrator (superuser) maintains it
    assert response.status_code == 403
    assert not builtin.sections.filter(title="Mục riêng").exists()


def test_the_system_administrator_may_change_coso_s_own_form(client, root_admin):
    builtin = ReportForm.objects.get(code="dan-chu-co-so")
    client.force_login(root_admin)

    response = client.post(
        reverse("reports:form_section_add", args=[builtin.pk]), {"title": "X. Mục bổ sung"}
    )

    assert response.status_code == 302
    assert builtin.sections.filter(title="X. Mục bổ sung").exists()


def test_a_unit_s_form_is_hidden_from_a_sibling_unit_s_list(client, personas, tree, province_form):
    # given a form of the commune
    commune_form = actions.create_form(
        by=personas.commune_officer, owner_unit=tree.commune, code="bieu-xa", name="Biểu của xã"
    )

    # when the ward officer lists forms, then they see the province's and coso's, not the commune's
    page = client_as(client, personas, "other_commune_officer").get(reverse("reports:form_list"))
    body = page.content.decode()
    assert "Biểu mẫu của tỉnh" in body
    assert "Báo cáo kết quả thực hiện dân chủ ở cơ sở" in body
    assert commune_form.name not in body
    # and the page of that form answers 404
    detail = client.get(reverse("reports:form_detail", args=[commune_form.pk]))
    assert detail.status_code == 404
