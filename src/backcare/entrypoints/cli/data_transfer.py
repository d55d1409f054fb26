"""``backcare export``, ``import``, ``backup`` and ``forget``: a person's data in and out of the store.

Exports of JSON and CSV are ``backcare.services.exports``, the same documents the web app hands
out; imports are validated completely before anything is written. Exit codes: 0 done, 1 the
database cannot be used or there is nothing to act on, 2 bad input (nothing was written).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from backcare.entrypoints.cli import app
from backcare.entrypoints.cli.diary_support import fail, open_store

if TYPE_CHECKING:
    from backcare.adapters.storage import Store, UnitOfWork
    from backcare.adapters.storage.transfer import Checks
    from backcare.knowledge import KnowledgeBase

MAX_IMPORT_BYTES = 200_000_000


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    ics = "ics"
    fhir = "fhir"


class ImportFormat(str, Enum):
    auto = "auto"
    json = "json"
    csv = "csv"
    fhir = "fhir"


# --- export --------------------------------------------------------------------------------------


@app.command("export")
def export(
    output: ExportFormat = typer.Option(
        ExportFormat.json, "--format", "-f", help="json (everything), csv, ics, fhir (a FHIR R4 Bundle)."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write to this file instead of standard output."),
    name: str | None = typer.Option(None, "--name", help="fhir: put this name in the Patient (default: none)."),
) -> None:
    """Export your data: JSON (everything, re-importable), CSV (diary entries), the plan as .ics, or FHIR."""
    store = open_store(create=False)
    if output is ExportFormat.fhir:  # backcare.adapters.interop: a FHIR R4 Bundle of everything
        data = _fhir(store, name)
    elif store is None:
        data = _nothing_stored(output)
    else:
        with store:
            data = _exported(store, output)
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    _write_file(out, data)
    typer.echo(f"Exported to {out}.", err=True)


def _fhir(store: Store | None, name: str | None) -> bytes:
    from backcare.adapters.interop.transfer import export_fhir
    from backcare.bootstrap import knowledge

    if store is None:
        return export_fhir(None, knowledge(), name=name).encode()
    with store:
        return export_fhir(store, knowledge(), name=name).encode()


def _nothing_stored(output: ExportFormat) -> bytes:
    """An export before anything was recorded: empty documents (no plan to put in a calendar)."""
    from backcare.adapters.storage import utc_now
    from backcare.adapters.storage.transfer import ExportDocument, to_csv, to_json

    if output is ExportFormat.ics:
        fail("no stored plan to export: run `backcare assess` first", code=1)
    doc = ExportDocument(entries=[], exported_at=utc_now())
    return to_json(doc).encode() if output is ExportFormat.json else to_csv([]).encode()


def _exported(store: Store, output: ExportFormat) -> bytes:
    from backcare.services.exports import export_csv, export_json

    if output is ExportFormat.ics:
        with store.unit_of_work(write=False) as uow:
            return _plan_ics(uow)
    return (export_json(store) if output is ExportFormat.json else export_csv(store)).encode()


def _plan_ics(uow: UnitOfWork) -> bytes:
    from backcare.adapters.calendar import plan_to_ics
    from backcare.core.models import Plan

    record = uow.diary.latest_plan()
    if record is None:
        fail("no stored plan to export: run `backcare assess` first", code=1)
    return plan_to_ics(Plan.model_validate(record.content), start=record.start_date, tz=record.timezone)


def _write_file(path: Path, data: bytes) -> None:
    """Write through a private temporary file and rename it: never a half-written export."""
    import os
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".backcare-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror}", code=1)


# --- import --------------------------------------------------------------------------------------


@app.command("import")
def import_(
    file: Path = typer.Argument(
        ..., help="A file made by `backcare export` (JSON, CSV or a FHIR Bundle); '-' for standard input."
    ),
    fmt: ImportFormat = typer.Option(ImportFormat.auto, "--format", "-f", help="File format (auto: by content)."),
    replace: bool = typer.Option(False, "--replace", help="Delete your current data first (one transaction)."),
) -> None:
    """Import an export: validated completely first; a malformed file changes nothing (exit 2)."""
    from backcare.adapters.storage import user_timezone

    text = _read_import(file)
    kind = _kind(fmt, file, text)
    tz = user_timezone()
    if kind == "fhir":
        _import_fhir(file, text, tz, replace)
    else:
        _import_native(file, text, kind, tz, replace)


def _read_import(file: Path) -> str:
    """The file's text: its size is checked before it is read, and a stream is read no further than the limit."""
    from backcare.adapters.storage.safety import TooLarge, read_bounded

    try:
        raw = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1) if str(file) == "-" else read_bounded(file, MAX_IMPORT_BYTES)
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror}")
    except TooLarge as exc:
        fail(f"{file}: {exc}; nothing was imported")
    if len(raw) > MAX_IMPORT_BYTES:
        fail(f"{file}: larger than {MAX_IMPORT_BYTES // 1_000_000} MB")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        fail(f"{file}: not UTF-8 text (byte {exc.start})")


