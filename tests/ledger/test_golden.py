"""The sample's ledger against its reviewed golden file (tests/golden/zhenhai-2020.ledger.json).

Built from the gold section tree and gold figures, so the file changes only
when the ledger's code or data changes. After a deliberate change, rewrite it
with ``DUBAN_UPDATE_GOLDEN=1 pytest tests/ledger/test_golden.py`` and review
the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from duban.model import Ledger

GOLDEN = Path(__file__).parents[1] / "golden" / "zhenhai-2020.ledger.json"


def summary(ledger: Ledger) -> dict[str, Any]:
    """What a reviewer checks: each task's id, place, targets, named things, deadline, departments."""
    return {
        "title": ledger.title,
        "coverage": {"sentences": ledger.coverage.sentences, "in_tasks": ledger.coverage.in_tasks,
                     "not_commitments": ledger.coverage.not_commitments},
        "tasks": [
            {
                "id": t.id,
                "work": t.work,
                "text": t.text,
                "targets": [f.text for f in t.figures],
                "mentions": [m.text for m in t.mentions],
                "deadline": t.deadline,
                "lead": [f"{s.department} ({s.rule})" for s in t.lead],
                "co": [s.department for s in t.co],
            }
            for t in ledger.tasks
        ],
        "not_commitments": [f"{n.reason}: {n.text}" for n in ledger.non_commitments],
    }


def test_golden_sample_ledger(sample_ledger: Ledger) -> None:
    now = summary(sample_ledger)
    if os.environ.get("DUBAN_UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(now, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    before = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert now["coverage"] == before["coverage"]
    assert now["not_commitments"] == before["not_commitments"]
    changed = [(a["id"], b["id"]) for a, b in zip(before["tasks"], now["tasks"]) if a != b]
    assert len(now["tasks"]) == len(before["tasks"])
    assert not changed, f"{len(changed)} tasks differ from {GOLDEN.name}, first: {changed[:3]}"
