"""Where the database lives, how it is opened safely, and how its schema is brought up to date.

The default is an SQLite file in the user's data directory, created on first write, in WAL mode
with full synchronous commits (a committed entry survives the process being killed).
``BACKCARE_DATABASE_URL`` selects another database, e.g. PostgreSQL through psycopg 3;
``BACKCARE_DATA_DIR`` moves the SQLite file (tests use it so they never touch real data).

Before anything is written to an existing SQLite file it is checked read-only: a file that is not
SQLite, is damaged, or belongs to another program is refused with a clear ``StorageError`` and is
left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from backcare.adapters.storage.orm import TABLES

SQLITE_MAGIC = b"SQLite format 3\x00"
DB_FILENAME = "backcare.db"
#: Key of the PostgreSQL advisory lock that serialises backcare's writers and migrations.
PG_LOCK_KEY = 0x6261636B  # "back"


class StorageError(RuntimeError):
    """The database cannot be used; the message says why and what was (not) done."""


class NoDatabase(StorageError):
    """There is no backcare database yet (nothing has been recorded)."""


def database_url(env: Mapping[str, str] | None = None) -> str:
    """The database URL from the environment, else the SQLite file in the user's data directory."""
    env = os.environ if env is None else env
    url = env.get("BACKCARE_DATABASE_URL", "").strip()
    if url:
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url
    folder = env.get("BACKCARE_DATA_DIR", "").strip()
    if not folder:
        import platformdirs

        folder = platformdirs.user_data_dir("backcare", appauthor=False)
    return f"sqlite:///{Path(folder).expanduser() / DB_FILENAME}"


def describe(url: str | URL) -> str:
    """The URL for messages: a file path for SQLite, the password hidden otherwise."""
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database)
    return parsed.render_as_string(hide_password=True)


def sqlite_path(url: str | URL) -> Path | None:
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


# --- SQLite checks before touching a file -----------------------------------------------------------

SqliteState = Literal["missing", "empty", "backcare"]


def probe_sqlite(path: Path) -> SqliteState:
    """Classify a database file without writing to it; raise StorageError for anything unusable."""
    if not path.exists():
        return "missing"
    if not path.is_file():
        raise StorageError(f"{path} is not a file; backcare needs a database file there.")
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StorageError(f"cannot read the database file {path}: {exc.strerror}") from None
    if not header:
        return "empty"
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise StorageError(
            f"{path} is not a backcare database (it is not an SQLite file). "
            "It was left untouched; point BACKCARE_DATA_DIR or BACKCARE_DATABASE_URL elsewhere."
        )
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True, timeout=30)
    except sqlite3.Error as exc:
        raise StorageError(f"cannot open the database file {path}: {exc}") from None
    try:
        check = con.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            problem = "; ".join(str(r[0]) for r in check[:3])
            raise StorageError(
                f"the database file {path} is damaged ({problem}). It was left untouched; "
                "restore it from a backup (`backcare backup` makes one)."
            )
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            f"the database file {path} is damaged or not a database ({exc}). It was left untouched."
        ) from None
    finally:
        con.close()
    if not tables:
        return "empty"
    if "alembic_version" not in tables or not set(TABLES) <= tables:
        raise StorageError(
            f"{path} is an SQLite database that belongs to another program (no backcare tables). It was left untouched."
        )
    return "backcare"


def _create_private_file(path: Path) -> None:
    """Create the database file readable by its owner only: it holds health data."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


# --- Engines ------------------------------------------------------------------------------------------


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (the pysqlite recipe), so writers take
        # the write lock up front and two processes never deadlock upgrading a read lock.
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA busy_timeout=60000")
        mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            cur.close()
            raise StorageError(f"cannot switch {url.database} to WAL mode (got {mode})")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        # Deleted rows are overwritten with zeros, not merely marked free (see ``purge_deleted``).
        cur.execute("PRAGMA secure_delete=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        if options.get("isolation_level") == "AUTOCOMMIT":
            return
        conn.exec_driver_sql(f"BEGIN {options.get('backcare_begin', 'IMMEDIATE')}")

    return engine


def lock_writers(target: Connection | Session) -> None:
    """PostgreSQL: queue behind backcare's other writers and migrations until the transaction ends.

    SQLite needs nothing here: its writers begin ``IMMEDIATE`` and so take the file's write lock.
    """
    bind = target.get_bind() if isinstance(target, Session) else target
    if bind.dialect.name == "postgresql":
        target.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})


def reader(engine: Engine) -> Engine:
    """The engine for reads: on SQLite they begin DEFERRED, so a reader never waits for the write lock."""
    return engine.execution_options(backcare_begin="DEFERRED") if engine.dialect.name == "sqlite" else engine


def purge_deleted(engine: Engine) -> None:
    """After a deletion: leave no copy of the deleted rows in the SQLite files.

    ``secure_delete`` (set on every connection) zeroes the rows in the pages it rewrites, but
    older versions of those pages stay in the write-ahead log until a checkpoint copies the pages
    back and truncates the log. (PostgreSQL: see the README on what ``VACUUM`` does and does not
    guarantee.)
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def make_engine(url: str | URL) -> Engine:
    parsed = make_url(url) if isinstance(url, str) else url
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed)
    if backend == "postgresql":
        if parsed.get_driver_name() not in ("psycopg", ""):
            raise StorageError("PostgreSQL is supported through psycopg 3: use postgresql+psycopg://...")
        if parsed.get_driver_name() == "":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    raise StorageError(f"unsupported database {backend!r}: use SQLite or PostgreSQL")


