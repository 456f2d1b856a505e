"""The office's assignment rules as the web app edits them: read, validate in Chinese, apply.

The rules start as assign_rules.yaml and, after the admin's first edit, live
in the database (:mod:`duban.store.repo.rules`). Every edit is checked with
the same pydantic schema as the YAML and against the department catalogue,
so what the admin saves is a rules file the ledger accepts. Re-suggesting
turns stored task rows back into ledger tasks and runs
:func:`duban.ledger.suggest_departments` with the edited rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from duban.errors import DubanError
from duban.ledger import load_catalogue, suggest_departments
from duban.ledger.data import assign_rules_file, department_file
from duban.lexicon.schema import AssignRule, AssignRulesFile
from duban.model.ledger import DepartmentSuggestion, Task
from duban.store.repo import rules as rule_store
from duban.store.tables import AreaRow, ReportRow, TaskRow, ThemeRow
from duban.web.errors import Invalid

SEPARATORS = re.compile(r"[\s,，、;；]+")
FIELD_MESSAGES = {
    "id": "规则编号只能用小写英文字母、数字、“-”或“_”，并以字母开头。",
    "keywords": "至少填写一个关键词。",
    "lead": "请选择牵头单位。",
    "co": "配合单位填写有误。",
    "weight": "权重须为大于0的数。",
    "unless": "排除词填写有误。",
}


def words(value: str) -> list[str]:
    """Keywords typed in one box, separated by spaces, commas or 、."""
    return [w for w in SEPARATORS.split(value.strip()) if w]


def current_rules(session: Session) -> AssignRulesFile:
    """The office's rules: the stored set, else assign_rules.yaml (the seed)."""
    stored = rule_store.load_rules(session=session)
    return AssignRulesFile.model_validate(stored) if stored is not None else assign_rules_file()


def department_choices() -> dict[str, str]:
    """Catalogue keys a rule may name, with the county-level name (departments.yaml)."""
    return {d.key: d.county for d in department_file().departments}


def check_rule(data: dict[str, Any]) -> AssignRule:
    """``data`` as a rule, or Invalid with every problem in Chinese."""
    errors: list[str] = []
    keywords = [k for k in data.get("keywords") or [] if isinstance(k, str) and k.strip()]
    for word in data.get("unless") or []:
        if not any(isinstance(k, str) and k in word and k != word for k in keywords):
            errors.append(f"排除词“{word}”必须包含本规则的某个关键词，且比该关键词长。")
    known = department_choices()
    for key in [data.get("lead"), *(data.get("co") or [])]:
        if key and key not in known:
            errors.append(f"单位“{key}”不在单位目录中。")
    if errors:
        raise Invalid("规则未保存：" + errors[0], errors)
    try:
        return AssignRule.model_validate(data)
    except ValidationError as exc:
        errors = [FIELD_MESSAGES.get(str(e["loc"][0]) if e["loc"] else "", "规则填写有误。") for e in exc.errors()]
        raise Invalid("规则未保存：" + errors[0], list(dict.fromkeys(errors))) from None


def with_rules(rules: AssignRulesFile, new: list[AssignRule]) -> AssignRulesFile:
    """``rules`` with its rule list replaced, validated as a whole file (unique ids, at least one)."""
    try:
        out = AssignRulesFile.model_validate({**rules.model_dump(), "rules": [r.model_dump() for r in new]})
        load_catalogue(None, None, out)  # every department a rule names is in the catalogue
    except ValidationError as exc:
        if any("duplicate" in str(e.get("msg", "")) for e in exc.errors()):
            raise Invalid("规则未保存：规则编号已被其他规则使用。") from None
        if any(e["loc"] == ("rules",) for e in exc.errors()):
            raise Invalid("至少要保留一条规则。") from None
        raise Invalid("规则未保存：规则集不合法。", [str(e.get("msg", "")) for e in exc.errors()]) from None
    except DubanError as err:
        raise Invalid("规则未保存：规则中的单位不在单位目录中。", [str(err)]) from None
    return out


def rule_json(rule: AssignRule | None) -> dict[str, Any] | None:
    return rule.model_dump(exclude_defaults=False) if rule is not None else None


def suggester(session: Session, report: ReportRow, rules: AssignRulesFile) -> Callable[[TaskRow], list[DepartmentSuggestion]]:
    """A function giving a stored task's suggested departments under ``rules`` (as the ledger would)."""
    catalogue = load_catalogue(report.level, report.region, rules)
    areas = {a.id: a.title for a in session.scalars(select(AreaRow).where(AreaRow.report_id == report.id))}
    themes = {t.id: t.title for t in session.scalars(select(ThemeRow).where(ThemeRow.report_id == report.id))}

    def suggest(row: TaskRow) -> list[DepartmentSuggestion]:
        task = Task(
            id=row.key, seq=row.position, kind=row.kind, role=row.role,
            area_index=None, area_number=None, area_title=areas.get(row.area_id) if row.area_id else None,
            theme_index=None, theme_title=themes.get(row.theme_id) if row.theme_id else None,
            text=row.text, start=row.start, end=row.end,
        )
        lead, co = suggest_departments(task, catalogue)
        return [*lead, *co]

    return suggest
