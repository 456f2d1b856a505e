"""Import a statistics sheet of actuals (统计公报, 计划执行情况) from CSV or Excel.

The sheet has a header row with the columns ``indicator, measure, value,
unit, year, source`` (any order; other columns are ignored) and one actual a
row. CSV must be UTF-8 (a BOM is accepted); Excel is read from its first
worksheet. Every row is checked, all errors are collected with their row
number, and a sheet with any error imports nothing: the caller gets either
the full list of actuals or a :class:`~duban.errors.DubanError` (BAD_SHEET)
whose ``params["rows"]`` lists each problem.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from zipfile import BadZipFile

from duban.errors import DubanError, ErrorCode
from duban.model.figure import MEASURES
from duban.model.fulfilment import Actual

COLUMNS = ("indicator", "measure", "value", "unit", "year", "source")


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem in a sheet: the row number as a spreadsheet shows it (header = 1)."""

    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"第{self.row}行" + (f" {self.column}" if self.column else "")
        return f"{where}：{self.message}"


def _fail(path: str, errors: Sequence[RowError]) -> DubanError:
    shown = "；".join(str(e) for e in errors[:10])
    more = f"；另有{len(errors) - 10}处错误" if len(errors) > 10 else ""
    return DubanError(ErrorCode.BAD_SHEET, path, detail=f"{len(errors)}处错误，未导入任何数据：{shown}{more}",
                      rows=list(errors))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_rows(path: Path) -> list[list[str]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as exc:
            raise DubanError(ErrorCode.BAD_SHEET, path, detail=f"不是有效的Excel文件（{type(exc).__name__}）") from None
        try:
            sheet = book.worksheets[0]
            return [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
    if suffix in (".csv", ".txt", ""):
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DubanError(ErrorCode.BAD_SHEET, path, detail="CSV文件必须是UTF-8编码") from None
        return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text))]
    raise DubanError(ErrorCode.UNSUPPORTED_FORMAT, path, detail=f"{suffix}：请用 .csv 或 .xlsx")


def parse_actual_rows(rows: Iterable[Sequence[str]], where: str) -> list[Actual]:
    """Validate rows (header first) into actuals; all or nothing.

    Raises:
        DubanError(BAD_SHEET): a missing column, or any row with an error.
    """
    rows = list(rows)
    if not rows:
        raise _fail(where, [RowError(1, None, "表格为空，缺少表头")])
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise _fail(where, [RowError(1, None, f"表头缺少列：{', '.join(missing)}（应为 {', '.join(COLUMNS)}）")])
    col = {name: header.index(name) for name in COLUMNS}
    errors: list[RowError] = []
    actuals: list[Actual] = []
    seen: dict[tuple[str, str, int], int] = {}
    for number, raw in enumerate(rows[1:], start=2):
        cells = {name: (raw[i].strip() if i < len(raw) else "") for name, i in col.items()}
        if not any(cells.values()):
            continue
        row_errors: list[RowError] = []
        if not cells["indicator"]:
            row_errors.append(RowError(number, "indicator", "指标名称为空"))
        measure = cells["measure"].lower()
        if measure not in MEASURES:
            row_errors.append(RowError(number, "measure", f"“{cells['measure']}”应为 level、growth 或 rate"))
        value: float | None = None
        try:
            value = float(cells["value"].replace(",", ""))
        except ValueError:
            row_errors.append(RowError(number, "value", f"“{cells['value']}”不是数字"))
        year: int | None = None
        try:
            year = int(float(cells["year"]))
            if not 1949 <= year <= 2100:
                raise ValueError
        except ValueError:
            row_errors.append(RowError(number, "year", f"“{cells['year']}”不是有效年份"))
            year = None
        if not cells["source"]:
            row_errors.append(RowError(number, "source", "来源为空（填写统计公报名称或网址）"))
        if year is not None and cells["indicator"] and measure in MEASURES:
            key = (cells["indicator"], measure, year)
            if key in seen:
                row_errors.append(RowError(number, "indicator", f"与第{seen[key]}行重复（同一指标、口径、年份）"))
            else:
                seen[key] = number
        if row_errors:
            errors.extend(row_errors)
            continue
        assert value is not None
        actuals.append(
            Actual(
                indicator=cells["indicator"],
                measure=measure,
                value=value,
                unit=cells["unit"] or None,
                year=year,
                source=cells["source"],
                quote=f"{cells['indicator']} {cells['value']}{cells['unit']}（{cells['source']}）",
            )
        )
    if errors:
        raise _fail(where, errors)
    if not actuals:
        raise _fail(where, [RowError(2, None, "表格没有数据行")])
    return actuals


def read_actuals(path: str | Path) -> list[Actual]:
    """The actuals of a CSV or Excel sheet; all or nothing (see module docstring).

    Raises:
        DubanError(NOT_FOUND): no such file.
        DubanError(BAD_SHEET): unreadable sheet or any invalid row.
    """
    path = Path(path)
    if not path.is_file():
        raise DubanError(ErrorCode.NOT_FOUND, path)
    return parse_actual_rows(_read_rows(path), str(path))
