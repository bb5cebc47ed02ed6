"""``newsclaims serve`` over real HTTP: a uvicorn subprocess on a loopback port, called with httpx."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from pipeline import SCHEMA_VERSION

pytest.importorskip("fastapi", reason="fastapi is not installed (pip install 'newsclaims[serve]')")
pytest.importorskip("uvicorn", reason="uvicorn is not installed (pip install 'newsclaims[serve]')")
httpx = pytest.importorskip("httpx", reason="httpx is not installed")

ARTICLE = ("Floods forced 3,000 people from their homes in Valencia on Tuesday, officials said.\n"
           "The regional government said at least 62 people had died.")
MAX_BYTES = 200_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--port", str(port),
                             "--max-bytes", str(MAX_BYTES), "--log-level", "warning"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"server exited: {proc.stdout.read().decode(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("server did not answer /health within 90 s")
            time.sleep(0.3)
        with httpx.Client(base_url=base, timeout=60) as client:
            yield client
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_health_and_openapi(server):
    health = server.get("/health").json()
    assert health["status"] == "ok" and health["schema_version"] == SCHEMA_VERSION and health["model"]
    spec = server.get("/openapi.json").json()
    assert "/extract" in spec["paths"] and "post" in spec["paths"]["/extract"]
    assert "ExtractRequest" in spec["components"]["schemas"]


def test_extract_text(server):
    r = server.post("/extract", json={"text": ARTICLE, "published": "2024-10-29", "id": "floods",
                                      "title": "Floods"})
    assert r.status_code == 200, r.text
    body = r.json()
    doc, claims = body["document"], body["claims"]
    assert doc["doc_id"] == "floods" and doc["published"] == "2024-10-29" and doc["text"] == ARTICLE
    assert claims and all(c["doc_id"] == "floods" for c in claims)
    values = {q["value"] for c in claims for q in c["quantities"]}
    assert {3000, 62} <= values
    for c in claims:   # offsets index the returned text
        assert doc["text"][c["span"][0]:c["span"][1]] == c["text"]


def test_extract_html(server):
    html = f"<html><body><article><h1>Floods</h1><p>{ARTICLE}</p></article></body></html>"
    r = server.post("/extract", json={"html": html})
    assert r.status_code == 200, r.text
    assert "<p>" not in r.json()["document"]["text"] and "3,000" in r.json()["document"]["text"]


@pytest.mark.parametrize("payload", [
    {},                                          # neither text nor html
    {"text": "a", "html": "<p>a</p>"},           # both
    {"text": "   "},                             # empty
    {"text": "x", "published": "29/10/2024"},    # bad date
    {"text": "x", "colour": "red"},              # unknown field
    {"text": 42},                                # wrong type
])
def test_bad_input_is_422_json(server, payload):
    r = server.post("/extract", json=payload)
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/json")
    assert r.json()["detail"]


def test_not_json_is_4xx(server):
    r = server.post("/extract", content=b"{not json", headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500 and "detail" in r.json()


def test_body_size_limit(server):
    r = server.post("/extract", json={"text": "x" * (MAX_BYTES + 10)})
    assert r.status_code == 413 and "larger than" in r.json()["detail"]
    # a streamed body with no Content-Length is cut off too
    def chunks():
        for _ in range(30):
            yield b"x" * 10_000
    r = server.post("/extract", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
