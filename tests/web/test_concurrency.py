"""Many requests at once on few threads and few connections: every one is answered, none waits for the pool.

A page's dependencies (the logged-in user, the fresh-status check) and its
endpoint run one after another in the thread pool. A request that kept its
database connection between those steps could wait for a thread while every
thread waited for a connection: the server stalled until the pool's timeout
and answered 500. Here the app gets one thread and one connection (a 2 s
wait) and six requests arrive together.
"""

from __future__ import annotations

import asyncio
from typing import Any

import anyio.to_thread
import httpx
from fastapi import FastAPI

from duban.store.db import make_engine
from duban.web.app import create_app
from tests.web.conftest import TODAY, Web


async def _together(app: FastAPI, cookies: httpx.Cookies, urls: list[str]) -> list[int]:
    anyio.to_thread.current_default_thread_limiter().total_tokens = 1
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver", cookies=cookies,
                                 timeout=60) as client:
        answers = await asyncio.gather(*(client.get(url) for url in urls))
    return [r.status_code for r in answers]


def test_concurrent_pages_on_one_thread_and_one_connection(web: Web, demo_db: Any) -> None:
    cookies = web.client("admin").http.cookies  # a logged-in session cookie, valid for any app with this secret
    engine = make_engine(demo_db.url, pool_size=1, max_overflow=0, pool_timeout=2)
    app = create_app(demo_db.settings.model_copy(update={"today": TODAY}), engine=engine)
    try:
        urls = ["/", "/tasks", "/tasks?page=2", "/", "/tasks", "/overview.json"]
        assert asyncio.run(_together(app, cookies, urls)) == [200] * len(urls)
    finally:
        engine.dispose()
