"""Every number on the dashboard opens a list with exactly that many tasks."""

import datetime as dt
import re

from coso.plans import actions
from coso.plans.models import Timing


def _count_rows(client, url: str) -> int:
    page = client.get(url)
    assert page.status_code == 200
    return len(re.findall(r'href="/ke-hoach/nhiem-vu/\d+/"', page.content.decode()))


def test_each_dashboard_figure_links_to_a_list_of_that_many_tasks(
    client, tree, province_officer, commune_officer
):
    year = dt.date.today().year
    province_plan = actions.create_plan(
        by=province_officer, unit=tree.province, title="KH tỉnh", issued_on=dt.date(year, 1, 10)
    )
    actions.add_task(
        province_plan, by=province_officer, title="Quý I", timing=Timing.QUARTER, quarter=1
    )
    actions.add_task(
        province_plan,
        by=province_officer,
        title="Theo hạn",
        timing=Timing.DUE_DATE,
        due_date=dt.date(year, 8, 20),
    )
    actions.add_task(
        province_plan, by=province_officer, title="Thường xuyên", timing=Timing.ONGOING
    )
    actions.issue_plan(province_plan, by=province_officer)
    commune_plan = actions.derive_plan(
        province_plan,
        by=commune_officer,
        unit=tree.commune,
        carried_task_ids=[t.pk for t in province_plan.tasks.all()],
        title="KH xã",
        issued_on=dt.date(year, 1, 20),
    )
    withdrawn = actions.create_plan(
        by=province_officer, unit=tree.province, title="KH thu hồi", issued_on=dt.date(year, 1, 5)
    )
    actions.add_task(withdrawn, by=province_officer, title="Bỏ", timing=Timing.QUARTER, quarter=1)
    actions.issue_plan(withdrawn, by=province_officer)
    actions.withdraw_plan(withdrawn, by=province_officer)
    assert commune_plan.tasks.count() == 3  # the commune's tasks are not the province's own

    client.force_login(province_officer)
    page = client.get(f"/bang-dieu-khien/{tree.province.pk}/?year={year}").content.decode()
    links = re.findall(
        r'href="(/ke-hoach/nhiem-vu/\?[^"]+)"[^>]*>\s*(\d+)\s*<', page.replace("&amp;", "&")
    )

    assert links, "the dashboard shows no linked figures"
    for url, figure in links:
        assert _count_rows(client, url) == int(figure), url
