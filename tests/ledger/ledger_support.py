"""Figures for a parsed report: from the extractor once it is part of the package."""

from __future__ import annotations

import importlib.util

from duban.model import Figure, Report


def report_figures(report: Report) -> list[Figure]:
    """``extract_figures(report)`` when ``duban.extract`` exists, else no figures."""
    if importlib.util.find_spec("duban.extract") is None:
        return []
    from duban.extract import extract_figures

    return list(extract_figures(report))
