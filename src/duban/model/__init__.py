"""The document model: plain dataclasses with spans, no I/O."""

from duban.model.figure import Figure
from duban.model.ledger import (
    Area,
    Coverage,
    Department,
    DepartmentSuggestion,
    Ledger,
    Mention,
    NonCommitment,
    Task,
    Theme,
)
from duban.model.report import (
    GlossaryTerm,
    Metadata,
    Paragraph,
    Report,
    Role,
    Section,
    SectionKind,
    Sentence,
    Source,
)

__all__ = [
    "Area",
    "Coverage",
    "Department",
    "DepartmentSuggestion",
    "Figure",
    "GlossaryTerm",
    "Ledger",
    "Mention",
    "Metadata",
    "NonCommitment",
    "Paragraph",
    "Report",
    "Role",
    "Section",
    "SectionKind",
    "Sentence",
    "Source",
    "Task",
    "Theme",
]
