"""The rules of composition of a board, checked against its members and its unit.

Which rules refuse and which only warn:

- **Refusals** (`hard`): what the law states as a plain number or a plain exclusion and what
  the data in coso can prove: fewer members than the minimum, more than the maximum, a board in
  an agency with too few staff, a member who is the unit's head, deputy or chief accountant, a
  member who is a commune official, two heads. A board that breaks one of them is not lawfully
  constituted, so coso refuses to record its recognition (the board stays "being formed").
- **Warnings**: what depends on facts coso may not hold exactly. "One member per residential
  community" is checked against the tree, which can lag behind a merger of villages or a new
  residential group, and the communities elect their member one meeting at a time; a missing
  head is usual while the board has not held its first meeting; a staff count that was never
  entered cannot prove anything; a term longer than the rule may follow the village head's
  actual term. The officer sees the warning and decides; recognition is not blocked.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from coso.units.models import Unit, UnitKind, path_within

from .models import Board, BoardKind, BoardMember, CompositionRule, Position


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    citation: str
    hard: bool
    # The field of the recognition form (or of the API's answer) the refusal belongs to.
    field: str = "members"


def residential_communities(unit: Unit) -> list[Unit]:
    """The open residential communities directly under a commune, in tree order."""
    return list(
        Unit.objects.filter(
            path_within("path", unit.path),
            depth=unit.depth + 1,
            kind=UnitKind.RESIDENTIAL,
            closed_on__isnull=True,
        ).order_by("path")
    )


def staff_problem(rule: CompositionRule, unit: Unit) -> Problem | None:
    """Law 10/2022/QH15, art. 60: no board in a unit with 7 staff or fewer."""
    if rule.min_staff_exclusive is None:
        return None
    if unit.staff_count is None:
        return Problem(
            "staff_unknown",
            _(
                "The number of staff of %(unit)s is not recorded: coso cannot check that it "
                "has more than %(n)s (no board is set up in a smaller unit)."
            )
            % {"unit": unit.name, "n": rule.min_staff_exclusive},
            rule.staff_citation,
            hard=False,
            field="unit",
        )
    if unit.staff_count <= rule.min_staff_exclusive:
        return Problem(
            "too_few_staff",
            _(
                "%(unit)s has %(staff)s staff: a People's Inspection Board is not set up in a "
                "unit with %(n)s staff or fewer."
            )
            % {"unit": unit.name, "staff": unit.staff_count, "n": rule.min_staff_exclusive},
            rule.staff_citation,
            hard=True,
            field="unit",
        )
    return None


def composition_problems(
    board: Board,
    members: list[BoardMember] | None = None,
    rule: CompositionRule | None = None,
    communities: list[Unit] | None = None,
) -> list[Problem]:
    """Every rule of composition the board breaks, refusals first."""
    rule = rule or CompositionRule.for_kind(board.kind)
    if members is None:
        members = list(board.members.select_related("community"))
    problems: list[Problem] = []
    count = len(members)
    if count < rule.min_members:
        problems.append(
            Problem(
                "too_few_members",
                _("The board has %(count)s members: it needs at least %(min)s.")
                % {"count": count, "min": rule.min_members},
                rule.members_citation,
                hard=True,
            )
        )
    if rule.max_members is not None and count > rule.max_members:
        problems.append(
            Problem(
                "too_many_members",
                _("The board has %(count)s members: it may have at most %(max)s.")
                % {"count": count, "max": rule.max_members},
                rule.members_citation,
                hard=True,
            )
        )
    staff = staff_problem(rule, board.unit)
    if staff is not None:
        problems.append(staff)
    if rule.excludes_unit_leaders:
        for member in members:
            if member.is_unit_leader:
                problems.append(
                    Problem(
                        "unit_leader",
                        _(
                            "%(name)s is the head, a deputy head or the chief accountant of "
                            "the unit and may not be a member of its People's Inspection Board."
                        )
                        % {"name": member.full_name},
                        rule.exclusion_citation,
                        hard=True,
                    )
                )
    if rule.excludes_commune_officials:
        for member in members:
            if member.is_commune_official:
                problems.append(
                    Problem(
                        "commune_official",
                        _(
                            "%(name)s is an official of the commune and may not be a member of "
                            "its People's Inspection Board."
                        )
                        % {"name": member.full_name},
                        rule.exclusion_citation,
                        hard=True,
                    )
                )
    heads = [m for m in members if m.position == Position.HEAD]
    if len(heads) > 1:
        problems.append(
            Problem(
                "several_heads",
                _("The board has %(n)s heads: it has one head.") % {"n": len(heads)},
                "",
                hard=True,
            )
        )
    elif not heads and members:
        problems.append(
            Problem(
                "no_head",
                _("The board has no head yet: record who was elected head."),
                "",
                hard=False,
            )
        )
    if rule.one_per_community and board.kind == BoardKind.COMMUNE:
        problems.extend(_community_problems(board, members, rule, communities))
    if rule.term_years and board.term_ends_on is not None:
        limit = _years_after(board.term_starts_on, rule.term_years)  # a day of grace
        if board.term_ends_on > limit:
            problems.append(
                Problem(
                    "term_too_long",
                    _("The term ends on %(end)s, later than %(years)s years after it starts.")
                    % {"end": board.term_ends_on.strftime("%d/%m/%Y"), "years": rule.term_years},
                    rule.term_citation,
                    hard=False,
                    field="term_ends_on",
                )
            )
    problems.sort(key=lambda p: not p.hard)
    return problems


def _community_problems(
    board: Board,
    members: list[BoardMember],
    rule: CompositionRule,
    communities: list[Unit] | None,
) -> list[Problem]:
    """One member per residential community of the commune (warnings: see the module)."""
    if communities is None:
        communities = residential_communities(board.unit)
    represented = Counter(m.community_id for m in members if m.community_id)
    problems = []
    for community in communities:
        if community.pk not in represented:
            problems.append(
                Problem(
                    "community_missing",
                    _("%(community)s has no member on the board.") % {"community": community.name},
                    rule.community_citation,
                    hard=False,
                )
            )
        elif represented[community.pk] > 1:
            problems.append(
                Problem(
                    "community_twice",
                    _("%(community)s has %(n)s members on the board: one is expected.")
                    % {"community": community.name, "n": represented[community.pk]},
                    rule.community_citation,
                    hard=False,
                )
            )
    without = [m.full_name for m in members if not m.community_id]
    if without:
        problems.append(
            Problem(
                "member_without_community",
                _("No residential community recorded for: %(names)s.")
                % {"names": ", ".join(without)},
                rule.community_citation,
                hard=False,
            )
        )
    return problems


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def default_term_end(kind: str, starts_on: dt.date) -> dt.date | None:
    """The end of a term of the rule's length (the day before the same date, N years on)."""
    years = CompositionRule.for_kind(kind).term_years
    if not years:
        return None
    return _years_after(starts_on, years) - dt.timedelta(days=1)