def _kind(fmt: ImportFormat, file: Path, text: str) -> str:
    """The format asked for, or (auto) the one the content shows: JSON, a FHIR Bundle or CSV."""
    if fmt is not ImportFormat.auto:
        return str(fmt.value)
    if not (text.lstrip().startswith(("{", "[")) or file.suffix.lower() == ".json"):
        return "csv"
    from backcare.adapters.interop.transfer import looks_like_bundle

    return "fhir" if looks_like_bundle(text) else "json"


def _checks(kb: KnowledgeBase) -> Checks:
    from backcare.adapters.storage.transfer import Checks
    from backcare.core.instruments import score_peg, score_rmdq

    askable = [fid for fid, f in kb.findings.items() if not f.computed]
    return Checks(askable, score_peg, score_rmdq)


def _import_native(file: Path, text: str, kind: str, tz: str, replace: bool) -> None:
    """A backcare JSON export or CSV: parsed and checked whole, then written in one transaction."""
    from backcare.adapters.storage import ImportConflict, StorageError, utc_now
    from backcare.adapters.storage.transfer import TransferError, parse_csv, parse_json
    from backcare.bootstrap import knowledge

    checks = _checks(knowledge())
    try:
        doc = parse_json(text, checks) if kind == "json" else None
        entries = None if kind == "json" else parse_csv(text, checks, utc_now, tz)
    except TransferError as exc:
        fail(f"{file}: {exc}; nothing was imported")
    store = open_store(create=True)
    assert store is not None
    try:
        with store, store.unit_of_work() as uow:
            if doc is not None:
                summary = uow.diary.import_document(doc, replace=replace)
            else:
                if replace:
                    uow.diary.forget(keep_profile=True)
                summary = uow.diary.import_entries(entries or [], tz)
            uow.commit()
    except ImportConflict as exc:
        fail(str(exc))
    except StorageError as exc:
        fail(f"nothing was imported: {exc}", code=1)
    _imported(summary)


def _imported(summary: Any, skipped: str = "") -> None:
    """One line on what an import added and what was already there."""
    added = ", ".join(f"{n} {k}(s)" for k, n in summary.added.items()) or "nothing new"
    same = sum(summary.unchanged.values())
    typer.echo(f"Imported {added}" + (f"; {same} already present and unchanged." if same else ".") + skipped)


def _import_fhir(file: Path, text: str, tz: str, replace: bool) -> None:
    """A FHIR Bundle (backcare.adapters.interop): validated whole first; a bad bundle changes nothing (exit 2)."""
    from backcare.adapters.interop.fhir_import import FhirImportError
    from backcare.adapters.interop.transfer import read_bundle, write_import
    from backcare.adapters.storage import ImportConflict, StorageError
    from backcare.bootstrap import knowledge

    try:
        parsed = read_bundle(text, tz, knowledge())
    except FhirImportError as exc:
        fail(f"{file}: {exc}; nothing was imported")
    store = open_store(create=True)
    assert store is not None
    try:
        with store:
            summary = write_import(store, parsed, tz, replace=replace)
    except ImportConflict as exc:
        fail(str(exc))
    except StorageError as exc:
        fail(f"nothing was imported: {exc}", code=1)
    _imported(summary, f" {parsed.ignored} resource(s) of other kinds were not imported." if parsed.ignored else "")


# --- backup / forget -----------------------------------------------------------------------------


@app.command("backup")
def backup(
    file: Path = typer.Argument(..., help="Where to write the backup."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Copy the database: a consistent SQLite copy, or (for PostgreSQL) a JSON export."""
    from backcare.adapters.storage import sqlite_path
    from backcare.services.exports import export_json

    if file.exists() and not force:
        fail(f"{file} exists; use --force to overwrite it", code=1)
    store = open_store(create=False)
    if store is None:
        fail("nothing to back up yet", code=1)
    with store:
        source = sqlite_path(store.engine.url)
        if source is None:
            data = export_json(store).encode()
        else:
            if file.resolve() == source.resolve():
                fail("the backup file cannot be the database itself", code=1)
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
                store.backup_sqlite(file)
            except OSError as exc:
                fail(f"cannot write {file}: {exc.strerror}", code=1)
            typer.echo(f"Backed up {source} to {file} (SQLite copy).")
            return
    _write_file(file, data)
    typer.echo(f"Backed up {store.location} to {file} (JSON export; restore with `backcare import`).")


@app.command("forget")
def forget(
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation (for scripts)."),
) -> None:
    """Delete all of your data (diary, assessments, plans) after confirmation.

    Only the local person's profile is deleted: web accounts kept in the same database keep theirs.
    """
    store = open_store(create=False)
    if store is None:
        typer.echo("Nothing stored: there is nothing to forget.")
        return
    with store:
        with store.unit_of_work(write=False) as uow:
            count = uow.diary.count_entries()
        if not yes:
            typer.echo(
                f"This permanently deletes your {count} diary entries and all of your stored assessments and "
                f"plans in {store.location}."
            )
            if not typer.confirm("Delete everything?", default=False):
                typer.echo("Nothing was deleted.")
                raise typer.Exit(1)
        with store.unit_of_work() as uow:
            counts = uow.diary.forget()
            uow.commit()
        store.compact()
    typer.echo(f"Deleted {sum(counts.values())} rows ({counts.get('entries', 0)} diary entries).")
