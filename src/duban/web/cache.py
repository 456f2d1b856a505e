"""A small cache of page parts that only change when data changes (overview charts, status counts).

The key includes the audit log's newest id: every write appends to the log,
so a cached part is never served after a write, in this process or another
one sharing the database. It also includes the date and the thresholds,
which move statuses without a write.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy.orm import Session

from duban.store.repo import audit


class PartCache:
    """Least-recently-used values by key, thread-safe, at most ``size`` entries."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_build(self, session: Session, key: tuple[Hashable, ...], build: Callable[[], Any], *,
                     latest: int | None = None) -> Any:
        """The value of ``key`` as of the newest write, built by ``build`` if not cached.

        ``latest`` is the audit log's newest id when the caller already read it
        (a page taking several parts asks the database once).
        """
        full = (*key, audit.latest_id(session=session) if latest is None else latest)
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]
        value = build()
        with self._lock:
            self._items[full] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
