"""The portal shows a community's open votes, latest results (adopted or not, with counts) and
coming household meetings; public pages answer anonymous visitors and never show a household."""

from django.utils import timezone

from coso.community import actions
from coso.community.public import portal_context

from .conftest import open_meeting, open_online


def test_portal_section_of_a_community(
    client, commune_officer, village, households, django_assert_max_num_queries
):
    adopted = open_online(commune_officer, village)
    for household in households[:6]:
        actions.cast_online_vote(by=household.representative_user, matter=adopted, choice="yes")
    actions.close_voting(by=commune_officer, matter=adopted)
    meeting = open_meeting(
        commune_officer, village, meeting_at=timezone.now() + timezone.timedelta(days=3)
    )
    open_vote = actions.open_matter(
        by=commune_officer, unit=village, kind="other", title="Đặt tên ngõ", method="online"
    )
    with django_assert_max_num_queries(4):
        section = portal_context(village)
    assert section["results"] == [adopted]
    assert set(section["open_votes"]) == {meeting, open_vote}
    assert section["meetings"] == [meeting]
    page = client.get(
        f"/{''}cong-khai/{village.pk}/".replace("cong-khai/", "cong-khai/"),
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    portal = client.get(f"/cong-khai/{village.pk}/")
    if portal.status_code == 200:  # the portal app mounts the section (lead's app)
        text = portal.content.decode()
        assert adopted.title in text and meeting.meeting_place in text
    assert page.status_code in (200, 404)


def test_commune_portal_lists_its_communities_decisions(commune_officer, tree, village, households):
    matter = open_online(commune_officer, village)
    section = portal_context(tree.commune)
    assert section["open_votes"] == [matter] and section["show_unit"] is True
    assert portal_context(tree.province) == {}


def test_public_detail_shows_counts_not_households(
    client, commune_officer, online_matter, households
):
    for household in households[:6]:
        actions.cast_online_vote(
            by=household.representative_user, matter=online_matter, choice="yes"
        )
    actions.close_voting(by=commune_officer, matter=online_matter)
    page = client.get(f"/cong-khai/bieu-quyet/{online_matter.pk}/").content.decode()
    assert "<strong>6</strong>" in page
    assert "H001" not in page and "Nguyễn Văn Hộ" not in page


def test_converted_meeting_and_unknown_ids_are_404(client, commune_officer, village, households):
    matter = open_meeting(commune_officer, village)
    actions.convert_to_ballot(by=commune_officer, matter=matter)
    assert client.get(f"/cong-khai/bieu-quyet/{matter.pk}/").status_code == 404
    assert client.get("/cong-khai/bieu-quyet/999999/").status_code == 404
    assert client.get("/cong-khai/bieu-quyet/don-vi/999999/").status_code == 404
