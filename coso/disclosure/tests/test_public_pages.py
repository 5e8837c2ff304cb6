"""The public pages, for anonymous visitors: only published items (and their earlier versions),
files served through a checked view, the version history; drafts answer 404."""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.urls import reverse

from coso.disclosure.public import portal_context
from coso.units import actions as unit_actions

from .conftest import PDF, publish


def test_the_units_list_shows_current_items_by_category(client, tree, world):
    response = client.get(reverse("disclosure_public:unit", args=[tree.commune.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    assert world.budget.title in page and world.plan_v2.title in page
    assert world.draft.title not in page
    assert [d.pk for d in response.context["page_obj"]] == [world.plan_v2.pk, world.budget.pk]
    # one heading per category, in the law's order
    assert page.index("Kế hoạch phát triển kinh tế - xã hội hằng năm") < page.index(
        "Dự toán, tình hình thực hiện"
    )
    assert response.context["portal_unit"] == tree.commune


def test_a_disclosure_with_its_files(client, world):
    response = client.get(reverse("disclosure_public:detail", args=[world.budget.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Tổng thu 12.500 triệu đồng." in page
    file_url = reverse("disclosure_public:file", args=[world.budget_file.pk])
    assert file_url in page and "Biểu dự toán" in page
    download = client.get(file_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "du-toan.pdf" in download["Content-Disposition"]
    # the photo of the posting is internal evidence, not on the public page
    assert reverse("disclosure:channel_photo", args=[world.posting.pk]) not in page


def test_drafts_and_their_files_answer_404(client, world):
    assert client.get(reverse("disclosure_public:detail", args=[world.draft.pk])).status_code == 404
    assert (
        client.get(reverse("disclosure_public:file", args=[world.draft_file.pk])).status_code == 404
    )
    assert client.get(reverse("disclosure_public:detail", args=[999999])).status_code == 404


def test_the_version_history_with_dates(client, world):
    current = client.get(reverse("disclosure_public:detail", args=[world.plan_v2.pk]))
    earlier = client.get(reverse("disclosure_public:detail", args=[world.plan_v1.pk]))

    history = [v.version for v in current.context["versions"]]
    assert history == [1, 2]
    page = current.content.decode()
    assert "03/02/2025" in page and "Sửa chỉ tiêu thu ngân sách." in page
    assert reverse("disclosure_public:detail", args=[world.plan_v1.pk]) in page
    # the earlier version stays readable, says it was replaced and links to the current one
    assert earlier.status_code == 200
    assert "Thu ngân sách 11.900 triệu đồng." in earlier.content.decode()
    assert reverse("disclosure_public:detail", args=[world.plan_v2.pk]) in earlier.content.decode()


def test_an_ended_posting_stays_readable_with_its_reason(client, tree, commune_officer):
    from coso.disclosure import actions

    item = publish(commune_officer, tree.commune, "vay_von_ho_ngheo", title="Hộ nghèo")
    actions.end_posting_early(
        item, by=commune_officer, ended_on=dt.date(2025, 3, 14), reason="Chưa được xét duyệt"
    )

    response = client.get(reverse("disclosure_public:detail", args=[item.pk]))

    assert response.status_code == 200
    assert "Chưa được xét duyệt" in response.content.decode()


def test_a_closed_units_pages_answer_404(client, tree, root_admin, world):
    unit_actions.close_unit(tree.other_commune, by=root_admin, closed_on=dt.date(2025, 3, 1))

    assert (
        client.get(reverse("disclosure_public:unit", args=[tree.other_commune.pk])).status_code
        == 404
    )
    assert client.get(reverse("disclosure_public:detail", args=[world.ward.pk])).status_code == 404


def test_the_public_pages_cost_few_queries(
    client, tree, commune_officer, world, django_assert_max_num_queries
):
    for i in range(25):
        publish(commune_officer, tree.commune, "other", title=f"Thông báo {i}")

    with django_assert_max_num_queries(5):
        assert (
            client.get(reverse("disclosure_public:unit", args=[tree.commune.pk])).status_code == 200
        )
    with django_assert_max_num_queries(6):
        assert (
            client.get(reverse("disclosure_public:detail", args=[world.plan_v2.pk])).status_code
            == 200
        )


def test_the_portal_section(tree, commune_officer, world, django_assert_num_queries):
    # a posting that has not started yet is not "up now"
    publish(
        commune_officer, tree.commune, "other", title="Sắp niêm yết", starts_on=dt.date(2025, 4, 1)
    )

    with django_assert_num_queries(2):
        section = portal_context(tree.commune)

    assert [d.pk for d in section["current"]] == [world.budget.pk, world.plan_v2.pk]
    assert section["count"] == 3
    page = render_to_string("disclosure/portal_section.html", {"section": section})
    assert world.budget.title in page
    assert reverse("disclosure_public:unit", args=[tree.commune.pk]) in page
    assert world.draft.title not in page
