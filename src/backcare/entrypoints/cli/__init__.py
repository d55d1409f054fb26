"""The ``backcare`` command line: a thin shell around the pure core.

Each command module registers its commands on ``app``. Modules import only Typer at start-up and
load the knowledge base, pydantic models and other heavy libraries inside the command bodies, so
``backcare --help`` stays fast.
"""

from __future__ import annotations

import typer

from backcare import __version__

app = typer.Typer(
    name="backcare",
    help="Safe triage, likely causes and a cited care plan for back muscle spasms and acute back pain.\n\n"
    "Not a medical device: information and triage advice only. In an emergency call 999 / 911 / 112.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def long_running() -> None:
    """Turn the garbage collector back on: this command runs for long (see ``launch``)."""
    import gc

    gc.enable()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"backcare {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """backcare command line."""


# Command modules register themselves on ``app`` when imported.
from backcare.entrypoints.cli import assess as _assess  # noqa: E402,F401
from backcare.entrypoints.cli import diary as _diary  # noqa: E402,F401
from backcare.entrypoints.cli import explain as _explain  # noqa: E402,F401
from backcare.entrypoints.cli import knowledge as _knowledge  # noqa: E402,F401


def main() -> None:
    """The command line (the ``backcare`` script runs it through ``backcare.entrypoints.launch``)."""
    app()


from backcare.entrypoints.cli import serve as _serve  # noqa: E402,F401
