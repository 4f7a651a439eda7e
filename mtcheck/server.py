"""`mtcheck serve`: an HTTP check endpoint a CMS calls before it publishes.

POST /check answers 200 with the `mtcheck-report/1` object whatever the verdict
(the CMS reads `summary.failed` / `documents[0].passed` to block); malformed
input is 422, a body over the size limit 413. FastAPI and uvicorn are the
optional extra `mtcheck[server]`: this module imports them only on use (the
application itself lives in `mtcheck.server_app`), so the CLI works without them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from mtcheck.cli import config_options, errors_as_exit, fail, resolve_config, split_rules

if TYPE_CHECKING:
    from fastapi import FastAPI

    from mtcheck.config import Config

MAX_BODY_BYTES = 2 * 1024 * 1024
INSTALL_HINT = "the server needs FastAPI and uvicorn: install mtcheck[server]"


def create_app(config: Config | None = None, *, max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """The FastAPI application; `config` is the default each request can narrow."""
    from mtcheck.server_app import build_app

    return build_app(config, max_body)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port.")
@click.option("--max-body", type=click.IntRange(1), default=MAX_BODY_BYTES, show_default=True,
              help="Largest request body in bytes (larger ones get 413).")
@config_options
def serve_command(host: str, port: int, max_body: int, src_lang: str | None,
                  tgt_lang: str | None, config_path: str | None, select: tuple[str, ...],
                  ignore: tuple[str, ...], fail_under: float | None, glossary: str | None,
                  encoding: str | None) -> None:
    """Serve POST /check, GET /rules and GET /health over HTTP for a CMS.

    POST /check takes {"text", "source"?, "reference"?, "src_lang"?, "select"?,
    "ignore"?, "fail_under"?} and answers the JSON report (200, with `passed`).
    """
    try:
        import fastapi  # noqa: F401
        import uvicorn
    except ImportError:
        fail(INSTALL_HINT)
        return
    with errors_as_exit():
        config = resolve_config(config_path, None, select=split_rules(select),
                                ignore=split_rules(ignore), threshold=fail_under,
                                src_lang=src_lang, tgt_lang=tgt_lang, glossary=glossary)
        app = create_app(config, max_body=max_body)
    click.echo(f"mtcheck: serving on http://{host}:{port} (POST /check)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
    sys.exit(0)
