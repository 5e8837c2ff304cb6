"""The minutes of a real matter: what the actions stored, in the words of Decree 59/2023/NĐ-CP.

Law 10/2022/QH15, art. 21: adopted when more than half of ALL households agree; the minutes
print the count, the share of all households, the rule with its citation and the outcome.
"""

from coso.community import actions
from coso.community.documents.build import MinutesOptions, build_minutes
from coso.community.documents.common import MinutesForm
from coso.community.documents.docx import minutes_docx
from coso.community.documents.pdf import minutes_pdf
from coso.community.models import ADOPTION_CITATION, VoteChoice

from .conftest import open_ballot, open_meeting
from .test_documents_support import docx_text, pdf_text

YES, NO, ABSTAIN = VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN


def _enter(officer, matter, choices: list[str]):
    """Prepare the ballots and enter one per choice, in household order."""
    codes = actions.prepare_ballots(by=officer, matter=matter)
    for ballot, choice in zip(codes, choices, strict=False):
        actions.record_paper_ballot(by=officer, matter=matter, code=ballot.code, choice=choice)
    return actions.close_voting(by=officer, matter=matter)


def test_household_ballot_minutes_state_issued_returned_counts_citation_and_adoption(
    commune_officer, ballot_matter
):
    # Given a ballot of 10 households: 6 agree, 2 disagree, 1 has no opinion, 1 did not answer
    matter = _enter(commune_officer, ballot_matter, [YES] * 6 + [NO] * 2 + [ABSTAIN])

    # When its minutes are written
    minutes = build_minutes(matter)
    text = docx_text(minutes_docx(minutes))

    # Then they follow form 04 and state the counts, the rule with its citation and the result
    assert minutes.form == MinutesForm.HOUSEHOLD_BALLOT
    source = ADOPTION_CITATION.partition(": ")[0]
    for expected in (
        "UBND XÃ THANH MIỆN",
        "THÔN ĐÔNG",
        "BIÊN BẢN KIỂM PHIẾU",
        "Về việc phát phiếu lấy ý kiến của hộ gia đình về sử dụng quỹ khuyến học",
        "Tổng số hộ gia đình của cộng đồng dân cư 10 hộ 100%",
        "Số phiếu phát ra 10 phiếu",
        "Số phiếu thu vào 9 phiếu 90%",
        "Số phiếu đồng ý 6 phiếu 60%",
        "Số phiếu không đồng ý 2 phiếu 20%",
        "Số phiếu không có ý kiến 1 phiếu 10%",
        "Số hộ gia đình đồng ý: 6/10 hộ, bằng 60% tổng số hộ gia đình của Thôn Đông.",
        f"Căn cứ {source}: nội dung được thông qua khi có trên 50% tổng số hộ gia đình",
        "Để được thông qua cần ít nhất 6/10 hộ gia đình đồng ý.",
        "Kết quả: nội dung biểu quyết ĐƯỢC THÔNG QUA.",
        "DANH SÁCH HỘ GIA ĐÌNH ĐÃ GỬI PHIẾU LẤY Ý KIẾN",
        "1 H001, Số 1, Thôn Đông Nguyễn Văn Hộ 1 Phiếu giấy",
    ):
        assert expected in text, expected
    # The household that did not answer is not on the list of those who did.
    assert "H010" not in text


def test_exactly_half_of_all_households_is_not_adopted_in_the_minutes(
    commune_officer, ballot_matter
):
    # Given 5 of 10 households agreeing (Law 10/2022/QH15, art. 21: strictly more than half)
    matter = _enter(commune_officer, ballot_matter, [YES] * 5 + [NO] * 3)

    text = pdf_text(minutes_pdf(build_minutes(matter)))

    assert "Số hộ gia đình đồng ý: 5/10 hộ, bằng 50% tổng số hộ gia đình" in text
    assert "KHÔNG ĐƯỢC THÔNG QUA" in text


def test_secret_ballot_minutes_show_who_voted_never_how(commune_officer, village, households):
    # Given two secret ballots where the same households voted with the same totals, but with
    # the choices swapped between households
    first = open_ballot(commune_officer, village, secret=True)
    second = open_ballot(commune_officer, village, secret=True)
    _enter(commune_officer, first, [YES, YES, YES, NO, ABSTAIN])
    _enter(commune_officer, second, [NO, ABSTAIN, YES, YES, YES])
    first.refresh_from_db()
    second.refresh_from_db()

    # When their minutes are written
    docs = [build_minutes(m) for m in (first, second)]
    texts = [pdf_text(minutes_pdf(d)) for d in docs]

    # Then they say that the secret ballot records who voted, list the same households, and
    # are word for word the same: nothing in them depends on which household chose what
    assert "không ghi nhận lựa chọn của từng hộ gia đình" in texts[0]
    assert [h.household for h in docs[0].households] == [
        "H001, Số 1, Thôn Đông",
        "H002, Số 2, Thôn Đông",
        "H003, Số 3, Thôn Đông",
        "H004, Số 4, Thôn Đông",
        "H005, Số 5, Thôn Đông",
    ]
    assert texts[0] == texts[1]
    assert docx_text(minutes_docx(docs[0])) == docx_text(minutes_docx(docs[1]))
    annex = texts[0].partition("DANH SÁCH HỘ GIA ĐÌNH ĐÃ GỬI PHIẾU LẤY Ý KIẾN")[2]
    for choice in ("Đồng ý", "Không đồng ý", "Không có ý kiến"):
        assert choice not in annex


