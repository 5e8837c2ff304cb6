"""The statistics page and its Excel table: who may open them, what they show, bad input."""

import io
import re

import pytest
from openpyxl import load_workbook

from conftest import PERSONAS, client_as
from coso.core.dates import today
from coso.feedback import actions
from coso.feedback.tests.conftest import make_feedback

URL = "/phan-anh/thong-ke/"
XLSX = "/phan-anh/thong-ke/xlsx/"

# Who may see the statistics of Xã Thanh Miện: anyone holding a role over it.
COMMUNE_STATUS = {
    "admin": 200,
    "province_officer": 200,
    "commune_officer": 200,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 200,
    "citizen": 404,
}


@pytest.mark.parametrize("name", PERSONAS)
@pytest.mark.parametrize("url", [URL, XLSX])
def test_who_may_open_the_statistics_of_a_commune(client, personas, tree, name, url):
    response = client_as(client, personas, name).get(url, {"unit": tree.commune.pk})

    if name == "anonymous":
        assert response.status_code == 302  # to the sign-in page
    else:
        assert response.status_code == COMMUNE_STATUS[name]


@pytest.mark.parametrize(
    "name, unit_name",
    [
        ("admin", "Ban Chỉ đạo Trung ương"),
        ("province_officer", "Tỉnh Gia Lai"),
        ("commune_officer", "Xã Thanh Miện"),
        ("other_commune_officer", "Phường Quy Nhơn"),
        ("employee", "Văn phòng UBND tỉnh"),
    ],
)
def test_without_a_unit_the_page_opens_on_the_highest_unit_of_ones_roles(
    client, personas, name, unit_name
):
    response = client_as(client, personas, name).get(URL)

    assert response.status_code == 200
    assert response.context["unit"].name == unit_name


def test_a_person_without_a_role_has_no_statistics(client, personas):
    assert client_as(client, personas, "citizen").get(URL).status_code == 403
    assert client_as(client, personas, "citizen").get(XLSX).status_code == 403


def _numbers(cells: list[str]) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c).strip() for c in cells]


def test_the_page_shows_totals_a_line_per_child_and_charts(client, tree, province_officer):
    officer_item = make_feedback(tree.commune)
    actions.answer(officer_item, by=province_officer, text="Đã xử lý xong, mời ông bà kiểm tra.")
    make_feedback(tree.village)
    make_feedback(tree.other_commune)

    client.force_login(province_officer)
    page = client.get(URL, {"unit": tree.province.pk}).content.decode()

    assert 'data-testid="total-received">3<' in page
    table = page[page.index('data-testid="unit-table"') :]
    table = table[: table.index("</table>")]
    # Each child links down the tree to its own statistics.
    assert f"?unit={tree.commune.pk}&amp;year={today().year}" in table
    rows = re.findall(r"(<tr><td>.*?</tr>)", table, re.S)
    commune_row = next(r for r in rows if tree.commune.name in r)
    cells = _numbers(re.findall(r"<td>(.*?)</td>", commune_row, re.S))
    assert cells[1:5] == ["2", "1", "1", "0"]  # received, answered, in time, overdue
    # Charts drawn on the server: a bar per child, a column per month.
    units_chart = page[page.index('data-testid="chart-units"') :].split("</svg>")[0]
    assert units_chart.count('fill="#0b5394"') == 3  # bloc, commune, other commune
    period_chart = page[page.index('data-testid="chart-period"') :].split("</svg>")[0]
    assert period_chart.count('fill="#0b5394"') == 12
    assert 'data-testid="chart-fields"' in page


def test_the_excel_table_opens_and_matches_the_page(client, tree, province_officer):
    make_feedback(tree.commune)
    make_feedback(tree.village)
    make_feedback(tree.other_commune)
    make_feedback(tree.province)
    client.force_login(province_officer)

    page = client.get(URL, {"unit": tree.province.pk})
    response = client.get(XLSX, {"unit": tree.province.pk})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    lines = [list(row) for row in sheet.iter_rows(min_row=3, values_only=True)]
    stats = page.context["stats"]
    assert [line[0] for line in lines[:-1]] == [row.label for row in stats.by_child]
    assert [line[1] for line in lines[:-1]] == [row.figures.received for row in stats.by_child]
    assert lines[-1][1] == 4 == stats.totals.received
    html = page.content.decode()
    for line in lines[:-1]:
        assert str(line[0]) in html
    assert len(book.worksheets) == 4


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "99999"},
        {"year": "-1"},
        {"year": "２０２６"},
        {"period": "decade"},
        {"period": "x" * 10_000},
        {"year": "2026", "period": "quarter"},
        {"year": "1990", "period": "year"},
    ],
)
def test_bad_parameters_never_break_the_page(client, commune_officer, tree, params):
    client.force_login(commune_officer)

    for url in (URL, XLSX):
        response = client.get(url, {"unit": tree.commune.pk, **params})
        assert response.status_code == 200


@pytest.mark.parametrize("unit", ["xyz", "", "-1", "99999999999999999999999", "1.5", "0"])
def test_an_unknown_unit_answers_not_found_never_an_error(client, commune_officer, unit):
    client.force_login(commune_officer)

    for url in (URL, XLSX):
        status = client.get(url, {"unit": unit}).status_code
        assert status == (200 if unit == "" else 404)


def test_a_bad_year_is_said_and_the_current_year_shown(client, commune_officer, tree):
    client.force_login(commune_officer)

    response = client.get(URL, {"unit": tree.commune.pk, "year": "abc"})

    assert response.context["year"] == today().year
    assert 'role="alert"' in response.content.decode()
