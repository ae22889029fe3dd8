"""The `kartrekker` command as a newcomer uses it: serve with demo data, keys, imports."""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from app.cli import cli

runner = CliRunner()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _serve(database: Path, port: int) -> subprocess.Popen[str]:
    env = {**os.environ, "KARTREKKER_DATABASE_URL": f"sqlite:///{database}"}
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--demo", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _wait_for_key(process: subprocess.Popen[str]) -> tuple[str, list[str]]:
    lines: list[str] = []
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip())
        match = re.fullmatch(r"Demo API-sleutel: (\S+)", line.strip())
        if match:
            return match.group(1), lines
    raise AssertionError("no demo key printed:\n" + "\n".join(lines))


def _wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"{url} never answered")


@pytest.mark.timeout(120)
def test_serve_demo_twice_loads_once_and_prints_a_working_key(tmp_path: Path) -> None:
    database = tmp_path / "kartrekker.db"
    keys = []
    for _ in range(2):
        port = _free_port()
        process = _serve(database, port)
        try:
            key, lines = _wait_for_key(process)
            keys.append(key)
            base = f"http://127.0.0.1:{port}/v1"
            _wait_until_up(f"{base}/status")
            listed = httpx.get(f"{base}/netwerken", headers={"X-Api-Key": key}).json()
            assert listed["count"] == 1
            assert listed["results"][0]["naam"] == "Lerend netwerk Nieuwe Democratie Noord"
            assert httpx.get(f"{base}/docs").status_code == 200
            assert httpx.get(f"{base}/docs-assets/swagger-ui-bundle.js").status_code == 200
        finally:
            process.terminate()
            process.wait(timeout=20)
    # One database, one demo key: a second start keeps the key a newcomer pasted in Swagger.
    assert keys[0] == keys[1]
    assert any("niets toegevoegd" in line for line in lines)
    assert (tmp_path / "kartrekker.db.demo-sleutel").stat().st_mode & 0o077 == 0


def test_api_key_command_prints_the_key_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KARTREKKER_DATABASE_URL", f"sqlite:///{tmp_path / 'k.db'}")
    from app.config import get_settings

    get_settings.cache_clear()
    try:
        result = runner.invoke(
            cli, ["api-sleutel", "maak", "--naam", "Intranet", "--scope", "lezen"]
        )
        assert result.exit_code == 0, result.output
        assert re.search(r"^kt_[0-9a-f]{8}_\S+$", result.output, re.MULTILINE)
        refused = runner.invoke(cli, ["api-sleutel", "maak", "--naam", "X", "--scope", "alles"])
        assert refused.exit_code == 1
        assert "Onbekende scope" in refused.output
    finally:
        get_settings.cache_clear()


def test_openapi_check_passes_on_the_committed_file() -> None:
    result = runner.invoke(cli, ["openapi", "--check"])
    assert result.exit_code == 0, result.output
