"""Plans and the library: bases linked by number, the flag on a plan citing a replaced text, the
page of such plans, the plans list filtered by a text, the link form on the plan page, the API,
the command and the demo."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.library import actions
from coso.library.models import LegalText
from coso.plans import actions as plan_actions
from coso.plans.legal_bases import link_bases
from coso.plans.models import PlanBasis


def add_text(by, number: str, **fields) -> LegalText:
    defaults = {
        "number_symbol": number,
        "text_type": "decree",
        "issuer": "Chính phủ",
        "title": f"Nghị định thử nghiệm {number}",
        "issued_on": dt.date(2020, 1, 1),
        "effective_on": dt.date(2020, 2, 1),
    }
    return actions.create_text(by=by, **(defaults | fields))


pytestmark = pytest.mark.django_db

OLD = "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ"
CURRENT = "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ"


def _plan(by, unit, number: str, *citations: str):
    return plan_actions.create_plan(
        by=by,
        unit=unit,
        title=f"Kế hoạch thực hiện dân chủ ở cơ sở của {unit.name}",
        number=number,
        issued_on=dt.date(2025, 1, 10),
        bases=[plan_actions.Basis(citation=c) for c in citations],
    )


def test_creating_a_plan_on_the_page_links_its_bases(client, commune_officer, tree):
    client.force_login(commune_officer)
    response = client.post(
        reverse("plans:create"),
        {
            "unit": tree.commune.pk,
            "kind": "plan",
            "title": "Kế hoạch thực hiện dân chủ ở cơ sở năm 2025",
            "issued_on": "10/01/2025",
            "legal_texts": f"{OLD}\n{CURRENT}\nVăn bản chưa có trong thư viện",
            "sections-TOTAL_FORMS": "0",
            "sections-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    bases = list(PlanBasis.objects.filter(plan__unit=tree.commune).order_by("order"))
    assert [b.legal_text.number_symbol if b.legal_text else None for b in bases] == [
        "04/2015/NĐ-CP",
        "59/2023/NĐ-CP",
        None,
    ]


def test_the_plan_page_flags_a_basis_whose_text_was_replaced(client, commune_officer, tree):
    # given a plan citing the decree 04/2015, replaced by 59/2023, and the decree 59/2023
    plan = _plan(commune_officer, tree.commune, "01/KH-UBND", OLD, CURRENT)
    link_bases(plan.bases.all())
    # when its officer opens it
    client.force_login(commune_officer)
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    # then the old basis carries the flag, once
    assert page.count("Văn bản đã được thay thế bởi 59/2023/NĐ-CP") == 1


def test_the_flag_follows_a_chain_to_the_text_in_force(client, admin, commune_officer, tree):
    a = add_text(admin, "1/2020/NĐ-CP")
    b = add_text(admin, "2/2021/NĐ-CP", effective_on=dt.date(2021, 1, 1))
    c = add_text(admin, "3/2022/NĐ-CP", effective_on=dt.date(2022, 1, 1))
    plan = _plan(commune_officer, tree.commune, "02/KH-UBND", "Nghị định 1/2020/NĐ-CP")
    link_bases(plan.bases.all())
    actions.replace_text(a, by=admin, replacement=b)
    actions.replace_text(b, by=admin, replacement=c)
    client.force_login(commune_officer)
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "Văn bản đã được thay thế bởi 3/2022/NĐ-CP" in page


def test_the_page_of_plans_citing_replaced_texts(
    client,
    commune_officer,
    other_commune_officer,
    province_officer,
    tree,
    django_assert_num_queries,
):
    # given plans of two communes, one citing a replaced text and one citing only texts in force
    stale = _plan(commune_officer, tree.commune, "03/KH-UBND", OLD)
    fresh = _plan(other_commune_officer, tree.other_commune, "04/KH-UBND", CURRENT)
    other_stale = _plan(other_commune_officer, tree.other_commune, "05/KH-UBND", OLD)
    link_bases(PlanBasis.objects.all())
    # then each officer sees the stale plans of their own units only
    client.force_login(commune_officer)
    plans = [b.plan for b in client.get(reverse("plans:stale_plans")).context["page_obj"]]
    assert plans == [stale]
    client.force_login(other_commune_officer)
    plans = [b.plan for b in client.get(reverse("plans:stale_plans")).context["page_obj"]]
    assert plans == [other_stale] and fresh not in plans
    client.force_login(province_officer)
    client.get(reverse("plans:stale_plans"))
    with django_assert_num_queries(8):
        response = client.get(reverse("plans:stale_plans"))
    assert {b.plan for b in response.context["page_obj"]} == {stale, other_stale}
    assert "59/2023/NĐ-CP" in response.content.decode()


def test_the_plans_list_filtered_by_a_text_shows_only_the_plans_the_reader_may_see(
    client, commune_officer, other_commune_officer, tree
):
    mine = _plan(commune_officer, tree.commune, "06/KH-UBND", CURRENT)
    theirs = _plan(other_commune_officer, tree.other_commune, "07/KH-UBND", CURRENT)
    elsewhere = _plan(commune_officer, tree.commune, "06b/KH-UBND", OLD)
    link_bases(PlanBasis.objects.all())
    text = LegalText.objects.get(number_symbol="59/2023/NĐ-CP")
    client.force_login(commune_officer)
    # the text's page links to the plans citing it
    page = client.get(reverse("library:detail", args=[text.pk])).content.decode()
    url = f"{reverse('plans:list')}?legal_text={text.pk}"
    assert url in page
    response = client.get(url)
    plans = list(response.context["page_obj"])
    assert plans == [mine]
    assert theirs not in plans and elsewhere not in plans
    assert response.context["legal_text"] == text
    # an id that cannot be one is ignored, not a crash
    assert client.get(reverse("plans:list"), {"legal_text": "x"}).status_code == 200


def test_the_plan_officer_links_a_basis_by_number(client, commune_officer, tree):
    plan = _plan(commune_officer, tree.commune, "08/KH-UBND", "Nghị định về dân chủ ở cơ sở")
    basis = plan.bases.get()
    client.force_login(commune_officer)
    response = client.post(reverse("plans:basis_link", args=[basis.pk]), {"number": "59/2023"})
    assert response.status_code == 302
    basis.refresh_from_db()
    assert basis.legal_text.number_symbol == "59/2023/NĐ-CP"
    # an unknown number is refused with a message, the link stays
    client.post(reverse("plans:basis_link", args=[basis.pk]), {"number": "999/2099/XX"})
    basis.refresh_from_db()
    assert basis.legal_text.number_symbol == "59/2023/NĐ-CP"
    # an empty number removes the link
    client.post(reverse("plans:basis_link", args=[basis.pk]), {"number": ""})
    basis.refresh_from_db()
    assert basis.legal_text is None


def test_others_cannot_link_a_basis(client, other_commune_officer, employee, commune_officer, tree):
    plan = _plan(commune_officer, tree.commune, "09/KH-UBND", "Nghị định về dân chủ")
    basis = plan.bases.get()
    client.force_login(other_commune_officer)
    url = reverse("plans:basis_link", args=[basis.pk])
    assert client.post(url, {"number": "59/2023"}).status_code == 404
    assert client.post("/ke-hoach/can-cu/99999999/lien-ket/", {"number": "1"}).status_code == 404
    basis.refresh_from_db()
    assert basis.legal_text is None


def test_the_command_links_existing_bases_once(commune_officer, tree):
    plan = _plan(commune_officer, tree.commune, "10/KH-UBND", OLD, CURRENT, "Không số")
    call_command("link_legal_bases")
    assert plan.bases.filter(legal_text__isnull=False).count() == 2
    # run again: nothing more to link
    assert link_bases(PlanBasis.objects.all()) == 0


def test_an_upper_plan_basis_is_not_linked_to_a_text(
    client, commune_officer, province_officer, tree
):
    upper = _plan(province_officer, tree.province, "11/KH-UBND")
    plan_actions.add_task(
        upper, by=province_officer, title="Tuyên truyền Luật", timing="quarter", quarter=2
    )
    plan_actions.issue_plan(upper, by=province_officer)
    plan = plan_actions.create_plan(
        by=commune_officer,
        unit=tree.commune,
        title="Kế hoạch của xã",
        issued_on=dt.date(2025, 2, 1),
        parent_plan=upper,
    )
    basis = plan.bases.get()
    client.force_login(commune_officer)
    client.post(reverse("plans:basis_link", args=[basis.pk]), {"number": "59/2023"})
    basis.refresh_from_db()
    assert basis.legal_text is None


def test_a_plan_created_through_the_api_has_its_bases_linked(client, commune_officer, tree):
    client.force_login(commune_officer)
    response = client.post(
        "/api/v1/plans/",
        {
            "unit_id": tree.commune.pk,
            "title": "Kế hoạch thực hiện dân chủ ở cơ sở năm 2025",
            "issued_on": "2025-01-10",
            "bases": [{"citation": OLD}, {"citation": "Văn bản chưa có trong thư viện"}],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    bases = list(PlanBasis.objects.filter(plan_id=response.json()["id"]).order_by("order"))
    assert [b.legal_text.number_symbol if b.legal_text else None for b in bases] == [
        "04/2015/NĐ-CP",
        None,
    ]


def test_the_demo_links_plans_to_the_library(root_admin, tree):
    from coso.core.dates import today
    from coso.demo.builder import DemoBuilder
    from coso.demo.library import build_library

    # given a plan citing the replaced decree 04/2015 and a builder
    plan = plan_actions.create_plan(
        by=root_admin,
        unit=tree.commune,
        title="Kế hoạch thực hiện quy chế dân chủ",
        number="01/KH-UBND",
        issued_on=today(),
        bases=[plan_actions.Basis(citation="Nghị định số 04/2015/NĐ-CP ngày 09/01/2015")],
    )
    builder = DemoBuilder(today=today())
    builder.admin = root_admin
    # when the library's demo is built, twice
    build_library(builder)
    build_library(builder)
    # then the provincial texts are there once and the plan's basis is linked
    assert LegalText.objects.filter(number_symbol="88/KH-UBND").count() == 1
    basis = PlanBasis.objects.get(plan=plan)
    assert basis.legal_text.number_symbol == "04/2015/NĐ-CP"
    assert basis.legal_text.current_version().number_symbol == "59/2023/NĐ-CP"


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_signed_in_persona_reads_the_page_of_stale_plans(client, personas, persona):
    response = client_as(client, personas, persona).get(reverse("plans:stale_plans"))
    assert response.status_code == (302 if persona == "anonymous" else 200)
    # the link form is POST only
    assert client.get(reverse("plans:basis_link", args=[1])).status_code in (302, 405)
