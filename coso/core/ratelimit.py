"""A small per-address rate limit for public forms, kept in Django's cache.

Public forms (comments on a consultation, feedback) take posts from anyone; a limit per
client address stops one machine from flooding them without any third-party service. The
count lives in the cache for one fixed window: it survives a restart of one worker only if the
cache is shared (database or memcached cache in production; the default local-memory cache
counts per process).

Addresses are hashed with the secret key before they become cache keys, so the cache never
holds a visitor's address in clear.

    COMMENTS = RateLimit("consultation-comment", limit=5, window_seconds=600)
    if not COMMENTS.allow(request):
        ...  # answer 429 with a message
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest

CACHE_ALIAS = "default"


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


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` hits per client address in each window of `window_seconds`."""

    scope: str
    limit: int
    window_seconds: int

    def _key(self, address: str, now: float) -> str:
        window = int(now // self.window_seconds)
        return f"ratelimit:{self.scope}:{_digest(address)}:{window}"

    def hit(self, address: str, *, now: float | None = None) -> bool:
        """Count one hit from `address`; True while the address is within its limit."""
        cache = caches[CACHE_ALIAS]
        key = self._key(address, time.time() if now is None else now)
        # add() creates the counter only if absent, so concurrent first hits do not reset it.
        cache.add(key, 0, timeout=self.window_seconds + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=self.window_seconds + 1)
            count = 1
        return count <= self.limit

    def allow(self, request: HttpRequest, *, now: float | None = None) -> bool:
        """Count one hit from the request's client address; False once over the limit."""
        return self.hit(client_address(request), now=now)

    def reset(self, address: str, *, now: float | None = None) -> None:
        caches[CACHE_ALIAS].delete(self._key(address, time.time() if now is None else now))
