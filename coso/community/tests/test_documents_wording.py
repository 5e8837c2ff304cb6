"""How the minutes write numbers, shares, times and the matter's title."""

import datetime as dt

from coso.community.documents.build import grouped, sentence_case
from coso.community.documents.common import clock, count, percent


def test_a_share_is_rounded_down_so_it_never_overstates_agreement():
    # 10.001 of 20.001 households is more than half, 10.000 of 20.000 is not: the shares
    # printed beside the fractions must not make the second look like the first.
    assert percent(2, 3) == "66,66%"
    assert percent(10_000, 20_000) == "50%"
    assert percent(31, 60) == "51,66%"
    assert percent(60, 60) == "100%"
    assert percent(0, 60) == "0%"
    assert percent(0, 0) == "0%"


def test_numbers_group_thousands_with_dots():
    assert count(1234) == "1.234"
    assert count(7) == "7"


def test_times_follow_decree_30_leading_zeros_and_leave_unknown_hours_blank():
    assert (
        clock(dt.datetime(2025, 2, 5, 8, 0)) == "vào hồi 08 giờ 00 phút, ngày 05 tháng 02 năm 2025"
    )
    assert clock(dt.datetime(2024, 11, 20, 19, 30)).endswith("ngày 20 tháng 11 năm 2024")
    assert clock(dt.date(2024, 7, 10)) == "vào hồi … giờ … phút, ngày 10 tháng 7 năm 2024"


def test_the_title_follows_về_việc_in_sentence_case_unless_it_starts_with_a_name():
    assert sentence_case("Đóng góp làm đường trục thôn") == "đóng góp làm đường trục thôn"
    assert sentence_case("Thôn Đông góp quỹ") == "Thôn Đông góp quỹ"
    assert sentence_case("UBND xã hỗ trợ") == "UBND xã hỗ trợ"


def test_ballot_codes_print_in_groups_of_four():
    assert grouped("ABCDEFGHJKMN") == "ABCD-EFGH-JKMN"
