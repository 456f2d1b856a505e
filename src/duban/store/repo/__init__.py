"""Keyword-only reads and writes that take a ``session``; the web and the CLI call only these.

One module per subject: ``reports`` (import, report reads), ``figures``
(figures, sections, glossary, main targets, areas), ``tasks`` (ledger reads),
``departments``, ``users``; the web workflow writes live in ``progress``,
``notices``, ``audit`` and ``assessment``. Functions flush but never commit:
the caller owns the transaction.
"""
