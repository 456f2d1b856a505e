"""Files offices exchange: the 任务分解表 out (xlsx_out), the fulfilment table out, actuals sheets in."""

from duban.export.xlsx_out import ledger_workbook, write_ledger_xlsx

__all__ = ["ledger_workbook", "write_ledger_xlsx"]
