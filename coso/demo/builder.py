"""Build the demo through the real actions, so every record is checked and audited.

Deterministic: one seeded random generator; dates that depend on the day the demo is loaded
(which tasks are overdue, the current year's plans) are computed from `today`.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from django.contrib.auth.hashers import make_password

from coso.core.audit import acting_as
from coso.core.text import fold
from coso.demo.community import build_community
from coso.demo.consultations import build_consultations
from coso.demo.conventions import build_conventions
from coso.demo.disclosure import build_disclosure
from coso.demo.feedback import build_feedback
from coso.demo.inspections import build_inspections
from coso.demo.library import build_library
from coso.demo.meetings import build_meetings
from coso.demo.oversight import build_oversight
from coso.demo.propaganda import build_propaganda
from coso.demo.recognition import build_recognition
from coso.demo.reports import build_reports
from coso.plans import actions as plan_actions
from coso.plans.actions import Basis
from coso.plans.models import Plan, PlanStatus, Task, TaskStatus, Timing
from coso.units import actions as unit_actions
from coso.units.access import forget_grants
from coso.units.models import CommitteeMember, CommitteePosition, Role, Unit, UnitKind, User

from . import documents as docs
from . import places

DEMO_PASSWORD = "coso-demo-2025"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: str  # Vietnamese, for the console table
    unit_name: str
    job_title: str = ""


# One account per role, named like the test personas.
DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("admin", "Quản trị hệ thống", "Quản trị hệ thống", docs.CENTRAL_COMMITTEE_UNIT),
    DemoAccount(
        "tinh",
        "Trần Thị Thu Hà",
        "Cán bộ Ban Chỉ đạo tỉnh",
        "Tỉnh Quảng Trị",
        "Chuyên viên Ban Dân vận Tỉnh ủy",
    ),
    DemoAccount(
        "uyvien",
        "Lê Văn Thành",
        "Ủy viên Ban Chỉ đạo (phụ trách xã)",
        "Tỉnh Quảng Trị",
        "Ủy viên Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh",
    ),
    DemoAccount(
        "xa",
        "Phạm Thị Hoa",
        "Cán bộ đơn vị (xã)",
        places.QT_DEMO_COMMUNE,
        "Công chức Văn phòng - Thống kê",
    ),
    DemoAccount(
        "nhanvien",
        "Hoàng Văn Nam",
        "Nhân viên cơ quan",
        places.QT_OFFICE,
        "Chuyên viên Phòng Hành chính - Tổ chức",
    ),
    DemoAccount("congdan", "Đỗ Thị Lan", "Người dân (không có vai trò)", places.QT_DEMO_COMMUNE),
    DemoAccount(
        "thanhmien",
        "Nguyễn Thị Thúy",
        "Cán bộ đơn vị (công khai, biểu quyết, lấy ý kiến, hương ước)",
        places.THANH_MIEN_TOWN,
        "Công chức Văn phòng Đảng ủy - Nội vụ",
    ),
    DemoAccount(
        "chuho",
        "Vũ Văn Thành",
        "Chủ hộ, biểu quyết trực tuyến",
        places.THANH_MIEN_COMMUNITIES[0],
    ),
)


class DemoBuilder:
    def __init__(self, *, today: dt.date, seed: int = 2025) -> None:
        self.today = today
        self.rng = random.Random(seed)
        self.password_hash = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow
        self.units: dict[str, Unit] = {}
        self.officers: dict[str, User] = {}  # unit name -> its unit officer
        self.people = 0

    # --- helpers ---------------------------------------------------------------------------

    def unit(
        self, name: str, kind: str, parent: Unit | None, *, short_name: str = "", **fields
    ) -> Unit:
        unit = unit_actions.create_unit(
            by=self.admin, parent=parent, name=name, kind=kind, short_name=short_name, **fields
        )
        self.units[name] = unit
        return unit

    def person(
        self,
        *,
        unit: Unit | None,
        full_name: str | None = None,
        username: str | None = None,
        job_title: str = "",
        superuser: bool = False,
    ) -> User:
        self.people += 1
        full_name = full_name or self.random_name()
        username = username or f"{fold(full_name).replace(' ', '')}.{self.people}"
        with acting_as(self.admin if hasattr(self, "admin") else None):
            return User.objects.create(
                username=username,
                password=self.password_hash,
                full_name=full_name,
                job_title=job_title,
                home_unit=unit,
                is_staff=superuser,
                is_superuser=superuser,
            )

    def random_name(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            middle, given = rng.choice(places.MIDDLE_MALE), rng.choice(places.GIVEN_MALE)
        else:
            middle, given = rng.choice(places.MIDDLE_FEMALE), rng.choice(places.GIVEN_FEMALE)
        return f"{rng.choice(places.SURNAMES)} {middle} {given}"

    def reload_units(self) -> None:
        """Read the units again after moves: the copies held here keep their old paths, and
        the officers their old roles."""
        fresh = Unit.objects.in_bulk([unit.pk for unit in self.units.values()])
        self.units = {name: fresh[unit.pk] for name, unit in self.units.items()}
        for officer in self.officers.values():
            forget_grants(officer)

    def officer(self, unit: Unit, role: str = Role.UNIT_OFFICER, **person) -> User:
        user = self.person(unit=unit, **person)
        unit_actions.assign_role(by=self.admin, user=user, unit=unit, role=role)
        self.officers.setdefault(unit.name, user)
        return user

    def officer_of(self, unit: Unit) -> User:
        if unit.name not in self.officers:
            self.officer(unit, job_title="Công chức phụ trách dân chủ ở cơ sở")
        return self.officers[unit.name]

    def make_plan(self, spec: docs.PlanSpec, *, unit: Unit, by: User) -> Plan:
        plan = plan_actions.create_plan(
            by=by,
            unit=unit,
            title=spec.title,
            issued_on=spec.issued_on,
            bases=[Basis(citation) for citation in spec.bases],
            sections=list(spec.sections),
            **self.plan_fields(spec),
        )
        self.add_tasks(plan, spec.tasks, by=by)
        return plan

    @staticmethod
    def plan_fields(spec: docs.PlanSpec) -> dict:
        return {
            "kind": spec.kind,
            "number": spec.number,
            "place": spec.place,
            "summary": spec.summary,
            "signer_name": spec.signer_name,
            "signer_title": spec.signer_title,
            "recipients": spec.recipients,
        }

    def add_tasks(
        self,
        plan: Plan,
        tasks: tuple[docs.TaskSpec, ...],
        *,
        by: User,
        lead_unit: Unit | None = None,
        lead_person: User | None = None,
        coordinating: tuple[Unit, ...] = (),
    ) -> None:
        sections = {s.number: s for s in plan.sections.all()}
        for spec in tasks:
            plan_actions.add_task(
                plan,
                by=by,
                title=spec.title,
                description=spec.description,
                timing=spec.timing,
                quarter=spec.quarter,
                month=spec.month,
                due_date=spec.due,
                section=sections.get(spec.section),
                lead_unit=lead_unit or plan.unit,
                lead_person=lead_person,
                coordinating_units=coordinating,
                target_units=[self.units[name] for name in spec.targets if name in self.units],
            )

    def derive(
        self,
        parent: Plan,
        *,
        unit: Unit,
        by: User,
        carry: tuple[int, ...],
        issued_on: dt.date,
        title: str,
        **fields,
    ) -> Plan:
        tasks = list(parent.tasks.order_by("order", "id"))
        ids = [tasks[i - 1].pk for i in carry if i <= len(tasks)]
        return plan_actions.derive_plan(
            parent,
            by=by,
            unit=unit,
            carried_task_ids=ids,
            title=title,
            issued_on=issued_on,
            **fields,
        )

    def work_on(self, plan: Plan, *, by: User, diligence: float = 0.6) -> None:
        """Move the plan's tasks along as a unit would: most done, some late, a few untouched."""
        rng = self.rng
        for task in plan.tasks.order_by("order", "id"):
            roll = rng.random()
            if task.deadline is not None and task.deadline >= self.today:
                # Not due yet: started or not.
                if roll < 0.55:
                    plan_actions.set_task_progress(task, by=by, progress=rng.choice((20, 40, 60)))
                continue
            if roll < diligence:
                task = plan_actions.change_task_status(task, by=by, status=TaskStatus.DONE)
                if rng.random() < 0.4:
                    plan_actions.add_evidence(task, by=by, note=rng.choice(places.EVIDENCE_NOTES))
            elif roll < diligence + 0.25:
                progress = rng.choice((30, 50, 70, 80)) if task.deadline else rng.choice((60, 80))
                plan_actions.set_task_progress(task, by=by, progress=progress)
            # else: not started; past its deadline it shows as overdue.

    # --- the demo ---------------------------------------------------------------------------

    def build(self) -> None:
        self.admin = self.person(
            unit=None,
            full_name="Quản trị hệ thống",
            username="admin",
            job_title="Quản trị hệ thống",
            superuser=True,
        )
        central = self.unit(
            docs.CENTRAL_COMMITTEE_UNIT, UnitKind.PARTY_BODY, None, short_name="BCĐTW"
        )
        unit_actions.assign_role(by=self.admin, user=self.admin, unit=central, role=Role.ADMIN)
        self.admin.home_unit = central
        self.admin.save(update_fields=["home_unit"])
        self.central = central

        self.build_provinces()
        self.build_central_committee()
        program = self.make_plan(docs.CENTRAL_PROGRAM_2024, unit=central, by=self.admin)
        plan_actions.issue_plan(program, by=self.admin)
        self.work_on(program, by=self.admin, diligence=0.75)
        self.central_program = program

        self.build_quang_tri_units()
        self.build_province_plans_2024()
        self.build_binh_dinh()
        self.build_thanh_mien()
        self.build_other_communes()
        self.build_quang_tri_committee()
        self.build_quang_tri_2025()
        self.build_quang_tri_current_year()
        self.close_merged_provinces()
        self.build_demo_people()
        # The practices of the people (disclosure, decisions), in the town of Thanh Miện.
        self.reload_units()
        town = self.units[places.THANH_MIEN_TOWN]
        unit_actions.update_contact(
            town,
            by=self.officer_of(town),
            address="Khu 1, thị trấn Thanh Miện",
            phone="0220 3736 215",
            feedback_info=(
                "Tiếp công dân: sáng thứ Năm hằng tuần tại trụ sở Ủy ban nhân dân.\n"
                "Hòm thư góp ý đặt tại cổng trụ sở và nhà văn hóa các khu dân cư."
            ),
        )
        build_disclosure(self)
        build_community(self)
        build_consultations(self)
        build_feedback(self)
        build_conventions(self)
        build_oversight(self)
        build_inspections(self)
        build_meetings(self)
        build_library(self)
        build_propaganda(self)
        build_recognition(self)
        build_reports(
            central=central,
            province=self.units["Tỉnh Quảng Trị"],
            admin=self.admin,
            officer=self.steering_officer,
            officer_of=self.officer_of,
            today=self.today,
            rng=self.rng,
        )

    def build_provinces(self) -> None:
        """The 34 provinces of 2025 and, open for now, the 29 merged into them on 01/07/2025."""
        self.merged_away: list[tuple[Unit, Unit]] = []
        for name, kind, merged_from in places.PROVINCES_2025:
            province = self.unit(
                places.province_unit_name(name, kind), UnitKind.PROVINCE, self.central
            )
            for old in merged_from[1:]:
                old_unit = self.unit(
                    places.province_unit_name(old, "tỉnh"), UnitKind.PROVINCE, self.central
                )
                self.merged_away.append((old_unit, province))

    def build_central_committee(self) -> None:
        committee = unit_actions.create_committee(
            by=self.admin,
            unit=self.central,
            name=docs.CENTRAL_COMMITTEE_UNIT,
            standing_office="Ban Dân vận Trung ương",
        )
        deputy = self.person(
            unit=self.central,
            full_name="Nguyễn Lam",
            job_title="Phó Trưởng Ban Dân vận Trung ương",
        )
        unit_actions.add_committee_member(
            committee,
            by=self.admin,
            user=deputy,
            position=CommitteePosition.DEPUTY,
            title="Phó Trưởng ban Thường trực",
        )
        # Task 6 of the program: inspect Ninh Bình, Hòa Bình, Kiên Giang.
        for target in ("Tỉnh Ninh Bình", "Tỉnh Hòa Bình", "Tỉnh Kiên Giang"):
            member = unit_actions.add_committee_member(
                committee,
                by=self.admin,
                user=self.person(unit=self.central, job_title="Thành viên Tổ thư ký BCĐ TW"),
                position=CommitteePosition.MEMBER,
            )
            unit_actions.assign_follow(
                member, by=self.admin, unit=self.units[target], assigned_on=dt.date(2024, 1, 15)
            )

    def build_quang_tri_units(self) -> None:
        province = self.units["Tỉnh Quảng Trị"]
        self.steering_officer = self.officer(
            province,
            Role.STEERING_OFFICER,
            full_name=DEMO_ACCOUNTS[1].full_name,
            username="tinh",
            job_title=DEMO_ACCOUNTS[1].job_title,
        )
        bloc = self.unit(places.QT_BLOC, UnitKind.PARTY_BODY, province, short_name="ĐUK CQ&DN")
        office = self.unit(
            places.QT_OFFICE, UnitKind.AGENCY, bloc, short_name="VP UBND", staff_count=85
        )
        for name in places.QT_OFFICE_DEPARTMENTS:
            self.unit(name, UnitKind.DEPARTMENT, office)
        for name, staff, departments in places.QT_AGENCIES:
            agency = self.unit(name, UnitKind.AGENCY, bloc, staff_count=staff)
            for department in departments:
                # Department names repeat across agencies; the dict keeps the last one only.
                unit_actions.create_unit(
                    by=self.admin, parent=agency, name=department, kind=UnitKind.DEPARTMENT
                )
        for name, workers in places.QT_ENTERPRISES:
            self.unit(name, UnitKind.ENTERPRISE, bloc, staff_count=workers)
        rng = self.rng
        for name in places.QT_COMMUNES:
            commune = self.unit(name, UnitKind.COMMUNE, province)
            if name.startswith("Phường"):
                villages = [f"Khu phố {i}" for i in range(1, rng.randint(4, 7))]
            elif name in ("Xã Hướng Hóa", "Xã Đakrông", "Xã La Lay", "Xã Lao Bảo", "Xã Khe Sanh"):
                villages = [f"Bản {v}" for v in rng.sample(places.MOUNTAIN_VILLAGE_NAMES, 4)]
            elif name.startswith("Đặc khu"):
                villages = ["Thôn Bến Đảo"]
            else:
                villages = [
                    f"Thôn {v}" for v in rng.sample(places.VILLAGE_NAMES, rng.randint(3, 6))
                ]
            for village in villages:
                unit_actions.create_unit(
                    by=self.admin, parent=commune, name=village, kind=UnitKind.RESIDENTIAL
                )

    def build_province_plans_2024(self) -> None:
        """Each 2024 province builds its plan from the central program: most issued, some not."""
        rng = self.rng
        forced = {
            "Tỉnh Quảng Trị",
            "Tỉnh Bình Định",
            "Tỉnh Hải Dương",
            "Tỉnh Gia Lai",
            "Tỉnh Ninh Bình",
            "Tỉnh Hòa Bình",
            "Tỉnh Kiên Giang",
        }
        targeted = set(docs.CENTRAL_PROGRAM_2024.tasks[5].targets)
        self.province_plans_2024: dict[str, Plan] = {}
        provinces = Unit.objects.filter(depth=2, kind=UnitKind.PROVINCE).order_by("path")
        for number, province in enumerate(provinces, start=2):
            roll = rng.random()
            if province.name not in forced and roll > 0.85:
                continue  # has not built its plan: the cascade shows it missing
            carry = docs.CENTRAL_TASKS_CARRIED_BY_PROVINCES
            if province.name in targeted:
                carry = (*carry, 6)
            by = self.officers.get(province.name, self.admin)
            plan = self.derive(
                self.central_program,
                unit=province,
                by=by,
                carry=carry,
                issued_on=dt.date(2024, 1, 12) + dt.timedelta(days=rng.randint(0, 30)),
                title=docs.PROVINCE_PLAN_TITLE_2024,
                number=f"{number:02d}-KH/BCĐ",
                place=province.name.removeprefix("Tỉnh ").removeprefix("Thành phố "),
            )
            self.province_plans_2024[province.name] = plan
            if province.name in forced or roll < 0.7:
                plan_actions.issue_plan(plan, by=by)
                self.work_on(plan, by=by, diligence=0.7)

    def build_binh_dinh(self) -> None:
        province = self.units["Tỉnh Bình Định"]
        bloc = self.unit(places.BINH_DINH_BLOC, UnitKind.PARTY_BODY, province, short_name="ĐUK")
        officer = self.officer_of(bloc)
        unit_actions.create_committee(
            by=self.admin,
            unit=bloc,
            name="Ban Chỉ đạo thực hiện dân chủ ở cơ sở Đảng ủy Khối",
            standing_office="Ban Tuyên giáo Đảng ủy Khối",
        )
        spec = docs.BINH_DINH_BLOC_PLAN_2024
        plan = self.derive(
            self.province_plans_2024["Tỉnh Bình Định"],
            unit=bloc,
            by=officer,
            carry=(1, 2, 3),
            issued_on=spec.issued_on,
            title=spec.title,
            **self.plan_fields(spec),
        )
        plan_actions.issue_plan(plan, by=officer)
        self.work_on(plan, by=officer, diligence=0.8)
        self.merged_away.append((bloc, None))  # type: ignore[arg-type]

    def build_thanh_mien(self) -> None:
        """The town's 2024 plan, built under Hải Dương; the town then moves to Hải Phòng."""
        town = self.unit(places.THANH_MIEN_TOWN, UnitKind.COMMUNE, self.units["Tỉnh Hải Dương"])
        communities = tuple(
            self.unit(name, UnitKind.RESIDENTIAL, town) for name in places.THANH_MIEN_COMMUNITIES
        )
        officer = self.officer(
            town,
            full_name="Nguyễn Thị Thúy",
            job_title="Công chức Văn phòng Đảng ủy - Nội vụ",
            username="thanhmien",
        )
        committee = unit_actions.create_committee(
            by=self.admin,
            unit=town,
            name="Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở thị trấn Thanh Miện",
        )
        head = self.person(
            unit=town, full_name="Phạm Quang Hùng", job_title="Chủ tịch UBND thị trấn"
        )
        unit_actions.add_committee_member(
            committee, by=self.admin, user=head, position=CommitteePosition.HEAD
        )
        spec = docs.TOWN_PLAN_2024
        plan = self.derive(
            self.province_plans_2024["Tỉnh Hải Dương"],
            unit=town,
            by=officer,
            carry=(3,),
            issued_on=spec.issued_on,
            title=spec.title,
            bases=[Basis(citation) for citation in spec.bases],
            sections=list(spec.sections),
            **self.plan_fields(spec),
        )
        own, last = spec.tasks[:-2], spec.tasks[-2:]
        self.add_tasks(plan, own, by=officer)
        self.add_tasks(plan, last, by=officer, coordinating=communities)
        plan_actions.issue_plan(plan, by=officer)
        self.work_on(plan, by=officer, diligence=0.65)
        # 01/07/2025: Hải Dương joins Hải Phòng; the town and its plan follow.
        unit_actions.move_unit(town, by=self.admin, new_parent=self.units["Thành phố Hải Phòng"])

    def build_other_communes(self) -> None:
        for province_name, communes in places.OTHER_COMMUNES.items():
            province = self.units[province_name]
            self.officer(province, Role.STEERING_OFFICER, job_title="Chuyên viên Ban Dân vận")
            for name in communes:
                commune = self.unit(name, UnitKind.COMMUNE, province)
                for village in self.rng.sample(places.VILLAGE_NAMES, 3):
                    unit_actions.create_unit(
                        by=self.admin,
                        parent=commune,
                        name=f"Thôn {village}",
                        kind=UnitKind.RESIDENTIAL,
                    )
                self.officer(commune)

    def build_quang_tri_committee(self) -> None:
        province = self.units["Tỉnh Quảng Trị"]
        by = self.steering_officer
        committee = unit_actions.create_committee(
            by=by,
            unit=province,
            name="Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh Quảng Trị",
            decision_number="1520-QĐ/TU",
            established_on=dt.date(2025, 7, 15),
            standing_office="Ban Dân vận Tỉnh ủy",
        )
        seats = [
            (CommitteePosition.HEAD, "Phó Bí thư Tỉnh ủy", "Trưởng ban"),
            (CommitteePosition.DEPUTY, "Trưởng Ban Dân vận Tỉnh ủy", "Phó Trưởng ban Thường trực"),
            (CommitteePosition.DEPUTY, "Phó Chủ tịch UBND tỉnh", "Phó Trưởng ban"),
            (CommitteePosition.MEMBER, "Giám đốc Sở Nội vụ", "Ủy viên"),
            (CommitteePosition.MEMBER, "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "Ủy viên"),
            (CommitteePosition.MEMBER, "Phó Bí thư Đảng ủy Khối", "Ủy viên"),
            (CommitteePosition.MEMBER, "Chánh Văn phòng UBND tỉnh", "Ủy viên"),
        ]
        members: list[CommitteeMember] = []
        for position, job, title in seats:
            user = self.person(unit=province, job_title=job)
            members.append(
                unit_actions.add_committee_member(
                    committee, by=by, user=user, position=position, title=title
                )
            )
        account = DEMO_ACCOUNTS[2]
        self.committee_member = self.person(
            unit=province,
            full_name=account.full_name,
            username="uyvien",
            job_title=account.job_title,
        )
        demo_member = unit_actions.add_committee_member(
            committee,
            by=by,
            user=self.committee_member,
            position=CommitteePosition.MEMBER,
            title="Ủy viên",
        )
        # Phân công phụ trách: the demo member follows four communes, the others share the rest.
        communes = [self.units[name] for name in places.QT_COMMUNES]
        mine = [self.units[places.QT_DEMO_COMMUNE], *communes[10:13]]
        others = [u for u in communes if u not in mine] + [
            self.units[places.QT_BLOC],
            self.units[places.QT_OFFICE],
        ]
        assigned_on = dt.date(2025, 7, 20)
        follows = [
            unit_actions.assign_follow(demo_member, by=by, unit=unit, assigned_on=assigned_on)
            for unit in mine
        ]
        for i, unit in enumerate(others):
            follows.append(
                unit_actions.assign_follow(
                    members[i % len(members)], by=by, unit=unit, assigned_on=assigned_on
                )
            )
        # A few follow-up notes: the demo member's own, and some by the others.
        for i, follow in enumerate(follows[:4] + self.rng.sample(follows[4:], 6)):
            findings, recommendations = places.FOLLOW_UP_FINDINGS[
                i % len(places.FOLLOW_UP_FINDINGS)
            ]
            visited = min(self.today, dt.date(2025, 8, 1) + dt.timedelta(days=23 * i))
            unit_actions.record_follow_up(
                follow,
                by=follow.member.user,
                visited_on=visited,
                findings=findings,
                recommendations=recommendations,
            )

    def build_quang_tri_2025(self) -> None:
        province = self.units["Tỉnh Quảng Trị"]
        plan = self.make_plan(docs.QUANG_TRI_PLAN_2025, unit=province, by=self.steering_officer)
        plan_actions.update_task(
            plan.tasks.get(order=5),
            by=self.steering_officer,
            target_units=[self.units[n] for n in places.QT_COMMUNES[14:17]],
        )
        plan_actions.issue_plan(plan, by=self.steering_officer)
        self.work_on(plan, by=self.steering_officer, diligence=0.75)
        self.quang_tri_2025 = plan
        self.cascade(plan, year=2025)

    def build_quang_tri_current_year(self) -> None:
        """This year's plan, so the dashboards show work still under way."""
        year = self.today.year
        if year <= 2025 or self.today < dt.date(year, 1, 20):
            return
        base = docs.QUANG_TRI_PLAN_2025
        tasks = tuple(
            replace(t, due=t.due.replace(year=year), title=t.title.replace("2025", str(year)))
            if t.due
            else replace(t, title=t.title.replace("2025", str(year)))
            for t in base.tasks
        )
        spec = replace(
            base,
            number="09/KH-UBND",
            issued_on=dt.date(year, 1, 16),
            title=base.title.replace("2025", str(year)),
            summary=base.summary.replace("2025", str(year)),
            tasks=tasks,
        )
        plan = self.make_plan(spec, unit=self.units["Tỉnh Quảng Trị"], by=self.steering_officer)
        plan_actions.issue_plan(plan, by=self.steering_officer)
        self.work_on(plan, by=self.steering_officer, diligence=0.7)
        self.cascade(plan, year=year)

    def cascade(self, plan: Plan, *, year: int) -> None:
        """The province's plan goes down to the bloc, the office, agencies and communes."""
        rng = self.rng
        issued_on = plan.issued_on
        bloc = self.units[places.QT_BLOC]
        bloc_officer = self.officer_of(bloc)
        bloc_plan = self.derive(
            plan,
            unit=bloc,
            by=bloc_officer,
            carry=(1, 2, 5, 6, 7),
            issued_on=issued_on + dt.timedelta(days=9),
            title=f"Kế hoạch thực hiện dân chủ ở cơ sở trong Đảng bộ Khối năm {year}",
            number=f"{rng.randint(10, 60) + (0 if year == 2025 else 100)}-KH/ĐUK",
        )
        plan_actions.issue_plan(bloc_plan, by=bloc_officer)
        self.work_on(bloc_plan, by=bloc_officer)

        self.build_office_plan(plan, year=year)

        for name, _staff, _departments in places.QT_AGENCIES:
            self.derive_maybe(plan, self.units[name], year=year, carry=(1, 2, 6, 7))
        for name, _workers in places.QT_ENTERPRISES[:3]:
            self.derive_maybe(plan, self.units[name], year=year, carry=(1, 6, 7))
        for name in places.QT_COMMUNES:
            self.derive_maybe(
                plan,
                self.units[name],
                year=year,
                carry=docs.PROVINCE_TASKS_CARRIED_BY_COMMUNES,
                always=name == places.QT_DEMO_COMMUNE,
            )

    def derive_maybe(
        self, parent: Plan, unit: Unit, *, year: int, carry: tuple[int, ...], always: bool = False
    ) -> None:
        """Most units issue their plan, some keep a draft, some have not started one."""
        roll = self.rng.random()
        if not always and roll > 0.82:
            return
        by = self.officer_of(unit)
        # Numbers restart every year; different ranges keep each unit's numbers distinct.
        number = self.rng.randint(5, 49) + (0 if year == 2025 else 50)
        plan = self.derive(
            parent,
            unit=unit,
            by=by,
            carry=carry,
            issued_on=parent.issued_on + dt.timedelta(days=self.rng.randint(7, 40)),
            title=f"Kế hoạch thực hiện dân chủ ở cơ sở năm {year}",
            number=f"{number}/KH-UBND" if unit.kind == UnitKind.COMMUNE else f"{number}/KH",
        )
        if always or roll < 0.62:
            plan_actions.issue_plan(plan, by=by)
            self.work_on(plan, by=by, diligence=self.rng.choice((0.4, 0.6, 0.8)))

    def build_office_plan(self, parent: Plan, *, year: int) -> None:
        office = self.units[places.QT_OFFICE]
        officer = self.officer_of(office)
        if not hasattr(self, "staff"):
            account = DEMO_ACCOUNTS[4]
            self.staff = self.person(
                unit=office,
                full_name=account.full_name,
                username="nhanvien",
                job_title=account.job_title,
            )
            unit_actions.assign_role(by=self.admin, user=self.staff, unit=office, role=Role.STAFF)
        spec = docs.OFFICE_PLAN_2025
        if year != 2025:
            spec = replace(
                spec,
                issued_on=parent.issued_on + dt.timedelta(days=20),
                title=spec.title.replace("2025", str(year)),
                summary=f"Thực hiện Kế hoạch số {parent.number} của UBND tỉnh về thực hiện "
                f"công tác dân chủ ở cơ sở năm {year}.",
                tasks=tuple(
                    replace(t, due=t.due.replace(year=year)) if t.due else t
                    for t in spec.tasks
                    if "2024" not in t.title
                ),
            )
        plan = self.derive(
            parent,
            unit=office,
            by=officer,
            carry=docs.PROVINCE_TASKS_CARRIED_BY_OFFICE,
            issued_on=spec.issued_on,
            title=spec.title,
            bases=[Basis(citation) for citation in spec.bases],
            sections=list(spec.sections),
            **self.plan_fields(spec),
        )
        lead = self.units[places.QT_OFFICE_LEAD_DEPARTMENT]
        coordinating = (self.units["Phòng Tổng hợp"], self.units["Ban Tiếp công dân tỉnh"])
        self.add_tasks(plan, spec.tasks[:3], by=officer, lead_unit=lead, lead_person=self.staff)
        self.add_tasks(plan, spec.tasks[3:], by=officer, lead_unit=lead, coordinating=coordinating)
        plan_actions.issue_plan(plan, by=officer)
        self.work_on(plan, by=officer, diligence=0.6)

    def close_merged_provinces(self) -> None:
        for old, new in self.merged_away:
            reason = (
                f"Hợp nhất vào {new.name} theo Nghị quyết số 202/2025/QH15"
                if new is not None
                else "Kết thúc hoạt động khi hợp nhất tỉnh"
            )
            unit_actions.close_unit(
                old, by=self.admin, closed_on=places.MERGE_DATE, reason=reason, merged_into=new
            )

    def build_demo_people(self) -> None:
        commune = self.units[places.QT_DEMO_COMMUNE]
        officer = self.officers[commune.name]
        account = DEMO_ACCOUNTS[3]
        # The demo unit officer is the commune's first officer: rename the generated one.
        with acting_as(self.admin):
            officer.username = account.username
            officer.full_name = account.full_name
            officer.job_title = account.job_title
            officer.save()
        village = Unit.objects.filter(
            path__startswith=commune.path, depth=commune.depth + 1
        ).first()
        citizen = DEMO_ACCOUNTS[5]
        self.person(unit=village, full_name=citizen.full_name, username=citizen.username)


def demo_summary() -> dict[str, int]:
    return {
        "units": Unit.objects.count(),
        "users": User.objects.count(),
        "plans": Plan.objects.count(),
        "issued": Plan.objects.filter(status=PlanStatus.ISSUED).count(),
        "tasks": Task.objects.count(),
        "overdue": Task.objects.overdue().count(),
        "ongoing": Task.objects.filter(timing=Timing.ONGOING).count(),
    }
