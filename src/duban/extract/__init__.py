"""Report → figures: every quantified statement with its span (spec/figures.md)."""

from duban.extract.main_targets import MainTargets, QualitativeTarget, main_targets
from duban.extract.pipeline import extract_figures

__all__ = ["MainTargets", "QualitativeTarget", "extract_figures", "main_targets"]
