"""GDP growth targets by region and year, from the tables of a ``duban corpus`` run.

    python scripts/gdp_targets.py OUT [--csv PATH] [--check DIR --sample 20 --seed 7]

Keeps the main expected targets whose indicator_id is ``gdp`` and measure
``growth`` (quantified rows of ``main_targets``), joins each to its report's
region, level and year, and writes one CSV row per target with the
comparator kept: the symbol (``~``, ``>=``, ``range`` …), its usual wording
(左右, 以上, 区间 …) and the words that follow the figure in the text, and
flags a multi-year average (年均增长7%, ``average``) and a stretch goal beside
the expected one (增长6%以上，力争8%, ``stretch``) by the cue words of
``fulfil.yaml`` just before the figure, so that one-year expected targets can
be kept apart (both false). The
``quote`` column and ``file``/``start``/``end`` let a reader check a row
against its report. Prints the path of the CSV. With ``--check DIR`` (the
corpus folder) it also prints ``--sample`` random rows next to the text
around each figure and the report's first lines, for checking by hand.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from duban.corpus import read_table
from duban.ledger.settings import load_settings
from duban.model.fulfilment import words_before

WORDING = {"~": "左右", ">=": "以上", "<=": "以内", ">": "超过", "<": "低于", "=": "", "range": "区间"}
COLUMNS = [
    "region", "region_full", "level", "region_code", "year", "value", "value_max", "unit",
    "comparator", "comparator_wording", "average", "stretch", "after", "text", "indicator", "quote", "file", "start", "end",
]


def gdp_rows(out: Path) -> list[dict[str, object]]:
    """One dict per GDP growth main target, sorted by level, region and year."""
    settings = load_settings()
    reports = {r["file"]: r for r in read_table(out, "reports").to_pylist()}
    rows: list[dict[str, object]] = []
    for t in read_table(out, "main_targets").to_pylist():
        if not (t["quantified"] and t["indicator_id"] == "gdp" and t["measure"] == "growth"):
            continue
        rep = reports.get(t["file"], {})
        quote = t["quote"] or ""
        pos = quote.find(t["text"])
        after = quote[pos + len(t["text"]) : pos + len(t["text"]) + 4] if pos >= 0 else ""
        before = words_before(quote, t["text"])  # as the fulfilment check reads 年均
        rows.append({
            "region": rep.get("region"),
            "region_full": rep.get("region_full"),
            "level": rep.get("level"),
            "region_code": rep.get("region_code"),
            "year": t["year"] if t["year"] is not None else rep.get("year"),
            "value": t["value"],
            "value_max": t["value_max"],
            "unit": t["unit"],
            "comparator": t["comparator"],
            "comparator_wording": WORDING.get(t["comparator"], ""),
            "average": any(cue in before for cue in settings.average_cues),
            "stretch": any(cue in before for cue in settings.stretch_cues),
            "after": after,
            "text": t["text"],
            "indicator": t["indicator"],
            "quote": quote,
            "file": t["file"],
            "start": t["start"],
            "end": t["end"],
        })
    order = {"national": 0, "province": 1, "city": 2, "county": 3}
    rows.sort(key=lambda r: (order.get(str(r["level"]), 9), str(r["region"] or ""), r["year"] or 0))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="output folder of duban corpus")
    parser.add_argument("--csv", type=Path, help="where to write (default: OUT/gdp_growth_targets.csv)")
    parser.add_argument("--check", type=Path, help="corpus folder: print a sample to check by hand")
    parser.add_argument("--sample", type=int, default=20, help="rows to print with --check")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the sample")
    args = parser.parse_args()
    rows = gdp_rows(args.out)
    path = args.csv or args.out / "gdp_growth_targets.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    reports = len({r["file"] for r in rows})
    plain = sum(1 for r in rows if not r["average"] and not r["stretch"])
    print(f"{len(rows)} GDP growth targets from {reports} reports -> {path}")
    print(f"{plain} one-year expected targets, {len(rows) - plain} multi-year averages or stretch goals")
    if args.check:
        show_sample(rows, args.check, args.sample, args.seed)


def show_sample(rows: list[dict[str, object]], corpus: Path, n: int, seed: int) -> None:
    """Print ``n`` random rows with the text around the figure, for a check by hand."""
    from duban.ingest import read_report

    for i, row in enumerate(random.Random(seed).sample(rows, min(n, len(rows))), 1):
        text = read_report(corpus / str(row["file"])).text
        start, end = int(str(row["start"])), int(str(row["end"]))
        head = " ".join(text[:160].split())
        print(f"--- {i}. {row['file']}")
        print(f"    head: {head}")
        print(
            f"    row:  {row['region']} ({row['level']}) {row['year']}: {row['value']}"
            f"{'–' + str(row['value_max']) if row['value_max'] is not None else ''} {row['unit']} "
            f"{row['comparator']} {row['comparator_wording']}"
        )
        print(f"    text: …{text[max(0, start - 60):start]}[{text[start:end]}]{text[end:end + 30]}…")


if __name__ == "__main__":
    main()
