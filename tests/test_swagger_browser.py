"""Swagger UI in a real browser: open /v1/docs, authorize with an API key, call GET /netwerken.

Drives Debian's headless Chromium with Playwright against a real server on 127.0.0.1; the page
loads its assets from the app itself, so nothing leaves the machine.
"""

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlmodel import Session

from app.config import Settings
from app.db import engine_for
from app.demo import demo_sleutel, laad_demo
from app.main import create_app
from app.migrate import upgrade

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A real Kartrekker on a free port with the demo network; yields (base URL, API key)."""
    url = f"sqlite:///{tmp_path / 'browser.db'}"
    upgrade(url)
    with Session(engine_for(url), expire_on_commit=False) as session:
        laad_demo(session=session)
        key = demo_sleutel(session=session)
        session.commit()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(Settings(database_url=url, worker_in_process=False, groepen_opwarmen=False)),
        host="127.0.0.1",
        port=port,
        log_level="warning",
    )
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/v1/status", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    yield base, key
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.mark.timeout(120)
def test_swagger_ui_authorizes_and_lists_networks(server: tuple[str, str]) -> None:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: .ci/run installs Debian's chromium package")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    base, key = server
    outside_requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page()
        page.on(
            "request",
            lambda request: (
                None if request.url.startswith(base) else outside_requests.append(request.url)
            ),
        )
        page.goto(f"{base}/v1/docs")
        page.get_by_role("button", name="Authorize").first.click()
        dialog = page.locator(".auth-container").filter(has_text="apiSleutel")
        dialog.locator("input").fill(key)
        dialog.locator("button.authorize").click()
        expect(dialog).to_contain_text("Authorized")
        dialog.locator("button.btn-done").click()

        operation = page.locator("#operations-Netwerken-netwerkenLijst")
        operation.locator(".opblock-summary").click()
        operation.get_by_role("button", name="Try it out").click()
        operation.get_by_role("button", name="Execute").click()
        status = operation.locator(".live-responses-table .response .response-col_status")
        expect(status.first).to_have_text("200", timeout=15_000)
        expect(operation.locator(".live-responses-table")).to_contain_text(
            "Lerend netwerk Nieuwe Democratie Noord"
        )
        browser.close()
    assert outside_requests == [], "Swagger UI reached outside the app"
