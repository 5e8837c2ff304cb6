"""Who may do what, for every persona (+ the household's representative and a counting board
member): officers of the community and the steering officers above it keep the register and
run matters; committee members read; the representative votes for their household only; the
counting board and managers enter paper ballots; everyone else sees nothing (404)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import PERSONAS, client_as
from coso.community import actions
from coso.community.models import Household, Matter, Vote

from .conftest import open_ballot, open_meeting

MANAGERS = {"admin", "province_officer", "commune_officer"}
READERS = MANAGERS | {"committee_member"}
SIGNED_IN = [p for p in PERSONAS if p != "anonymous"]


def _allowed(run) -> bool:
    try:
        run()
    except PermissionDenied:
        return False
    return True


@pytest.mark.parametrize("persona", SIGNED_IN)
def test_action_matrix(persona, personas, village, households, commune_officer, counter):
    user = getattr(personas, persona)
    meeting = open_meeting(commune_officer, village)
    ballot = open_ballot(commune_officer, village)
    actions.set_counting_board(by=commune_officer, matter=ballot, members=[counter])
    code = actions.prepare_ballots(by=commune_officer, matter=ballot)[0].code
    manager = persona in MANAGERS
    results = {
        "add_household": _allowed(
            lambda: actions.add_household(
                by=user, unit=village, code=f"X-{persona}", representative_name="Hộ mới"
            )
        ),
        "update_household": _allowed(
            lambda: actions.update_household(by=user, household=households[1], phone="0900")
        ),
        "import": _allowed(
            lambda: actions.import_households(
                by=user,
                unit=village,
                file=SimpleUploadedFile("a.csv", f"Mã hộ,Người đại diện\nI-{persona},A\n".encode()),
            )
        ),
        "open_matter": _allowed(
            lambda: actions.open_matter(
                by=user, unit=village, kind="other", title="Việc", method="online"
            )
        ),
        "attendance": _allowed(
            lambda: actions.record_attendance(by=user, matter=meeting, present=households[:6])
        ),
        "prepare_ballots": _allowed(lambda: actions.prepare_ballots(by=user, matter=ballot)),
        "paper_ballot": _allowed(
            lambda: actions.record_paper_ballot(by=user, matter=ballot, code=code, choice="yes")
        ),
        "counting_board": _allowed(
            lambda: actions.set_counting_board(by=user, matter=ballot, members=[counter])
        ),
        "close": _allowed(lambda: actions.close_voting(by=user, matter=meeting)),
    }
    assert results == dict.fromkeys(results, manager)
    # Nobody of the cast represents a household: none may vote online
    online = actions.open_matter(
        by=commune_officer, unit=village, kind="other", title="Trực tuyến", method="online"
    )
    assert not _allowed(lambda: actions.cast_online_vote(by=user, matter=online, choice="yes"))


def test_representative_and_counter(village, households, commune_officer, counter):
    voter = households[0].representative_user
    ballot = open_ballot(commune_officer, village, kind="other")
    actions.set_counting_board(by=commune_officer, matter=ballot, members=[counter])
    codes = actions.prepare_ballots(by=commune_officer, matter=ballot)
    # the representative votes for their own household, and only for it
    vote = actions.cast_online_vote(by=voter, matter=ballot, choice="yes")
    assert vote.household == households[0] and vote.cast_by == voter
    # but manages nothing and cannot enter paper ballots
    assert not _allowed(lambda: actions.close_voting(by=voter, matter=ballot))
    assert not _allowed(
        lambda: actions.record_paper_ballot(
            by=voter, matter=ballot, code=codes[1].code, choice="no"
        )
    )
    assert not _allowed(
        lambda: actions.add_household(by=voter, unit=village, code="Z", representative_name="Z")
    )
    # the counting board member enters paper ballots but runs nothing else
    assert actions.record_paper_ballot(by=counter, matter=ballot, code=codes[1].code, choice="no")
    assert not _allowed(lambda: actions.close_voting(by=counter, matter=ballot))
    assert not _allowed(lambda: actions.prepare_ballots(by=counter, matter=ballot))
    assert Vote.objects.filter(matter=ballot).count() == 2


def _expected(persona: str, kind: str) -> int:
    if persona == "anonymous":
        return 302  # to the sign-in page
    if kind == "any":
        return 200
    if kind == "read":
        return 200 if persona in READERS else 404
    if kind == "manage":
        if persona in MANAGERS:
            return 200
        return 403 if persona in READERS else 404
    if kind == "manage_post":
        if persona in MANAGERS:
            return 302
        return 403 if persona in READERS else 404
    if kind == "vote":
        return 404  # nobody of the cast represents a household
    raise AssertionError(kind)


PAGES = [
    ("get", "/bieu-quyet/", "any"),
    ("get", "/bieu-quyet/cua-toi/", "any"),
    ("get", "/bieu-quyet/ho-gia-dinh/?unit={unit}", "read"),
    ("get", "/bieu-quyet/ho-gia-dinh/them/?unit={unit}", "manage"),
    ("get", "/bieu-quyet/ho-gia-dinh/nhap-tu-tep/?unit={unit}", "manage"),
    ("get", "/bieu-quyet/ho-gia-dinh/{household}/sua/", "manage"),
    ("get", "/bieu-quyet/tao-moi/?unit={unit}", "manage"),
    ("get", "/bieu-quyet/{meeting}/", "read"),
    ("get", "/bieu-quyet/{meeting}/diem-danh/", "manage"),
    ("get", "/bieu-quyet/{meeting}/gio-tay/", "manage"),
    ("get", "/bieu-quyet/{meeting}/to-kiem-phieu/", "manage"),
    ("post", "/bieu-quyet/{meeting}/in-phieu/", "manage_post"),
    ("post", "/bieu-quyet/{meeting}/kiem-phieu-ket-qua/", "manage_post"),
    ("get", "/bieu-quyet/{meeting}/bo-phieu/", "vote"),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("method", "url", "kind"), PAGES)
def test_page_matrix(
    client, personas, village, households, commune_officer, persona, method, url, kind
):
    meeting = open_meeting(commune_officer, village)
    target = url.format(unit=village.pk, household=households[0].pk, meeting=meeting.pk)
    client_as(client, personas, persona)
    response = getattr(client, method)(target)
    assert response.status_code == _expected(persona, kind), (persona, target)
    if response.status_code == 302 and persona == "anonymous":
        assert "/dang-nhap/" in response["Location"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_public_pages_answer_everyone(
    client, personas, village, households, commune_officer, persona
):
    meeting = open_meeting(commune_officer, village)
    client_as(client, personas, persona)
    for url in (
        f"/cong-khai/bieu-quyet/don-vi/{village.pk}/",
        f"/cong-khai/bieu-quyet/{meeting.pk}/",
    ):
        assert client.get(url).status_code == 200


def test_representative_pages(client, village, households, commune_officer):
    meeting = open_meeting(commune_officer, village)
    client.force_login(households[0].representative_user)
    # may open the voting page of their community's matter, and nothing of the officers'
    assert client.get(f"/bieu-quyet/{meeting.pk}/bo-phieu/").status_code == 200
    assert client.get(f"/bieu-quyet/{meeting.pk}/").status_code == 404
    assert client.get(f"/bieu-quyet/ho-gia-dinh/?unit={village.pk}").status_code == 404
    assert client.post(f"/bieu-quyet/{meeting.pk}/kiem-phieu-ket-qua/").status_code == 404
    assert Matter.objects.get(pk=meeting.pk).status == "open"
    assert Household.objects.count() == 10
