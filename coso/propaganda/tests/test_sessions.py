"""Sessions record the people reached by group; the total is computed; bad input is refused
with a Vietnamese message and nothing is saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from coso.core.dates import today
from coso.core.models import AuditEntry
from coso.propaganda import actions
from coso.propaganda.models import Session, SessionForm

from .conftest import session_of


def test_the_total_is_the_sum_of_the_groups(world):
    assert world.session.total_reached == 100
    assert list(world.session.texts.all()) == [world.law]


def test_recording_a_session_is_audited(world):
    entry = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Session), object_pk=str(world.session.pk)
    ).first()
    assert entry is not None
    assert entry.unit_path == world.session.unit_path


def test_a_negative_number_of_people_is_refused(tree, commune_officer):
    with pytest.raises(ValidationError) as refused:
        session_of(commune_officer, tree.commune, reached_workers=-5)
    assert "âm" in refused.value.message_dict["reached_workers"][0]
    assert not Session.objects.exists()


def test_nobody_reached_a_future_date_and_a_missing_title_are_refused(tree, commune_officer):
    with pytest.raises(ValidationError) as refused:
        session_of(commune_officer, tree.commune, reached_citizens=0)
    assert "reached_citizens" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        session_of(commune_officer, tree.commune, days_ago=-3)
    assert "held_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        session_of(commune_officer, tree.commune, title="   ")
    assert "title" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        session_of(commune_officer, tree.commune, form="radio")
    assert "form" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        session_of(commune_officer, tree.commune, texts=[987654])
    assert "texts" in refused.value.message_dict
    assert not Session.objects.exists()


def test_an_update_that_fails_keeps_the_session_as_it_was(world, commune_officer):
    with pytest.raises(ValidationError):
        actions.update_session(
            world.session,
            by=commune_officer,
            title="Tên mới",
            held_on=today(),
            form=SessionForm.WEBSITE,
            reached_citizens=-1,
        )
    world.session.refresh_from_db()
    assert world.session.title != "Tên mới" and world.session.total_reached == 100


def test_another_commune_cannot_record_for_this_one(tree, other_commune_officer):
    with pytest.raises(PermissionDenied):
        session_of(other_commune_officer, tree.commune)


def test_the_form_shows_the_negative_number_error_on_its_field(tree, commune_officer, login):
    client = login(commune_officer)
    response = client.post(
        reverse("propaganda:session_create") + f"?unit={tree.commune.pk}",
        {
            "unit": tree.commune.pk,
            "title": "Phát thanh trên loa",
            "held_on": (today() - dt.timedelta(days=1)).strftime("%d/%m/%Y"),
            "form": SessionForm.LOUDSPEAKER,
            "reached_citizens": "-20",
        },
    )
    assert response.status_code == 200
    assert "Số người không được âm." in response.content.decode()
    assert not Session.objects.exists()


def test_garbage_in_the_form_never_crashes(tree, commune_officer, login):
    client = login(commune_officer)
    response = client.post(
        reverse("propaganda:session_create"),
        {
            "unit": "x",
            "title": "a" * 900,
            "held_on": "31/02/2025",
            "form": "?",
            "reached_citizens": "abc",
            "texts": ["zz"],
        },
    )
    assert response.status_code == 200
    assert "Nhập ngày có thật" in response.content.decode() or "dd/mm/yyyy" in (
        response.content.decode()
    )


def test_the_list_is_searchable_without_diacritics(world, commune_officer, login):
    client = login(commune_officer)
    response = client.get(reverse("propaganda:sessions"), {"q": "dan chu co so"})
    assert world.session.title in response.content.decode()
    response = client.get(reverse("propaganda:sessions"), {"q": "khong co gi"})
    assert world.session.title not in response.content.decode()


def test_the_session_list_takes_a_fixed_number_of_queries(
    world, tree, commune_officer, login, django_assert_num_queries
):
    for i in range(5):
        session_of(commune_officer, tree.village, [world.law], title=f"Buổi {i}")
    client = login(commune_officer)
    client.get(reverse("propaganda:sessions"))
    with django_assert_num_queries(6):
        response = client.get(reverse("propaganda:sessions"))
    assert response.status_code == 200
