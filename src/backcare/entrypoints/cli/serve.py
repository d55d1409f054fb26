"""``backcare serve``: the web app on uvicorn (local one-person mode by default, or ``--multi-user``)."""

from __future__ import annotations

import os

import typer

from backcare.entrypoints.cli import app, long_running

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (local mode: loopback only)."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(
        1, "--workers", "-w", min=1, max=64, help="Worker processes (they share only the database)."
    ),
    multi_user: bool = typer.Option(
        False, "--multi-user", help="Accounts with login; PostgreSQL recommended (BACKCARE_DATABASE_URL)."
    ),
    allowed_host: list[str] = typer.Option(
        [], "--allowed-host", help="Host name the server answers to (repeatable; default: any in multi-user mode)."
    ),
    insecure_cookies: bool = typer.Option(
        False, "--insecure-cookies", help="Multi-user mode without HTTPS (testing only): cookies without Secure."
    ),
    forwarded_allow_ips: str | None = typer.Option(
        None,
        "--forwarded-allow-ips",
        help="Proxy addresses trusted for X-Forwarded-For/Proto (behind a load balancer).",
    ),
    access_log: bool = typer.Option(
        False, "--access-log/--no-access-log", help="Log every request (off by default: it costs time per request)."
    ),
    warm_up_text: bool = typer.Option(
        False, "--warm-up-text", help="Load the free-text reader at start-up (default: on the first text, ~3 s once)."
    ),
) -> None:
    """Start the web app: http://127.0.0.1:8000 by default, with the local SQLite database.

    Local mode serves one person without login and refuses any address but this computer's.
    Exit codes: 0 stopped, 1 the database cannot be used, 2 bad options.
    """
    _prepare(host, multi_user, tuple(allowed_host), insecure_cookies, warm_up_text)
    long_running()
    import uvicorn

    shown = f"[{host}]" if ":" in host else host
    mode = "multi-user" if multi_user else "local"
    typer.echo(f"backcare: serving on http://{shown}:{port} ({mode} mode); Ctrl-C stops.")
    uvicorn.run(
        "backcare.entrypoints.web.app:create_app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=forwarded_allow_ips is not None,
        forwarded_allow_ips=forwarded_allow_ips,
        server_header=False,
        log_level="info",
        access_log=access_log,
        http=http_parser(),
    )


def _prepare(
    host: str, multi_user: bool, allowed_hosts: tuple[str, ...], insecure_cookies: bool, warm_up_text: bool = False
) -> None:
    """Refuse a public address in local mode, hand the settings to the workers, migrate once.

    The workers read their settings from the environment; migrating here means they start on an
    up-to-date schema and a bad database URL fails once, clearly, before uvicorn starts.
    """
    from backcare.entrypoints.web.settings import Settings

    if not multi_user and host not in LOOPBACK:
        typer.echo(
            f"backcare: error: local mode listens on this computer only (127.0.0.1), not {host!r}; "
            "use --multi-user to serve other machines.",
            err=True,
        )
        raise typer.Exit(2)
    settings = Settings(
        multi_user=multi_user,
        allowed_hosts=allowed_hosts,
        secure_cookies=False if insecure_cookies else None,
        warm_up_text=warm_up_text,
    )
    os.environ.update(settings.to_env())
    from backcare.adapters.storage import StorageError, open_store

    try:
        open_store(settings.database_url).close()
    except StorageError as exc:
        typer.echo(f"backcare: error: {exc}", err=True)
        raise typer.Exit(1) from None


def http_parser() -> str:
    """uvicorn's C HTTP parser (httptools, a dependency) when it is importable, else its pure-Python one."""
    import importlib.util

    return "httptools" if importlib.util.find_spec("httptools") is not None else "h11"
