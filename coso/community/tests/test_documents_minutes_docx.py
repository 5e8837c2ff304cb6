"""The minutes as a Word file, read back with python-docx (Decree 59/2023/NĐ-CP, forms 02-04)."""

import io

from docx import Document

from coso.community.documents.common import MinutesForm, Tally
from coso.community.documents.docx import minutes_docx

from .test_documents_support import CITATION, docx_text, sample_minutes


def test_meeting_minutes_state_heading_attendance_counts_rule_and_adoption():
    # Given the minutes of a meeting where 31 of 60 households agreed
    minutes = sample_minutes()

    # When they are written as a Word file
    content = minutes_docx(minutes)

    # Then a reader finds the national heading, the form-03 title and every fact of the result
    text = docx_text(content)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND XÃ THANH MIỆN",
        "THÔN ĐÔNG",
        "Thanh Miện, ngày 10 tháng 7 năm 2024",
        "BIÊN BẢN CUỘC HỌP",
        "CỦA CỘNG ĐỒNG DÂN CƯ",
        "Về việc đóng góp xây dựng đường giao thông nông thôn",
        "vào hồi 19 giờ 30 phút, ngày 10 tháng 7 năm 2024, tại Nhà văn hóa Thôn Đông",
        "1. Chủ trì: Ông (bà) Nguyễn Văn Trưởng. Chức vụ: Trưởng thôn.",
        "2. Thư ký: Ông (bà) Trần Thị Thư.",
        "Tổng số hộ gia đình của Thôn Đông: 60 hộ.",
        "Số hộ gia đình có đại diện tham dự cuộc họp: 40 hộ (66,66% tổng số hộ gia đình).",
        "Số hộ gia đình không có người đại diện tham dự cuộc họp: 20 hộ.",
        "Số hộ gia đình đồng ý 31 hộ 51,66%",
        "Số hộ gia đình không đồng ý 6 hộ 10%",
        "Số hộ gia đình không có ý kiến 3 hộ 5%",
        "Số hộ gia đình đồng ý: 31/60 hộ",
        f"Căn cứ {CITATION}: nội dung được thông qua khi có trên 50% tổng số hộ gia đình",
        "Kết quả: nội dung biểu quyết ĐƯỢC THÔNG QUA.",
        "Cuộc họp kết thúc vào hồi 21 giờ 05 phút",
        "THƯ KÝ",
        "CHỦ TRÌ",
        "DANH SÁCH HỘ GIA ĐÌNH CÓ ĐẠI DIỆN THAM DỰ CUỘC HỌP",
        "TD-040",
    ):
        assert expected in text, expected


def test_minutes_of_a_matter_not_adopted_say_so():
    # Given exactly half of all households agreeing (Law 10/2022/QH15, art. 21: not adopted)
    minutes = sample_minutes(
        tally=Tally(households=60, present=60, voted=60, yes=30, no=30, abstain=0),
        adopted=False,
    )

    text = docx_text(minutes_docx(minutes))

    assert "Số hộ gia đình đồng ý: 30/60 hộ, bằng 50% tổng số hộ gia đình" in text
    assert "KHÔNG ĐƯỢC THÔNG QUA" in text


def test_household_ballot_counting_minutes_follow_form_04():
    # Given the count of a ballot sent to every household, with its counting board
    minutes = sample_minutes(
        MinutesForm.HOUSEHOLD_BALLOT,
        tally=Tally(households=60, voted=52, yes=40, no=10, abstain=2, issued=60),
        held_at=None,
    )

    text = docx_text(minutes_docx(minutes))

    for expected in (
        "BIÊN BẢN KIỂM PHIẾU",
        "Về việc phát phiếu lấy ý kiến của hộ gia đình về đóng góp xây dựng đường",
        "Ban kiểm phiếu gồm các ông (bà) có tên sau:",
        "1. Ông (bà) Lê Văn Kiểm - Tổ trưởng",
        "Số phiếu phát ra 60 phiếu",
        "Số phiếu thu vào 52 phiếu",
        "Số phiếu đồng ý 40 phiếu 66,66%",
        "TỔ TRƯỞNG BAN KIỂM PHIẾU",
        "DANH SÁCH HỘ GIA ĐÌNH ĐÃ GỬI PHIẾU LẤY Ý KIẾN",
    ):
        assert expected in text, expected
    # The time of the count is left for the board to write in, not invented.
    assert "vào hồi … giờ … phút" in text


def test_the_word_file_is_a4_in_times_new_roman():
    document = Document(io.BytesIO(minutes_docx(sample_minutes())))

    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.styles["Normal"].font.name == "Times New Roman"
