"""A text replaced twice: the status chain, cycles refused, amendments and expiry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from coso.library import actions
from coso.library.models import LegalText, TextStatus, current_versions

pytestmark = pytest.mark.django_db


def test_a_text_replaced_twice_leads_to_the_last_one(admin, chain):
    # given A, B and C in force
    a, b, c = chain
    # when B replaces A and then C replaces B
    actions.replace_text(a, by=admin, replacement=b)
    actions.replace_text(b, by=admin, replacement=c)
    # then both earlier texts are replaced, and the chain ends at C
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.status == b.status == TextStatus.REPLACED
    assert a.expires_on == dt.date(2021, 3, 1)  # B's effective date
    assert b.expires_on == dt.date(2022, 3, 1)
    assert [t.pk for t in a.replacement_chain()] == [b.pk, c.pk]
    assert a.current_version() == c
    assert b.current_version() == c
    assert c.current_version() == c
    assert current_versions([a, b, c]) == {a.pk: c, b.pk: c}


def test_a_cycle_is_refused_and_nothing_changes(admin, chain):
    # given A → B → C
    a, b, c = chain
    actions.replace_text(a, by=admin, replacement=b)
    actions.replace_text(b, by=admin, replacement=c)
    # when C is said to be replaced by A
    with pytest.raises(ValidationError) as err:
        actions.replace_text(c, by=admin, replacement=a)
    # then it is refused with a Vietnamese message on the field, and C stays in force
    assert "replacement" in err.value.message_dict
    assert "thay thế" in err.value.message_dict["replacement"][0]
    c.refresh_from_db()
    assert c.status == TextStatus.IN_FORCE and c.replaced_by_id is None


def test_a_text_cannot_replace_itself(admin, chain):
    a, _b, _c = chain
    with pytest.raises(ValidationError) as err:
        actions.replace_text(a, by=admin, replacement=a)
    assert "replacement" in err.value.message_dict


def test_a_replaced_text_is_not_replaced_again(admin, chain):
    a, b, c = chain
    actions.replace_text(a, by=admin, replacement=b)
    with pytest.raises(ValidationError) as err:
        actions.replace_text(a, by=admin, replacement=c)
    assert "2/2021/NĐ-CP" in err.value.messages[0]
    a.refresh_from_db()
    assert a.replaced_by_id == b.pk


def test_a_replacement_before_the_text_took_effect_is_refused(admin, chain):
    a, b, _c = chain
    with pytest.raises(ValidationError) as err:
        actions.replace_text(a, by=admin, replacement=b, on=dt.date(2019, 1, 1))
    assert "on" in err.value.message_dict
    assert LegalText.objects.get(pk=a.pk).status == TextStatus.IN_FORCE


def test_amendment_keeps_the_text_in_force_and_is_recorded_once(admin, chain):
    a, b, _c = chain
    actions.amend_text(a, by=admin, amending=b)
    a.refresh_from_db()
    assert a.status == TextStatus.AMENDED
    assert list(a.amended_by.all()) == [b]
    assert list(b.amends.all()) == [a]
    with pytest.raises(ValidationError):
        actions.amend_text(a, by=admin, amending=b)
    with pytest.raises(ValidationError):
        actions.amend_text(a, by=admin, amending=a)


def test_expiry(admin, chain):
    a, _b, _c = chain
    with pytest.raises(ValidationError) as err:
        actions.expire_text(a, by=admin, on=dt.date(2019, 12, 31))
    assert "on" in err.value.message_dict
    actions.expire_text(a, by=admin, on=dt.date(2023, 1, 1))
    a.refresh_from_db()
    assert a.status == TextStatus.EXPIRED and a.expires_on == dt.date(2023, 1, 1)
    with pytest.raises(ValidationError):
        actions.expire_text(a, by=admin, on=dt.date(2024, 1, 1))


def test_core_texts_ship_with_their_chain(db):
    # the migration loads the field's texts: the decree 04/2015 replaced by 59/2023
    old = LegalText.objects.get(number_symbol="04/2015/NĐ-CP")
    assert old.is_core and old.status == TextStatus.REPLACED
    assert old.current_version().number_symbol == "59/2023/NĐ-CP"
    ordinance = LegalText.objects.get(number_symbol="34/2007/PL-UBTVQH11")
    assert ordinance.current_version().number_symbol == "10/2022/QH15"
    law = LegalText.objects.get(number_symbol="10/2022/QH15")
    assert law.effective_on == dt.date(2023, 7, 1) and law.status == TextStatus.IN_FORCE
    for number in ("61/2023/NĐ-CP", "145/2020/NĐ-CP", "30/2020/NĐ-CP", "30-CT/TW", "120-KL/TW"):
        assert LegalText.objects.filter(number_symbol=number, is_core=True).exists()


def test_changes_are_audited(admin, chain):
    from coso.core.models import AuditEntry

    a, b, _c = chain
    actions.replace_text(a, by=admin, replacement=b)
    entry = (
        AuditEntry.objects.filter(content_type__model="legaltext", object_pk=str(a.pk))
        .order_by("-timestamp")
        .first()
    )
    assert entry.actor == admin
