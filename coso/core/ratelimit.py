"""A small per-address rate limit for public forms, counted in the database.

Public forms (comments on a consultation, feedback) take posts from anyone; a limit per
client address stops one machine from flooding them without any third-party service. Each
hit is one atomic upsert on `core.RateCount` (``INSERT … ON CONFLICT DO UPDATE … RETURNING``,
on SQLite and PostgreSQL alike), so every worker shares the count and concurrent posts are
all counted: a cache's increment (read, then write) lost up to two thirds of the hits of a
burst of parallel posts on PostgreSQL (bench/feedback_burst.py).

Addresses are hashed with the secret key before they become keys, so the table never holds
a visitor's address in clear.

    COMMENTS = RateLimit("consultation-comment", limit=5, window_seconds=600)
    if not COMMENTS.allow(request):
        ...  # answer 429 with a message
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.http import HttpRequest

from .models import RateCount


def client_address(request: HttpRequest) -> str:
    """The visitor's address: REMOTE_ADDR, or the one a trusted proxy put in X-Forwarded-For.

    Behind N reverse proxies, set COSO_TRUSTED_PROXY_COUNT = N: the address is then the N-th
    from the right of X-Forwarded-For (the entries to its left can be forged by the client).
    """
    trusted = int(getattr(settings, "COSO_TRUSTED_PROXY_COUNT", 0) or 0)
    if trusted > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= trusted:
            return forwarded[-trusted]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _digest(text: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}|{text}".encode()).hexdigest()[:32]


def _count_one(bucket: str, expires: int) -> int:
    """Add one to the bucket's count, creating it at 1; answers the new count."""
    table = connection.ops.quote_name(RateCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (bucket, count, expires) VALUES (%s, 1, %s) "
            f"ON CONFLICT (bucket) DO UPDATE SET count = {table}.count + 1 "
            "RETURNING count",
            [bucket, expires],
        )
        return cursor.fetchone()[0]


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` hits per client address in each window of `window_seconds`."""

    scope: str
    limit: int
    window_seconds: int

    def _key(self, address: str, now: float) -> str:
        window = int(now // self.window_seconds)
        return f"{self.scope}:{_digest(address)}:{window}"

    def hit(self, address: str, *, now: float | None = None) -> bool:
        """Count one hit from `address`; True while the address is within its limit."""
        now = time.time() if now is None else now
        window_end = (int(now // self.window_seconds) + 1) * self.window_seconds
        count = _count_one(self._key(address, now), window_end)
        if count == 1:
            # A new window began for this address: a good moment to drop finished ones.
            RateCount.objects.filter(expires__lt=int(now)).delete()
        return count <= self.limit

    def allow(self, request: HttpRequest, *, now: float | None = None) -> bool:
        """Count one hit from the request's client address; False once over the limit."""
        return self.hit(client_address(request), now=now)

    def reset(self, address: str, *, now: float | None = None) -> None:
        key = self._key(address, time.time() if now is None else now)
        RateCount.objects.filter(bucket=key).delete()
