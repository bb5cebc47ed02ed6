"""HTTP JSON API: ``POST /extract`` → ``{"document": …, "claims": […]}``, ``GET /health``.

Built with FastAPI (OpenAPI at ``/openapi.json``, docs at ``/docs``) and run by
uvicorn (``newsclaims serve``). A request takes the fields of a JSONL input line.
Extraction runs off the event loop, in a fixed pool of ``workers`` processes that
each load the spaCy model once (a spaCy pipeline is not meant to be shared between
threads, and the per-document time limit needs a process's main thread): a large
article occupies one worker while the others answer small requests, and
``/health`` always answers. The server listens at once; ``/health`` reports
``ready`` once every worker has its model, and ``/extract`` answers 503 until then.
Bodies over the size limit get 413 without being kept in memory.
"""
from __future__ import annotations

import asyncio
import json
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .version import SCHEMA_VERSION, __version__

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_WORKERS = 2
#: An over-long body is read and discarded up to this many bytes before the 413: a
#: client that writes its whole body before reading the answer would otherwise get a
#: connection reset instead of the 413. Past it the connection is simply closed.
DRAIN_BYTES = 64 * 1024 * 1024


class ExtractRequest(BaseModel):
    """One article, as a line of a JSONL input: plain ``text`` or ``html`` (exactly
    one), with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="plain text of the article")
    html: str | None = Field(None, description="HTML of the article page (the text is extracted)")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$",
                                  description="publication date YYYY-MM-DD; resolves relative dates")
    id: str | None = Field(None, min_length=1, max_length=200, description="doc_id to use")
    title: str | None = Field(None, max_length=1000, description="headline")
    url: str | None = Field(None, max_length=4000, description="address of the article")
    source: str | None = Field(None, max_length=1000, description="outlet that published it")

    @field_validator("text", "html")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("is empty")
        return value

    @model_validator(mode="after")
    def _one_body(self) -> "ExtractRequest":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self

    def raw(self) -> Any:
        """The :class:`~pipeline.records.RawDocument` a JSONL line with these fields gives."""
        from .ingest import content_id
        from .records import RawDocument

        body = self.text if self.text is not None else self.html
        return RawDocument(doc_id=self.id or content_id(body), text=self.text, html=self.html,
                           title=self.title, published=self.published, source=self.source,
                           url=self.url)


class ExtractResponse(BaseModel):
    document: dict[str, Any] = Field(description="the documents.jsonl record (docs/schema.md)")
    claims: list[dict[str, Any]] = Field(description="claims.jsonl records (docs/schema.md)")


def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 naming each offending field and what is wrong with it; the submitted
    values are left out (an article can be megabytes, and may be private)."""
    errors = [{"field": ".".join(str(p) for p in e["loc"][1:]) or "body", "message": e["msg"]}
              for e in exc.errors()]
    return JSONResponse({"detail": errors}, status_code=422)


async def _reject(send: Any, max_bytes: int) -> None:
    body = json.dumps({"detail": f"request body larger than {max_bytes} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """ASGI middleware: 413 for a declared or streamed body larger than ``max_bytes``."""

    def __init__(self, app: Any, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def _drain(self, receive: Any, seen: int) -> None:
        """Read and drop the rest of a rejected body (see :data:`DRAIN_BYTES`)."""
        while seen <= DRAIN_BYTES:
            message = await receive()
            if message["type"] != "http.request" or not message.get("more_body", False):
                return
            seen += len(message.get("body", b""))

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            # a client that waits for "100 Continue" has sent nothing yet: answer at once
            if headers.get(b"expect", b"").lower() != b"100-continue":
                await self._drain(receive, 0)
            await _reject(send, self.max_bytes)
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
                if message.get("more_body", False):
                    await self._drain(receive, seen)
                await _reject(send, self.max_bytes)
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


class Workers:
    """The process pool that runs extraction, each process with its own model."""

    def __init__(self, model: str | None, workers: int):
        from .analyze import model_meta
        from .engine import Settings

        meta = model_meta(model)
        self.model = f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
        self.settings, self.size = Settings(model=model), workers
        self.ready = False
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        import multiprocessing as mp

        from .engine import _init_worker

        return ProcessPoolExecutor(self.size, mp_context=mp.get_context("spawn"),
                                   initializer=_init_worker, initargs=(self.settings,))

    async def warm_up(self) -> None:
        """Start every worker (the pool starts one per task that finds none idle) and
        mark the pool ready once each has loaded its model."""
        from .engine import _work

        await asyncio.gather(*(asyncio.wrap_future(self.pool.submit(_work, []))
                               for _ in range(self.size)))
        self.ready = True

    async def process(self, raw: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        from .engine import _work

        try:
            [result] = await asyncio.wrap_future(self.pool.submit(_work, [raw]))
        except BrokenProcessPool:  # a worker died (out of memory, killed): start afresh
            self.ready = False
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._start()
            asyncio.get_running_loop().create_task(self.warm_up())
            raise
        return result

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def create_app(model: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               workers: int = DEFAULT_WORKERS) -> FastAPI:
    """The application; ``workers`` processes load the model named by ``model`` (or
    the default) at start-up, while the server already answers ``/health``."""
    state: dict[str, Workers] = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        pool = state["pool"] = Workers(model, workers)
        warming = asyncio.get_running_loop().create_task(pool.warm_up())
        try:
            yield
        finally:
            warming.cancel()
            pool.close()

    app = FastAPI(title="newsclaims", version=__version__, lifespan=lifespan,
                  description="Turn a news article into structured, attributable, hedge-aware claims "
                              f"(schema {SCHEMA_VERSION}, see docs/schema.md).")
    app.add_exception_handler(RequestValidationError, _invalid)

    @app.get("/health")
    def health() -> dict[str, Any]:
        """Liveness (``status``, always ``ok`` when the server answers) and readiness
        (``ready``: every worker has loaded the model)."""
        pool = state.get("pool")
        return {"status": "ok", "ready": bool(pool and pool.ready), "model": pool and pool.model,
                "version": __version__, "schema_version": SCHEMA_VERSION}

    @app.post("/extract", response_model=ExtractResponse,
              responses={413: {"description": "body too large"}, 422: {"description": "invalid request"},
                         503: {"description": "the model is still loading, or a worker died: retry"}})
    async def extract(req: ExtractRequest) -> Any:
        pool = state["pool"]
        if not pool.ready:
            return JSONResponse({"detail": "the model is loading: retry shortly (see GET /health)"},
                                status_code=503, headers={"retry-after": "5"})
        try:
            document, claims = await pool.process(req.raw())
        except BrokenProcessPool:
            return JSONResponse({"detail": "a worker process died; the pool is restarting: retry"},
                                status_code=503, headers={"retry-after": "10"})
        return JSONResponse({"document": document, "claims": claims})

    return BodyLimit(app, max_bytes) if max_bytes else app  # type: ignore[return-value]
