"""The minutes as a PDF, read back with pypdf: the same facts as the Word file."""

import io

import pypdf

from coso.community.documents.common import MinutesForm, Tally
from coso.community.documents.pdf import minutes_pdf

from .test_documents_support import CITATION, pdf_pages, pdf_text, sample_minutes


def test_meeting_minutes_pdf_states_counts_rule_citation_and_adoption():
    # Given the minutes of a meeting where 31 of 60 households agreed
    content = minutes_pdf(sample_minutes())

    # Then the PDF reads back with its heading, counts, rule and outcome
    assert content.startswith(b"%PDF-")
    text = pdf_text(content)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND XÃ THANH MIỆN",
        "BIÊN BẢN CUỘC HỌP",
        "Số hộ gia đình có đại diện tham dự cuộc họp: 40 hộ",
        "31 hộ",
        "51,66%",
        "Số hộ gia đình đồng ý: 31/60 hộ",
        CITATION,
        "trên 50% tổng số hộ gia đình",
        "ĐƯỢC THÔNG QUA",
        "Nguyễn Văn Trưởng",
        "Trần Thị Thư",
    ):
        assert expected in text, expected
    assert "KHÔNG ĐƯỢC THÔNG QUA" not in text


def test_the_list_of_attending_households_is_an_annex_on_its_own_page():
    pages = pdf_pages(minutes_pdf(sample_minutes()))

    annex = [p for p in pages if "DANH SÁCH HỘ GIA ĐÌNH CÓ ĐẠI DIỆN THAM DỰ CUỘC HỌP" in p]
    assert annex and "BIÊN BẢN CUỘC HỌP CỦA" not in annex[0]
    assert "TD-001" in " ".join(pages) and "TD-040" in " ".join(pages)


def test_a_rejected_ballot_reads_not_adopted():
    minutes = sample_minutes(
        MinutesForm.HOUSEHOLD_BALLOT,
        tally=Tally(households=60, voted=50, yes=30, no=20, abstain=0, issued=60),
        adopted=False,
    )

    text = pdf_text(minutes_pdf(minutes))

    assert "Số hộ gia đình đồng ý: 30/60 hộ, bằng 50%" in text
    assert "KHÔNG ĐƯỢC THÔNG QUA" in text


def test_secret_ballot_minutes_say_who_voted_never_how():
    # Given the count of a secret ballot at a meeting
    minutes = sample_minutes(MinutesForm.MEETING_COUNT, secret=True)

    text = pdf_text(minutes_pdf(minutes))

    # Then the minutes carry the note of the secret ballot and the totals only
    assert "biên bản chỉ ghi nhận hộ gia đình đã bỏ phiếu, không ghi nhận lựa chọn" in text
    assert "Số phiếu đồng ý" in text
    assert "DANH SÁCH HỘ GIA ĐÌNH ĐÃ BỎ PHIẾU" in text


def test_the_pdf_embeds_the_bundled_serif_on_a4():
    reader = pypdf.PdfReader(io.BytesIO(minutes_pdf(sample_minutes())))

    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
    fonts = page["/Resources"]["/Font"]
    names = {str(fonts[key].get_object()["/BaseFont"]) for key in fonts}
    assert names and all("CosoSerif" in name or "Liberation" in name for name in names)
