"""Reads of a report's parsed views: figures, sections, glossary, main targets, areas, themes."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from duban.store.tables import AreaRow, FigureRow, GlossaryTermRow, MainTargetRow, SectionRow, ThemeRow


def list_figures(
    *,
    session: Session,
    report_id: int,
    kind: str | None = None,
    indicator: str | None = None,
    measure: str | None = None,
    role: str | None = None,
    area: str | None = None,
    year: int | None = None,
    search: str | None = None,
) -> Sequence[FigureRow]:
    """A report's figures in text order, filtered by the given fields.

    ``indicator`` matches the indicator name or its id exactly; ``search``
    matches part of the indicator or the quote.
    """
    query = select(FigureRow).where(FigureRow.report_id == report_id)
    if kind:
        query = query.where(FigureRow.kind == kind)
    if indicator:
        query = query.where(or_(FigureRow.indicator == indicator, FigureRow.indicator_id == indicator))
    if measure:
        query = query.where(FigureRow.measure == measure)
    if role:
        query = query.where(FigureRow.role == role)
    if area:
        query = query.where(FigureRow.area == area)
    if year is not None:
        query = query.where(FigureRow.year == year)
    if search:
        pattern = f"%{_escape_like(search)}%"
        query = query.where(
            or_(FigureRow.indicator.like(pattern, escape="\\"), FigureRow.quote.like(pattern, escape="\\"))
        )
    return session.scalars(query.order_by(FigureRow.start, FigureRow.position)).all()


def get_figure(*, session: Session, figure_id: int) -> FigureRow | None:
    """One figure by id, or None."""
    return session.get(FigureRow, figure_id)


def list_sections(*, session: Session, report_id: int) -> Sequence[SectionRow]:
    """A report's section tree, flattened in document order (``parent_id``/``depth`` rebuild it)."""
    return session.scalars(
        select(SectionRow).where(SectionRow.report_id == report_id).order_by(SectionRow.position)
    ).all()


def list_glossary(*, session: Session, report_id: int) -> Sequence[GlossaryTermRow]:
    """A report's glossary terms in annex order."""
    return session.scalars(
        select(GlossaryTermRow).where(GlossaryTermRow.report_id == report_id).order_by(GlossaryTermRow.position)
    ).all()


def list_main_targets(*, session: Session, report_id: int) -> Sequence[MainTargetRow]:
    """A report's main expected targets, quantified and qualitative, in text order."""
    return session.scalars(
        select(MainTargetRow).where(MainTargetRow.report_id == report_id).order_by(MainTargetRow.position)
    ).all()


def list_areas(*, session: Session, report_id: int) -> Sequence[AreaRow]:
    """A report's ledger areas in order."""
    return session.scalars(
        select(AreaRow).where(AreaRow.report_id == report_id).order_by(AreaRow.position)
    ).all()


def list_themes(*, session: Session, report_id: int, area_id: int | None = None) -> Sequence[ThemeRow]:
    """A report's themes in order, optionally of one area."""
    query = select(ThemeRow).where(ThemeRow.report_id == report_id)
    if area_id is not None:
        query = query.where(ThemeRow.area_id == area_id)
    return session.scalars(query.order_by(ThemeRow.position)).all()


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
