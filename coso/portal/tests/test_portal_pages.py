"""Anyone can find a unit on the portal and read its public page without an account."""

import datetime as dt

import pytest
from django.urls import reverse

from coso.units import actions as unit_actions


@pytest.mark.django_db
def test_a_visitor_finds_a_commune_typing_without_diacritics(client, tree):
    # given the tree with Xã Thanh Miện
    # when an anonymous visitor searches "xa thanh mien"
    response = client.get(reverse("portal:home"), {"q": "xa thanh mien"})

    # then the commune is listed with a link to its public page
    assert response.status_code == 200
    html = response.content.decode()
    assert "Xã Thanh Miện" in html
    assert reverse("portal:unit", kwargs={"unit_id": tree.commune.pk}) in html
    assert "Phường Quy Nhơn" not in html


@pytest.mark.django_db
def test_the_unit_page_shows_how_to_send_feedback(client, tree):
    # given a commune that published its reception days and hotline
    tree.commune.feedback_info = "Tiếp công dân vào thứ Năm hằng tuần"
    tree.commune.phone = "0203 3456 789"
    tree.commune.save()

    # when an anonymous visitor opens its page
    response = client.get(reverse("portal:unit", kwargs={"unit_id": tree.commune.pk}))

    # then they read where and how to send feedback, and the way up and down the tree
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tiếp công dân vào thứ Năm hằng tuần" in html
    assert 'href="tel:0203 3456 789"' in html
    assert "Thôn Đông" in html  # the community below
    assert "Tỉnh Gia Lai" in html  # the way up


@pytest.mark.django_db
def test_a_closed_unit_has_no_public_page(client, tree, root_admin):
    # given a commune closed after a merger
    unit_actions.close_unit(
        tree.other_commune, by=root_admin, closed_on=dt.date(2025, 7, 1), reason="Sáp nhập"
    )
    # then its page answers 404 and a unit that never existed too
    assert (
        client.get(reverse("portal:unit", kwargs={"unit_id": tree.other_commune.pk})).status_code
        == 404
    )
    assert client.get("/cong-khai/999999/").status_code == 404


@pytest.mark.django_db
def test_the_portal_page_needs_no_script(client, tree):
    # Phones on slow connections: the public pages load no JavaScript at all.
    html = client.get(reverse("portal:unit", kwargs={"unit_id": tree.village.pk})).content.decode()
    assert "<script" not in html
    assert 'name="viewport"' in html


@pytest.mark.django_db
def test_the_unit_page_takes_the_same_few_queries_however_much_was_published(
    client, tree, django_assert_max_num_queries
):
    # A phone on a slow connection waits for the slowest page: the unit page reads each
    # section with a fixed number of queries, not one per item.
    url = reverse("portal:unit", kwargs={"unit_id": tree.village.pk})
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200
