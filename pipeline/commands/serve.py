"""``newsclaims serve``: the HTTP JSON API (FastAPI + uvicorn; ``pip install 'newsclaims[serve]'``)."""
from __future__ import annotations

import argparse
from typing import Any

from . import EXIT_OK, error, positive


def port(value: str) -> int:
    """argparse type: a TCP port, 1-65535."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {value!r}") from None
    if not 1 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 1 to 65535, got {n}")
    return n


def register(sub: Any) -> None:
    p = sub.add_parser(
        "serve", help="run the HTTP JSON API (POST /extract, GET /health)",
        description="Serve POST /extract ({text | html, published?, id?, title?, url?, source?} → "
                    "{document, claims}, the fields of a JSONL input line), GET /health and the "
                    "OpenAPI description at /openapi.json.")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=port, default=8000, help="port (default 8000)")
    p.add_argument("--model", default=None, help="spaCy model name or path (as for extract)")
    p.add_argument("--workers", type=positive, default=2,
                   help="worker processes, each with its own model: a long article occupies "
                        "one while the others answer (default 2)")
    p.add_argument("--max-bytes", type=positive, default=5 * 1024 * 1024,
                   help="largest request body in bytes; bigger gets 413 (default 5 MB)")
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        import uvicorn

        from ..serve import create_app
    except ImportError as exc:
        return error(f"serve needs fastapi and uvicorn ({exc.name} is missing): "
                     "pip install 'newsclaims[serve]'")
    from ..analyze import ModelNotFound, model_meta

    try:
        model_meta(args.model)  # fail with one line before binding; the workers load it
    except ModelNotFound as exc:
        return error(exc)
    uvicorn.run(create_app(args.model, args.max_bytes, args.workers), host=args.host,
                port=args.port, log_level=args.log_level)
    return EXIT_OK
