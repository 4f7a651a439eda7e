"""The FastAPI application behind `mtcheck serve` (imported only when FastAPI is installed)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from mtcheck import __version__
from mtcheck.config import Config
from mtcheck.engine import check
from mtcheck.errors import MtcheckError
from mtcheck.report.json_report import to_dict
from mtcheck.rules.catalog import rule_dict
from mtcheck.rules.registry import all_rules


class CheckRequest(BaseModel):
    """One article to check, with optional source, reference and per-request settings."""

    model_config = ConfigDict(extra="forbid")

    text: str
    source: str | None = None
    reference: str | None = None
    src_lang: str | None = Field(default=None, max_length=16)
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_under: float | None = Field(default=None, ge=0, le=100)
    path: str = Field(default="<text>", max_length=1000)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it grows past `limit` bytes.

    Read here rather than by FastAPI so that the cap holds while the body streams
    in: a Content-Length header may be absent (chunked upload) or wrong.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"request body over {limit} bytes")
    body = bytearray()
    async for part in request.stream():
        body += part
        if len(body) > limit:
            raise HTTPException(413, f"request body over {limit} bytes")
    return bytes(body)


def settings_of(base: Config, given: CheckRequest) -> Config:
    """The configuration of one request: the server's, narrowed by the request's fields."""
    try:
        return base.with_overrides(
            select=tuple(given.select) if given.select is not None else None,
            ignore=tuple(given.ignore) if given.ignore is not None else None,
            threshold=given.fail_under)
    except MtcheckError as err:
        raise HTTPException(422, str(err)) from None


def build_app(config: Config | None, max_body: int) -> FastAPI:
    """The application: POST /check, GET /rules, GET /health."""
    base = config or Config()
    app = FastAPI(title="mtcheck", version=__version__,
                  description="Checks machine-translated news before it is published.")
    body_schema = {"required": True, "content": {
        "application/json": {"schema": CheckRequest.model_json_schema()}}}

    @app.get("/health")
    def health() -> dict[str, str]:
        """Liveness: the server is up, and which mtcheck it runs."""
        return {"status": "ok", "version": __version__}

    @app.get("/rules")
    def rules() -> list[dict[str, object]]:
        """The rule catalogue, as `mtcheck rules --format json` prints it."""
        return [rule_dict(spec) for spec in all_rules()]

    @app.post("/check", openapi_extra={"requestBody": body_schema})
    async def check_article(request: Request) -> dict[str, Any]:
        """Check one article; 200 with the mtcheck-report/1 object (see `passed`)."""
        body = await read_body(request, max_body)
        try:
            given = CheckRequest.model_validate_json(body)
        except ValidationError as err:
            # FastAPI's own shape (`loc` starts at "body"), without echoing the input back.
            raise RequestValidationError([
                {**{k: v for k, v in e.items() if k != "input"}, "loc": ("body", *e["loc"])}
                for e in err.errors(include_url=False)]) from None
        settings = settings_of(base, given)
        # Checking is CPU-bound: keep it off the event loop.
        report = await run_in_threadpool(check, given.text, given.source, given.reference,
                                         given.src_lang, settings, path=given.path)
        return to_dict(report)

    return app
