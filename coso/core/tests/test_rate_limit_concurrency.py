"""Posts from one address arriving at the same moment are each counted by the rate limit."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from coso.core.models import RateCount
from coso.core.ratelimit import RateLimit

HITS = 24


@pytest.mark.django_db(transaction=True)
def test_parallel_hits_are_all_counted_and_the_limit_holds():
    limit = RateLimit("burst", limit=10, window_seconds=600)
    now = 1_700_000_000.0

    def hit(_: int) -> bool:
        try:
            return limit.hit("203.0.113.99", now=now)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        allowed = list(pool.map(hit, range(HITS)))

    assert RateCount.objects.get().count == HITS
    assert allowed.count(True) == 10
