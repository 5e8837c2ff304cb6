"""The preview's corrected elements → a plan created exactly as if typed in.

Everything goes through `coso.plans.actions` (create_plan, add_task), so the same permission
checks, validation and audit entries apply; bases are then linked to the legal library with
`coso.plans.legal_bases.link_bases`. Names of units are matched to coso's units; a name that
matches none is kept in the task's description so nothing the document said is lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from coso.core.text import fold
from coso.plans import actions
from coso.plans.legal_bases import link_bases
from coso.plans.models import BasisKind, Plan, PlanKind, Timing
from coso.units.models import Unit, User

from .extraction import Extraction, Relation, TaskItem
from .extraction import Timing as ExtractedTiming
from .matching import UnitIndex, match_parent_plan

TITLE_MAX = 500

# The parser's timings → the plans app's (a date and "before a date" are both a due date).
TIMING_MAP: dict[str, str] = {
    ExtractedTiming.QUARTER: Timing.QUARTER,
    ExtractedTiming.MONTH: Timing.MONTH,
    ExtractedTiming.DATE: Timing.DUE_DATE,
    ExtractedTiming.BEFORE: Timing.DUE_DATE,
    ExtractedTiming.ONGOING: Timing.ONGOING,
    ExtractedTiming.AD_HOC: Timing.AD_HOC,
}


def plan_kind(doc_type: str) -> str:
    return (
        PlanKind.PROGRAM if doc_type.strip().lower().startswith("chương trình") else PlanKind.PLAN
    )


@dataclass
class BasisRow:
    citation: str
    relation: str = Relation.BASED_ON


@dataclass
class TaskRow:
    text: str
    timing: str = Timing.ONGOING  # the plans app's Timing
    quarter: int | None = None
    month: int | None = None
    due_date: dt.date | None = None
    section: str = ""  # the number of the top-level section it sits in ("II")
    lead: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


@dataclass
class ImportData:
    """What the officer confirmed in the preview."""

    title: str
    issued_on: dt.date
    kind: str = PlanKind.PLAN
    number: str = ""
    place: str = ""
    parent_plan: Plan | None = None
    bases: list[BasisRow] = field(default_factory=list)
    sections: list[tuple[str, str]] = field(default_factory=list)  # (number, title)
    tasks: list[TaskRow] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer_name: str = ""
    signer_title: str = ""


def basis_kind(citation: str) -> str:
    """An upper plan or program not found in coso is "another document"; the rest legal texts."""
    words = fold(citation).split()
    words = words[1:] if words[:1] in (["thuc"], ["can"]) else words
    head = " ".join(w for w in words[:4] if w not in ("hien", "cu"))
    if head.startswith(("ke hoach", "chuong trinh")):
        return BasisKind.OTHER
    return BasisKind.LEGAL_TEXT


def top_section(number: str) -> str:
    """ "II.2.a" → "II": plans keep one level of sections."""
    return number.split(".", 1)[0].strip()


def data_from_extraction(extraction: Extraction, unit: Unit) -> ImportData | None:
    """The extraction taken as is (the management command; the preview's initial values).

    None when the document gives no date: a plan cannot be saved without one.
    """
    header = extraction.header
    if header.issued_on is None:
        return None
    numbers = [b.number_symbol for b in extraction.bases if b.relation == Relation.IMPLEMENTS]
    numbers += [b.number_symbol for b in extraction.bases if b.relation != Relation.IMPLEMENTS]
    return ImportData(
        title=header.title or header.doc_type or _("Imported plan"),
        issued_on=header.issued_on,
        kind=plan_kind(header.doc_type),
        number=header.number_symbol,
        place=header.place,
        parent_plan=match_parent_plan(numbers, unit),
        bases=[BasisRow(b.text, b.relation) for b in extraction.bases],
        sections=[(s.number, s.title) for s in extraction.sections if s.level == 1],
        tasks=[task_row(t) for t in extraction.tasks],
        recipients=list(extraction.recipients),
        signer_name=extraction.signer.name,
        signer_title=extraction.signer.title,
    )


def task_row(task: TaskItem) -> TaskRow:
    return TaskRow(
        text=task.text,
        timing=TIMING_MAP.get(task.timing, Timing.ONGOING),
        quarter=task.quarter,
        month=task.month,
        due_date=task.due_on,
        section=top_section(task.section),
        lead=list(task.lead),
        coordinating=list(task.coordinating),
        targets=list(task.targets),
    )


def _title_and_description(text: str) -> tuple[str, str]:
    text = " ".join(text.split())
    if len(text) <= TITLE_MAX:
        return text, ""
    cut = text.rfind(" ", 0, TITLE_MAX - 1)
    cut = cut if cut > TITLE_MAX // 2 else TITLE_MAX - 1
    return text[:cut] + "…", text


def _names_note(unmatched_lead: list[str], unmatched_coord: list[str], unmatched_tgt: list[str]):
    parts = []
    if unmatched_lead:
        parts.append(_("Lead: %(names)s") % {"names": "; ".join(unmatched_lead)})
    if unmatched_coord:
        parts.append(_("Coordinating: %(names)s") % {"names": "; ".join(unmatched_coord)})
    if unmatched_tgt:
        parts.append(_("Units concerned: %(names)s") % {"names": "; ".join(unmatched_tgt)})
    return "\n".join(parts)


@transaction.atomic
def save_import(data: ImportData, *, by: User, unit: Unit, index: UnitIndex | None = None) -> Plan:
    """Create the plan with its bases, sections and tasks; raises ValidationError (with a
    `tasks[n]` prefix in the message for a task) or PermissionDenied like the actions do."""
    index = index or UnitIndex.around(unit)
    bases = [
        actions.Basis(citation=b.citation[:500], kind=basis_kind(b.citation))
        for b in data.bases
        if b.citation.strip()
        and not (data.parent_plan is not None and _cites_plan(b.citation, data.parent_plan))
    ]
    plan = actions.create_plan(
        by=by,
        unit=unit,
        title=data.title[:TITLE_MAX],
        issued_on=data.issued_on,
        parent_plan=data.parent_plan,
        bases=bases,
        sections=[(n, t[:500], "") for n, t in data.sections if t.strip()],
        kind=data.kind,
        number=data.number,
        place=data.place[:100],
        signer_name=data.signer_name[:200],
        signer_title=data.signer_title[:200],
        recipients="\n".join(r for r in data.recipients if r.strip()),
    )
    sections = {s.number.strip(): s for s in plan.sections.all()}
    for position, row in enumerate(data.tasks, start=1):
        title, description = _title_and_description(row.text)
        leads, unmatched_lead = index.match_all(row.lead)
        coordinating, unmatched_coord = index.match_all(row.coordinating)
        targets, unmatched_tgt = index.match_all(row.targets)
        note = _names_note(
            unmatched_lead + [u.name for u in leads[1:]], unmatched_coord, unmatched_tgt
        )
        description = "\n\n".join(p for p in (description, note) if p)
        try:
            actions.add_task(
                plan,
                by=by,
                title=title,
                description=description,
                timing=row.timing,
                quarter=row.quarter,
                month=row.month,
                due_date=row.due_date,
                lead_unit=leads[0] if leads else None,
                section=sections.get(top_section(row.section)),
                coordinating_units=coordinating,
                target_units=targets,
                order=position,
            )
        except ValidationError as exc:
            raise ValidationError(
                _("Task %(n)s: %(errors)s") % {"n": position, "errors": " ".join(exc.messages)}
            ) from exc
    link_bases(plan.bases.all(), by=by)
    return plan


def _cites_plan(citation: str, plan: Plan) -> bool:
    """The basis is the parent plan itself (create_plan already records it as the upper plan)."""
    from .matching import number_key

    return bool(plan.number) and number_key(plan.number) in number_key(citation)
