"""Light reads for the pages' chrome: which reports exist, which one is current.

The report rows hold the whole text; lists and headers need only the title,
so these reads leave the text unloaded.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from duban.store.tables import ReportRow


def report_heads(*, session: Session, include_superseded: bool = False) -> Sequence[ReportRow]:
    """Reports without their text, in the order of ``reports.list_reports`` (newest plan year first)."""
    query = (
        select(ReportRow)
        .options(defer(ReportRow.text))
        .order_by(ReportRow.year.desc().nulls_last(), ReportRow.region, ReportRow.id)
    )
    if not include_superseded:
        query = query.where(ReportRow.superseded_by_id.is_(None))
    return session.scalars(query).all()


def report_head(*, session: Session, report_id: int | None) -> ReportRow | None:
    """One report without its text: the given one, or the newest current one."""
    if report_id is not None:
        return session.scalar(select(ReportRow).where(ReportRow.id == report_id).options(defer(ReportRow.text)))
    heads = report_heads(session=session)
    return heads[0] if heads else None
