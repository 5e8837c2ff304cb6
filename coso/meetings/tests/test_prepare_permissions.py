"""Every persona × every page that prepares a meeting of the provincial office: who gets 200,
a redirect, 403 or 404; and refusals change nothing.

The office is inside the province: the admin and the province officer prepare its meetings;
the employee (staff of the office) and the committee member (province) read them; the commune
officers and the citizen do not know they exist; nobody signed in is sent to the login page.
A participant with no role (the invited citizen) reads the meeting and sends questions."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.meetings import actions
from coso.meetings.models import AgendaItem, Meeting, MeetingFile, Participant, Question

OK, REDIRECT, FORBIDDEN, MISSING, LOGIN = 200, 302, 403, 404, "login"

MANAGERS = {"admin", "province_officer"}
READERS = {"employee", "committee_member"}


@pytest.fixture
def world(office_meeting, province_officer):
    item = actions.add_agenda_item(office_meeting, by=province_officer, title="Báo cáo năm")
    upload = SimpleUploadedFile("bc.pdf", b"%PDF-1.4 x")
    file = actions.add_file(office_meeting, by=province_officer, title="Báo cáo", upload=upload)
    person = office_meeting.participants.first()
    return {"meeting": office_meeting, "item": item, "file": file, "person": person}


def _pages(w) -> dict:
    m, item, file, person = w["meeting"], w["item"], w["file"], w["person"]
    return {
        "list": ("get", reverse("meetings:list"), None),
        "create": ("get", reverse("meetings:create"), None),
        "detail": ("get", reverse("meetings:detail", args=[m.pk]), None),
        "edit": ("get", reverse("meetings:edit", args=[m.pk]), None),
        "agenda": ("get", reverse("meetings:agenda", args=[m.pk]), None),
        "agenda_add": ("post", reverse("meetings:agenda", args=[m.pk]), {"title": "Mục mới"}),
        "agenda_delete": ("post", reverse("meetings:agenda_delete", args=[item.pk]), {}),
        "files": ("get", reverse("meetings:files", args=[m.pk]), None),
        "download": ("get", reverse("meetings:file_download", args=[file.pk]), None),
        "file_delete": ("post", reverse("meetings:file_delete", args=[file.pk]), {}),
        "participants": ("get", reverse("meetings:participants", args=[m.pk]), None),
        "add_person": (
            "post",
            reverse("meetings:participants", args=[m.pk]),
            {"full_name": "Người mới", "role": "member"},
        ),
        "role": (
            "post",
            reverse("meetings:participant_role", args=[person.pk]),
            {"role": "secretary"},
        ),
        "remove_person": ("post", reverse("meetings:participant_remove", args=[person.pk]), {}),
        "notice": ("get", reverse("meetings:notice", args=[m.pk]), None),
        "questions": ("get", reverse("meetings:questions", args=[m.pk]), None),
        "cancel": ("post", reverse("meetings:cancel", args=[m.pk]), {"reason": "Hoãn"}),
    }


def expected(persona: str, page: str):
    if persona == "anonymous":
        return LOGIN
    if page == "list":
        return OK
    if page == "create":
        # Every officer may open the form for the units they manage.
        return OK if persona in MANAGERS | {"commune_officer", "other_commune_officer"} else 403
    writes = {
        "agenda_add",
        "agenda_delete",
        "file_delete",
        "add_person",
        "remove_person",
        "role",
        "cancel",
    }
    if persona in MANAGERS:
        return REDIRECT if page in writes else OK
    if persona in READERS:
        if page in ("detail", "download"):
            return OK
        return FORBIDDEN
    return MISSING


def _counts(meeting: Meeting) -> tuple:
    return (
        Meeting.objects.get(pk=meeting.pk).status,
        AgendaItem.objects.count(),
        MeetingFile.objects.count(),
        Participant.objects.count(),
        Question.objects.count(),
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_see_and_prepare_a_meeting(client, personas, world, persona):
    pages = _pages(world)
    client = client_as(client, personas, persona)
    for page, (method, url, data) in pages.items():
        before = _counts(world["meeting"])
        response = client.get(url) if method == "get" else client.post(url, data)
        want = expected(persona, page)
        if want == LOGIN:
            assert response.status_code == 302 and "/dang-nhap/" in response.url, page
            assert _counts(world["meeting"]) == before, page
            continue
        assert response.status_code == want, (persona, page, response.status_code)
        if want in (FORBIDDEN, MISSING):
            assert _counts(world["meeting"]) == before, (persona, page)


def test_an_invited_citizen_reads_the_meeting_and_sends_questions_but_prepares_nothing(
    client, citizen, office_meeting, world
):
    from .conftest import seat

    seat(office_meeting, citizen)
    client.force_login(citizen)
    pages = _pages(world)
    for page in ("detail", "download", "questions"):
        assert client.get(pages[page][1]).status_code == 200, page
    for page in ("edit", "agenda", "files", "participants", "notice"):
        assert client.get(pages[page][1]).status_code == 403, page
    response = client.post(pages["questions"][1], {"text": "Xin hỏi"})
    assert response.status_code == 302
    before = _counts(office_meeting)
    assert client.post(pages["cancel"][1], {"reason": "x"}).status_code == 403
    assert client.post(pages["questions"][1], {"asker_name": "A", "text": "B"}).status_code == 403
    assert _counts(office_meeting) == before


def test_ids_that_cannot_exist_answer_404(client, province_officer):
    client.force_login(province_officer)
    for name in ("meetings:detail", "meetings:edit", "meetings:file_download"):
        assert client.get(reverse(name, args=[999999999])).status_code == 404
    assert client.get(reverse("meetings:list") + "?unit=abc").status_code == 404
