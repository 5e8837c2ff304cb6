"""The public portal's pages of conferences and dialogues: what anyone may read, and nothing
private."""

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from coso.meetings.models import (
    AgendaItem,
    KindCode,
    MeetingFile,
    MeetingStatus,
    Question,
)
from coso.meetings.public import portal_context

from .conftest import make_meeting, seat


def attach(meeting, title: str, *, public: bool) -> MeetingFile:
    item = MeetingFile(meeting=meeting, title=title, is_public=public)
    item.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4 " + title.encode()), save=True)
    return item


@pytest.fixture
def dialogue(tree, commune_officer):
    """The commune's public dialogue, noticed, with an agenda, people, questions and files."""
    meeting = make_meeting(
        tree.commune,
        code=KindCode.COMMUNE_DIALOGUE,
        title="Hội nghị đối thoại với Nhân dân năm 2026",
        is_public=True,
        status=MeetingStatus.NOTICED,
        noticed_at=timezone.now(),
        notice_text="Kính mời bà con dự hội nghị đối thoại.",
        venue="Hội trường UBND xã",
        participants=3,
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Báo cáo tình hình năm 2026")
    AgendaItem.objects.create(
        meeting=meeting, position=2, title="Đối thoại, giải đáp", presenter="Chủ tịch UBND xã"
    )
    seat(meeting, commune_officer)
    Question.objects.create(meeting=meeting, text="Bao giờ làm đường thôn Đông?")
    attach(meeting, "Báo cáo công khai", public=True)
    attach(meeting, "Danh sách nội bộ", public=False)
    return meeting


def test_the_notice_page_shows_the_agenda_and_public_files(client, dialogue):
    response = client.get(reverse("meetings_public:detail", args=[dialogue.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Hội nghị đối thoại với Nhân dân năm 2026" in page
    assert "Kính mời bà con dự hội nghị đối thoại." in page
    assert "Báo cáo tình hình năm 2026" in page and "Chủ tịch UBND xã" in page
    assert "Hội trường UBND xã" in page
    assert "Báo cáo công khai" in page


def test_nothing_private_is_on_the_public_pages(client, dialogue, commune_officer):
    participant = dialogue.participants.first()
    pages = "".join(
        client.get(url).content.decode()
        for url in (
            reverse("meetings_public:detail", args=[dialogue.pk]),
            reverse("meetings_public:unit", args=[dialogue.unit_id]),
            reverse("portal:unit", args=[dialogue.unit_id]),
            reverse("meetings_public:unit_feed", args=[dialogue.unit_id]),
        )
    )

    assert "Danh sách nội bộ" not in pages  # a file not marked public
    assert participant.full_name not in pages and participant.code not in pages
    assert commune_officer.display_name not in pages
    assert "Bao giờ làm đường thôn Đông?" not in pages  # questions
    assert dialogue.checkin_token not in pages
    assert "/hoi-nghi/" + str(dialogue.pk) not in pages.replace("/cong-khai/hoi-nghi/", "")


def test_a_public_file_downloads_and_a_private_one_answers_404(client, dialogue):
    public, private = dialogue.files.order_by("pk")

    found = client.get(reverse("meetings_public:file", args=[public.pk]))
    hidden = client.get(reverse("meetings_public:file", args=[private.pk]))

    assert found.status_code == 200
    assert b"".join(found.streaming_content).startswith(b"%PDF-1.4")
    assert "attachment" in found["Content-Disposition"]
    assert hidden.status_code == 404


def test_a_public_file_of_a_private_meeting_answers_404(client, dialogue):
    dialogue.is_public = False
    dialogue.save()
    public = dialogue.files.get(is_public=True)

    assert client.get(reverse("meetings_public:file", args=[public.pk])).status_code == 404


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({}, 200),
        ({"is_public": False}, 404),
        ({"status": MeetingStatus.DRAFT}, 404),
        ({"status": MeetingStatus.CANCELLED}, 404),
        ({"status": MeetingStatus.IN_PROGRESS}, 200),
        ({"status": MeetingStatus.HELD}, 200),
        ({"status": MeetingStatus.CLOSED}, 200),
    ],
)
def test_the_notice_page_is_public_only_once_noticed_and_public(client, dialogue, changes, status):
    for name, value in changes.items():
        setattr(dialogue, name, value)
    dialogue.save()

    response = client.get(reverse("meetings_public:detail", args=[dialogue.pk]))

    assert response.status_code == status


def test_the_notice_page_of_a_closed_unit_answers_404(client, dialogue, tree):
    tree.commune.closed_on = dt.date(2025, 7, 1)
    tree.commune.save()

    assert client.get(reverse("meetings_public:detail", args=[dialogue.pk])).status_code == 404


def _minutes_urls(meeting) -> list[str]:
    return [
        reverse(f"meetings_public:{document}", args=[meeting.pk, fmt])
        for document in ("minutes", "resolution")
        for fmt in ("docx", "pdf")
    ]


def test_no_minutes_link_before_the_minutes_are_published(client, dialogue):
    dialogue.status = MeetingStatus.HELD
    dialogue.save()

    page = client.get(reverse("meetings_public:detail", args=[dialogue.pk])).content.decode()

    assert "bien-ban." not in page
    assert all(client.get(url).status_code == 404 for url in _minutes_urls(dialogue))


def test_the_minutes_link_appears_once_published(client, dialogue):
    dialogue.status = MeetingStatus.CLOSED
    dialogue.minutes_published_at = timezone.now()
    dialogue.save()

    page = client.get(reverse("meetings_public:detail", args=[dialogue.pk])).content.decode()

    assert reverse("meetings_public:minutes", args=[dialogue.pk, "docx"]) in page
    assert reverse("meetings_public:minutes", args=[dialogue.pk, "pdf"]) in page
    # a dialogue holds no votes: no resolution
    assert "nghi-quyet." not in page


def test_published_minutes_of_a_private_meeting_stay_private(client, dialogue):
    dialogue.status = MeetingStatus.CLOSED
    dialogue.minutes_published_at = timezone.now()
    dialogue.is_public = False
    dialogue.save()

    assert all(client.get(url).status_code == 404 for url in _minutes_urls(dialogue))


@pytest.mark.parametrize("fmt", ["doc", "exe", "DOCX", "pdf.zip"])
def test_an_unknown_format_answers_404(client, dialogue, fmt):
    dialogue.status = MeetingStatus.CLOSED
    dialogue.minutes_published_at = timezone.now()
    dialogue.save()

    url = f"/cong-khai/hoi-nghi/{dialogue.pk}/bien-ban.{fmt}"

    assert client.get(url).status_code == 404


def test_the_unit_page_lists_public_meetings_coming_and_past(client, tree, dialogue):
    past = make_meeting(
        tree.commune,
        title="Đối thoại năm 2025",
        is_public=True,
        status=MeetingStatus.CLOSED,
        starts_in=-dt.timedelta(days=300),
        minutes_published_at=timezone.now(),
    )
    make_meeting(tree.commune, title="Họp nội bộ", status=MeetingStatus.NOTICED)
    make_meeting(tree.commune, title="Đang soạn", is_public=True)
    make_meeting(tree.village, title="Hội nghị thôn", is_public=True, status=MeetingStatus.NOTICED)

    response = client.get(reverse("meetings_public:unit", args=[tree.commune.pk]))

    assert response.context["coming"] == [dialogue]
    assert list(response.context["page_obj"]) == [past]
    page = response.content.decode()
    assert "Họp nội bộ" not in page and "Đang soạn" not in page and "Hội nghị thôn" not in page


def test_the_unit_page_of_an_unknown_unit_answers_404(client, db):
    assert client.get("/cong-khai/hoi-nghi/don-vi/987654/").status_code == 404


def test_the_portal_section_shows_coming_meetings_and_published_minutes(
    tree, dialogue, django_assert_num_queries
):
    done = make_meeting(
        tree.commune,
        title="Đối thoại năm 2025",
        is_public=True,
        status=MeetingStatus.CLOSED,
        starts_in=-dt.timedelta(days=300),
        minutes_published_at=timezone.now(),
    )

    with django_assert_num_queries(2):
        context = portal_context(tree.commune)

    assert context["coming"] == [dialogue] and context["minutes"] == [done]
    html = render_to_string("meetings/portal_section.html", {"section": context})
    assert reverse("meetings_public:detail", args=[dialogue.pk]) in html
    assert reverse("meetings_public:unit_feed", args=[tree.commune.pk]) in html


def test_the_public_pages_need_no_sign_in_and_few_queries(
    client, dialogue, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        detail = client.get(reverse("meetings_public:detail", args=[dialogue.pk]))
    with django_assert_max_num_queries(6):
        listing = client.get(reverse("meetings_public:unit", args=[dialogue.unit_id]))

    assert detail.status_code == 200 and listing.status_code == 200


def test_the_published_minutes_download_as_docx_and_pdf(client, dialogue):
    # given the dialogue was held and its minutes published
    dialogue.status = MeetingStatus.CLOSED
    dialogue.minutes_published_at = timezone.now()
    dialogue.save()

    # when anyone downloads them
    docx = client.get(reverse("meetings_public:minutes", args=[dialogue.pk, "docx"]))
    pdf = client.get(reverse("meetings_public:minutes", args=[dialogue.pk, "pdf"]))

    # then they open, as the minutes of that meeting
    assert docx.status_code == 200 and "attachment" in docx["Content-Disposition"]
    assert docx["Content-Disposition"].endswith('.docx"')
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert pdf["Content-Type"] == "application/pdf"
    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Hội nghị đối thoại với Nhân dân năm 2026" in text
    assert "Địa điểm: Hội trường UBND xã." in text
    assert "BIÊN BẢN" in pdf_text and "Báo cáo tình hình năm 2026" in pdf_text


def test_a_conference_with_votes_also_publishes_its_resolution(client, tree):
    conference = make_meeting(
        tree.office,
        title="Hội nghị cán bộ, công chức, viên chức năm 2025",
        is_public=True,
        status=MeetingStatus.CLOSED,
        starts_in=-dt.timedelta(days=3),
        minutes_published_at=timezone.now(),
        participants=3,
    )

    page = client.get(reverse("meetings_public:detail", args=[conference.pk])).content.decode()
    pdf = client.get(reverse("meetings_public:resolution", args=[conference.pk, "pdf"]))

    assert reverse("meetings_public:resolution", args=[conference.pk, "docx"]) in page
    assert pdf.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "NGHỊ QUYẾT" in text


def test_the_unit_s_portal_page_shows_the_meetings_section(client, dialogue, monkeypatch):
    from coso.portal import sections

    apps = sections.SECTION_APPS
    if "meetings" not in apps:
        monkeypatch.setattr(sections, "SECTION_APPS", (*apps, "meetings"))

    response = client.get(reverse("portal:unit", args=[dialogue.unit_id]))

    page = response.content.decode()
    assert reverse("meetings_public:detail", args=[dialogue.pk]) in page
    assert reverse("meetings_public:unit", args=[dialogue.unit_id]) in page


def test_the_public_minutes_name_no_attendee_or_asker_but_the_officers_copy_does(
    client, dialogue, commune_officer
):
    # given the dialogue was held: a citizen came and asked a question in the room
    came = dialogue.participants.exclude(user=commune_officer).first()
    dialogue.participants.filter(pk=came.pk).update(checked_in_at=timezone.now())
    Question.objects.create(
        meeting=dialogue, asker_name="Lò Văn Hỏi", text="Khi nào có đèn đường?", answer="Quý I."
    )
    dialogue.status = MeetingStatus.CLOSED
    dialogue.minutes_published_at = timezone.now()
    dialogue.save()

    # when the public downloads the minutes, and the commune officer downloads them inside coso
    public = client.get(reverse("meetings_public:minutes", args=[dialogue.pk, "pdf"]))
    client.force_login(commune_officer)
    internal = client.get(reverse("meetings:document", args=[dialogue.pk, "minutes", "pdf"]))

    # then the question and its answer are public, but not who came or who asked
    def text(response) -> str:
        return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)

    public_text, internal_text = text(public), text(internal)
    assert "Khi nào có đèn đường?" in public_text and "Quý I." in public_text
    assert "Lò Văn Hỏi" not in public_text and came.full_name not in public_text
    assert "Lò Văn Hỏi" in internal_text and came.full_name in internal_text


def test_a_noticed_public_meeting_invites_questions_through_the_feedback_form(client, dialogue):
    page = client.get(reverse("meetings_public:detail", args=[dialogue.pk]))

    assert reverse("feedback_public:send", args=[dialogue.unit_id]) in page.content.decode()
