import docx
import openpyxl
import pypdf
from django.urls import reverse

from coso.reports import actions
from coso.reports.exports.xlsx import ExpectedSubmission, completeness_xlsx
from coso.reports.queries import CompletenessRow, CompletenessTable
from coso.units.models import Unit

from .conftest_exports import as_stream


def test_control_characters_pasted_into_a_narrative_do_not_break_the_files(
    login, commune_officer, tree, export_requirement
):
    submission = export_requirement.submissions.get(unit=tree.commune)
    actions.save_draft(
        submission,
        by=commune_officer,
        values={"results": "Dòng một\x0bcó ký tự lạ\x01 ở giữa"},
        revision=0,
    )
    client = login(commune_officer)

    docx_response = client.get(reverse("reports:submission_docx", args=[submission.pk]))
    pdf_response = client.get(
        reverse("reports:submission_pdf", args=[submission.pk]),
        {"signer_name": "Tên\x01 người ký" + "x" * 5000},
    )

    assert docx_response.status_code == 200 and pdf_response.status_code == 200
    paragraphs = [p.text for p in docx.Document(as_stream(docx_response.content)).paragraphs]
    assert "Dòng mộtcó ký tự lạ ở giữa" in paragraphs
    assert (
        "Tên người ký" in pypdf.PdfReader(as_stream(pdf_response.content)).pages[0].extract_text()
    )


def test_a_name_that_looks_like_a_formula_stays_text():
    table = CompletenessTable(
        requirement=None,
        unit=Unit(name="Tỉnh"),
        total=CompletenessRow(None, 1, 0, 0, 1),
        rows=[CompletenessRow(Unit(name='=HYPERLINK("http://x","bấm")'), 1, 0, 0, 1)],
    )
    expected = [ExpectedSubmission("=1+1", 1, "Chưa bắt đầu", None, False)]

    workbook = openpyxl.load_workbook(as_stream(completeness_xlsx(table, expected)))

    assert workbook.worksheets[0]["A2"].data_type == "s"
    assert workbook.worksheets[1]["A2"].value == "=1+1"
    assert workbook.worksheets[1]["A2"].data_type == "s"
