"""Build PDFs in tests with reportlab, as a publisher's export would lay them out.

Text is set in reportlab's built-in CID font STSong-Light (no font file
needed) and wrapped at the text width by measured string width, so each
paragraph spans several visual lines exactly as in a real report PDF.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
SIZE = 12
MARGIN = 56


def _font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def wrap(paragraph: str, width: float) -> list[str]:
    """Greedy line breaks by measured width, as a layout engine would."""
    lines: list[str] = []
    current = ""
    for ch in paragraph:
        if current and pdfmetrics.stringWidth(current + ch, FONT, SIZE) > width:
            lines.append(current)
            current = ""
        current += ch
    if current:
        lines.append(current)
    return lines


def text_pdf(
    text: str, *, page_numbers: bool = True, indent: str = "\u3000\u3000", running_head: str | None = None
) -> bytes:
    """A multi-page A4 PDF of ``text``'s non-empty lines as paragraphs, with ``— n —`` footers.

    Each paragraph is indented by two full-width spaces, as reports are typeset.
    """
    _font()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    page_width, page_height = A4
    width = page_width - 2 * MARGIN
    y = page_height - MARGIN
    page = 1

    def footer() -> None:
        if running_head:
            pdf.setFont(FONT, 10)
            pdf.drawCentredString(page_width / 2, page_height - MARGIN / 2, running_head)
        if page_numbers:
            pdf.setFont(FONT, 10)
            pdf.drawCentredString(page_width / 2, MARGIN / 2, f"— {page} —")

    pdf.setFont(FONT, SIZE)
    for paragraph in (line.strip() for line in text.splitlines()):
        if not paragraph:
            continue
        for line in wrap(indent + paragraph, width):
            if y < MARGIN:
                footer()
                pdf.showPage()
                page += 1
                pdf.setFont(FONT, SIZE)
                y = page_height - MARGIN
            pdf.drawString(MARGIN, y, line)
            y -= SIZE * 1.6
    footer()
    pdf.save()
    return buffer.getvalue()


def image_pdf(tmp_path: Path) -> bytes:
    """A 'scanned' PDF: one page holding only a picture, no text layer."""
    from PIL import Image, ImageDraw

    picture = tmp_path / "scan.png"
    image = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(image)
    for row in range(60, 760, 24):
        draw.line((50, row, 550, row), fill=0, width=6)
    image.save(picture)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawImage(str(picture), 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


CHROMIUM = "/usr/bin/chromium"


def browser_pdf(text: str, tmp_path: Path) -> bytes:
    """The report printed to PDF by headless Chromium: justified, indented, embedded Noto CJK fonts.

    This is how many portals' "下载PDF" files are made, and it exercises what reportlab's
    CID text does not: radicals in the ToUnicode map, justification gaps, proportional digits.
    """
    import html
    import subprocess

    paragraphs = "".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
    page = tmp_path / "print.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><style>body{font-family:"Noto Serif CJK SC",serif;font-size:16pt;'
        "text-align:justify} p{text-indent:2em;margin:0}</style></head><body>"
        + paragraphs
        + "</body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "print.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={out}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    return out.read_bytes()
