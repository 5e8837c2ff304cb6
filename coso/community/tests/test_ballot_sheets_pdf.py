"""Printed ballots: one sheet per household, each with its own code (Decree 59/2023, art. 4)."""

import io

import pypdf

from coso.community.documents.ballots import ballots_pdf

from .test_documents_support import QUESTION, pdf_pages, sample_ballots


def test_one_a5_page_per_household_each_with_its_own_code_question_and_boxes():
    # Given the ballots of three households
    book = sample_ballots(count=3)

    # When they are printed
    content = ballots_pdf(book)

    # Then there is one A5 page per household, each naming only its own household and code
    reader = pypdf.PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 3
    page = reader.pages[0]
    size = (
        round(float(page.mediabox.width) / 72 * 25.4),
        round(float(page.mediabox.height) / 72 * 25.4),
    )
    assert size == (148, 210)
    pages = pdf_pages(content)
    for text, holder in zip(pages, book.holders, strict=True):
        assert "PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH" in text
        assert QUESTION in text
        assert holder.code in text
        assert holder.representative in text
        for other in book.holders:
            if other is not holder:
                assert other.code not in text
        for box in ("Đồng ý", "Không đồng ý", "Không có ý kiến"):
            assert box in text
        assert "Hạn nộp phiếu: 20/07/2024" in text


def test_a4_on_request():
    reader = pypdf.PdfReader(io.BytesIO(ballots_pdf(sample_ballots(count=2), paper="A4")))

    assert len(reader.pages) == 2
    width = round(float(reader.pages[0].mediabox.width) / 72 * 25.4)
    assert width == 210


def test_a_secret_ballot_prints_the_household_and_code_on_the_stub_only():
    # Given a secret ballot
    book = sample_ballots(secret=True, count=2)

    pages = pdf_pages(ballots_pdf(book))

    # Then each page has a stub with the household and its code, then the anonymous sheet
    assert len(pages) == 2
    for text, holder in zip(pages, book.holders, strict=True):
        stub, _tear, sheet = text.partition("Xé theo đường này")
        assert "CUỐNG PHIẾU" in stub
        assert holder.code in stub and holder.household in stub
        assert sheet, "the tear line separates the stub from the sheet"
        assert holder.code not in sheet
        assert holder.household not in sheet
        assert holder.representative not in sheet
        assert "Không ghi tên, không ký vào phần phiếu." in sheet
