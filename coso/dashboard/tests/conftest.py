"""A year of plans in the shared tree, built through the real actions, and an HTML link reader."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest

from coso.plans import actions
from coso.plans.models import Plan, TaskStatus, Timing
from coso.units.models import User

YEAR = 2024  # a past year, so every open task with a deadline in it is overdue


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None


def links_of(response) -> list[tuple[str, str]]:
    """Every (href, visible text) pair of the page, the way a user sees its links."""
    parser = _Links()
    parser.feed(response.content.decode())
    return parser.links


def make_plan(
    by: User, unit, *, year: int = YEAR, number: str = "", issue: bool = True, tasks=None
) -> Plan:
    plan = actions.create_plan(
        by=by,
        unit=unit,
        title=f"Kế hoạch thực hiện dân chủ ở cơ sở năm {year}",
        number=number,
        issued_on=dt.date(year, 1, 20),
    )
    for title, timing, extra in tasks or [("Tuyên truyền Luật", Timing.QUARTER, {"quarter": 1})]:
        actions.add_task(plan, by=by, title=title, timing=timing, **extra)
    if issue:
        actions.issue_plan(plan, by=by)
    return plan


@pytest.fixture
def province_year(tree, province_officer, commune_officer) -> SimpleNamespace:
    """The province's own plans for 2024 (issued, draft, withdrawn) and noise around them."""
    issued = make_plan(
        province_officer,
        tree.province,
        number="04-KH/BCĐ",
        tasks=[
            ("Quý I chưa làm", Timing.QUARTER, {"quarter": 1}),
            ("Quý II xong", Timing.QUARTER, {"quarter": 2}),
            ("Hạn tháng 8 đang làm", Timing.DUE_DATE, {"due_date": dt.date(2024, 8, 15)}),
            ("Thường xuyên", Timing.ONGOING, {}),
            ("Tháng 11 hủy", Timing.MONTH, {"month": 11}),
        ],
    )
    q1, q2, august, ongoing, november = issued.tasks.order_by("order")
    actions.change_task_status(q2, by=province_officer, status=TaskStatus.DONE)
    actions.change_task_status(august, by=province_officer, status=TaskStatus.IN_PROGRESS)
    actions.change_task_status(november, by=province_officer, status=TaskStatus.CANCELLED)
    draft = make_plan(
        province_officer,
        tree.province,
        number="05-KH/BCĐ",
        issue=False,
        tasks=[("Dự thảo quý IV", Timing.QUARTER, {"quarter": 4})],
    )
    withdrawn = make_plan(
        province_officer,
        tree.province,
        number="06-KH/BCĐ",
        tasks=[("Đã thu hồi", Timing.QUARTER, {"quarter": 1})],
    )
    actions.withdraw_plan(withdrawn, by=province_officer)
    make_plan(province_officer, tree.province, year=2023, number="01-KH/BCĐ")
    make_plan(commune_officer, tree.commune, number="12-KH/UBND")
    return SimpleNamespace(issued=issued, draft=draft, withdrawn=withdrawn, q1=q1, august=august)