def test_meeting_minutes_name_chair_secretary_attendance_and_the_households_present(
    commune_officer, meeting_matter, households
):
    # Given a meeting where 7 of 10 households are present and 6 raise their hands to agree
    present = households[:7]
    actions.record_attendance(by=commune_officer, matter=meeting_matter, present=present)
    actions.record_meeting_votes(
        by=commune_officer,
        matter=meeting_matter,
        votes={h: (YES if n < 6 else NO) for n, h in enumerate(present)},
    )
    matter = actions.close_voting(by=commune_officer, matter=meeting_matter)

    # When the officer downloads form 03 naming the chair and the secretary
    minutes = build_minutes(
        matter,
        MinutesOptions(
            record_type="NGHỊ QUYẾT",
            chair="Nguyễn Văn Trưởng",
            chair_role="Trưởng thôn",
            secretary="Trần Thị Thư",
            secretary_role="Thư ký cuộc họp",
        ),
    )
    text = docx_text(minutes_docx(minutes))

    # Then form 03 states who chaired, who was present, the counts and the outcome
    for expected in (
        "NGHỊ QUYẾT CỦA CỘNG ĐỒNG DÂN CƯ",
        "Về việc đóng góp xây nhà văn hóa",
        "vào hồi 08 giờ 00 phút, ngày 15 tháng 6 năm 2025, tại Nhà văn hóa Thôn Đông",
        "1. Chủ trì: Ông (bà) Nguyễn Văn Trưởng. Chức vụ: Trưởng thôn.",
        "2. Thư ký: Ông (bà) Trần Thị Thư. Chức vụ: Thư ký cuộc họp.",
        "Số hộ gia đình có đại diện tham dự cuộc họp: 7 hộ (70% tổng số hộ gia đình).",
        "Tổ chức cuộc họp cộng đồng dân cư, biểu quyết công khai",
        "Số hộ gia đình đồng ý 6 hộ 60%",
        "ĐƯỢC THÔNG QUA",
        "DANH SÁCH HỘ GIA ĐÌNH CÓ ĐẠI DIỆN THAM DỰ CUỘC HỌP",
        "7 H007, Số 7, Thôn Đông Nguyễn Văn Hộ 7 Có mặt",
        "Nguyễn Văn Trưởng",
    ):
        assert expected in text, expected
    assert "H008" not in text


def test_a_meeting_without_enough_households_says_it_turned_into_a_ballot(
    commune_officer, meeting_matter, households
):
    # Given a meeting with 5 of 10 households present: it cannot reach the threshold
    actions.record_attendance(by=commune_officer, matter=meeting_matter, present=households[:5])
    actions.convert_to_ballot(by=commune_officer, matter=meeting_matter)
    meeting_matter.refresh_from_db()

    text = pdf_text(minutes_pdf(build_minutes(meeting_matter)))

    # Then its minutes record the shortfall and the household ballot that replaces it
    assert (
        "(5/10 hộ) không đạt quá bán tổng số hộ gia đình (Nghị định 59/2023/NĐ-CP, Điều 4)" in text
    )
    assert "Nội dung được chuyển sang phát phiếu lấy ý kiến tới từng hộ gia đình" in text
    assert "KHÔNG ĐƯỢC THÔNG QUA" in text


def test_a_secret_meeting_offers_the_counting_minutes_of_form_02(
    commune_officer, village, households, counter
):
    # Given a secret ballot at a meeting counted by a board
    matter = open_meeting(commune_officer, village, secret=True, counting_board=[counter])
    actions.record_attendance(by=commune_officer, matter=matter, present=households[:8])
    matter = _enter(commune_officer, matter, [YES] * 6 + [NO] * 2)

    minutes = build_minutes(matter, MinutesOptions(form=MinutesForm.MEETING_COUNT))
    text = docx_text(minutes_docx(minutes))

    assert minutes.form == MinutesForm.MEETING_COUNT
    for expected in (
        "BIÊN BẢN KIỂM PHIẾU",
        "Ban kiểm phiếu gồm các ông (bà) có tên sau:",
        "1. Ông (bà) Bùi Thị Kiểm Phiếu - Tổ trưởng",
        "Số phiếu thu vào 8 phiếu",
        "Số phiếu đồng ý 6 phiếu 60%",
        "Tổ chức cuộc họp cộng đồng dân cư, biểu quyết bằng phiếu kín",
        "DANH SÁCH HỘ GIA ĐÌNH ĐÃ BỎ PHIẾU",
    ):
        assert expected in text, expected
