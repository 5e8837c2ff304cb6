import datetime as dt
import unicodedata

import pypdf

from coso.reports.exports.common import build_report
from coso.reports.exports.pdf import report_pdf

from .conftest_exports import as_stream, libreoffice_converts


def _pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(as_stream(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # Extractors may hand back decomposed letters; compare what a reader sees.
    return unicodedata.normalize("NFC", " ".join(text.split()))


def test_the_pdf_reads_back_with_every_vietnamese_letter(commune_report, tmp_path):
    report = build_report(
        commune_report,
        signer_title="TM. Ban Chỉ đạo\nTrưởng ban",
        signer_name="Nguyễn Văn Trưởng",
        on=dt.date(2024, 7, 10),
    )

    content = report_pdf(report)

    assert content.startswith(b"%PDF-")
    text = _pdf_text(content)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "TỈNH GIA LAI",
        "XÃ THANH MIỆN",
        "Thanh Miện, ngày 10 tháng 7 năm 2024",
        "BÁO CÁO",
        "Kết quả thực hiện dân chủ ở cơ sở 6 tháng đầu năm 2024",
        "Số lượt người tham dự",
        "1.250",
        "87,5%",
        "người dân đồng thuận cao",
        "Nơi nhận:",
        "Ban Dân vận Tỉnh ủy",
        "TRƯỞNG BAN",
        "Nguyễn Văn Trưởng",
    ):
        assert expected in text, expected
    assert libreoffice_converts(content, ".pdf", tmp_path, "txt:Text")


def test_the_pdf_embeds_the_bundled_serif_on_an_a4_page(commune_report):
    reader = pypdf.PdfReader(as_stream(report_pdf(build_report(commune_report))))

    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
    fonts = page["/Resources"]["/Font"]
    names = {str(fonts[key].get_object()["/BaseFont"]) for key in fonts}
    assert names and all("CosoSerif" in name or "Liberation" in name for name in names)
    for key in fonts:
        descendant = fonts[key].get_object()
        descriptor = descendant.get("/FontDescriptor")
        if descriptor is None:
            descendant = descendant["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object()


def test_every_vietnamese_letter_survives_the_round_trip(commune_report):
    letters = (
        "ạ ả ấ ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ ẹ ẻ ẽ ế ề ể ễ ệ ỉ ị ọ ỏ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ụ ủ ứ ừ ử ữ ự "
        "ỳ ỵ ỷ ỹ đ ă â ê ô ơ ư"
    )
    report = build_report(commune_report, signer_name=letters + " " + letters.upper())

    text = _pdf_text(report_pdf(report))

    for letter in (letters + " " + letters.upper()).split():
        assert letter in text, letter
