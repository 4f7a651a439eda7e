from __future__ import annotations

import json
import sys
import warnings

import pytest
from click.testing import CliRunner

from mtcheck.cli import main
from mtcheck.config import Config

CLEAN = "The council approved the new budget on Tuesday. Members said it would fund schools.\n"
BROKEN = "The the council met on Monday.\n\nRelated News\n"


@pytest.fixture
def client():
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    with warnings.catch_warnings():
        # Newer Starlette asks for httpx2 and warns when it falls back to httpx.
        warnings.filterwarnings("ignore", message=".*httpx2")
        from fastapi.testclient import TestClient
    from mtcheck.server import create_app

    with TestClient(create_app(Config(), max_body=64 * 1024)) as test_client:
        yield test_client


def test_health_and_rules(client):
    assert client.get("/health").json()["status"] == "ok"
    rules = client.get("/rules").json()
    assert {"broken.doubled-word", "boilerplate.web-debris"} <= {r["id"] for r in rules}
    assert all({"id", "category", "severity", "summary"} <= set(r) for r in rules)


def test_check_answers_the_report_with_passed(client):
    good = client.post("/check", json={"text": CLEAN})
    assert good.status_code == 200
    report = good.json()
    assert report["schema"] == "mtcheck-report/1"
    assert report["documents"][0]["passed"] is True
    bad = client.post("/check", json={"text": BROKEN, "path": "cms/42"})
    assert bad.status_code == 200
    doc = bad.json()["documents"][0]
    assert doc["passed"] is False
    assert doc["path"] == "cms/42"
    assert {f["rule"] for f in doc["findings"]} >= {"broken.doubled-word"}
    for f in doc["findings"]:
        assert BROKEN[f["start"]:f["end"]] == f["text"]


def test_request_settings_narrow_the_check(client):
    assert client.post("/check", json={"text": BROKEN, "fail_under": 0}).json()[
        "documents"][0]["passed"] is True
    only = client.post("/check", json={"text": BROKEN, "select": ["broken"]}).json()
    assert {f["category"] for f in only["documents"][0]["findings"]} == {"broken"}
    none = client.post("/check", json={"text": BROKEN, "ignore": ["broken", "boilerplate"]})
    assert none.json()["documents"][0]["findings"] == []
    with_source = client.post("/check", json={"text": CLEAN, "src_lang": "de",
                                               "source": "Der Rat hat den Haushalt gebilligt."})
    assert with_source.json()["documents"][0]["src_lang"] == "de"


@pytest.mark.parametrize("body", [
    b"{not json", b"[]", b'{"source": "x"}', b'{"text": 3}', b'{"text": "x", "treshold": 1}',
    b'{"text": "x", "fail_under": 120}', b'{"text": "x", "select": "broken"}',
])
def test_malformed_input_is_422(client, body):
    response = client.post("/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["detail"]


def test_unknown_rule_is_422_with_the_nearest_name(client):
    response = client.post("/check", json={"text": "x", "select": ["broken.doubled-wrd"]})
    assert response.status_code == 422
    assert "broken.doubled-word" in response.json()["detail"]


def test_body_over_the_limit_is_413(client):
    big = json.dumps({"text": "word " * 20_000}).encode()
    assert client.post("/check", content=big).status_code == 413

    def chunked():
        for _ in range(20):
            yield b"x" * 8192

    # No Content-Length: the limit holds while the body streams in.
    assert client.post("/check", content=chunked()).status_code == 413


def test_serve_runs_uvicorn_with_the_app(monkeypatch):
    uvicorn = pytest.importorskip("uvicorn")
    pytest.importorskip("fastapi")
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    result = CliRunner().invoke(main, ["serve", "--port", "9099", "--fail-under", "80"])
    assert result.exit_code == 0, result.output
    app, options = calls[0]
    assert options == {"host": "127.0.0.1", "port": 9099, "log_level": "info"}
    assert {route.path for route in app.routes} >= {"/check", "/health", "/rules"}


@pytest.mark.parametrize("missing", ["fastapi", "uvicorn"])
def test_serve_without_the_extra_exits_2(monkeypatch, missing):
    monkeypatch.setitem(sys.modules, missing, None)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 2
    assert "install mtcheck[server]" in result.stderr
