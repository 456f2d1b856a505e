"""Schema of pdf_glyphs.yaml (duban.ingest.pdf)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, model_validator


class PdfGlyphsFile(BaseModel):
    """pdf_glyphs.yaml: radicals that PDF text layers give for ideographs, each with its ideograph."""

    model_config = ConfigDict(extra="forbid")
    radicals: dict[str, str]

    @model_validator(mode="after")
    def _single_characters(self) -> PdfGlyphsFile:
        bad = [k for k, v in self.radicals.items() if len(k) != 1 or len(v) != 1]
        if bad:
            raise ValueError(f"entries must map one character to one character: {bad[:5]}")
        return self
