"""The task ledger (任务分解表): plain dataclasses built from a Report and its figures.

One :class:`Task` per commitment of the plan part and the governance part,
plus one per main expected target (主要预期目标). Every task keeps its span into
``Report.text`` (``report.text[task.start:task.end] == task.text``), its target
figures, the projects and places it names, its deadline and the departments
suggested for it, each with the rule that suggested it.

Task ids are stable across re-parsing the same report: they are derived from
the area and theme numbering and a hash of the normalised sentence text, never
from offsets alone, so the store can match a re-imported report's tasks to the
ones already assigned and reported on.

Nothing here does I/O. The store and web app build on these classes; change
them only by adding fields with defaults.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from duban.model.figure import Figure

TASK_KINDS = ("main_target", "task")
ASSIGNMENT_ROLES = ("lead", "co")
# Why a sentence of the plan or governance part is not a task.
NON_COMMITMENT_REASONS = (
    "heading",  # a section number and title, a theme's lead phrase (精准服务稳企业。)
    "framing",  # a part's or area's introduction (坚持稳中求进，全力扶企业…)
    "slogan",  # an address or a rallying call (各位代表！…让我们…)
    "no_action",  # no commitment verb: a statement of fact or assessment
)


@dataclass(slots=True)
class Department:
    """One department of the catalogue (departments.yaml, then the office's edits).

    ``key`` is stable across levels (``ndrc``, ``finance`` …); ``name`` is the
    name used at this government's level (区发改局, 市发改委, 省发展改革委).
    """

    key: str
    name: str
    full_name: str = ""
    aliases: list[str] = field(default_factory=list)
    level: str = "county"  # county | city | province | national
    category: str = ""  # 综合经济, 社会事业, 城建, 政法 …


@dataclass(slots=True)
class DepartmentSuggestion:
    """A department suggested for a task, with the rule that made the suggestion.

    ``rule`` is the id of a rule in assign_rules.yaml; ``matched`` is the
    keyword of the task text that fired it, at ``start``/``end`` in the report
    (``None`` for a fallback rule that matched no particular word).
    """

    department: str  # Department.name
    department_key: str  # Department.key
    role: str  # lead | co
    rule: str
    matched: str | None = None
    start: int | None = None
    end: int | None = None
    score: float = 1.0


@dataclass(slots=True)
class Mention:
    """A named project, place or facility in a task (杭甬高速复线, 轨道交通3号线)."""

    text: str
    start: int
    end: int
    kind: str  # project | place | facility


@dataclass(slots=True)
class Theme:
    """A paragraph's lead phrase inside an area (精准服务稳企业)."""

    index: int  # 1-based within its area
    title: str
    start: int
    end: int
    title_start: int
    title_end: int


@dataclass(slots=True)
class Area:
    """A numbered field of the plan or governance part (（一）坚定不移稳增长…).

    ``index`` is 1-based over the whole ledger; ``number`` is as written.
    ``role`` is ``plan`` or ``governance``; the main expected targets form an
    area of their own with role ``main_targets`` and number ``None``.
    """

    index: int
    number: str | None
    title: str
    start: int
    end: int
    role: str
    themes: list[Theme] = field(default_factory=list)
    part_number: str | None = None  # the part holding the area (二), and its title
    part_title: str | None = None


@dataclass(slots=True)
class Task:
    """One commitment: a sentence of the plan (or one main expected target).

    ``figures`` are the target figures inside the span; ``figure_indices``
    are their positions in the figure list given to ``build_ledger``.
    ``deadline`` is an ISO date: the explicit one (``deadline_text`` at
    ``deadline_start``/``deadline_end``) or else 12-31 of the plan year.
    """

    id: str
    seq: int  # 1-based order in the ledger (序号)
    kind: str  # main_target | task
    role: str  # main_targets | plan | governance
    area_index: int | None
    area_number: str | None
    area_title: str | None
    theme_index: int | None
    theme_title: str | None
    text: str
    start: int
    end: int
    title: str = ""  # the first clause, for lists
    figures: list[Figure] = field(default_factory=list)
    figure_indices: list[int] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    deadline: str | None = None
    deadline_text: str | None = None
    deadline_start: int | None = None
    deadline_end: int | None = None
    lead: list[DepartmentSuggestion] = field(default_factory=list)
    co: list[DepartmentSuggestion] = field(default_factory=list)
    part_number: str | None = None  # the part (二、…) holding the task, also for tasks outside any area
    part_title: str | None = None

    @property
    def deadline_explicit(self) -> bool:
        return self.deadline_text is not None

    @property
    def work(self) -> str:
        """The 重点工作 column: the theme, else the area title, else the part title."""
        return self.theme_title or self.area_title or self.part_title or ""

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["deadline_explicit"] = self.deadline_explicit
        return out


@dataclass(slots=True)
class NonCommitment:
    """A sentence of the plan or governance part that is not a task, and why."""

    start: int
    end: int
    text: str
    reason: str  # one of NON_COMMITMENT_REASONS
    area_index: int | None = None


@dataclass(slots=True)
class Coverage:
    """Whether every sentence of the plan and governance parts is accounted for.

    A sentence is covered when it lies in exactly one task (or is split into
    disjoint main-target tasks) or is listed as a non-commitment. ``uncovered``
    and ``duplicated`` hold the offending sentence spans; ``ok`` is the check.
    """

    sentences: int = 0
    in_tasks: int = 0
    not_commitments: int = 0
    uncovered: list[tuple[int, int]] = field(default_factory=list)
    duplicated: list[tuple[int, int]] = field(default_factory=list)
    targets: int = 0  # target figures of the plan and governance parts
    targets_in_tasks: int = 0
    targets_outside: list[tuple[int, int]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.uncovered and not self.duplicated and not self.targets_outside


@dataclass(slots=True)
class Ledger:
    """The task ledger of one report."""

    report_key: str  # stable: a hash of the report text
    title: str  # 镇海区2020年政府工作报告重点工作任务分解表
    region: str | None
    year: int | None
    level: str | None
    areas: list[Area]
    tasks: list[Task]
    non_commitments: list[NonCommitment]
    coverage: Coverage

    @property
    def targets(self) -> list[Figure]:
        """Every target figure held by a task, in ledger order."""
        return [f for t in self.tasks for f in t.figures]

    def task(self, task_id: str) -> Task | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["tasks"] = [t.to_dict() for t in self.tasks]
        out["coverage"]["ok"] = self.coverage.ok
        return out
