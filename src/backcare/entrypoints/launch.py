"""The ``backcare`` script's entry point: the command line, started and ended quickly.

Most commands run for well under a second and build objects that live until they exit (imported
modules, pydantic and SQLAlchemy classes, the knowledge base, the table printed). Two costs are
left out:

- the cyclic garbage collector's passes over them (about a tenth of ``backcare diary show``):
  commands that run for long (the server, the conversation, a batch or an evaluation) turn it
  back on with ``backcare.entrypoints.cli.long_running``;
- tearing every module down at exit (another tenth): once a command has finished, with its output
  flushed, its logs closed and its database closed, the process ends at once.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn


def main() -> NoReturn:
    gc.disable()
    from backcare.entrypoints.cli import main as run

    try:
        run()
        code: object = 0
    except SystemExit as stop:
        code = stop.code
    quick_exit(code)


def quick_exit(code: object) -> NoReturn:
    """End the process with ``code`` as ``sys.exit`` would, without the interpreter's teardown."""
    import logging

    logging.shutdown()
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe ("backcare diary show | head")
        code = code or 1
    os._exit(code or 0)
