"""Search of findings: diacritics ignored, conclusion and corrective actions included, and only
what the user may read."""

from __future__ import annotations

from coso.inspections.search import search_findings

from .conftest import days, finding


def test_words_without_diacritics_find_the_conclusion(world, province_officer):
    results = list(search_findings(province_officer, "chan chinh cong khai ngan sach"))

    assert results == [world.finding]
    item = results[0]
    assert str(item) == f"Xã Thanh Miện — {world.plan.title}"
    assert item.text.startswith("Xã đã ban hành quy chế")
    assert item.get_absolute_url().startswith(f"/kiem-tra/don-vi/{world.commune_target.pk}/")


def test_every_word_must_match_and_d_matches_dj(world, province_officer):
    assert list(search_findings(province_officer, "doi thoai dinh ky")) == [world.finding]
    assert list(search_findings(province_officer, "đối thoại")) == [world.finding]
    assert list(search_findings(province_officer, "doi thoai khong-co-tu-nay")) == []
    assert list(search_findings(province_officer, "   ")) == []


def test_corrective_actions_are_searched_too(world, province_officer):
    assert list(search_findings(province_officer, "niem yet lan 2")) == [world.finding]


def test_most_recent_first(world, province_officer, committee_member):
    newer = finding(world.office_target, committee_member, text="Cơ quan chưa công khai quy chế")
    type(newer).objects.filter(pk=newer.pk).update(recorded_on=days(-1))
    results = list(search_findings(province_officer, "cong khai"))
    assert results == [newer, world.finding]


def test_only_readers_find_findings(world, personas):
    found = {
        name: list(search_findings(getattr(personas, name), "chan chinh"))
        for name in (
            "admin",
            "province_officer",
            "commune_officer",
            "other_commune_officer",
            "employee",
            "committee_member",
            "citizen",
        )
    }

    assert found["admin"] == found["province_officer"] == [world.finding]
    assert found["commune_officer"] == [world.finding]  # the inspected unit
    assert found["committee_member"] == [world.finding]
    assert found["other_commune_officer"] == found["employee"] == found["citizen"] == []
