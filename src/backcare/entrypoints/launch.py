"""The ``backcare`` script's entry point: the command line, without the cyclic garbage collector.

Most commands run for well under a second and build objects that live until they exit (imported
modules, pydantic and SQLAlchemy classes, the knowledge base, the table printed); the collector's
passes over them were about a tenth of ``backcare diary show``. Commands that run for long (the
server, the interactive conversation, a batch or an evaluation) turn it back on with
``backcare.entrypoints.cli.long_running``.
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    from backcare.entrypoints.cli import main as run

    run()
