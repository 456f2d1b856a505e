"""Print setup shared by the Excel tables offices print (任务分解表, 完成情况对照表)."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet


def print_landscape(ws: Worksheet, header_row: int) -> None:
    """A4 landscape, one page wide, centred; rows up to ``header_row`` frozen, the header repeated on every page."""
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
