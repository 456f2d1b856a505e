"""The ledger's validated data files, loaded once per override folder."""

from __future__ import annotations

from duban.lexicon.schema import (
    AssignRulesFile,
    CommitmentLexicon,
    DeadlineRules,
    DepartmentCatalogueFile,
    MentionRules,
    validated,
)


def commitment_lexicon() -> CommitmentLexicon:
    return validated("commitments.yaml", CommitmentLexicon)


def deadline_rules() -> DeadlineRules:
    return validated("deadlines.yaml", DeadlineRules)


def mention_rules() -> MentionRules:
    return validated("mentions.yaml", MentionRules)


def department_file() -> DepartmentCatalogueFile:
    return validated("departments.yaml", DepartmentCatalogueFile)


def assign_rules_file() -> AssignRulesFile:
    return validated("assign_rules.yaml", AssignRulesFile)
