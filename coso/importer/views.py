"""The officer's flow: upload a document (pasted text or a file) → preview every element
highlighted in the text, correct, add or drop → save a plan exactly as if typed in."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coso.core.pages import require, row_id
from coso.units.models import Unit

from . import access
from .extraction import Extraction
from .forms import BasisFormSet, HeaderForm, SectionFormSet, TaskFormSet, UploadForm, split_names
from .matching import UnitIndex, match_legal_text, parent_plan_candidates
from .save import BasisRow, ImportData, TaskRow, data_from_extraction, plan_kind, save_import
from .save import task_row as make_task_row

logger = logging.getLogger(__name__)

SESSION_KEY = "importer_drafts"
KEEP_DRAFTS = 5
NOT_A_PLAN = gettext_lazy(
    "This does not look like a plan or program: no document header and no task was found. "
    "Check that it is the right document."
)
PARSE_FAILED = gettext_lazy(
    "coso could not read this document; the error was recorded. Paste the text of the plan, "
    "or create the plan by hand."
)


class ParseFailed(Exception):
    """The parser failed on this document (a bug of the parser, never the officer's fault)."""


def parse_document(text: str) -> Extraction:
    from .parse import parse  # the parser is its own part: imported when first used

    return parse(text)


def _parse(text: str) -> Extraction:
    """Parse, turning any failure of the parser into ParseFailed (logged) instead of a 500."""
    try:
        return parse_document(text)
    except Exception as exc:
        logger.exception("The importer's parser failed on a document of %s characters", len(text))
        raise ParseFailed from exc


def is_a_plan(extraction: Extraction) -> bool:
    """A document with neither a header (type or number) nor a single task is not a plan."""
    header = extraction.header
    return bool(extraction.tasks or header.doc_type or header.number_symbol)


# --- upload ----------------------------------------------------------------------------------


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(access.may_import_somewhere(user))
    units = access.importable_units(user)
    data = request.POST if request.method == "POST" else None
    initial = {}
    if request.GET.get("unit"):  # "Import from a document" on a unit's or the plans' page
        chosen = units.filter(pk=row_id(request.GET["unit"])).first()
        initial = {"unit": chosen.pk} if chosen else {}
    form = UploadForm(data, request.FILES or None, units=units, initial=initial)
    if data is not None and form.is_valid():
        unit = form.cleaned_data["unit"]
        require(access.can_import(user, unit))
        text = form.cleaned_data["document"]
        try:
            extraction = _parse(text)
        except ParseFailed:
            form.add_error(None, PARSE_FAILED)
        else:
            if is_a_plan(extraction):
                drafts = dict(request.session.get(SESSION_KEY, {}))
                token = secrets.token_urlsafe(12)
                drafts[token] = {"unit": unit.pk, "text": text, "name": form.cleaned_data["name"]}
                request.session[SESSION_KEY] = dict(list(drafts.items())[-KEEP_DRAFTS:])
                return redirect("importer:preview", token=token)
            form.add_error(None, NOT_A_PLAN)
    return render(request, "importer/upload.html", {"form": form})


# --- preview ---------------------------------------------------------------------------------

# The kinds of element highlighted in the text, with their legend.
KINDS = ("header", "basis", "cited", "section", "task", "reporting", "signer")


@dataclass
class Span:
    start: int
    end: int
    kind: str
    label: str = ""
    target: str = ""  # the id of the form row that corrects it


def element_spans(extraction: Extraction) -> list[Span]:
    spans: list[Span] = []

    def add(element, kind: str, label: str = "", target: str = "") -> None:
        if 0 <= element.start < element.end <= len(extraction.text):
            spans.append(Span(element.start, element.end, kind, label, target))

    add(extraction.header, "header", target="row-header")
    for n, basis in enumerate(extraction.bases):
        add(basis, "basis", basis.number_symbol, f"row-bases-{n}")
    for cited in extraction.cited:
        add(cited, "cited", cited.number_symbol)
    level1 = 0
    for section in extraction.sections:
        target = ""
        if section.level == 1:
            target, level1 = f"row-sections-{level1}", level1 + 1
        add(section, "section", section.number, target)
    for n, task in enumerate(extraction.tasks):
        add(task, "task", str(n + 1), f"row-tasks-{n}")
    for duty in extraction.reporting:
        add(duty, "reporting")
    add(extraction.signer, "signer", target="row-header")
    return spans


def highlight(text: str, spans: list[Span]) -> SafeString:
    """The text with each element wrapped in <mark>; an element inside another one (a citation
    inside a task) is nested, one overlapping the end of another is cut at that end."""
    opens: dict[int, list[Span]] = {}
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        opens.setdefault(span.start, []).append(span)
    out: list[str] = []
    stack: list[int] = []  # ends of the open marks
    points = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    for i, pos in enumerate(points[:-1]):
        while stack and stack[-1] <= pos:
            stack.pop()
            out.append("</mark>")
        for span in opens.get(pos, []):
            end = min(span.end, stack[-1]) if stack else span.end
            title = f' title="{escape(span.label)}"' if span.label else ""
            target = f' data-row="{span.target}"' if span.target else ""
            out.append(f'<mark class="el el-{span.kind}"{title}{target}>')
            stack.append(end)
        out.append(escape(text[pos : points[i + 1]]))
    out.extend("</mark>" for _ in stack)
    return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped above


def _draft(request: HttpRequest, token: str) -> tuple[dict, Unit]:
    draft = request.session.get(SESSION_KEY, {}).get(token)
    if draft is None:
        raise Http404
    unit = Unit.objects.filter(pk=draft["unit"]).first()
    if unit is None:
        raise Http404
    require(access.can_import(request.user, unit))
    return draft, unit


def _initial(extraction: Extraction, unit: Unit) -> dict:
    header = extraction.header
    data = data_from_extraction(extraction, unit)
    parent = data.parent_plan if data else None
    if parent is None:
        from .matching import match_parent_plan

        parent = match_parent_plan([b.number_symbol for b in extraction.bases], unit)
    return {
        "header": {
            "kind": plan_kind(header.doc_type),
            "number": header.number_symbol,
            "place": header.place,
            "issued_on": header.issued_on,
            "title": header.title,
            "parent_plan": parent.pk if parent else None,
            "signer_title": extraction.signer.title,
            "signer_name": extraction.signer.name,
            "recipients": "\n".join(extraction.recipients),
        },
        "bases": [{"citation": b.text, "relation": b.relation} for b in extraction.bases],
        "sections": [
            {"number": s.number, "title": s.title} for s in extraction.sections if s.level == 1
        ],
        "tasks": [
            {**_task_initial(make_task_row(t)), "time_found": bool(t.timing)}
            for t in extraction.tasks
        ],
    }


def _task_initial(row: TaskRow) -> dict:
    return {
        "text": row.text,
        "section": row.section,
        "timing": row.timing,
        "quarter": row.quarter,
        "month": row.month,
        "due_date": row.due_date,
        "lead": "; ".join(row.lead),
        "coordinating": "; ".join(row.coordinating),
        "targets": "; ".join(row.targets),
    }


def _kept(formset) -> list[dict]:
    return [
        f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


def _import_data(header: HeaderForm, bases, sections, tasks) -> ImportData:
    h = header.cleaned_data
    return ImportData(
        title=h["title"],
        issued_on=h["issued_on"],
        kind=h["kind"],
        number=h["number"],
        place=h["place"],
        parent_plan=h["parent_plan"],
        bases=[BasisRow(b["citation"], b["relation"]) for b in _kept(bases) if b.get("citation")],
        sections=[(s["number"], s["title"]) for s in _kept(sections) if s.get("title")],
        tasks=[
            TaskRow(
                text=t["text"],
                timing=t["timing"],
                quarter=t["quarter"],
                month=t["month"],
                due_date=t["due_date"],
                section=t["section"],
                lead=t["lead_names"],
                coordinating=t["coordinating_names"],
                targets=t["targets_names"],
            )
            for t in _kept(tasks)
            if (t.get("text") or "").strip()
        ],
        recipients=[r.strip() for r in h["recipients"].splitlines() if r.strip()],
        signer_name=h["signer_name"],
        signer_title=h["signer_title"],
    )


def _matched(index: UnitIndex, form) -> list[Unit]:
    """The coso units the names of a task row designate, to show beside the row."""
    names = []
    for field in ("lead", "coordinating", "targets"):
        names += split_names(str(form[field].value() or ""))
    return index.match_all(names)[0]


@login_required
def preview(request: HttpRequest, token: str) -> HttpResponse:
    user = request.user
    draft, unit = _draft(request, token)
    try:
        extraction = _parse(draft["text"])
    except ParseFailed:
        messages.error(request, PARSE_FAILED)
        return redirect("importer:upload")
    candidates = parent_plan_candidates(unit)
    post = request.POST if request.method == "POST" else None
    initial = _initial(extraction, unit)
    header = HeaderForm(
        post, initial=initial.get("header"), parent_plans=candidates, prefix="header"
    )
    bases = BasisFormSet(post, initial=initial.get("bases"), prefix="bases")
    sections = SectionFormSet(post, initial=initial.get("sections"), prefix="sections")
    tasks = TaskFormSet(post, initial=initial.get("tasks"), prefix="tasks")
    if post is not None and all(f.is_valid() for f in (header, bases, sections, tasks)):
        data = _import_data(header, bases, sections, tasks)
        try:
            plan = save_import(data, by=user, unit=unit)
        except ValidationError as exc:
            for message in exc.messages:
                header.add_error(None, message)
        else:
            drafts = dict(request.session.get(SESSION_KEY, {}))
            drafts.pop(token, None)
            request.session[SESSION_KEY] = drafts
            messages.success(
                request,
                _("The plan was imported as a draft with %(n)s tasks. Check it, then issue it.")
                % {"n": len(data.tasks)},
            )
            return redirect("plans:detail", pk=plan.pk)
    index = UnitIndex.around(unit)
    context = {
        "unit": unit,
        "token": token,
        "name": draft.get("name", ""),
        "extraction": extraction,
        "highlighted": highlight(extraction.text, element_spans(extraction)),
        "kinds": KINDS,
        "header_form": header,
        "bases": bases,
        "sections": sections,
        "tasks": tasks,
        "task_rows": [(form, _matched(index, form)) for form in tasks.forms],
        "library": [(b, match_legal_text(b.text)) for b in extraction.bases + extraction.cited],
        "reporting": extraction.reporting,
        "warnings": extraction.warnings,
    }
    return render(request, "importer/preview.html", context)
