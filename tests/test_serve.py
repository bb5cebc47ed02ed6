"""``newsclaims serve`` over real HTTP: a uvicorn subprocess on a loopback port, called with httpx."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
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


#: every /health answer the fixture saw while the server started, in order
HEALTH: list[dict] = []


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
                r = httpx.get(f"{base}/health", timeout=2)
                HEALTH.append(r.json())
                if r.json().get("ready", r.status_code == 200):
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("server was not ready within 90 s")
            time.sleep(0.1)
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
    assert health["ready"] is True
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


def test_health_tells_liveness_from_readiness(server):
    """The server answers while its workers still load the model (seconds), and says so."""
    assert HEALTH[0]["status"] == "ok" and HEALTH[0]["ready"] is False
    assert HEALTH[-1]["ready"] is True


def test_extract_takes_every_field_of_a_jsonl_line(server):
    r = server.post("/extract", json={"id": "v1", "text": ARTICLE, "published": "2024-10-29",
                                      "url": "https://example.org/floods", "source": "Example News",
                                      "title": "Floods"})
    assert r.status_code == 200, r.text
    doc = r.json()["document"]
    assert (doc["url"], doc["source"], doc["title"]) == ("https://example.org/floods", "Example News", "Floods")


def test_422_names_the_field_and_does_not_echo_the_body(server):
    secret = "Confidential draft: 41 sources were paid, the editor said."
    r = server.post("/extract", json={"text": secret, "published": "29/10/2024"})
    assert r.status_code == 422
    assert [e["field"] for e in r.json()["detail"]] == ["published"]
    assert "Confidential" not in r.text and "29/10/2024" not in r.text


def test_413_reaches_a_client_that_sends_the_whole_body_first(server):
    """curl, requests and most scripts write the body before reading: the 413 must not
    be lost to a connection reset."""
    host, port = server.base_url.host, server.base_url.port
    body = b'{"text": "' + b"x" * (MAX_BYTES * 4) + b'"}'
    head = (f"POST /extract HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    with socket.create_connection((host, port), timeout=30) as sock:
        sock.sendall(head + body)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"larger than" in answer


def test_a_large_request_does_not_hold_up_small_ones(server):
    paragraph = ("Officials said 40 people were evacuated from Lisbon on Monday after the river "
                 "rose by 2 metres, and the mayor said 12 schools would stay closed. ")
    # numbered paragraphs: the cleaner removes a verbatim second copy of a paragraph
    big = "\n".join(f"{i}. {paragraph}" for i in range(900))[:MAX_BYTES - 1000]
    done: dict[str, float] = {}

    def post_big() -> None:
        assert server.post("/extract", json={"text": big}, timeout=300).status_code == 200
        done["big"] = time.monotonic()

    thread = threading.Thread(target=post_big)
    thread.start()
    time.sleep(1.0)  # the large article is in a worker
    r = server.post("/extract", json={"text": ARTICLE})
    done["small"] = time.monotonic()
    thread.join()
    assert r.status_code == 200
    assert done["small"] < done["big"], "the small request waited for the large one"


def test_a_port_out_of_range_is_a_usage_error(capsys):
    from pipeline.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["serve", "--port", "80000"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "80000" in err and "Traceback" not in err
