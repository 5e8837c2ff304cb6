"""Every persona × every page of consultations: who gets 200, a redirect, 403 or 404; refusals
change nothing. The public pages answer everyone, signed in or not."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.consultations import actions
from coso.consultations.models import Comment, CommentGroup, Consultation, ConsultationSection
from coso.core.dates import today

from .conftest import PHONE, kind


@pytest.fixture
def group(world, commune_officer):
    return actions.group_comments(
        world.open, by=commune_officer, comments=[world.comments[0].pk], new_title="Mức đóng góp"
    )


def _request(name: str, world, tree, group):
    start = today()
    return {
        "list": ("get", reverse("consultations:list"), None),
        "create": (
            "post",
            reverse("consultations:create") + f"?unit={tree.commune.pk}",
            {
                "unit": tree.commune.pk,
                "kind": kind().pk,
                "title": "Dự thảo mới",
                "opens_on": start.strftime("%d/%m/%Y"),
                "closes_on": (start + dt.timedelta(days=10)).strftime("%d/%m/%Y"),
                "channels": ["portal"],
                "sections-TOTAL_FORMS": "0",
                "sections-INITIAL_FORMS": "0",
            },
        ),
        "view": ("get", reverse("consultations:detail", args=[world.open.pk]), None),
        "view_sibling": ("get", reverse("consultations:detail", args=[world.ward.pk]), None),
        "comments": ("get", reverse("consultations:comments", args=[world.open.pk]), None),
        "extend": (
            "post",
            reverse("consultations:edit", args=[world.open.pk]),
            {"closes_on": (world.open.closes_on + dt.timedelta(days=3)).strftime("%d/%m/%Y")},
        ),
        "add_section": (
            "post",
            reverse("consultations:section_add", args=[world.draft.pk]),
            {"section-heading": "Điều 3. Thời hạn", "section-text": "Trong năm 2026."},
        ),
        "open": ("post", reverse("consultations:open", args=[world.draft.pk]), {}),
        "record_comment": (
            "post",
            reverse("consultations:comment_add", args=[world.open.pk]),
            {
                "channel": "meeting",
                "received_on": today().strftime("%d/%m/%Y"),
                "section": "",
                "text": "Ý kiến tại cuộc họp thôn.",
            },
        ),
        "group": (
            "post",
            reverse("consultations:comments", args=[world.open.pk]),
            {"comments": [world.comments[1].pk], "group": group.pk},
        ),
        "answer": (
            "post",
            reverse("consultations:group_answer", args=[group.pk]),
            {
                f"g{group.pk}-title": "Mức đóng góp",
                f"g{group.pk}-response": "adopted",
                f"g{group.pk}-response_text": "Tiếp thu.",
            },
        ),
        "hide": (
            "post",
            reverse("consultations:comment_hide", args=[world.comments[2].pk]),
            {"reason": "Xúc phạm"},
        ),
        "download": ("get", reverse("consultations:synthesis_docx", args=[world.open.pk]), None),
        "public_detail": (
            "get",
            reverse("consultations_public:detail", args=[world.open.pk]),
            None,
        ),
        "public_comment": (
            "post",
            reverse("consultations_public:comment", args=[world.open.pk]),
            {"section": "", "text": "Ý kiến của người dân.", "name": "Dân", "contact": PHONE},
        ),
    }[name]


MANAGER = {
    "list": 200,
    "create": 302,
    "view": 200,
    "view_sibling": 200,
    "comments": 200,
    "extend": 302,
    "add_section": 302,
    "open": 302,
    "record_comment": 302,
    "group": 302,
    "answer": 302,
    "hide": 302,
    "download": 200,
    "public_detail": 200,
    "public_comment": 302,
}
PUBLIC = {"public_detail": 200, "public_comment": 302}
OUTSIDER = {name: 404 for name in MANAGER} | {"list": 200} | PUBLIC
READER = (
    {name: 403 for name in MANAGER}
    | {"list": 200, "view": 200, "view_sibling": 200, "comments": 200, "download": 200}
    | PUBLIC
)
EXPECTED = {
    "admin": MANAGER,
    "province_officer": MANAGER,
    "commune_officer": MANAGER | {"view_sibling": 404},
    "other_commune_officer": OUTSIDER | {"view_sibling": 200},
    "employee": OUTSIDER,
    "committee_member": READER,
    "citizen": OUTSIDER,
    "anonymous": {name: 302 for name in MANAGER},
}
WRITES = {
    "create",
    "extend",
    "add_section",
    "open",
    "record_comment",
    "group",
    "answer",
    "hide",
    "public_comment",
}


def _snapshot() -> tuple:
    return (
        sorted(Consultation.objects.values_list("pk", "status", "title", "closes_on")),
        sorted(ConsultationSection.objects.values_list("pk", "heading")),
        sorted(Comment.objects.values_list("pk", "hidden", "group_id")),
        sorted(CommentGroup.objects.values_list("pk", "response", "response_text")),
    )


@pytest.mark.parametrize("action", list(MANAGER))
@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(client, personas, tree, world, group, persona, action):
    # given a persona (or nobody) signed in
    client = client_as(client, personas, persona)
    method, url, data = _request(action, world, tree, group)
    before = _snapshot()

    # when they try the action
    response = getattr(client, method)(url, data) if data is not None else client.get(url)

    # then they get the expected answer, and only an allowed write changes anything
    expected = EXPECTED[persona][action]
    if persona == "anonymous" and action in PUBLIC:
        expected = PUBLIC[action]
    assert response.status_code == expected, (persona, action)
    if persona == "anonymous" and action not in PUBLIC:
        assert response["Location"].startswith(reverse("login"))
    changed = _snapshot() != before
    if action in WRITES:
        assert changed is (expected == 302 and (persona != "anonymous" or action in PUBLIC))
    else:
        assert not changed
