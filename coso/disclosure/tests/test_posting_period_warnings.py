"""Law on Access to Information 2016, art. 21: where no law sets a period, a posting stays up
at least 30 days. A shorter one is a warning, kept for the compliance view, never an error."""

from __future__ import annotations

import datetime as dt

from coso.disclosure.models import Disclosure, DisclosureCategory

from .conftest import publish


def test_29_days_is_flagged_with_the_citation(tree, commune_officer):
    item = publish(commune_officer, tree.commune, days=29)

    assert item.posting_days == 29
    assert item.is_short
    [warning] = item.warnings()
    assert "29" in warning and "30" in warning and "Điều 21" in warning
    assert list(Disclosure.objects.flagged()) == [item]


def test_exactly_30_days_is_enough(tree, commune_officer):
    item = publish(commune_officer, tree.commune, days=30)

    assert item.posting_days == 30
    assert item.warnings() == []
    assert not Disclosure.objects.flagged().exists()


def test_a_posting_without_an_end_is_never_short(tree, commune_officer):
    item = publish(commune_officer, tree.commune, days=None)

    assert item.posting_days is None
    assert item.warnings() == []


def test_the_minimum_is_read_from_the_rule_set(tree, commune_officer):
    # given a 30-day posting that met the rule
    item = publish(commune_officer, tree.commune, days=30)

    # when an administrator raises the minimum to 45 days
    DisclosureCategory.objects.filter(pk=item.category_id).update(min_posting_days=45)

    # then the posting is flagged against the rule as it now stands
    item = Disclosure.objects.select_related("category").get(pk=item.pk)
    assert item.is_short
    assert list(Disclosure.objects.flagged()) == [item]


def test_a_short_draft_already_warns_on_save(client, tree, commune_officer):
    client.force_login(commune_officer)
    response = client.post(
        f"/cong-khai-thong-tin/tao-moi/?unit={tree.commune.pk}",
        {
            "category_code": "ngan_sach",
            "title": "Dự toán ngân sách",
            "starts_on": "10/03/2025",
            "ends_on": "20/03/2025",
        },
        follow=True,
    )

    assert response.status_code == 200
    assert "11" in response.content.decode() and "Điều 21" in response.content.decode()
    item = Disclosure.objects.get()
    assert item.ends_on == dt.date(2025, 3, 20) and item.is_draft
