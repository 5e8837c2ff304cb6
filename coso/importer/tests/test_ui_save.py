"""The preview's elements saved as a plan exactly as if typed: tasks, units matched by name,
bases linked to the library, the parent plan found by its number; the command does the same."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from coso.importer import views
from coso.importer.matching import UnitIndex, match_parent_plan, unit_key
from coso.importer.save import data_from_extraction, save_import
from coso.plans.models import BasisKind, Plan, Timing
from coso.plans.tests.conftest import make_plan

from .ui_fixtures import TEXT, extraction


@pytest.fixture
def province_plan(root_admin, tree):
    return make_plan(root_admin, tree.province, "04-KH/BCĐ", issue=True)


def test_unit_names_match_without_diacritics_or_abbreviations():
    assert unit_key("ĐUK Cơ quan và Doanh nghiệp tỉnh") == unit_key(
        "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh"
    )
    assert unit_key("UBND tỉnh") == unit_key("Uỷ ban nhân dân Tỉnh")
    assert unit_key("BCĐ tỉnh") == unit_key("Ban Chỉ đạo tỉnh")
    assert unit_key("Ủy ban MTTQ xã") == unit_key("Ủy ban Mặt trận Tổ quốc xã")
    assert unit_key("HĐND xã") == unit_key("Hội đồng nhân dân xã")


def test_unit_index_matches_exact_abbreviated_and_contained_names(tree):
    index = UnitIndex.around(tree.commune)

    assert index.match("ĐUK cơ quan và doanh nghiệp tỉnh") is None  # not around the commune
    assert index.match("thon dong") == tree.village
    assert index.match("Ủy ban nhân dân xã Thanh Miện") == tree.commune
    assert index.match("Hội Nông dân xã") is None
    bloc_index = UnitIndex.around(tree.office)
    assert bloc_index.match("ĐUK Cơ quan và Doanh nghiệp tỉnh") == tree.bloc


def test_parent_plan_matched_by_number_above_the_unit_only(tree, province_plan, root_admin):
    make_plan(root_admin, tree.other_commune, "07-KH/UBND", issue=True)

    assert match_parent_plan(["04 - KH/BCD"], tree.commune) == province_plan
    assert match_parent_plan(["07-KH/UBND"], tree.commune) is None
    assert match_parent_plan(["04-KH/BCĐ"], tree.province) is None  # not strictly above


def test_save_creates_the_plan_with_tasks_units_and_parent(tree, commune_officer, province_plan):
    data = data_from_extraction(extraction(), tree.commune)

    plan = save_import(data, by=commune_officer, unit=tree.commune)

    assert plan.parent_plan == province_plan
    assert (plan.number, plan.kind, plan.issued_on) == ("12-KH/ĐU", "plan", dt.date(2024, 2, 20))
    assert plan.signer_name == "Nguyễn Văn An" and "Lưu VP" in plan.recipients
    assert [s.number for s in plan.sections.all()] == ["I", "II", "III"]
    tasks = list(plan.tasks.order_by("order"))
    assert [t.timing for t in tasks] == [Timing.QUARTER, Timing.DUE_DATE, Timing.ONGOING]
    assert tasks[0].quarter == 1 and tasks[1].due_date == dt.date(2024, 6, 30)
    assert all(t.section.number == "II" for t in tasks)
    assert tasks[1].lead_unit == tree.commune
    assert list(tasks[0].coordinating_units.all()) == [tree.village]
    assert "UBND xã" in tasks[0].description and "Hội Nông dân xã" in tasks[0].description
    kinds = list(plan.bases.values_list("kind", flat=True))
    assert kinds == [BasisKind.UPPER_PLAN, BasisKind.LEGAL_TEXT]  # the parent is not repeated


def test_save_links_bases_to_the_library(tree, commune_officer):
    from coso.library.models import LegalText

    data = data_from_extraction(extraction(), tree.commune)
    plan = save_import(data, by=commune_officer, unit=tree.commune)

    law = plan.bases.get(kind=BasisKind.LEGAL_TEXT)
    expected = LegalText.objects.filter(number_key="10/2022/qh15").first()
    assert law.legal_text == expected


def test_preview_highlights_and_saves_corrections(
    monkeypatch, login, tree, commune_officer, province_plan
):
    monkeypatch.setattr(views, "parse_document", lambda text: extraction())
    client = login(commune_officer)
    preview = client.post(reverse("importer:upload"), {"unit": tree.commune.pk, "text": TEXT})[
        "Location"
    ]

    page = client.get(preview)
    html = page.content.decode()
    assert page.status_code == 200
    assert '<mark class="el el-task" title="1" data-row="row-tasks-0">' in html
    assert 'id="row-tasks-0"' in html and '<mark class="el el-basis"' in html
    assert re.search(r"<title>Kiểm tra kế hoạch[^<]*</title>", html)
    assert "Tuyên truyền Luật Thực hiện dân chủ" in html

    form = page.context
    post = _as_post(form)
    post["header-title"] = "Kế hoạch đã sửa"
    post["tasks-2-DELETE"] = "on"  # drop the third task
    post["tasks-3-text"] = "Nhiệm vụ thêm tay"  # add one in an empty row
    post["tasks-3-timing"] = Timing.MONTH
    post["tasks-3-month"] = "9"
    response = client.post(preview, post)

    assert response.status_code == 302, _form_errors(response)
    plan = Plan.objects.get(number="12-KH/ĐU")
    assert plan.title == "Kế hoạch đã sửa" and plan.parent_plan == province_plan
    titles = list(plan.tasks.order_by("order").values_list("title", "month"))
    assert len(titles) == 3 and titles[-1] == ("Nhiệm vụ thêm tay", 9)
    assert client.get(preview).status_code == 404  # the draft is gone once saved


def test_preview_shows_the_actions_refusal(monkeypatch, login, tree, commune_officer):
    monkeypatch.setattr(views, "parse_document", lambda text: extraction())
    client = login(commune_officer)
    preview = client.post(reverse("importer:upload"), {"unit": tree.commune.pk, "text": TEXT})[
        "Location"
    ]
    post = _as_post(client.get(preview).context)
    post["tasks-1-due_date"] = "01/01/2020"  # before the plan's date

    response = client.post(preview, post)

    assert response.status_code == 200
    assert "Nhiệm vụ 2" in " ".join(response.context["header_form"].non_field_errors())
    assert not Plan.objects.filter(number="12-KH/ĐU").exists()


def test_document_without_a_date_asks_for_one(monkeypatch, login, tree, commune_officer):
    monkeypatch.setattr(views, "parse_document", lambda text: extraction(issued_on=None))
    client = login(commune_officer)
    preview = client.post(reverse("importer:upload"), {"unit": tree.commune.pk, "text": TEXT})[
        "Location"
    ]
    post = _as_post(client.get(preview).context)

    response = client.post(preview, post)

    assert response.status_code == 200 and "issued_on" in response.context["header_form"].errors


def test_command_dry_run_then_save_a_folder(tmp_path, monkeypatch, tree, root_admin):
    import coso.importer.parse as parse_module

    monkeypatch.setattr(parse_module, "parse", lambda text: extraction())
    monkeypatch.setattr(parse_module, "read_file", lambda name, data: data.decode())
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text(TEXT)
    (tmp_path / "ghi-chu.csv").write_text("bỏ qua")

    call_command("import_plans", str(tmp_path), unit=tree.commune.pk, dry_run=True)
    assert not Plan.objects.filter(unit=tree.commune).exists()

    from io import StringIO

    out = StringIO()
    call_command("import_plans", str(tmp_path), unit=tree.commune.pk, stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("[1/2] a.txt") and "đã lưu" in lines[0]
    assert lines[1].startswith("[2/2] b.txt") and "không lưu được" in lines[1]  # same number
    assert Plan.objects.filter(unit=tree.commune).count() == 1


def _as_post(context) -> dict:
    """The preview's forms as the browser would send them, unchanged."""
    data: dict[str, str] = {}
    header = context["header_form"]
    for name, field in header.fields.items():
        value = header.initial.get(name, field.initial)
        data[f"header-{name}"] = _value(value)
    for key in ("bases", "sections", "tasks"):
        formset = context[key]
        for name, value in formset.management_form.initial.items():
            data[f"{key}-{name}"] = str(value)
        for form in formset.forms:
            for name, field in form.fields.items():
                if name == "DELETE":
                    continue
                value = form.initial.get(name, field.initial) if form.initial else ""
                if not form.initial and name in ("timing", "relation"):
                    value = field.initial
                data[form.add_prefix(name)] = _value(value)
    return data


def _value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _form_errors(response) -> str:
    if response.context is None:
        return ""
    forms = [response.context["header_form"]]
    return str([f.errors for f in forms]) + str(
        [response.context[k].errors for k in ("bases", "sections", "tasks")]
    )
