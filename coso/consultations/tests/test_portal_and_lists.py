"""The unit's portal page shows open consultations with the days left and the latest results;
list pages stay within a fixed number of queries."""

from __future__ import annotations

from django.urls import reverse

from coso.consultations.public import portal_context

from .conftest import make_consultation, publish, time_passes


def test_the_portal_section_lists_open_consultations_with_days_left(client, world, tree):
    response = client.get(reverse("portal:unit", kwargs={"unit_id": tree.commune.pk}))

    body = response.content.decode()
    assert "Lấy ý kiến Nhân dân trước khi quyết định" in body
    assert world.open.title in body
    assert "còn 20 ngày" in body
    assert "Bản nháp" not in body  # drafts never show
    assert world.ended.title not in body  # its period is over
    assert reverse("consultations_public:unit", args=[tree.commune.pk]) in body


def test_the_portal_section_lists_the_latest_results(client, world, tree, commune_officer):
    publish(world.ended, commune_officer)

    context = portal_context(tree.commune)
    body = client.get(reverse("portal:unit", kwargs={"unit_id": tree.commune.pk})).content

    assert [c.title for c in context["published"]] == [world.ended.title]
    assert "Kết quả lấy ý kiến" in body.decode()


def test_the_portal_context_takes_two_queries(world, tree, django_assert_num_queries):
    with django_assert_num_queries(2):
        portal_context(tree.commune)


def test_the_public_list_is_small_in_queries(
    client, tree, commune_officer, django_assert_max_num_queries
):
    for n in range(12):
        make_consultation(commune_officer, tree.commune, title=f"Dự thảo số {n}")

    with django_assert_max_num_queries(5):
        response = client.get(reverse("consultations_public:unit", args=[tree.commune.pk]))

    assert response.status_code == 200
    assert "Dự thảo số 11" in response.content.decode()


def test_the_internal_list_is_small_in_queries(
    login, tree, commune_officer, django_assert_max_num_queries
):
    for n in range(12):
        make_consultation(commune_officer, tree.commune, title=f"Dự thảo số {n}")
    client = login(commune_officer)

    with django_assert_max_num_queries(9):
        response = client.get(reverse("consultations:list"))

    assert response.status_code == 200
    assert "Dự thảo số 11" in response.content.decode()


def test_the_public_detail_is_small_in_queries(client, world, django_assert_max_num_queries):
    consultation = time_passes(world.open, 0)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("consultations_public:detail", args=[consultation.pk]))

    assert response.status_code == 200
