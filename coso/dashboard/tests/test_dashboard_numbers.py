from django.urls import reverse

from .conftest import YEAR, links_of


def tasks_url(unit, **filters) -> str:
    query = "&".join(
        f"{k}={v}" for k, v in {"unit": unit.pk, "own": 1, "year": YEAR, **filters}.items()
    )
    return f"{reverse('plans:tasks')}?{query}"


def test_own_tasks_are_counted_by_status_with_links_to_the_filtered_list(
    tree, province_year, province_officer, login
):
    response = login(province_officer).get(
        reverse("dashboard:unit", args=[tree.province.pk]), {"year": YEAR}
    )

    links = links_of(response)
    # issued plan (5 tasks) + draft plan (1); the withdrawn plan, 2023 and the commune's are out
    assert (tasks_url(tree.province), "6") in links
    assert (tasks_url(tree.province, status="not_started"), "3") in links
    assert (tasks_url(tree.province, status="in_progress"), "1") in links
    assert (tasks_url(tree.province, status="done"), "1") in links
    assert (tasks_url(tree.province, status="cancelled"), "1") in links
    assert (tasks_url(tree.province, status="paused"), "0") in links


def test_own_tasks_are_counted_by_quarter_with_ongoing_apart(
    tree, province_year, province_officer, login
):
    response = login(province_officer).get(
        reverse("dashboard:unit", args=[tree.province.pk]), {"year": YEAR}
    )

    links = links_of(response)
    assert (tasks_url(tree.province, quarter=1), "1") in links
    assert (tasks_url(tree.province, quarter=2), "1") in links
    assert (tasks_url(tree.province, quarter=3), "1") in links  # due 15/08 falls in quarter III
    assert (tasks_url(tree.province, quarter=4), "2") in links  # month 11 and the draft's IV
    assert (tasks_url(tree.province, quarter=0), "1") in links  # ongoing


def test_overdue_tasks_are_counted_and_listed_with_plan_and_deadline(
    tree, province_year, province_officer, login
):
    response = login(province_officer).get(
        reverse("dashboard:unit", args=[tree.province.pk]), {"year": YEAR}
    )

    # open with a past deadline: quarter I, due 15/08, and the draft's quarter IV; not the
    # done, cancelled or ongoing ones
    assert (tasks_url(tree.province, overdue=1), "3") in links_of(response)
    page = response.content.decode()
    assert "Quý I chưa làm" in page
    assert "15/08/2024" in page
    assert "04-KH/BCĐ" in page
    assert "Quý II xong" not in page
    assert "Đã thu hồi" not in page
    assert 'class="badge overdue">Quá hạn<' in page


def test_another_year_shows_only_that_years_tasks(tree, province_year, province_officer, login):
    response = login(province_officer).get(
        reverse("dashboard:unit", args=[tree.province.pk]), {"year": 2023}
    )

    total = f"{reverse('plans:tasks')}?unit={tree.province.pk}&own=1&year=2023"
    assert (total, "1") in links_of(response)


def test_a_nonsense_year_falls_back_to_the_current_year(tree, province_officer, login):
    response = login(province_officer).get(
        reverse("dashboard:unit", args=[tree.province.pk]), {"year": "abc"}
    )

    assert response.status_code == 200
    assert response.context["year"] >= 2025
