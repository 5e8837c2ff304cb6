"""The portal shows recognised models only, and nothing internal; the demo loads."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse

from coso.core.dates import today
from coso.demo import places
from coso.demo.builder import DemoBuilder
from coso.demo.recognition import CAMPAIGN_TITLE, build_recognition
from coso.recognition import actions
from coso.recognition.models import Campaign, Nomination, NominationStatus
from coso.recognition.public import portal_context
from coso.units.models import UnitKind

from .conftest import nominate, pdf, recognise


def _three(world, tree, commune_officer, province_officer, committee_member):
    """One recognised (one public file, one private), one refused, one waiting."""
    actions.score_nomination(
        world.nomination,
        by=committee_member,
        points={c.pk: 7 for c in world.criteria},
    )
    actions.add_evidence(
        world.nomination,
        by=commune_officer,
        file=pdf("cong-khai.pdf"),
        title="Ảnh tư liệu công khai",
        is_public=True,
    )
    actions.add_evidence(
        world.nomination,
        by=commune_officer,
        file=pdf("noi-bo.pdf"),
        title="Danh sách hộ góp tiền",
        is_public=False,
    )
    recognise(world.nomination, province_officer, decision_number="125/QĐ-BCĐ")
    refused = nominate(commune_officer, tree.commune, world.campaign, title="Mô hình bị từ chối")
    actions.decide_nomination(
        refused, by=province_officer, recognised=False, reasons="Lý do nội bộ"
    )
    waiting = nominate(commune_officer, tree.village, title="Mô hình đang chờ")
    return refused, waiting


def test_the_portal_section_shows_only_recognised_models(
    world, tree, commune_officer, province_officer, committee_member, django_assert_num_queries
):
    refused, waiting = _three(world, tree, commune_officer, province_officer, committee_member)

    with django_assert_num_queries(2):
        context = portal_context(tree.province)
    html = render_to_string("recognition/portal_section.html", {"section": context})

    assert [m.pk for m in context["models"]] == [world.nomination.pk]
    assert world.nomination.title in html
    assert refused.title not in html and waiting.title not in html
    assert portal_context(tree.other_commune)["models"] == []


def test_the_public_pages_show_nothing_internal(
    client, world, tree, commune_officer, province_officer, committee_member
):
    refused, waiting = _three(world, tree, commune_officer, province_officer, committee_member)

    listing = client.get(reverse("recognition_public:list"), {"q": "camera an ninh"})
    page = client.get(reverse("recognition_public:detail", args=[world.nomination.pk]))

    assert listing.status_code == 200 and world.nomination.title in listing.content.decode()
    html = page.content.decode()
    assert page.status_code == 200
    assert "125/QĐ-BCĐ" in html and "Ảnh tư liệu công khai" in html
    assert "Danh sách hộ góp tiền" not in html  # evidence not marked public
    assert "Vũ Văn Ủy Viên" not in html  # the assessor, their scores
    assert "Điểm" not in html
    for hidden in (refused, waiting):
        assert client.get(reverse("recognition_public:detail", args=[hidden.pk])).status_code == 404
    files = {e.title: e for e in world.nomination.evidence.all()}
    public_file = client.get(
        reverse("recognition_public:file", args=[files["Ảnh tư liệu công khai"].pk])
    )
    private_file = client.get(
        reverse("recognition_public:file", args=[files["Danh sách hộ góp tiền"].pk])
    )
    assert public_file.status_code == 200
    assert private_file.status_code == 404
    assert client.get(reverse("recognition_public:list"), {"unit": "abc"}).status_code == 404


def test_the_public_list_is_paged_in_few_queries(
    client, tree, commune_officer, province_officer, django_assert_num_queries
):
    for i in range(4):
        recognise(nominate(commune_officer, tree.commune, title=f"Mô hình {i}"), province_officer)

    with django_assert_num_queries(2):  # count, page (no session for anonymous)
        response = client.get(reverse("recognition_public:list"))

    assert response.status_code == 200
    assert response.content.decode().count("Mô hình ") >= 4


def test_the_demo_has_a_campaign_and_recognised_models(root_admin):
    builder = DemoBuilder(today=today())
    builder.admin = root_admin
    province = builder.unit("Tỉnh Hải Dương", UnitKind.PROVINCE, None)
    town = builder.unit(places.THANH_MIEN_TOWN, UnitKind.COMMUNE, province)
    for name in places.THANH_MIEN_COMMUNITIES:
        builder.unit(name, UnitKind.RESIDENTIAL, town)
    builder.unit(places.QT_OFFICE, UnitKind.AGENCY, province, staff_count=85)

    build_recognition(builder)

    campaign = Campaign.objects.get(title=CAMPAIGN_TITLE)
    statuses = sorted(campaign.nominations.values_list("status", flat=True))
    assert statuses == sorted(
        [NominationStatus.RECOGNISED, NominationStatus.SUBMITTED, NominationStatus.NOT_RECOGNISED]
    )
    assert Nomination.objects.filter(campaign__isnull=True).count() == 1
    assert portal_context(town)["total"] == 1
