"""Files offices exchange: Excel and CSV sheets out (任务分解表, 对照表) and in."""

from duban.export.xlsx_out import ledger_workbook, write_ledger_xlsx

__all__ = ["ledger_workbook", "write_ledger_xlsx"]
