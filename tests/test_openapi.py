"""openapi/openapi.json is what the app serves, and follows the ADR shape."""

import json
from pathlib import Path

from fastapi.testclient import TestClient

from app.main import create_app

OPENAPI_FILE = Path(__file__).resolve().parents[1] / "openapi" / "openapi.json"


def test_committed_document_equals_the_generated_one() -> None:
    generated = create_app().openapi()
    committed = json.loads(OPENAPI_FILE.read_text(encoding="utf-8"))
    assert committed == generated, "openapi/openapi.json is stale: run `uv run kartrekker openapi`"


def test_served_document_equals_the_file(client: TestClient) -> None:
    assert client.get("/v1/openapi.json").json() == json.loads(OPENAPI_FILE.read_text("utf-8"))


def test_no_422_and_every_error_is_problem_json() -> None:
    document = create_app().openapi()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "422" not in responses, (method, path)
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    assert list(response["content"]) == ["application/problem+json"], (path, status)
                else:
                    assert "API-Version" in response["headers"], (method, path, status)


def test_operations_have_dutch_summaries() -> None:
    document = create_app().openapi()
    for path, operations in document["paths"].items():
        for operation in operations.values():
            assert operation.get("summary"), path
