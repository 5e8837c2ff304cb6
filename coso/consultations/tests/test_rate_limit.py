"""A per-address limit on the public comment form (coso.core.ratelimit), counted in the database."""

from __future__ import annotations

import pytest
from django.test import RequestFactory, override_settings
from django.urls import reverse

from coso.consultations.models import Comment
from coso.consultations.public_views import COMMENT_RATE
from coso.core.models import RateCount
from coso.core.ratelimit import RateLimit, client_address

from .conftest import PHONE

pytestmark = pytest.mark.django_db


def _post(client, consultation, n: int, address: str = "203.0.113.7"):
    return client.post(
        reverse("consultations_public:comment", args=[consultation.pk]),
        {"section": "", "text": f"Ý kiến số {n} về dự thảo.", "name": "Bình", "contact": PHONE},
        REMOTE_ADDR=address,
    )


def test_one_address_is_stopped_after_its_limit_and_nothing_more_is_saved(client, consultation):
    # given one address that sent as many comments as the limit allows
    for n in range(COMMENT_RATE.limit):
        assert _post(client, consultation, n).status_code == 302
    assert Comment.objects.count() == COMMENT_RATE.limit

    # when it sends one more
    response = _post(client, consultation, 99)

    # then it is asked to wait, in Vietnamese, and the comment is not kept
    assert response.status_code == 429
    assert "Bạn đã gửi nhiều ý kiến trong thời gian ngắn" in response.content.decode()
    assert Comment.objects.count() == COMMENT_RATE.limit


def test_another_address_is_not_affected(client, consultation):
    for n in range(COMMENT_RATE.limit + 1):
        _post(client, consultation, n, address="203.0.113.7")

    response = _post(client, consultation, 100, address="198.51.100.20")

    assert response.status_code == 302
    assert Comment.objects.filter(text="Ý kiến số 100 về dự thảo.").exists()


def test_the_window_ends_and_the_address_may_post_again():
    limit = RateLimit("test-window", limit=2, window_seconds=60)
    now = 1_700_000_000.0

    assert limit.hit("10.0.0.1", now=now)
    assert limit.hit("10.0.0.1", now=now + 1)
    assert not limit.hit("10.0.0.1", now=now + 2)
    # the next window starts afresh
    assert limit.hit("10.0.0.1", now=now + 61)


def test_scopes_are_counted_apart():
    comments = RateLimit("scope-a", limit=1, window_seconds=60)
    feedback = RateLimit("scope-b", limit=1, window_seconds=60)

    assert comments.hit("10.0.0.2")
    assert feedback.hit("10.0.0.2")
    assert not comments.hit("10.0.0.2")


def test_the_database_never_holds_an_address_in_clear():
    limit = RateLimit("privacy", limit=5, window_seconds=60)
    limit.hit("192.0.2.55", now=1_700_000_000.0)

    row = RateCount.objects.get()
    assert "192.0.2.55" not in row.bucket
    assert row.count == 1


def test_finished_windows_are_dropped_when_a_new_one_begins():
    limit = RateLimit("tidy", limit=5, window_seconds=60)
    limit.hit("10.0.0.9", now=1_700_000_000.0)
    limit.hit("10.0.0.9", now=1_700_000_000.0 + 3600)

    assert RateCount.objects.count() == 1


def test_behind_a_trusted_proxy_the_forwarded_address_counts():
    request = RequestFactory().post(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9"
    )
    assert client_address(request) == "10.0.0.1"  # not trusted by default: can be forged
    with override_settings(COSO_TRUSTED_PROXY_COUNT=1):
        assert client_address(request) == "198.51.100.9"