def _postgres_state(engine: Engine) -> Literal["empty", "backcare"]:
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
    except (DBAPIError, OSError) as exc:
        raise StorageError(f"cannot connect to {describe(engine.url)}: {_first_line(exc)}") from None
    ours = tables & set(TABLES)
    if not ours and "alembic_version" not in tables:
        return "empty"
    if "alembic_version" not in tables or ours != set(TABLES):
        raise StorageError(
            f"{describe(engine.url)} already holds tables that are not a backcare schema "
            f"({', '.join(sorted(ours or tables)[:5])}); nothing was changed."
        )
    return "backcare"


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


_HEAD: list[str] = []
"""The newest revision, learned from the first migration in this process (alembic is slow to load)."""
VERSIONS = Path(__file__).with_name("migrations") / "versions"


def shipped_head() -> str | None:
    """The newest shipped revision by the file naming rule (``NNNN_name.py`` holds revision "NNNN").

    Loading alembic costs a quarter of a second; a database already at this revision needs none of
    it. A test checks the rule against alembic's own view of the scripts.
    """
    numbers = [p.name[:4] for p in VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py")]
    return max(numbers) if numbers else None


def _revision(engine: Engine) -> str | None:
    """The database's schema revision, or None when it has none (yet) or cannot say."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except DBAPIError:
        return None
    return str(rows[0]) if len(rows) == 1 else None


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision shipped in ``storage/migrations``.

    A database already at the newest revision is known to be current from one SELECT, without
    loading alembic (every store open used to load and run it).
    """
    current = _revision(engine)
    if current is not None and current in (*_HEAD, shipped_head()):
        return
    _upgrade(engine)
    current = _revision(engine)
    if current is not None and not _HEAD:
        _HEAD.append(current)


def _upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config
    from alembic.util.exc import CommandError

    cfg = Config()
    cfg.set_main_option("script_location", "backcare.adapters.storage:migrations")
    try:
        with engine.begin() as conn:
            lock_writers(conn)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except CommandError as exc:
        raise StorageError(
            f"{describe(engine.url)} was written by a newer backcare ({exc}); upgrade backcare to use it."
        ) from None


def open_engine(url: str | None = None, *, create: bool = True) -> Engine:
    """Check, create if asked, migrate and return an engine; NoDatabase when absent and not creating."""
    url = url or database_url()
    try:
        parsed = make_url(url)
    except SQLAlchemyError as exc:
        raise StorageError(f"BACKCARE_DATABASE_URL is not a valid database URL: {exc}") from None
    path = sqlite_path(parsed)
    if path is not None:
        state = probe_sqlite(path)
        if state == "missing":
            if not create:
                raise NoDatabase(f"no backcare database at {path} yet")
            _create_private_file(path)
        elif state == "empty" and not create:
            raise NoDatabase(f"no backcare data in {path} yet")
    engine = make_engine(parsed)
    try:
        is_pg = path is None and parsed.get_backend_name() == "postgresql"
        if is_pg and _postgres_state(engine) == "empty" and not create:
            raise NoDatabase(f"no backcare schema in {describe(parsed)} yet")
        migrate(engine)
    except StorageError:
        engine.dispose()
        raise
    except (DBAPIError, OSError) as exc:
        engine.dispose()
        raise StorageError(f"cannot use {describe(parsed)}: {_first_line(exc)}") from None
    return engine
