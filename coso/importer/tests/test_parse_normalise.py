"""Normalising real-world text: PDF artefacts, Markdown, stray spaces."""

from coso.importer.parse.normalise import normalise


def test_pdf_blank_lines_broken_lines_and_page_numbers_are_repaired():
    raw = (
        "I. MỤC ĐÍCH, YÊU CẦU \n\n"
        "1. Mục đích \n\n"
        "Tiếp tục quán triệt, triển khai các văn bản của Trung ương, của tỉnh về \n\n"
        "thực hiện dân chủ ở cơ sở nhằm nâng cao nhận thức của cán bộ , công chức . \n\n"
        "2 \n\n"
        "Kế hoạch số 27/KH-UBND ngày 20/01/2025\n\n"
        "2. Yêu cầu \n\n"
        "Kế hoạch số 27/KH-UBND ngày 20/01/2025\n\n"
        "Thực hiện Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ \n\n"
        "Quy định chi tiết một số điều của Luật; Công văn số 44/UBND-\n\n"
        "NC ngày 06/01/2025.\n\n"
        "Kế hoạch số 27/KH-UBND ngày 20/01/2025\n"
    )
    text = normalise(raw)
    lines = text.split("\n")
    assert lines[0] == "I. MỤC ĐÍCH, YÊU CẦU"
    assert lines[1] == "1. Mục đích"
    assert lines[2] == (
        "Tiếp tục quán triệt, triển khai các văn bản của Trung ương, của tỉnh về thực hiện dân chủ "
        "ở cơ sở nhằm nâng cao nhận thức của cán bộ, công chức."
    )
    assert lines[3] == "2. Yêu cầu"
    assert "Chính phủ Quy định chi tiết" in lines[4]
    assert "44/UBND-NC ngày" in lines[4]
    assert "Kế hoạch số 27/KH-UBND ngày 20/01/2025" not in text  # running header
    assert "\n2\n" not in text  # page number


def test_markdown_markers_are_removed():
    raw = "# KẾ HOẠCH\n**Thực hiện dân chủ** ở cơ sở năm *2025*\n* Tổ chức _hội nghị_ cán bộ"
    assert normalise(raw).split("\n") == [
        "KẾ HOẠCH",
        "Thực hiện dân chủ ở cơ sở năm 2025",
        "- Tổ chức hội nghị cán bộ",
    ]


def test_header_lines_and_items_are_not_joined():
    raw = "ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 27/KH-UBND\n- Một việc\n- Việc khác\nNơi nhận:\n- Sở Nội vụ;"
    assert normalise(raw).split("\n") == raw.split("\n")


def test_continuation_starting_in_lower_case_is_joined_across_a_blank_line():
    raw = "Đẩy mạnh việc thực hiện dân chủ ở cơ sở, mở rộng, phát huy dân chủ\n\ntrên các lĩnh vực."
    assert normalise(raw) == (
        "Đẩy mạnh việc thực hiện dân chủ ở cơ sở, mở rộng, phát huy dân chủ trên các lĩnh vực."
    )
