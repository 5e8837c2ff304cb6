"""The list pages answer with a fixed number of queries, whatever the number of rows."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .conftest import make_plan, prepare


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_lists_do_not_grow_with_their_rows(
    world, campaign, tree, login, province_officer, committee
):
    client = login(province_officer)
    urls = [
        reverse("inspections:list"),
        reverse("inspections:actions"),
        reverse("inspections:actions") + f"?unit={tree.province.pk}&side=inspecting",
        reverse("inspections:campaigns"),
        reverse("inspections:campaign", args=[campaign.pk]),
        reverse("inspections:detail", args=[world.plan.pk]),
    ]
    before = [_queries(client, url) for url in urls]

    for i in range(3):
        plan = make_plan(province_officer, committee, title=f"Kế hoạch {i}")
        prepare(plan, province_officer, [tree.village])

    assert [_queries(client, url) for url in urls] == before


def test_the_plan_list_filters_by_status_and_words(world, login, province_officer):
    client = login(province_officer)

    drafts = client.get(reverse("inspections:list") + "?status=draft").content.decode()
    found = client.get(reverse("inspections:list") + "?q=nhap").content.decode()

    assert world.draft.title in drafts and world.plan.title not in drafts
    assert world.draft.title in found and world.plan.title not in found
