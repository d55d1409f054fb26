"""Profiles share one database but never each other's rows: reads, writes and forget are scoped.

The command line's person is the profile named "default" (no ``profile_id``); a web account has its
own profile. Each test fills two profiles alike, so a query that forgot its profile filter would
return, change or delete the other one's rows. Run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from backcare.adapters.storage import DiaryRepository, StorageError, Store, open_store
from backcare.adapters.storage.transfer import AssessmentRecord, PlanRecord
from backcare.core.diary import DiaryEntry, ExerciseDone, Retriage
from backcare.knowledge.schema import Disposition
from backcare.services.assessments import record_assessment

TZ = "Europe/London"
T0 = dt.datetime(2026, 11, 1, 8, 30, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 1)
#: Tables whose rows belong to a profile, and how to count one profile's rows in each.
OWNED = {
    "profile": "SELECT count(*) FROM profile WHERE id = :p",
    "episode": "SELECT count(*) FROM episode WHERE profile_id = :p",
    "assessment": "SELECT count(*) FROM assessment WHERE profile_id = :p",
    "plan": "SELECT count(*) FROM plan WHERE profile_id = :p",
    "diary_entry": "SELECT count(*) FROM diary_entry WHERE profile_id = :p",
    "exercise_done": (
        "SELECT count(*) FROM exercise_done x JOIN diary_entry e ON e.id = x.entry_id WHERE e.profile_id = :p"
    ),
}


def entry(day: int, pain: int, episode_id: str, note: str, **kw: Any) -> DiaryEntry:
    return DiaryEntry(
        date=TODAY + dt.timedelta(days=day),
        recorded_at=T0 + dt.timedelta(days=day, minutes=pain),
        timezone=TZ,
        pain=pain,
        episode_id=episode_id,
        note=note,
        exercises=(ExerciseDone(id="glute_bridge", repetitions=10), ExerciseDone(id="walking", repetitions=1)),
        **kw,
    )


def fill(store: Store, profile_id: str | None, label: str) -> None:
    """A resolved and an active episode, an assessment with its plan, a re-triage and three entries."""
    from backcare.bootstrap import assess

    with store.unit_of_work(profile_id=profile_id) as uow:
        old = uow.diary.start_episode(TODAY - dt.timedelta(days=60), TZ)
        uow.diary.add_entry(entry(-59, 7, old.id, f"{label} old episode"))
        uow.diary.start_episode(TODAY - dt.timedelta(days=2), TZ)  # closes the old one
        uow.commit()
    result = assess(answers={"age": 40, "pain_score": 7, "days_since_onset": 2}, today=TODAY)
    assessment_id = record_assessment(store, result, {"answers": {"age": 40}}, TZ, TODAY, profile_id=profile_id)
    with store.unit_of_work(profile_id=profile_id) as uow:
        episode = uow.diary.active_episode()
        assert episode is not None and episode.id != old.id
        retriage = AssessmentRecord(
            id=new_id(),
            episode_id=episode.id,
            kind="retriage",
            created_at=T0 + dt.timedelta(days=2),
            timezone=TZ,
            knowledge_version="test",
            disposition=Disposition.emergency,
            inputs={"answers": {"saddle_numbness": True}},
            outputs={},
        )
        uow.diary.add_assessment(retriage)
        uow.diary.add_entry(entry(1, 6, episode.id, f"{label} day 1"))
        flagged = Retriage(disposition=Disposition.emergency, red_flags=["cauda_equina"], assessment_id=retriage.id)
        uow.diary.add_entry(entry(2, 8, episode.id, f"{label} day 2", retriage=flagged))
        uow.commit()
    assert assessment_id


def new_id() -> str:
    import uuid

    return str(uuid.uuid4())


def counts(url: str, profile_id: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {t: int(conn.execute(text(q), {"p": profile_id}).scalar_one()) for t, q in OWNED.items()}
    finally:
        engine.dispose()


def two_profiles(url: str) -> tuple[str, str]:
    """The local person's profile ("default") and an account's, both filled; returns their ids."""
    with open_store(url) as store:
        with store.unit_of_work() as uow:
            account = uow.diary.create_profile("UTC", name="account:someone")
            uow.commit()
        fill(store, None, "local")
        fill(store, account, "account")
        with store.unit_of_work(write=False) as uow:
            local = uow.diary.find_profile()
            assert local is not None
            return local.id, account


def who_else(who: str) -> str:
    return "account" if who == "local" else "local"


@pytest.mark.parametrize("who", ["local", "account"])
def test_forget_deletes_one_profile_and_leaves_the_other_intact(db_url: str, who: str) -> None:
    local, account = two_profiles(db_url)
    gone, kept = (local, account) if who == "local" else (account, local)
    before_gone, before_kept = counts(db_url, gone), counts(db_url, kept)
    assert all(n > 0 for n in before_gone.values()) and before_gone == before_kept
    with open_store(db_url) as store:
        with store.unit_of_work(profile_id=None if who == "local" else account) as uow:
            deleted = uow.diary.forget()
            uow.commit()
        store.compact()
    assert counts(db_url, gone) == dict.fromkeys(OWNED, 0)
    assert counts(db_url, kept) == before_kept
    assert deleted == {
        "exercises": before_gone["exercise_done"],
        "entries": before_gone["diary_entry"],
        "plans": before_gone["plan"],
        "assessments": before_gone["assessment"],
        "episodes": before_gone["episode"],
        "profiles": 1,
    }
    with open_store(db_url) as store, store.unit_of_work(write=False, profile_id=kept) as uow:
        notes = [e.note or "" for e in uow.diary.entries()]
    assert len(notes) == 3 and all(n.startswith(who_else(who)) for n in notes)


def test_forget_keeping_the_profile_empties_only_that_profile(db_url: str) -> None:
    local, account = two_profiles(db_url)
    before = counts(db_url, account)
    with open_store(db_url) as store, store.unit_of_work() as uow:
        uow.diary.forget(keep_profile=True)
        uow.commit()
    assert counts(db_url, local) == dict.fromkeys(OWNED, 0) | {"profile": 1}
    assert counts(db_url, account) == before


# --- Every read is scoped -----------------------------------------------------------------------

Ids = dict[str, Any]


def ids_of(repo: DiaryRepository) -> Ids:
    """The ids of everything the repository's profile holds, by kind (from its export)."""
    doc = repo.export()
    return {
        "entries": {e.id for e in doc.entries},
        "episodes": {e.id for e in doc.episodes},
        "assessments": {a.id for a in doc.assessments},
        "plans": {p.id for p in doc.plans},
    }


