"""The synthesis table downloads as DOCX and XLSX; each file is read back."""

from __future__ import annotations

import io

import openpyxl
from django.urls import reverse
from docx import Document

from coso.consultations import actions

from .conftest import time_passes


def _prepare(world, by):
    consultation = time_passes(world.open, 21)
    first, second, whole = world.comments
    adopted = actions.group_comments(
        consultation, by=by, comments=[first.pk, second.pk], new_title="Giảm mức đóng góp"
    )
    actions.answer_group(
        adopted, by=by, response="adopted", response_text="Chia làm ba đợt đóng góp."
    )
    explained = actions.group_comments(
        consultation, by=by, comments=[whole.pk], new_title="Đồng ý toàn bộ"
    )
    actions.answer_group(
        explained, by=by, response="explained", response_text="Ghi nhận sự đồng thuận."
    )
    return actions.publish_synthesis(consultation, by=by, summary="Dự thảo được hoàn thiện.")


def test_the_docx_holds_the_heading_and_one_row_per_group(client, world, commune_officer):
    consultation = _prepare(world, commune_officer)

    response = client.get(reverse("consultations_public:synthesis_docx", args=[consultation.pk]))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN CỦA NHÂN DÂN" in text
    assert consultation.title in text
    assert "Tổng số ý kiến: 3; số nhóm ý kiến: 2 (tiếp thu 1, giải trình 1)." in text
    heading = " ".join(c.text for c in document.tables[0].rows[0].cells)
    assert "XÃ THANH MIỆN" in heading
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in heading
    rows = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert rows[0][2] == "Nội dung ý kiến"
    assert rows[1] == [
        "1",
        "Điều 2. Mức đóng góp",
        "Giảm mức đóng góp",
        "2",
        "Tiếp thu",
        "Chia làm ba đợt đóng góp.",
    ]
    assert rows[2][1:5] == ["Toàn bộ dự thảo", "Đồng ý toàn bộ", "1", "Giải trình"]


def test_the_xlsx_holds_the_same_table(client, world, commune_officer):
    consultation = _prepare(world, commune_officer)

    response = client.get(reverse("consultations_public:synthesis_xlsx", args=[consultation.pk]))

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[1][0] == "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN CỦA NHÂN DÂN"
    header = rows.index(
        [
            "STT",
            "Phần dự thảo",
            "Nội dung ý kiến",
            "Số ý kiến",
            "Tiếp thu / Giải trình",
            "Nội dung tiếp thu, giải trình",
        ]
    )
    assert rows[header + 1] == [
        1,
        "Điều 2. Mức đóng góp",
        "Giảm mức đóng góp",
        2,
        "Tiếp thu",
        "Chia làm ba đợt đóng góp.",
    ]
    assert rows[header + 2][4] == "Giải trình"


def test_before_publishing_only_the_officers_download_the_table(
    client, login, world, commune_officer
):
    # the public download does not exist before publishing
    url = reverse("consultations_public:synthesis_docx", args=[world.open.pk])
    assert client.get(url).status_code == 404

    # the officers download the working table at any time
    officer = login(commune_officer)
    response = officer.get(reverse("consultations:synthesis_xlsx", args=[world.open.pk]))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A5"].value.startswith("Tổng số ý kiến: 3")
