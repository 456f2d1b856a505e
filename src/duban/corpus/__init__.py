"""Corpus mode: a folder of reports → tidy tables (reports, figures, main_targets, tasks, errors)."""

from duban.corpus.analyse import TABLES, FileResult, analyse_file
from duban.corpus.parts import read_table
from duban.corpus.runner import RunStats, discover, run_corpus

__all__ = ["TABLES", "FileResult", "RunStats", "analyse_file", "discover", "read_table", "run_corpus"]
