"""Downloads of a matter's documents through their checked views: the printed ballots (PDF)
and the minutes (DOCX, PDF). Every file is read back."""

import io

import pypdf
import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.community import actions
from coso.community.documents.build import grouped
from coso.community.models import VoteChoice

from .test_documents_support import docx_text, pdf_pages, pdf_text


@pytest.fixture
def ballots(commune_officer, ballot_matter):
    return actions.prepare_ballots(by=commune_officer, matter=ballot_matter)


@pytest.fixture
def counted(commune_officer, ballot_matter, ballots):
    for ballot, choice in zip(ballots, [VoteChoice.YES] * 7 + [VoteChoice.NO], strict=False):
        actions.record_paper_ballot(
            by=commune_officer, matter=ballot_matter, code=ballot.code, choice=choice
        )
    return actions.close_voting(by=commune_officer, matter=ballot_matter)


def test_the_ballot_pdf_has_one_page_per_household_with_its_code(
    client, commune_officer, ballot_matter, ballots
):
    client.force_login(commune_officer)

    response = client.get(reverse("community:ballots_pdf", args=[ballot_matter.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment;" in response["Content-Disposition"]
    pages = pdf_pages(response.content)
    assert len(pages) == 10
    for page, ballot in zip(pages, ballots, strict=True):
        assert grouped(ballot.code) in page
        assert ballot.household.representative_name in page
        assert "Sử dụng quỹ khuyến học" in page


def test_the_ballot_pdf_on_a4_and_an_unknown_paper_falls_back_to_a5(
    client, commune_officer, ballot_matter, ballots
):
    client.force_login(commune_officer)
    url = reverse("community:ballots_pdf", args=[ballot_matter.pk])

    widths = []
    for paper in ("A4", "Letter<script>"):
        reader = pypdf.PdfReader(io.BytesIO(client.get(url, {"paper": paper}).content))
        widths.append(round(float(reader.pages[0].mediabox.width) / 72 * 25.4))

    assert widths == [210, 148]


def test_no_ballot_pdf_before_the_codes_are_prepared(client, commune_officer, ballot_matter):
    client.force_login(commune_officer)

    response = client.get(reverse("community:ballots_pdf", args=[ballot_matter.pk]), follow=True)

    assert response.redirect_chain[-1][0] == reverse("community:counting", args=[ballot_matter.pk])
    assert len(list(response.context["messages"])) == 1


def test_the_minutes_download_as_word_and_pdf_with_the_signers_typed(
    client, commune_officer, counted, django_assert_max_num_queries
):
    client.force_login(commune_officer)
    signers = {"chair": "Nguyễn Văn Trưởng", "chair_role": "Trưởng thôn", "venue": "Nhà văn hóa"}

    with django_assert_max_num_queries(20):
        word = client.get(reverse("community:minutes_docx", args=[counted.pk]), signers)
    pdf = client.get(reverse("community:minutes_pdf", args=[counted.pk]), signers)

    assert word.status_code == pdf.status_code == 200
    assert word["Content-Type"].startswith("application/vnd.openxmlformats")
    assert pdf["Content-Type"] == "application/pdf"
    assert "bien-ban-kiem-phieu" in word["Content-Disposition"]
    for text in (docx_text(word.content), pdf_text(pdf.content)):
        assert "Số hộ gia đình đồng ý: 7/10 hộ, bằng 70%" in text
        assert "ĐƯỢC THÔNG QUA" in text
        assert "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 21" in text
        assert "tại Nhà văn hóa" in text
        assert "Nguyễn Văn Trưởng" in text


def test_the_minutes_page_offers_the_forms_of_the_matter(client, commune_officer, counted):
    client.force_login(commune_officer)

    response = client.get(reverse("community:minutes", args=[counted.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert reverse("community:minutes_docx", args=[counted.pk]) in content
    assert reverse("community:minutes_pdf", args=[counted.pk]) in content
    assert 'name="chair"' in content and 'name="secretary"' in content


def test_no_minutes_before_the_votes_are_counted(client, commune_officer, ballot_matter):
    client.force_login(commune_officer)

    response = client.get(reverse("community:minutes_pdf", args=[ballot_matter.pk]), follow=True)

    assert response.redirect_chain[-1][0] == reverse("community:minutes", args=[ballot_matter.pk])
    assert "docx" not in response.content.decode().split('id="main"')[1].split("<footer")[0]
    assert len(list(response.context["messages"])) == 1


def test_bad_download_options_get_a_message_never_a_500(client, commune_officer, counted):
    client.force_login(commune_officer)
    url = reverse("community:minutes_docx", args=[counted.pk])

    too_long = client.get(url, {"chair": "A" * 500}, follow=True)
    unknown_form = client.get(url, {"form": "99", "record_type": "SẮC LỆNH"}, follow=True)

    assert too_long.redirect_chain[-1][0] == reverse("community:minutes", args=[counted.pk])
    assert len(list(too_long.context["messages"])) == 1
    assert unknown_form.status_code == 200 and unknown_form.redirect_chain
    assert len(list(unknown_form.context["messages"])) >= 1


# --- Who may download ---------------------------------------------------------------------------

BALLOTS_EXPECTED = {
    "admin": 200,
    "province_officer": 200,
    "commune_officer": 200,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 403,
    "citizen": 404,
    "anonymous": 302,
}
# Anyone with a role over the community reads the minutes; the steering committee follows
# the commune.
MINUTES_EXPECTED = {**BALLOTS_EXPECTED, "committee_member": 200}


@pytest.mark.parametrize("persona", PERSONAS)
def test_ballot_pdf_permissions(client, personas, persona, ballot_matter, ballots):
    response = client_as(client, personas, persona).get(
        reverse("community:ballots_pdf", args=[ballot_matter.pk])
    )

    assert response.status_code == BALLOTS_EXPECTED[persona]
    if response.status_code == 200:
        assert len(pdf_pages(response.content)) == 10


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", ["minutes", "minutes_docx", "minutes_pdf"])
def test_minutes_permissions(client, personas, persona, name, counted):
    response = client_as(client, personas, persona).get(
        reverse(f"community:{name}", args=[counted.pk])
    )

    assert response.status_code == MINUTES_EXPECTED[persona]
    if persona == "anonymous":
        assert response["Location"].startswith(reverse("login"))
