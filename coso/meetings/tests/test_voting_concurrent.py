"""Participants voting at the same moment, over HTTP to a real server: every ballot counted
once, none lost, a second ballot refused (409), never an error. Each request has its own
thread and database connection, on PostgreSQL and on SQLite alike (as coso.community's
test_concurrent_votes)."""

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
from django.utils import timezone

from coso.meetings import voting
from coso.meetings.models import (
    ElectionBallot,
    ElectionMark,
    MotionBallot,
    MotionChoice,
    Participant,
    VoteMethod,
)
from coso.units.models import User

from .conftest import make_meeting

VOTERS = 40
DUPLICATES = 10


def _session_for(user: User) -> str:
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def _room(tree, province_officer):
    meeting = make_meeting(tree.office, status="in_progress", by=province_officer)
    users = User.objects.bulk_create(
        [User(username=f"cb-{n:02d}", full_name=f"Cán bộ {n}") for n in range(VOTERS)]
    )
    now = timezone.now()
    Participant.objects.bulk_create(
        [
            Participant(
                meeting=meeting, user=u, full_name=u.full_name, checked_in_at=now, code=f"C{n:07d}"
            )
            for n, u in enumerate(users)
        ]
    )
    return meeting, users


def _post_all(live_server, path: str, requests: list[tuple[User, dict]]) -> list[int]:
    address = urlsplit(live_server.url)
    csrf = secrets.token_hex(16)
    sessions = {user.pk: _session_for(user) for user, _ in requests}

    def post(item: tuple[User, dict]) -> int:
        user, data = item
        client = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        try:
            client.request(
                "POST",
                path,
                body=urlencode({**data, "csrfmiddlewaretoken": csrf}, doseq=True),
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"{settings.SESSION_COOKIE_NAME}={sessions[user.pk]}; "
                    f"{settings.CSRF_COOKIE_NAME}={csrf}",
                },
            )
            response = client.getresponse()
            response.read()
            return response.status
        finally:
            client.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        return list(pool.map(post, requests))


@pytest.mark.django_db(transaction=True)
def test_ballots_cast_at_once_are_each_counted_once(live_server, tree, province_officer):
    # Given 40 participants present and a secret ballot open
    meeting, users = _room(tree, province_officer)
    motion = voting.add_motion(
        meeting, by=province_officer, title="Thông qua nghị quyết", method=VoteMethod.BALLOT
    )
    voting.open_motion(motion, by=province_officer)
    choices = {u.pk: "no" if n % 4 == 0 else "yes" for n, u in enumerate(users)}
    requests = [(u, {"choice": choices[u.pk]}) for u in users]
    requests += [(u, {"choice": "abstain"}) for u in users[:DUPLICATES]]
    secrets.SystemRandom().shuffle(requests)
    # When all are sent at once
    statuses = _post_all(live_server, reverse("meetings:motion_ballot", args=[motion.pk]), requests)
    # Then each voter was accepted once and the duplicates refused, never an error
    assert set(statuses) <= {302, 409}, statuses
    assert statuses.count(302) == VOTERS
    assert statuses.count(409) == DUPLICATES
    assert MotionBallot.objects.filter(motion=motion).count() == VOTERS
    assert MotionChoice.objects.filter(motion=motion).count() == VOTERS
    # and the count equals the ballots
    motion = voting.close_motion(motion, by=province_officer)
    assert motion.yes + motion.no + motion.abstain == VOTERS
    assert motion.no == VOTERS // 4 or motion.abstain > 0  # a duplicate may have won its race
    assert motion.adopted is True


@pytest.mark.django_db(transaction=True)
def test_election_ballots_cast_at_once_are_each_counted_once(live_server, tree, province_officer):
    meeting, users = _room(tree, province_officer)
    election = voting.add_election(meeting, by=province_officer, title="Bầu Ban TTND", seats=2)
    a = voting.add_candidate(election, by=province_officer, full_name="Nguyễn Văn An")
    b = voting.add_candidate(election, by=province_officer, full_name="Trần Thị Bình")
    voting.open_election(election, by=province_officer)
    requests = [(u, {"candidates": [str(a.pk), str(b.pk)]}) for u in users]
    requests += [(u, {"candidates": [str(a.pk)]}) for u in users[:DUPLICATES]]
    statuses = _post_all(
        live_server, reverse("meetings:election_ballot", args=[election.pk]), requests
    )
    assert set(statuses) <= {302, 409}, statuses
    assert statuses.count(302) == VOTERS
    assert ElectionBallot.objects.filter(election=election).count() == VOTERS
    election = voting.close_election(election, by=province_officer)
    assert election.ballots_cast == VOTERS
    marks = ElectionMark.objects.filter(election=election).count()
    assert 2 * VOTERS - DUPLICATES <= marks <= 2 * VOTERS
