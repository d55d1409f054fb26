"""The diary's use cases, shared by the command line and the web app.

Adding a diary entry (with re-triage of what it reports), recording an exercise session into the
day's entry, reading, listing and deleting entries and reading an episode's trend are the same
steps whichever front end asks; they live here once, so ``backcare.entrypoints.cli.diary`` and the
web routes only parse input and render output. (Saving an assessment is
``backcare.services.assessments``'.)

Every function works on one profile: ``profile_id`` (a web account's profile, or the local
profile the web app looked up), else the local person's profile named ``default``. Clinical
judgement stays in the pure core (``backcare.core.assessment`` triages, ``backcare.core.diary`` and
its neighbours compute trends and alerts); this module moves data between it and
``backcare.adapters.storage``. The knowledge base is the caller's (``kb``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from backcare.adapters.storage import AssessmentRecord, DiaryRepository, Store
from backcare.adapters.storage.transfer import EpisodeRecord
from backcare.core.diary import DiaryEntry, ExerciseDone, Retriage, Trend
from backcare.core.models import Assessment, Plan
from backcare.knowledge import KnowledgeBase


class OnsetConflict(ValueError):
    """An onset was given for an entry, but an episode with another onset is already open."""

    def __init__(self, onset: dt.date) -> None:
        self.onset = onset
        super().__init__(f"an episode is already open since {onset.isoformat()}")


# --- Diary entries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryAdded:
    """A saved entry and what re-triage made of it."""

    entry: DiaryEntry
    episode: EpisodeRecord
    #: Triage re-run on the entry's findings and note (None when it reported neither).
    retriage: Assessment | None
    #: Red flags this entry itself raised (not ones carried over from earlier answers).
    alert: list[str]


def retriage_entry(
    findings: Mapping[str, Any], note: str | None, answers: Mapping[str, object], day: dt.date, kb: KnowledgeBase
) -> Assessment | None:
    """Triage an entry's findings and note (None when it reports neither).

    A warning sign in the note is new information: it overrides the earlier assessment's answer to
    the same question (spec section 6, 2026-12), as a ticked one does.
    """
    from backcare.bootstrap import assess

    if not findings and not note:
        return None
    if note:
        said = _signs_in_note(note, day, kb)
        answers = {k: v for k, v in answers.items() if k not in said or k in findings}
    return assess(answers=dict(answers), text=note, today=day, kb=kb)


def _signs_in_note(note: str, day: dt.date, kb: KnowledgeBase) -> set[str]:
    """Yes/no findings the note reads as the person's own (present or hedged)."""
    from backcare.bootstrap import read_text

    reading = read_text(note, kb, day).understanding
    return {f.id for f in reading.findings if f.status != "absent" and kb.findings[f.id].type == "bool"}


def _earlier_answers(previous: AssessmentRecord | None, kb: KnowledgeBase) -> dict[str, object] | None:
    """The last assessment's answers that this knowledge base still asks (others are left out)."""
    answers = previous.inputs.get("answers") if previous else None
    if not isinstance(answers, dict):
        return None
    return {k: v for k, v in answers.items() if k in kb.findings and not kb.findings[k].computed}


def add_entry(
    store: Store,
    entry: DiaryEntry,
    *,
    kb: KnowledgeBase,
    profile_id: str | None = None,
    onset: dt.date | None = None,
    new_episode: bool = False,
    replace: bool = False,
) -> EntryAdded:
    """Save a diary entry, re-running triage on what it reports; returns the entry as saved.

    The entry joins the open episode (one is started on ``onset``, else the entry's date, when
    none is open, or always with ``new_episode``). Triage runs outside the write transaction
    on the last assessment's answers updated with today's pain and findings; a red flag the entry
    raises is kept with it. With ``replace`` the profile's entry of the same id is overwritten
    (``LookupError`` when there is none). ``OnsetConflict`` when ``onset`` differs from the open
    episode's; nothing is written then.
    """
    from backcare.core.diary import retriage_alert, retriage_answers

    with store.unit_of_work(write=False, profile_id=profile_id) as uow:
        episode = None if new_episode else uow.diary.active_episode()
        previous = uow.diary.latest_assessment("assessment", episode.id if episode else None)
        if replace and uow.diary.entry(entry.id) is None:
            raise LookupError(entry.id)
    if episode is not None and onset is not None and onset != episode.onset:
        raise OnsetConflict(episode.onset)
    start = episode.onset if episode else (onset or entry.date)
    longest = kb.findings["days_since_onset"].max or 0  # an entry dated far ahead must not fail triage
    days = min(max((entry.date - start).days, 0), longest)
    answers = retriage_answers(entry.findings, entry.pain, days, _earlier_answers(previous, kb))
    result = retriage_entry(entry.findings, entry.note, answers, entry.date, kb)
    alert = retriage_alert(entry.findings, result) if result else None
    from backcare.services.assessments import snapshot  # adding only: reading the diary needs none of it

    with store.unit_of_work(profile_id=profile_id) as uow:
        first_day = onset or entry.date
        if new_episode:
            ep = uow.diary.start_episode(first_day, entry.timezone)
        else:
            ep = uow.diary.ensure_episode(first_day, entry.timezone)
        link = None
        if result is not None:
            inputs = {"answers": answers, "text": entry.note, "entry": entry.id}
            record = snapshot(result, inputs, ep.id, "retriage", entry.timezone, store.now())
            uow.diary.add_assessment(record)
            if alert is not None:
                link = Retriage(disposition=alert.disposition, red_flags=alert.red_flags, assessment_id=record.id)
        entry = entry.model_copy(update={"episode_id": ep.id, "retriage": link})
        if not replace:
            uow.diary.add_entry(entry)
        elif not uow.diary.replace_entry(entry):
            raise LookupError(entry.id)
        uow.commit()
    return EntryAdded(entry=entry, episode=ep, retriage=result, alert=alert.red_flags if alert else [])


