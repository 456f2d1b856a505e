"""Import a report from the browser: any format the ingest reads; errors shown in Chinese.

The upload is written to a temporary file (the name is generated; the user's
name only keeps its extension so the reader knows the format), analysed by
the same pipeline as ``duban import``, stored in one transaction, and the
temporary file is removed. The same file twice does not duplicate anything.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from duban.errors import DubanError, ErrorCode
from duban.pipeline import analyse_file
from duban.store.repo import audit, reports
from duban.store.repo.reports import ImportResult
from duban.store.tables import UserRow
from duban.web import forms
from duban.web.deps import AdminUser, SessionDep, SettingsDep
from duban.web.errors import Invalid
from duban.web.render import flash, render_page
from duban.web.rules import current_rules
from duban.web.workflow import invalidate_statuses, write

router = APIRouter(tags=["导入报告"])

ACCEPTED = (".txt", ".md", ".docx", ".pdf", ".html", ".htm", ".mht", ".mhtml")

# Chinese wording of the ingest's error codes, for the office's screen.
CHINESE = {
    ErrorCode.NOT_FOUND: "文件不存在。",
    ErrorCode.EMPTY: "文件是空的。",
    ErrorCode.BINARY: "文件不是文本、Word、PDF或网页格式。",
    ErrorCode.TOO_LARGE: "文件超过大小限制。",
    ErrorCode.UNDETECTED_ENCODING: "无法识别文本编码，请另存为UTF-8或GB18030后重试。",
    ErrorCode.PDF_NO_TEXT: "该PDF没有文字层（可能是扫描件），请先进行文字识别（OCR）。",
    ErrorCode.DOCX_CORRUPT: "Word文件已损坏或不是.docx格式。",
    ErrorCode.DOCX_TOO_LARGE: "Word文件解压后过大。",
    ErrorCode.HTML_NO_REPORT: "网页中没有找到报告正文。",
    ErrorCode.UNSUPPORTED_FORMAT: "不支持的文件格式。",
    ErrorCode.PDF_CORRUPT: "PDF文件已损坏。",
    ErrorCode.NOT_A_REPORT: "该文件看起来不是政府工作报告。",
    ErrorCode.UNREADABLE: "文件无法读取。",
    ErrorCode.STORE_FAILED: "写入数据库失败。",
}


def chinese_error(err: DubanError) -> str:
    base = CHINESE.get(err.code, "导入失败。")
    return f"{base}（错误代码 {err.code.value}：{err.detail}）"


def import_upload(session: SessionDep, user: UserRow, name: str, data: bytes, *, max_bytes: int) -> ImportResult:
    """Analyse and store one uploaded file; raises Invalid with a Chinese message."""
    suffix = Path(name).suffix.lower()
    if suffix not in ACCEPTED:
        raise Invalid(f"不支持的文件类型“{suffix or '无扩展名'}”，请上传 {'、'.join(ACCEPTED)} 文件。")
    if not data:
        raise Invalid("文件是空的。")
    with tempfile.TemporaryDirectory(prefix="duban-import-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            analysis = analyse_file(path, max_bytes=max_bytes, rules=current_rules(session))
        except DubanError as err:
            raise Invalid(chinese_error(err)) from None
        source = analysis.source
        named = type(source)(text=source.text, format=source.format, encoding=source.encoding,
                             sha256=source.sha256, size=source.size, path=None, name=Path(name).name[:200])

        def action() -> ImportResult:
            result = reports.import_report(session=session, source=named, report=analysis.report,
                                           figures=analysis.figures, ledger=analysis.ledger,
                                           catalogue=analysis.catalogue, user=user)
            if result.created:
                audit.record(session=session, user=user, action="report.import", entity="report",
                             entity_id=result.report.id,
                             after={"file": named.name, "sha256": named.sha256, "tasks_added": result.tasks_added,
                                    "tasks_kept": result.tasks_kept, "tasks_retired": result.tasks_retired})
            return result

        return write(session, action)


@router.get("/import", include_in_schema=False)
def import_form(request: Request, settings: SettingsDep, user: AdminUser) -> Response:
    return render_page(request, "import.html", {"title": "导入报告", "accepted": ACCEPTED,
                                                "max_mb": max(1, settings.max_report_bytes // (1024 * 1024))})


@router.post("/import", include_in_schema=False)
async def import_submit(request: Request, session: SessionDep, settings: SettingsDep, user: AdminUser) -> Response:
    form = await request.form()
    upload = forms.upload(form, "file")
    if upload is None:
        raise Invalid("请选择要导入的报告文件。")
    data = await upload.read(settings.max_report_bytes + 1)
    if len(data) > settings.max_report_bytes:
        raise Invalid(f"文件超过大小限制（{settings.max_report_bytes // (1024 * 1024)} MB）。", status_code=413)
    result = import_upload(session, user, upload.filename or "report.txt", data, max_bytes=settings.max_report_bytes)
    invalidate_statuses(request)
    if result.created:
        flash(request, f"已导入《{result.report.title or upload.filename}》：新增任务{result.tasks_added}项，"
                       f"沿用{result.tasks_kept}项，停用{result.tasks_retired}项。")
    else:
        flash(request, "该文件此前已导入，未重复导入。", "warn")
    return RedirectResponse(request.app.state.urls.report(result.report.id), status_code=303)


@router.post("/api/import", summary="导入报告文件（multipart，字段 file）", status_code=201)
async def import_api(request: Request, session: SessionDep, settings: SettingsDep, user: AdminUser) -> dict[str, object]:
    form = await request.form()
    upload = forms.upload(form, "file")
    if upload is None:
        raise Invalid("请上传字段名为 file 的报告文件。")
    data = await upload.read(settings.max_report_bytes + 1)
    if len(data) > settings.max_report_bytes:
        raise Invalid("文件超过大小限制。", status_code=413)
    result = import_upload(session, user, upload.filename or "report.txt", data, max_bytes=settings.max_report_bytes)
    invalidate_statuses(request)
    return {"report_id": result.report.id, "created": result.created, "tasks_added": result.tasks_added,
            "tasks_kept": result.tasks_kept, "tasks_retired": result.tasks_retired}