#: Each public read of the repository, called on one profile while ``theirs`` holds the other's ids;
#: every call returns the ids it yielded, which must all be the reader's own.
READS: dict[str, Callable[[DiaryRepository, Ids], set[str]]] = {
    "find_profile": lambda r, t: {p.id} if (p := r.find_profile()) else set(),
    "active_episode": lambda r, t: {e.id} if (e := r.active_episode()) else set(),
    "latest_episode": lambda r, t: {e.id} if (e := r.latest_episode()) else set(),
    "episodes": lambda r, t: {e.id for e in r.episodes()},
    "episode": lambda r, t: {e.id for i in t["episodes"] if (e := r.episode(i))},
    "entries": lambda r, t: (
        {e.id for e in r.entries()}
        | {e.id for i in t["episodes"] for e in r.entries(episode_id=i)}
        | {e.id for e in r.entries(since=dt.date(2000, 1, 1), until=dt.date(2100, 1, 1))}
    ),
    "entry": lambda r, t: {e.id for i in t["entries"] if (e := r.entry(i))},
    "count_entries": lambda r, t: set() if r.count_entries() == 3 else {"count"},
    "entry_span": lambda r, t: (
        set()
        if ((s := r.entry_span()).first, s.last) == (min(d := [e.date for e in r.entries()]), max(d))
        and all(r.entry_span(i).last is None for i in t["episodes"])
        else {"span"}
    ),
    "latest_assessment": lambda r, t: {
        a.id
        for kind in ("assessment", "retriage")
        for ep in (None, *t["episodes"])
        if (a := r.latest_assessment(kind, ep))
    },
    "assessment": lambda r, t: {a.id for i in t["assessments"] if (a := r.assessment(i))},
    "assessments": lambda r, t: {a.id for kind in ("assessment", "retriage") for a in r.assessments(kind)},
    "latest_plan": lambda r, t: {p.id for ep in (None, *t["episodes"]) if (p := r.latest_plan(ep))},
    "plan_for": lambda r, t: {p.id for i in t["assessments"] if (p := r.plan_for(i))},
    "export": lambda r, t: set().union(*ids_of(r).values()),
}
#: Public methods that write; each is checked against the other profile's ids below.
WRITES = {
    "profile",
    "create_profile",
    "ensure_episode",
    "start_episode",
    "add_entry",
    "add_entries",
    "replace_entry",
    "delete_entry",
    "add_assessment",
    "delete_assessment",
    "add_plan",
    "import_document",
    "import_entries",
    "forget",
}


