"""Matching what a document names to what coso knows: unit names to units (diacritics- and
abbreviation-insensitive), the implemented document to an existing plan (by number and symbol),
and cited texts to the legal library (`coso.library.citations`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from coso.core.text import fold
from coso.library.citations import link_citation
from coso.library.models import LegalText
from coso.plans.models import Plan, PlanStatus
from coso.units.models import Unit

# Abbreviations of the administrative vocabulary, folded (đ → d), expanded before comparing.
ABBREVIATIONS: dict[str, str] = {
    "bcdtw": "ban chi dao trung uong",
    "bcd": "ban chi dao",
    "duk": "dang uy khoi",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "ubmttq": "uy ban mat tran to quoc",
    "tw": "trung uong",
    "cbccvc": "can bo cong chuc vien chuc",
    "ccvc": "cong chuc vien chuc",
    "qcdc": "quy che dan chu",
    "dcs": "dan chu o co so",
    "tp": "thanh pho",
    "vp": "van phong",
}
# Words that carry no identity in a unit's name ("các", "của", punctuation).
_NOISE = re.compile(r"[^a-z0-9 ]+")
_STOP = {"cac", "cua", "va", "o"}


def unit_key(name: str) -> str:
    """A unit's name folded, abbreviations expanded, punctuation dropped: the comparison key.

    "ĐUK Cơ quan và Doanh nghiệp tỉnh" and "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh" give the
    same key; so do "UBND tỉnh" and "Ủy ban nhân dân tỉnh", and "Uỷ" and "Ủy".
    """
    words = _NOISE.sub(" ", fold(name).replace("-", " ")).split()
    expanded: list[str] = []
    for word in words:
        expanded.extend(ABBREVIATIONS.get(word, word).split())
    return " ".join(w for w in expanded if w not in _STOP)


@dataclass
class UnitIndex:
    """Units a document may name, keyed once so that matching many names is cheap."""

    units: list[Unit]

    def __post_init__(self) -> None:
        self._exact: dict[str, list[Unit]] = {}
        self._keys: list[tuple[str, Unit]] = []
        for unit in self.units:
            for key in {unit_key(unit.name), unit_key(unit.short_name)} - {""}:
                self._exact.setdefault(key, []).append(unit)
                self._keys.append((key, unit))

    @classmethod
    def around(cls, unit: Unit) -> UnitIndex:
        """The importing unit, the levels above it and its whole subtree (open units)."""
        units = Unit.objects.active().filter(path__in=unit.ancestor_paths()) | (
            Unit.objects.active().subtree_of(unit)
        )
        return cls(list(units.order_by("path")))

    def match(self, name: str) -> Unit | None:
        """The one unit the name designates, or None when unknown or ambiguous."""
        key = unit_key(name)
        if not key:
            return None
        exact = self._exact.get(key, [])
        if len(exact) == 1:
            return exact[0]
        if exact:
            return None
        # "Ban Dân vận Tỉnh ủy" names "Ban Dân vận"; keep the longest unit name contained in it,
        # as whole words, when it is unique.
        padded = f" {key} "
        found = [(len(k), u) for k, u in self._keys if len(k) > 3 and f" {k} " in padded]
        if not found:
            return None
        best = max(n for n, _ in found)
        winners = {u.pk: u for n, u in found if n == best}
        return next(iter(winners.values())) if len(winners) == 1 else None

    def match_all(self, names: Iterable[str]) -> tuple[list[Unit], list[str]]:
        """Matched units (no duplicates, in order) and the names left unmatched."""
        matched: dict[int, Unit] = {}
        unmatched: list[str] = []
        for name in names:
            unit = self.match(name)
            if unit is None:
                if name.strip():
                    unmatched.append(name.strip())
            else:
                matched.setdefault(unit.pk, unit)
        return list(matched.values()), unmatched


def number_key(number: str) -> str:
    """A number and symbol compared loosely: "04-KH/BCĐ", "04 - KH/BCD" and "04-kh/bcđ" agree."""
    return re.sub(r"\s+", "", fold(number))


def parent_plan_candidates(unit: Unit) -> list[Plan]:
    """Issued plans of the levels strictly above `unit`: those it may implement."""
    above = [p for p in unit.ancestor_paths() if p != unit.path]
    return list(
        Plan.objects.filter(unit_path__in=above, status=PlanStatus.ISSUED)
        .exclude(number="")
        .select_related("unit")
        .order_by("-issued_on", "-id")
    )


def match_parent_plan(numbers: Iterable[str], unit: Unit) -> Plan | None:
    """The upper plan whose number and symbol is the first of `numbers` that coso knows."""
    candidates = parent_plan_candidates(unit)
    by_key: dict[str, list[Plan]] = {}
    for plan in candidates:
        by_key.setdefault(number_key(plan.number), []).append(plan)
    for number in numbers:
        plans = by_key.get(number_key(number), []) if number else []
        if len(plans) == 1:
            return plans[0]
    return None


def match_legal_text(citation: str) -> LegalText | None:
    """The library text a citation names by number and symbol, or None."""
    return link_citation(citation) if citation.strip() else None
