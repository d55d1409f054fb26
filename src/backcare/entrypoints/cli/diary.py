"""The ``backcare diary`` command group, and the modules that register the diary and data commands.

``diary add`` is in ``diary_add`` (its prompts in ``diary_prompts``), ``diary show`` and ``diary
chart`` in ``diary_show``, and ``export``, ``import``, ``backup`` and ``forget`` in
``data_transfer``; what they share is in ``diary_support``. They are thin shells: adding an entry
(with re-triage), an episode's trend and the exports are ``backcare.services`` steps, the same ones
the web app takes, on the local person's profile ("default"). Heavy libraries are imported inside
the commands so ``backcare --help`` stays fast.
"""

from __future__ import annotations

import typer

from backcare.entrypoints.cli import app

diary_app = typer.Typer(
    help="Recovery diary: log pain, spasms, exercises and cold/heat; see the trend and a chart.",
    no_args_is_help=True,
)
app.add_typer(diary_app, name="diary")

# Command modules register themselves when imported, in the order ``--help`` lists them.
from backcare.entrypoints.cli import data_transfer as _data_transfer  # noqa: E402,F401
from backcare.entrypoints.cli import diary_add as _diary_add  # noqa: E402,F401
from backcare.entrypoints.cli import diary_show as _diary_show  # noqa: E402,F401
