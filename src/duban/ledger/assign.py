"""Suggested lead and co-departments for a task, from the catalogue and keyword rules.

The catalogue (departments.yaml) names each department at the report's level;
the rules (assign_rules.yaml) say which words point to which department. Both
are data an office edits. Every suggestion names the rule that made it and
the word that fired it, so a clerk can see why and correct the rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from duban.errors import DubanError, ErrorCode
from duban.ledger.data import assign_rules_file, department_file
from duban.lexicon.schema import AssignRule, AssignRulesFile, DepartmentCatalogueFile
from duban.model import Department, DepartmentSuggestion, Task

LEVELS = ("county", "city", "province", "national")


@dataclass(slots=True)
class Catalogue:
    """The departments of one government and the rules that assign tasks to them."""

    level: str
    departments: dict[str, Department]  # by key
    rules: AssignRulesFile
    prefix: str = "区"
    _order: dict[str, int] = field(default_factory=dict)

    def name(self, key: str) -> str:
        return self.departments[key].name


def _county_prefix(region: str | None, prefixes: dict[str, str]) -> str:
    if region and region[-1] in prefixes:
        return prefixes[region[-1]]
    return "区"


def make_catalogue(
    level: str | None,
    region: str | None,
    departments: DepartmentCatalogueFile,
    rules: AssignRulesFile,
) -> Catalogue:
    """A catalogue for a government of ``level`` (county when unknown) named ``region``.

    Raises DubanError D302 when a rule names a department the catalogue lacks.
    """
    lv = level if level in LEVELS else "county"
    prefix = _county_prefix(region, departments.county_prefixes)
    depts: dict[str, Department] = {}
    for d in departments.departments:
        name = getattr(d, lv) or d.province
        if lv == "county" and name.startswith("区") and prefix != "区":
            name = prefix + name[1:]
        depts[d.key] = Department(d.key, name, d.full or name, list(d.aliases), lv, d.category)
    for r in rules.rules:
        for key in (r.lead, *r.co):
            if key not in depts:
                raise DubanError(ErrorCode.BAD_CATALOGUE, "assign_rules.yaml",
                                 detail=f"rule {r.id} names unknown department {key}")
    if rules.fallback not in depts:
        raise DubanError(ErrorCode.BAD_CATALOGUE, "assign_rules.yaml",
                         detail=f"fallback names unknown department {rules.fallback}")
    return Catalogue(lv, depts, rules, prefix)


def load_catalogue(
    level: str | None = None, region: str | None = None, rules: AssignRulesFile | None = None
) -> Catalogue:
    """The packaged (or user-overridden) catalogue for ``level`` with ``rules``.

    ``rules`` defaults to assign_rules.yaml; the web app passes the office's
    edited rules (kept in its database) so the ledger never reads the store.
    """
    return make_catalogue(level, region, department_file(), rules if rules is not None else assign_rules_file())


@dataclass(slots=True)
class _Hit:
    rule: AssignRule
    score: float
    keyword: str
    start: int | None
    end: int | None
    first: int  # position of the first match in the task text, for ties


def keyword_places(text: str, keyword: str, unless: list[str]) -> list[int]:
    """Where ``keyword`` stands in ``text`` (non-overlapping), except inside a word of ``unless``."""
    first = text.find(keyword)
    if first < 0:
        return []  # so for most keywords of most rules the ``unless`` words are not sought
    blocked: set[int] = set()
    for word in unless:
        inner = [i for i in range(len(word) - len(keyword) + 1) if word.startswith(keyword, i)]
        if not inner:
            continue
        at = text.find(word)
        while at >= 0:
            blocked.update(at + i for i in inner)
            at = text.find(word, at + 1)
    places: list[int] = []
    at = first
    while at >= 0:
        if at not in blocked:
            places.append(at)
        at = text.find(keyword, at + len(keyword))
    return places


def _score(rule: AssignRule, task: Task, cat: Catalogue) -> _Hit | None:
    score = 0.0
    best: tuple[str, int | None, int | None] | None = None
    first = 10**9
    places = [
        (task.text, task.start, 1.0),
        (task.theme_title or "", None, cat.rules.theme_weight),
        (task.area_title or "", None, cat.rules.area_weight),
    ]
    for kw in rule.keywords:
        for text, offset, weight in places:
            found = keyword_places(text, kw, rule.unless) if weight else []
            if not found:
                continue
            at = found[0]
            # a word the task repeats is what the task is about (外贸 four times in one sentence)
            times = min(len(found), cat.rules.max_repeats)
            score += len(kw) * weight * rule.weight * times
            if offset is not None:
                first = min(first, at)
                if best is None or best[1] is None:
                    best = (kw, offset + at, offset + at + len(kw))
            elif best is None:
                best = (kw, None, None)
    if best is None:
        return None
    return _Hit(rule, score, best[0], best[1], best[2], first)


def suggest_departments(
    task: Task, catalogue: Catalogue
) -> tuple[list[DepartmentSuggestion], list[DepartmentSuggestion]]:
    """(lead, co) suggestions for ``task``: always at least one lead."""
    hits = [h for h in (_score(r, task, catalogue) for r in catalogue.rules.rules) if h is not None]
    hits.sort(key=lambda h: (-h.score, h.first))
    if not hits:
        key = catalogue.rules.fallback
        return [DepartmentSuggestion(catalogue.name(key), key, "lead", "fallback")], []
    top = hits[0]
    lead_key = top.rule.lead
    lead = [DepartmentSuggestion(catalogue.name(lead_key), lead_key, "lead", top.rule.id,
                                 top.keyword, top.start, top.end, round(top.score, 2))]
    co: list[DepartmentSuggestion] = []
    taken = {lead_key}
    for h in hits[1:]:
        if len(co) >= catalogue.rules.max_co or h.score < top.score * catalogue.rules.co_share:
            break
        if h.rule.lead not in taken:
            taken.add(h.rule.lead)
            co.append(DepartmentSuggestion(catalogue.name(h.rule.lead), h.rule.lead, "co", h.rule.id,
                                           h.keyword, h.start, h.end, round(h.score, 2)))
    for key in top.rule.co:
        if len(co) >= catalogue.rules.max_co:
            break
        if key not in taken:
            taken.add(key)
            co.append(DepartmentSuggestion(catalogue.name(key), key, "co", top.rule.id,
                                           top.keyword, top.start, top.end, round(top.score, 2)))
    return lead, co