# --- Trend ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DiaryView:
    """One episode's entries, trend and plan, as both front ends show them."""

    episode: EpisodeRecord | None
    entries: list[DiaryEntry]
    trend: Trend
    plan: Plan | None
    plan_start: dt.date | None


@dataclass(frozen=True)
class Window:
    """A run of days of the diary: the ``days`` up to ``until`` (the latest entry's date by default)."""

    days: int
    until: dt.date | None = None


def episode_view(repo: DiaryRepository, episode: EpisodeRecord | None, window: Window | None = None) -> DiaryView:
    """The episode's trend inside an open unit of work: baseline from the latest assessment, adherence to its plan.

    With a ``window`` only its days are read (rows, adherence and messages are the window's), and
    the baseline comes from the episode's first entries: the cost stays that of the window however
    long the diary grows.
    """
    from pydantic import ValidationError

    from backcare.bootstrap import knowledge
    from backcare.core.adherence import schedule_from_plan
    from backcare.core.recovery import baseline_from
    from backcare.core.trend import compute_trend

    episode_id = episode.id if episode else None
    entries, first = _window_entries(repo, episode_id, window)
    last = repo.latest_assessment("assessment", episode_id)
    pain = peg = None
    if last is not None:
        scores = last.outputs.get("scores") or {}
        pain = scores.get("nrs") if isinstance(scores.get("nrs"), int) else None
        peg_out = scores.get("peg")
        peg = peg_out.get("score") if isinstance(peg_out, dict) else None
    baseline = baseline_from(
        first + entries,
        assessment_pain=pain,
        assessment_date=last.created_at.date() if last and pain is not None else None,
        assessment_peg=peg,
    )
    record = repo.latest_plan(episode_id)
    plan = None
    if record is not None:
        try:
            plan = Plan.model_validate(record.content)
        except ValidationError:
            plan = None
    schedule = schedule_from_plan(plan, record.start_date) if plan and record else []
    if window is not None and entries:
        schedule = [s for s in schedule if entries[0].date <= s.date <= entries[-1].date]
    trend = compute_trend(
        entries,
        baseline,
        onset=episode.onset if episode else None,
        schedule=schedule,
        reassessed_at=last.created_at if last else None,
        kb=knowledge(),
    )
    return DiaryView(
        episode=episode,
        entries=entries,
        trend=trend,
        plan=plan,
        plan_start=record.start_date if record else None,
    )


def _window_entries(
    repo: DiaryRepository, episode_id: str | None, window: Window | None
) -> tuple[list[DiaryEntry], list[DiaryEntry]]:
    """The window's entries, and the episode's first ones (for the baseline) when they fall before it."""
    if window is None:
        return repo.entries(episode_id=episode_id), []
    span = repo.entry_span(episode_id)
    until = window.until or span.last
    if until is None or span.first is None:
        return [], []
    since = until - dt.timedelta(days=min(max(1, window.days), (until - dt.date.min).days + 1) - 1)
    entries = repo.entries(episode_id=episode_id, since=since, until=until)
    first: list[DiaryEntry] = []
    for day in sorted({d for d in (span.first, span.first_peg, span.first_rmdq) if d is not None and d < since}):
        first += repo.entries(episode_id=episode_id, since=day, until=day)
    return entries, first


def diary_view(
    store: Store, profile_id: str | None = None, episode_id: str | None = None, window: Window | None = None
) -> DiaryView:
    """An episode's view: ``episode_id``'s, else the open episode's, else the most recent one's."""
    with store.unit_of_work(write=False, profile_id=profile_id) as uow:
        episode = uow.diary.episode(episode_id) if episode_id else uow.diary.latest_episode()
        return episode_view(uow.diary, episode, window)


DIARY_WINDOW = Window(90)
"""What the diary page and the trend read by default: the last 90 days up to the latest entry."""


# --- Reading, deleting, exercise sessions --------------------------------------------------------


def list_entries(store: Store, profile_id: str | None = None) -> list[DiaryEntry]:
    """All the profile's entries, oldest first."""
    with store.unit_of_work(write=False, profile_id=profile_id) as uow:
        return uow.diary.entries()


def get_entry(store: Store, entry_id: str, profile_id: str | None = None) -> DiaryEntry | None:
    """The profile's entry of that id, or None (also for another profile's)."""
    with store.unit_of_work(write=False, profile_id=profile_id) as uow:
        return uow.diary.entry(entry_id)


def delete_entry(store: Store, entry_id: str, profile_id: str | None = None) -> bool:
    """Delete one of the profile's entries; False when there is none of that id."""
    with store.unit_of_work(profile_id=profile_id) as uow:
        found = uow.diary.delete_entry(entry_id)
        uow.commit()
    return found


def record_session(
    store: Store,
    done: Sequence[ExerciseDone],
    pain: int,
    note: str | None,
    *,
    kb: KnowledgeBase,
    timezone: str,
    profile_id: str | None = None,
) -> EntryAdded:
    """An exercise session's repetitions go into today's diary entry (added to it if there is one)."""
    from backcare.core.exercise_session import session_entry
    from backcare.core.local_time import today_in

    now = store.now()
    today = today_in(timezone, now)
    with store.unit_of_work(write=False, profile_id=profile_id) as uow:
        todays = uow.diary.entries(since=today, until=today)
    last = todays[-1] if todays else None
    entry = session_entry(last, done, pain, note, day=today, timezone=timezone, recorded_at=now)
    return add_entry(store, entry, kb=kb, profile_id=profile_id, replace=last is not None)
