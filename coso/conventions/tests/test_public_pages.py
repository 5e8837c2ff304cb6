"""The public reads the convention in force and its versions on the portal; lists stay small
in queries."""

from __future__ import annotations

from django.urls import reverse

from coso.conventions.public import portal_context

from .conftest import bring_into_force, start, working


def test_the_village_portal_shows_its_convention_in_force(client, world, tree):
    response = client.get(reverse("portal:unit", kwargs={"unit_id": tree.village.pk}))

    body = response.content.decode()
    assert "Hương ước, quy ước" in body
    assert world.in_force.title in body
    assert "Quy ước về nước sạch" not in body  # a draft


def test_the_commune_portal_lists_its_communities_conventions(client, world, tree):
    listing = client.get(reverse("conventions_public:unit", args=[tree.commune.pk]))

    body = listing.content.decode()
    assert world.in_force.title in body
    assert "Thôn Đông" in body
    assert "Phiên bản 1, có hiệu lực từ" in body


def test_the_portal_context_takes_one_query(world, tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        context = portal_context(tree.village)

    assert [c.title for c in context["in_force"]] == [world.in_force.title]


def test_the_public_list_is_small_in_queries(
    client, tree, commune_officer, households, django_assert_max_num_queries
):
    convention = start(commune_officer, tree.village)
    bring_into_force(working(convention), commune_officer, households)

    with django_assert_max_num_queries(4):
        response = client.get(reverse("conventions_public:unit", args=[tree.commune.pk]))

    assert response.status_code == 200


def test_the_internal_list_is_small_in_queries(
    login, world, commune_officer, django_assert_max_num_queries
):
    client = login(commune_officer)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("conventions:list"))

    body = response.content.decode()
    assert world.in_force.title in body and "Quy ước về nước sạch" in body


def test_a_draft_out_for_comment_links_to_its_consultation(client, tree, world, commune_officer):
    from coso.conventions import actions

    actions.refuse_version(
        world.second,
        by=commune_officer,
        decided_on=world.second.submitted_on,
        reasons="Cần lấy thêm ý kiến về Điều 3.",
    )
    third = actions.start_amendment(world.in_force, by=commune_officer)
    from .conftest import post_for_comment

    third = post_for_comment(third, commune_officer)

    page = client.get(reverse("conventions_public:detail", args=[world.in_force.pk]))

    assert reverse("consultations_public:detail", args=[third.consultation.pk]) in (
        page.content.decode()
    )
