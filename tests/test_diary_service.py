"""The diary steps shared by the command line and the web app, on one profile among several.

``backcare.services.diary`` adds entries (re-triaging what they report), records assessments and
builds an episode's trend. These tests run each step for one profile while another profile in the
same database holds different answers and entries, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

import pytest

from backcare.adapters.storage import Store, open_store
from backcare.bootstrap import assess, knowledge
from backcare.core.diary import DiaryEntry
from backcare.services.assessments import record_assessment
from backcare.services.diary import OnsetConflict, add_entry, diary_view, retriage_entry

TZ = "Europe/London"
TODAY = dt.date(2026, 11, 10)
NOW = dt.datetime(2026, 11, 10, 9, 0, tzinfo=dt.UTC)
KB = knowledge()


def draft(day: int, pain: int, **kw: object) -> DiaryEntry:
    return DiaryEntry(
        date=TODAY + dt.timedelta(days=day),
        recorded_at=NOW + dt.timedelta(days=day),
        timezone=TZ,
        pain=pain,
        **kw,
    )


def assessed(store: Store, profile_id: str | None, age: int, days_since_onset: int = 3) -> str:
    answers = {"age": age, "pain_score": 5, "days_since_onset": days_since_onset}
    result = assess(answers=answers, today=TODAY)
    return record_assessment(store, result, {"answers": answers}, TZ, TODAY, profile_id=profile_id)


@pytest.fixture
def store_and_account(db_url: str) -> tuple[Store, str]:
    """A store whose local person was assessed at age 30 and an account at age 80."""
    store = open_store(db_url, now=lambda: NOW)
    with store.unit_of_work() as uow:
        account = uow.diary.create_profile(TZ, name="account:other")
        uow.commit()
    assessed(store, None, age=30)
    assessed(store, account, age=80)
    return store, account


def test_an_entry_is_retriaged_on_its_own_profiles_answers(store_and_account: tuple[Store, str]) -> None:
    store, account = store_and_account
    with store.unit_of_work(write=False, profile_id=account) as uow:
        theirs = uow.diary.export()
    added = add_entry(store, kb=KB, entry=draft(1, 6, findings={"saddle_numbness": True}))
    assert added.retriage is not None and added.retriage.disposition.value == "emergency"
    assert "cauda_equina" in added.alert
    assert added.entry.retriage is not None and added.entry.retriage.red_flags == added.alert
    with store.unit_of_work(write=False) as uow:
        snapshot = uow.diary.assessment(added.entry.retriage.assessment_id or "")
        active = uow.diary.active_episode()
        assert [e.id for e in uow.diary.entries()] == [added.entry.id]
    assert snapshot is not None and snapshot.kind == "retriage"
    assert snapshot.inputs["answers"]["age"] == 30, "re-triage starts from this person's last answers"
    assert snapshot.inputs["answers"]["saddle_numbness"] is True and snapshot.inputs["entry"] == added.entry.id
    assert active is not None and added.entry.episode_id == active.id == added.episode.id
    with store.unit_of_work(write=False, profile_id=account) as uow:
        assert uow.diary.export().model_dump(exclude={"exported_at"}) == theirs.model_dump(exclude={"exported_at"})
    store.close()


def test_the_account_gets_its_own_retriage(store_and_account: tuple[Store, str]) -> None:
    store, account = store_and_account
    added = add_entry(store, kb=KB, entry=draft(1, 4, findings={"fever": False}), profile_id=account)
    assert added.alert == [] and added.entry.retriage is None
    with store.unit_of_work(write=False, profile_id=account) as uow:
        (snapshot,) = uow.diary.assessments("retriage")
        assert [e.id for e in uow.diary.entries()] == [added.entry.id]
    assert snapshot.inputs["answers"]["age"] == 80
    with store.unit_of_work(write=False) as uow:
        assert uow.diary.entries() == [] and uow.diary.assessments("retriage") == []
    store.close()


def test_replacing_needs_an_entry_of_the_same_profile(store_and_account: tuple[Store, str]) -> None:
    store, account = store_and_account
    theirs = add_entry(store, kb=KB, entry=draft(1, 4), profile_id=account).entry
    with pytest.raises(LookupError):
        add_entry(store, kb=KB, entry=theirs.model_copy(update={"pain": 9}), replace=True)
    mine = add_entry(store, kb=KB, entry=draft(1, 4)).entry
    changed = add_entry(store, kb=KB, entry=mine.model_copy(update={"pain": 2, "note": "better"}), replace=True).entry
    with store.unit_of_work(write=False) as uow:
        assert [(e.id, e.pain, e.note) for e in uow.diary.entries()] == [(mine.id, 2, "better")]
    assert changed.id == mine.id
    with store.unit_of_work(write=False, profile_id=account) as uow:
        assert [e.pain for e in uow.diary.entries()] == [4]
    store.close()


def test_a_conflicting_onset_writes_nothing(store_and_account: tuple[Store, str]) -> None:
    store, _ = store_and_account
    with store.unit_of_work(write=False) as uow:
        episode = uow.diary.active_episode()
    assert episode is not None and episode.onset == TODAY - dt.timedelta(days=3)
    with pytest.raises(OnsetConflict) as caught:
        add_entry(store, kb=KB, entry=draft(1, 5), onset=TODAY - dt.timedelta(days=20))
    assert caught.value.onset == episode.onset
    added = add_entry(store, kb=KB, entry=draft(1, 5), onset=TODAY - dt.timedelta(days=20), new_episode=True)
    assert added.episode.id != episode.id and added.episode.onset == TODAY - dt.timedelta(days=20)
    with store.unit_of_work(write=False) as uow:
        assert [e.id for e in uow.diary.entries()] == [added.entry.id]
        assert {e.id: e.status for e in uow.diary.episodes()} == {episode.id: "resolved", added.episode.id: "active"}
    store.close()


def test_trend_messages_read_well_on_the_command_line_and_the_web(store_and_account: tuple[Store, str]) -> None:
    store, account = store_and_account
    add_entry(store, kb=KB, entry=draft(0, 4), profile_id=account)
    add_entry(store, kb=KB, entry=draft(2, 8, findings={"saddle_numbness": True}), profile_id=account)
    view = diary_view(store, account)
    ids = {m.id for m in view.trend.messages}
    assert {"red_flag", "reassess"} <= ids
    for message in view.trend.messages:
        assert "backcare" not in message.text and "`" not in message.text, message.text
        if message.id in ("red_flag", "reassess"):
            assert "take a new assessment" in message.text
    assert [e.pain for e in view.entries] == [4, 8]
    assert view.plan is not None and view.plan_start == TODAY, "the account's plan drives adherence"
    assert diary_view(store).entries == [], "the local person has no entries"
    store.close()


def test_the_view_follows_the_named_episode(store_and_account: tuple[Store, str]) -> None:
    store, _ = store_and_account
    first = add_entry(store, kb=KB, entry=draft(0, 6))
    second = add_entry(store, kb=KB, entry=draft(1, 5), onset=TODAY + dt.timedelta(days=1), new_episode=True)
    assert [e.id for e in diary_view(store).entries] == [second.entry.id]
    earlier = diary_view(store, episode_id=first.episode.id)
    assert [e.id for e in earlier.entries] == [first.entry.id]
    assert earlier.episode is not None and earlier.episode.status == "resolved"
    store.close()


def test_record_assessment_goes_to_the_named_profile_and_dates_its_episode(db_url: str) -> None:
    with open_store(db_url) as store:
        with store.unit_of_work() as uow:
            account = uow.diary.create_profile(TZ)
            uow.commit()
        saved = assessed(store, account, age=50, days_since_onset=10)
        with store.unit_of_work(write=False, profile_id=account) as uow:
            record = uow.diary.assessment(saved)
            plan = uow.diary.plan_for(saved)
            episode = uow.diary.active_episode()
        with store.unit_of_work(write=False) as uow:
            assert uow.diary.assessment(saved) is None and uow.diary.find_profile() is None
    assert record is not None and record.inputs["answers"]["age"] == 50
    assert plan is not None and plan.start_date == TODAY
    assert episode is not None and episode.onset == TODAY - dt.timedelta(days=10)


def test_a_warning_sign_in_the_note_overrides_the_earlier_answer() -> None:
    earlier = {"age": 40, "pain_score": 5, "urinary_retention": False, "saddle_numbness": False}
    result = retriage_entry({}, "Since this morning I can't pee properly.", earlier, TODAY, KB)
    assert result is not None
    assert result.disposition.value == "emergency"
    assert "cauda_equina" in {f.id for f in result.red_flags}
    calm = retriage_entry({}, "Bit stiffer after gardening, otherwise fine.", earlier, TODAY, KB)
    assert calm is not None and calm.disposition.value != "emergency"
