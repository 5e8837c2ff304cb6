"""500 households vote online at the same moment, over HTTP to a real server: none lost, none
counted twice, the tally equal to the votes stored, every request answered (Law 10/2022/QH15,
art. 17: one vote per household; art. 21: the result counts households).

Every request runs in its own server thread with its own database connection, on PostgreSQL
and on SQLite alike (the SQLite test database is a file, see settings): the unique constraint on
(matter, household) settles the races, and on SQLite the IMMEDIATE transactions and busy
timeout queue the writers as in production.
"""

from __future__ import annotations

import http.client
import secrets
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse

from coso.community import actions
from coso.community.models import DecisionMethod, Household, MatterKind, Vote, VoteChoice
from coso.units.models import User

HOUSEHOLDS = 500
DUPLICATES = 25  # households that send a second, conflicting vote at the same time
WORKERS = 50


def _session_for(user: User) -> str:
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


@pytest.mark.django_db(transaction=True)
def test_500_households_voting_at_once_are_each_counted_once(live_server, tree, commune_officer):
    # Given a community of 500 households, each with a representative signed in
    village = tree.village
    users = User.objects.bulk_create(
        [
            User(username=f"ho-{n:03d}", full_name=f"Chủ hộ {n}", home_unit=village)
            for n in range(HOUSEHOLDS)
        ]
    )
    for n, user in enumerate(users):
        actions.add_household(
            by=commune_officer,
            unit=village,
            code=f"H{n:03d}",
            representative_name=f"Chủ hộ {n}",
            representative_user=user,
        )
    matter = actions.open_matter(
        by=commune_officer,
        unit=village,
        kind=MatterKind.OTHER,
        title="Lắp đèn chiếu sáng ngõ xóm",
        method=DecisionMethod.ONLINE,
    )
    assert matter.households_total == HOUSEHOLDS
    sessions = {user.pk: _session_for(user) for user in users}
    # every third household disagrees, the others agree; 25 households also send a
    # conflicting second vote at the same moment
    choices = {
        user.pk: VoteChoice.NO if n % 3 == 0 else VoteChoice.YES for n, user in enumerate(users)
    }
    requests = [(user.pk, choices[user.pk]) for user in users]
    for user in users[:DUPLICATES]:
        other = VoteChoice.YES if choices[user.pk] == VoteChoice.NO else VoteChoice.NO
        requests.append((user.pk, other))
    rng = secrets.SystemRandom()
    rng.shuffle(requests)
    address = urlsplit(live_server.url)
    path = reverse("community:vote", args=[matter.pk])
    csrf = secrets.token_hex(16)  # any 32-character secret: the cookie and the field must match

    def vote(request: tuple[int, str]) -> tuple[int, str, int]:
        user_id, choice = request
        client = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        try:
            client.request(
                "POST",
                path,
                body=urlencode({"choice": choice, "csrfmiddlewaretoken": csrf}),
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"{settings.SESSION_COOKIE_NAME}={sessions[user_id]}; "
                    f"{settings.CSRF_COOKIE_NAME}={csrf}",
                },
            )
            response = client.getresponse()
            response.read()
            return user_id, choice, response.status
        finally:
            client.close()

    # When all 525 requests are sent at once by 50 clients
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        answers = list(pool.map(vote, requests))

    # Then every request was answered: a vote recorded (redirect to the receipt) or refused
    # as a second vote (409), never an error
    statuses = sorted({status for _, _, status in answers})
    assert set(statuses) <= {302, 409}, statuses
    accepted = [(user_id, choice) for user_id, choice, status in answers if status == 302]
    refused = [user_id for user_id, _, status in answers if status == 409]
    # each household was accepted exactly once: none lost, none counted twice
    assert len(accepted) == HOUSEHOLDS
    assert len({user_id for user_id, _ in accepted}) == HOUSEHOLDS
    assert len(refused) == DUPLICATES
    # the stored votes are exactly the accepted ones, with the accepted choice
    stored = dict(
        Vote.objects.filter(matter=matter).values_list("household__representative_user", "choice")
    )
    assert stored == dict(accepted)
    assert Vote.objects.filter(matter=matter).count() == HOUSEHOLDS
    # and the tally counted at closing equals the votes stored
    matter = actions.close_voting(by=commune_officer, matter=matter)
    yes = sum(1 for _, choice in accepted if choice == VoteChoice.YES)
    assert matter.yes_count == yes == Vote.objects.filter(matter=matter, choice="yes").count()
    assert matter.yes_count + matter.no_count == HOUSEHOLDS
    assert matter.tally().voted == HOUSEHOLDS
    # 2 of 3 households agreed: more than half of all households (art. 21)
    assert matter.adopted is True
    assert Household.objects.filter(unit=village, votes__matter=matter).count() == HOUSEHOLDS
