"""The glossary (名词解释) of every current report."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from duban.store.repo import figures, pages
from duban.web.deps import LoggedIn, SessionDep
from duban.web.render import respond

router = APIRouter(tags=["名词解释"])


@router.get("/glossary", summary="名词解释")
@router.get("/glossary.json", include_in_schema=False)
def glossary(request: Request, session: SessionDep, user: LoggedIn) -> Response:
    groups = []
    for report in pages.report_heads(session=session):
        terms = figures.list_glossary(session=session, report_id=report.id)
        if terms:
            groups.append({"report": {"id": report.id, "title": report.title, "year": report.year},
                           "terms": [{"number": t.number, "term": t.term, "definition": t.definition,
                                      "anchor": f"g{t.position}", "start": t.start, "end": t.end} for t in terms]})
    return respond(request, "glossary.html", {"title": "名词解释", "groups": groups})