def test_every_public_repository_method_is_covered_here() -> None:
    public = {n for n in dir(DiaryRepository) if not n.startswith("_") and callable(getattr(DiaryRepository, n))}
    assert public == set(READS) | WRITES, "a new repository method needs a profile-isolation check here"


@pytest.mark.parametrize("reader", ["local", "account"])
def test_every_read_returns_only_the_readers_rows(db_url: str, reader: str) -> None:
    local, account = two_profiles(db_url)
    mine, theirs_id = (None, account) if reader == "local" else (account, None)
    with open_store(db_url) as store:
        with store.unit_of_work(write=False, profile_id=mine) as uow:
            own = ids_of(uow.diary)
            own_all = set().union(*own.values()) | {local if reader == "local" else account}
        with store.unit_of_work(write=False, profile_id=theirs_id) as uow:
            theirs = ids_of(uow.diary)
        assert all(own[k] and theirs[k] and own[k].isdisjoint(theirs[k]) for k in own)
        with store.unit_of_work(write=False, profile_id=mine) as uow:
            for name, read in READS.items():
                got = read(uow.diary, theirs)
                assert got <= own_all, f"{name} returned another profile's rows"
            # Asked for by the other profile's ids, the by-id reads find nothing at all.
            assert READS["entry"](uow.diary, theirs) == set()
            assert READS["episode"](uow.diary, theirs) == set()
            assert READS["assessment"](uow.diary, theirs) == set()
            assert READS["plan_for"](uow.diary, theirs) == set()
            # And by its own ids they find everything (the checks above are not vacuous).
            assert READS["entry"](uow.diary, own) == own["entries"]
            assert READS["assessment"](uow.diary, own) == own["assessments"]


def test_writes_cannot_reach_or_point_at_another_profile(db_url: str) -> None:
    local, account = two_profiles(db_url)
    before = counts(db_url, account)
    with open_store(db_url) as store:
        with store.unit_of_work(write=False, profile_id=account) as uow:
            theirs = ids_of(uow.diary)
            their_entry = uow.diary.entries()[0]
            their_episode = uow.diary.active_episode()
            assert their_episode is not None
        with store.unit_of_work() as uow:
            assert not any(uow.diary.delete_entry(i) for i in theirs["entries"])
            assert not any(uow.diary.delete_assessment(i) for i in theirs["assessments"])
            assert not uow.diary.replace_entry(their_entry.model_copy(update={"pain": 0, "episode_id": None}))
            uow.commit()
        for write in (
            lambda r: r.add_entry(entry(3, 2, their_episode.id, "into their episode")),
            lambda r: r.add_entries([entry(3, 2, their_episode.id, "bulk into their episode")], TZ),
            lambda r: r.add_assessment(
                AssessmentRecord(
                    id=new_id(),
                    episode_id=their_episode.id,
                    kind="assessment",
                    created_at=T0,
                    timezone=TZ,
                    knowledge_version="test",
                    disposition=Disposition.self_care,
                    inputs={},
                    outputs={},
                )
            ),
            lambda r: r.add_plan(
                PlanRecord(
                    id=new_id(),
                    episode_id=None,
                    assessment_id=next(iter(theirs["assessments"])),
                    created_at=T0,
                    timezone=TZ,
                    start_date=TODAY,
                    knowledge_version="test",
                    content={},
                )
            ),
        ):
            with store.unit_of_work() as uow, pytest.raises(StorageError, match="not this profile's|not one of"):
                write(uow.diary)
    assert counts(db_url, account) == before
    assert counts(db_url, local)["diary_entry"] == 3


def test_a_named_profile_that_does_not_exist_gets_nothing_and_creates_nothing(db_url: str) -> None:
    local, account = two_profiles(db_url)
    with open_store(db_url) as store, store.unit_of_work(profile_id=new_id()) as uow:
        assert uow.diary.entries() == [] and uow.diary.latest_episode() is None
        assert sum(uow.diary.forget().values()) == 0
        with pytest.raises(StorageError, match="does not exist"):
            uow.diary.ensure_episode(TODAY, TZ)
    assert counts(db_url, local)["diary_entry"] == counts(db_url, account)["diary_entry"] == 3
