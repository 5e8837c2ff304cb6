"""The A4 notice for the bulletin board: read back with pypdf, with a QR code to the item."""

from __future__ import annotations

import io
import unicodedata

import pypdf
from django.urls import reverse

from coso.disclosure import actions
from coso.disclosure.notice import notice_pdf, truncate

from .conftest import publish


def _text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _rectangles(content: bytes) -> int:
    """How many filled rectangles the page draws: a QR code is hundreds of small squares."""
    page = pypdf.PdfReader(io.BytesIO(content)).pages[0]
    data = page.get_contents().get_data().decode("latin-1")
    return data.count(" re")


def test_the_notice_reads_back(client, settings, commune_officer, world):
    settings.COSO_BASE_URL = "https://coso.example.vn/"
    client.force_login(commune_officer)

    response = client.get(reverse("disclosure:notice", args=[world.budget.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    text = _text(response.content)
    url = f"https://coso.example.vn/cong-khai/thong-tin/{world.budget.pk}/"
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "XÃ THANH MIỆN",
        "THÔNG BÁO CÔNG KHAI",
        "Dự toán, tình hình thực hiện",
        "Công khai dự toán ngân sách xã năm 2025",
        "Thời gian niêm yết: Từ ngày 10/03/2025 đến ngày 08/04/2025",
        "Văn bản ngày 05/03/2025",
        "Tổng thu 12.500 triệu đồng.",
        "Tài liệu kèm theo: Biểu dự toán",
        "Quét mã QR",
        url,
    ):
        assert expected in text, expected
    assert _rectangles(response.content) > 100  # the QR code's modules


def test_without_a_base_url_the_qr_code_uses_the_requests_address(
    client, settings, commune_officer, world
):
    settings.COSO_BASE_URL = ""
    client.force_login(commune_officer)

    response = client.get(reverse("disclosure:notice", args=[world.budget.pk]))

    assert f"http://testserver/cong-khai/thong-tin/{world.budget.pk}/" in _text(response.content)


def test_a_long_content_is_cut_and_stays_on_one_page(tree, commune_officer):
    body = "\n".join(
        f"Hộ gia đình số {i}: ông Nguyễn Văn Hộ, thôn Đông, mức hỗ trợ 1.500.000 đồng/tháng."
        for i in range(1, 400)
    )
    item = publish(commune_officer, tree.commune, "doi_tuong_thu_huong", body=body)

    content = notice_pdf(item, url="https://coso.example.vn/cong-khai/thong-tin/1/")

    assert len(pypdf.PdfReader(io.BytesIO(content)).pages) == 1
    text = _text(content)
    assert "Hộ gia đình số 1:" in text
    assert "Hộ gia đình số 399" not in text
    assert "Nội dung còn tiếp" in text


def test_a_correction_says_so_on_the_notice(tree, commune_officer, world):
    v3 = actions.correct_disclosure(world.plan_v2, by=commune_officer, correction_note="Sửa")

    text = _text(notice_pdf(v3, url="https://coso.example.vn/x/"))

    assert "Bản đính chính lần 2" in text


def test_truncate_cuts_at_a_word():
    assert truncate("ngắn") == ("ngắn", False)
    cut, was_cut = truncate("một hai ba bốn năm sáu bảy", limit=15)
    assert was_cut and cut == "một hai ba bốn …"
