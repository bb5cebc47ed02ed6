"""HTTP JSON API: ``POST /extract`` → ``{"document": …, "claims": […]}``, ``GET /health``.

Built with FastAPI (OpenAPI at ``/openapi.json``, docs at ``/docs``) and run by
uvicorn (``newsclaims serve``). The spaCy model is loaded once, at start-up;
requests are processed one at a time under a lock because a spaCy pipeline is not
meant to be shared between threads. Bodies over the size limit get 413 before
they are read in full.
"""
from __future__ import annotations

import json
import threading
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .version import SCHEMA_VERSION, __version__

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class ExtractRequest(BaseModel):
    """One article: plain ``text`` or ``html`` (exactly one), with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="plain text of the article")
    html: str | None = Field(None, description="HTML of the article page (the text is extracted)")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$",
                                  description="publication date YYYY-MM-DD; resolves relative dates")
    id: str | None = Field(None, min_length=1, max_length=200, description="doc_id to use")
    title: str | None = Field(None, max_length=1000, description="headline")

    @model_validator(mode="after")
    def _one_body(self) -> "ExtractRequest":
        given = [k for k in ("text", "html") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'text' or 'html'")
        if not getattr(self, given[0]).strip():
            raise ValueError(f"'{given[0]}' is empty")
        return self


class ExtractResponse(BaseModel):
    document: dict[str, Any] = Field(description="the documents.jsonl record (docs/schema.md)")
    claims: list[dict[str, Any]] = Field(description="claims.jsonl records (docs/schema.md)")


class BodyLimit:
    """ASGI middleware: 413 for a declared or streamed body larger than ``max_bytes``."""

    def __init__(self, app: Any, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def _reject(self, send: Any) -> None:
        body = json.dumps({"detail": f"request body larger than {self.max_bytes} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._reject(send)
            return
        # Read the body here, counting (a chunked body has no Content-Length to trust),
        # then replay it: the app never sees more than max_bytes.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # client went away
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                await self._reject(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body, replayed = b"".join(chunks), False

        async def replay() -> dict:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def create_app(model: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> FastAPI:
    """The application; the model named by ``model`` (or the default) loads at start-up."""
    state: dict[str, Any] = {}
    lock = threading.Lock()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        from .analyze import load_model

        nlp = load_model(model)  # cached: every request reuses this pipeline
        state["model"] = f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
        yield

    app = FastAPI(title="newsclaims", version=__version__, lifespan=lifespan,
                  description="Turn a news article into structured, attributable, hedge-aware claims "
                              f"(schema {SCHEMA_VERSION}, see docs/schema.md).")

    @app.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "ok" if "model" in state else "loading", "model": state.get("model"),
                "version": __version__, "schema_version": SCHEMA_VERSION}

    @app.post("/extract", response_model=ExtractResponse,
              responses={413: {"description": "body too large"}, 422: {"description": "invalid request"}})
    def extract(req: ExtractRequest) -> Any:
        from . import process_text

        body = req.text if req.text is not None else req.html
        with lock:
            result = process_text(body, published=req.published, title=req.title, doc_id=req.id,
                                  html=req.html is not None, model=model)
        return JSONResponse(result)

    return BodyLimit(app, max_bytes) if max_bytes else app  # type: ignore[return-value]
