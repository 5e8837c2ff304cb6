"""The minutes and the resolution open in an office suite (parsed back with python-docx and
pypdf) and state attendance with the quorum, every vote with its counts and result, the
election's votes per candidate, the conclusions and commitments, and an attendance annex."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from pypdf import PdfReader

from coso.meetings.documents import filename, render
from coso.meetings.models import MeetingStatus
from coso.meetings.tests.conftest import make_meeting
from coso.meetings.tests.test_followup_world import CONCLUSIONS, held_meeting


@pytest.fixture
def world(tree, province_officer, secretary):
    return held_meeting(tree, by=province_officer, secretary=secretary)


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
    return "\n".join(parts)


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_minutes_docx_state_attendance_votes_and_the_election(world):
    content, name = render(world.meeting, "minutes", "docx")

    text = docx_text(content)
    assert name == "bien-ban-hoi-nghi-can-bo-cong-chuc-vien-chuc-nam-2025.docx"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "VĂN PHÒNG UBND TỈNH" in text and "Số: …/BB-HN" in text
    assert "BIÊN BẢN" in text and "HỘI NGHỊ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC" in text
    # attendance and quorum
    assert "Tổng số người được triệu tập: 13 người." in text
    assert "Số người có mặt: 10 người" in text
    assert "Khách mời: 1 người." in text
    assert "hội nghị hợp lệ khi có ít nhất hai phần ba" in text
    assert "tối thiểu 9 người" in text and "đủ điều kiện tiến hành" in text
    # composition and agenda
    assert "Chủ trì: Ông (bà) Nguyễn Văn An." in text
    assert "Thư ký: Ông (bà) Mai Thị Thư Ký." in text
    assert "Quy chế chi tiêu nội bộ (trình bày: Kế toán trưởng)" in text
    # every vote with its counts and result
    assert "Thông qua quy chế chi tiêu nội bộ" in text
    assert "ĐƯỢC THÔNG QUA (8/10 số người có mặt tán thành, bằng 80%)" in text
    assert "KHÔNG ĐƯỢC THÔNG QUA (5/10 số người có mặt tán thành, bằng 50%)" in text
    assert "Nội dung bổ sung" in text and "chưa được biểu quyết" in text
    assert "bỏ phiếu kín" in text
    # the election with votes per candidate
    assert "Số phiếu hợp lệ: 9 phiếu." in text
    assert "Ứng Viên Một" in text and "88,88%" in text
    assert "Ứng Viên Ba" in text and "33,33%" in text
    assert "Những người trúng cử: Ứng Viên Một, Ứng Viên Hai." in text
    # discussion, questions, conclusions and commitments
    assert "Đề nghị tăng cường chuyển đổi số." in text
    assert "Đề nghị bố trí thêm chỗ để xe cho cán bộ." in text
    assert "Trả lời: Theo Thông tư hiện hành." in text
    assert CONCLUSIONS in text
    assert "Bố trí thêm chỗ để xe" in text and "Phòng Hành chính - Tổ chức (Trưởng phòng)" in text
    # signatures and the attendance annex
    assert "THƯ KÝ" in text and "CHỦ TRÌ" in text
    assert "DANH SÁCH NGƯỜI THAM DỰ HỘI NGHỊ" in text
    assert "Khách Mời Tỉnh" in text and "Vắng" in text and "Có mặt" in text


def test_minutes_pdf_open_and_state_the_same_facts(world):
    content, name = render(world.meeting, "minutes", "pdf")

    assert content.startswith(b"%PDF") and name.endswith(".pdf")
    text = pdf_text(content)
    assert "BIÊN BẢN" in text
    assert "Số người có mặt: 10 người" in text
    assert "ĐƯỢC THÔNG QUA (8/10" in text
    assert "KHÔNG ĐƯỢC THÔNG QUA (5/10" in text
    assert "Ứng Viên Một" in text
    assert "DANH SÁCH NGƯỜI THAM DỰ HỘI NGHỊ" in text


def test_resolution_states_what_was_decided_only(world):
    content, name = render(world.meeting, "resolution", "docx")

    text = docx_text(content)
    assert name.startswith("nghi-quyet-")
    assert "NGHỊ QUYẾT" in text and "QUYẾT NGHỊ:" in text and "Số: …/NQ-HN" in text
    assert "Điều 1. Thông qua quy chế chi tiêu nội bộ." in text
    assert "(Có 8/10 số người có mặt tán thành, bằng 80%.)" in text
    assert "Thay đổi giờ làm việc mùa hè" not in text  # not adopted
    assert "Điều 2. Kết quả bầu Ban Thanh tra nhân dân" in text
    assert "Ứng Viên Hai" in text and "Ứng Viên Ba" not in text
    assert CONCLUSIONS in text and "Bố trí thêm chỗ để xe" in text
    assert "Điều 5. Nghị quyết này" in text
    assert "TM. HỘI NGHỊ - CHỦ TRÌ" in text

    pdf, pdf_name = render(world.meeting, "resolution", "pdf")
    assert pdf_name.endswith(".pdf") and "QUYẾT NGHỊ" in pdf_text(pdf)


def test_secret_ballot_minutes_state_counts_never_who_chose_what(world):
    content = render(world.meeting, "minutes", "docx")[0]

    assert "không ghi nhận lựa chọn của từng người" in docx_text(content)
    annex = Document(io.BytesIO(content)).tables[-1]
    cells = [cell.text for row in annex.rows for cell in row.cells]
    assert cells[:5] == ["STT", "Họ và tên", "Chức vụ, đơn vị", "Vai trò", "Điểm danh"]
    assert not any(word in cell for cell in cells for word in ("Tán thành", "Không tán thành"))


def test_a_meeting_just_opened_renders_with_blanks(tree, province_officer):
    meeting = make_meeting(tree.office, by=province_officer, status=MeetingStatus.IN_PROGRESS)
    meeting.discussion = "Dòng có ký tự lạ \x0b\x01 vẫn tải được."
    meeting.save()

    for document in ("minutes", "resolution"):
        for fmt in ("docx", "pdf"):
            content, _name = render(meeting, document, fmt)
            assert content
    text = docx_text(render(meeting, "minutes", "docx")[0])
    assert "Không có." in text and "Chủ trì: Ông (bà) …." in text
    assert "Dòng có ký tự lạ  vẫn tải được." in text


def test_an_unknown_document_is_refused(world):
    with pytest.raises(ValueError):
        render(world.meeting, "agenda", "docx")  # type: ignore[arg-type]
    assert filename(world.meeting, "minutes", "pdf").endswith(".pdf")
