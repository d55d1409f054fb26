"""Server-rendered pages (Jinja2). Every form works without JavaScript; htmx swaps parts of a page when present.

Routes only gather input, call the services (``backcare.services``: the core and storage) and render.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError
from starlette.datastructures import FormData

from backcare.adapters.chart import inline_chart
from backcare.adapters.report import deciding_flags, no_contributor_line
from backcare.adapters.storage import Store
from backcare.bootstrap import knowledge, read_text
from backcare.core import conversation
from backcare.core.answers import AnswerError
from backcare.core.exercise_session import todays_session
from backcare.core.local_time import today_in
from backcare.core.wording import because, unfinished
from backcare.entrypoints.web import page_parts, wizard
from backcare.entrypoints.web.auth import checked_form, context, csrf_token, current, principal, store
from backcare.entrypoints.web.requests import MAX_TEXT, EntryInput, check_entry_findings
from backcare.services import assessments, exports
from backcare.services import diary as diaries
from backcare.services.accounts import Principal

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
router = APIRouter(include_in_schema=False)
CHART_TITLE = "Pain (0 to 10) by date"

Who = Annotated[Principal, Depends(principal)]
Form = Annotated[FormData, Depends(checked_form)]
StoreDep = Annotated[Store, Depends(store)]


def render(request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
    """A full page, or only its ``#main`` part for an htmx request that asks for it."""
    values |= {
        "csrf": csrf_token(request),
        "who": current(request),
        "multi_user": context(request).settings.multi_user,
        "emergency_number": context(request).settings.emergency_number,
        "partial": request.headers.get("hx-request") == "true" and request.headers.get("hx-target") is not None,
    }
    return TEMPLATES.TemplateResponse(request, name, values, status_code=status)


def _redirect(request: Request, url: str) -> Response:
    """After a successful form post: a 303 for plain browsers, HX-Redirect for htmx."""
    if request.headers.get("hx-request") == "true":
        return Response(status_code=200, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return render(request, "home.html")


# --- Assessment ----------------------------------------------------------------------------------


@router.get("/assess", response_class=HTMLResponse)
def describe(request: Request, who: Who) -> HTMLResponse:
    return render(request, "describe.html", text="")


@router.post("/assess", response_class=HTMLResponse)
def assess_step(request: Request, who: Who, form: Form, st: StoreDep) -> Response:
    kb = knowledge()
    today = today_in(who.timezone, st.now())
    state = wizard.read_state(form, kb)
    first = form.get("step") == "describe"
    if first:
        raw = form.get("text")
        text = raw.strip() if isinstance(raw, str) else ""
        if len(text) > MAX_TEXT:
            too_long = f"Please keep it under {MAX_TEXT:,} characters."
            return render(request, "describe.html", 400, text=text[:MAX_TEXT], error=too_long)
        state = wizard.State(text=text or None)
    else:
        state = wizard.apply_form(state, form, kb)
    evaluate = conversation.evaluator(state.text, today, kb, read_text)
    turn, bad = assessments.next_turn_or_ask_again(state.answers, state.asked, evaluate, kb, wizard.PAGE, state.singly)
    error = (bad.field, str(bad)) if bad else None
    result = turn.result
    if first:
        state.understood = wizard.understood_ids(result)
    page = conversation.next_page(turn, kb, wizard.BATCH)
    ask = page.ids if page else ()
    progress = wizard.step(state, result, kb, error, ask, page.title if page and page.safety else None)
    finished = error is None and (turn.emergency or (turn.final and not first))
    if finished or (form.get("action") == "result" and error is None and progress.can_finish):
        inputs = assessments.assessment_inputs(state.text, state.answers, today)
        saved = assessments.record_assessment(st, result, inputs, who.timezone, today, profile_id=who.profile_id)
        return _redirect(request, f"/assessments/{saved}")
    return render(
        request,
        "step.html",
        state=state,
        step=progress,
        result=result,
        banner=page_parts.banner(result),
        because=lambda ids: because(ids, page_parts.findings_by_id(result), kb),
        error=error,
    )


@router.get("/assessments", response_class=HTMLResponse)
def history(request: Request, who: Who, st: StoreDep) -> HTMLResponse:
    return render(request, "history.html", records=assessments.list_assessments(st, who.profile_id))


@router.get("/assessments/{assessment_id}", response_class=HTMLResponse)
def result_page(request: Request, assessment_id: str, who: Who, st: StoreDep) -> HTMLResponse:
    saved = assessments.load_assessment(st, who.profile_id, assessment_id)
    if saved is None:
        return render(request, "error.html", 404, message="There is no such assessment.")
    kb = knowledge()
    a = saved.assessment
    plan = a.plan
    return render(
        request,
        "result.html",
        refs=page_parts.references(plan, kb, page_parts.is_pregnant(a)) if plan else None,
        do_now=page_parts.do_now(plan) if plan else ([], []),
        waiting=page_parts.flag_notes(plan),
        net=page_parts.safety_groups(plan, context(request).settings.emergency_number, a.disposition) if plan else [],
        saved=saved,
        a=a,
        kb=kb,
        banner=page_parts.banner(a),
        unfinished=unfinished(a),
        no_contributor_line=no_contributor_line(a),
        deciding=deciding_flags(a),
        because=lambda ids: because(ids, page_parts.findings_by_id(a), kb),
        grid=page_parts.schedule_grid(plan, saved.start) if plan and plan.schedule else None,
        start=saved.start,
    )


@router.get("/assessments/{assessment_id}/plan.ics")
def result_ics(request: Request, assessment_id: str, who: Who, st: StoreDep, tz: str | None = None) -> Response:
    """The reminders from now on, in the time zone the browser reports (else the person's)."""
    saved = assessments.load_assessment(st, who.profile_id, assessment_id)
    data = exports.plan_ics(saved, tz, after=dt.datetime.now(dt.UTC)) if saved else None
    if data is None:
        return render(request, "error.html", 404, message="There is no schedule to download for this assessment.")
    return Response(
        data,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="backcare-plan.ics"'},
    )


@router.post("/assessments/{assessment_id}/delete")
def result_delete(request: Request, assessment_id: str, who: Who, form: Form, st: StoreDep) -> Response:
    if not assessments.delete_assessment(st, who.profile_id, assessment_id):
        return render(request, "error.html", 404, message="There is no such assessment.")
    return _redirect(request, "/assessments")


# --- Diary ---------------------------------------------------------------------------------------


def _diary(request: Request, who: Principal, st: Store, status: int = 200, **extra: Any) -> HTMLResponse:
    view = diaries.diary_view(st, who.profile_id, window=diaries.DIARY_WINDOW)
    kb = knowledge()
    screening = [f for f in kb.findings.values() if f.screening and not f.computed]
    exercises = view.plan.exercises if view.plan else []
    return render(
        request,
        "diary.html",
        status,
        view=view,
        chart=inline_chart(view.entries, view.trend, diaries.DIARY_WINDOW.days, CHART_TITLE),
        screening=screening,
        exercises=exercises,
        today=today_in(who.timezone, st.now()),
        cite=lambda ids: [kb.sources[s].label if s in kb.sources else s for s in ids],
        **extra,
    )


@router.get("/diary", response_class=HTMLResponse)
def diary(request: Request, who: Who, st: StoreDep) -> HTMLResponse:
    return _diary(request, who, st)


def _int(form: FormData, name: str, default: int | None = None) -> int | None:
    raw = form.get(name)
    if not isinstance(raw, str) or not raw.strip():
        return default
    try:
        return int(raw.strip())
    except ValueError:
        raise _FieldError(name, "enter a whole number") from None


class _FieldError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


def _entry_input(form: FormData) -> EntryInput:
    kb = knowledge()
    exercises = []
    for key, raw in form.items():
        if key.startswith("ex.") and isinstance(raw, str) and raw.strip():
            reps = _int(form, key)
            if reps:
                exercises.append({"id": key[3:], "repetitions": reps})
    findings = {
        key[5:]: True
        for key, raw in form.items()
        if key.startswith("flag.") and raw == "yes" and key[5:] in kb.findings
    }
    note = form.get("note")
    date = form.get("date")
    return EntryInput.model_validate(
        {
            "date": date if isinstance(date, str) and date else None,
            "pain": _int(form, "pain"),
            "spasms": _int(form, "spasms"),
            "exercises": exercises,
            "cold_sessions": _int(form, "cold_sessions", 0),
            "heat_sessions": _int(form, "heat_sessions", 0),
            "note": note.strip() if isinstance(note, str) and note.strip() else None,
            "findings": findings,
        }
    )


def _form_error(exc: Exception) -> tuple[str, str]:
    if isinstance(exc, _FieldError | AnswerError):
        return exc.field, str(exc)
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "form"
        return field, f"{field}: {err['msg']}"
    return "form", str(exc)


@router.post("/diary", response_class=HTMLResponse)
def diary_add(request: Request, who: Who, form: Form, st: StoreDep) -> Response:
    try:
        data = _entry_input(form)
        check_entry_findings(data.findings, knowledge())
        entry = data.to_entry(timezone=who.timezone, today=today_in(who.timezone, st.now()), now=st.now())
        added = diaries.add_entry(st, entry, kb=knowledge(), profile_id=who.profile_id)
    except (ValidationError, _FieldError, AnswerError) as exc:
        return _diary(request, who, st, 400, error=_form_error(exc))
    return _diary(request, who, st, added=added)


@router.post("/diary/{entry_id}/delete")
def diary_delete(request: Request, entry_id: str, who: Who, form: Form, st: StoreDep) -> Response:
    if not diaries.delete_entry(st, entry_id, who.profile_id):
        return render(request, "error.html", 404, message="There is no such diary entry.")
    return _redirect(request, "/diary")


@router.get("/diary/export.json")
def diary_export_json(who: Who, st: StoreDep) -> Response:
    return Response(
        exports.export_json(st, who.profile_id),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="backcare-export.json"'},
    )


@router.get("/diary/export.csv")
def diary_export_csv(who: Who, st: StoreDep) -> Response:
    return Response(
        exports.export_csv(st, who.profile_id),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="backcare-diary.csv"'},
    )


# --- Exercise session ----------------------------------------------------------------------------


def _session(request: Request, who: Principal, st: Store, status: int = 200, **extra: Any) -> HTMLResponse:
    view = diaries.diary_view(st, who.profile_id, window=diaries.DIARY_WINDOW)
    today = today_in(who.timezone, st.now())
    exercises = todays_session(view.plan, view.plan_start, today) if view.plan and view.plan_start else []
    return render(
        request, "session.html", status, exercises=exercises, has_plan=view.plan is not None, today=today, **extra
    )


@router.get("/session", response_class=HTMLResponse)
def exercise_session(request: Request, who: Who, st: StoreDep) -> HTMLResponse:
    return _session(request, who, st)


@router.post("/session", response_class=HTMLResponse)
def exercise_record(request: Request, who: Who, form: Form, st: StoreDep) -> Response:
    try:
        entry = _entry_input(form)
        if not entry.exercises:
            raise _FieldError("exercises", "no repetitions were recorded")
        added = diaries.record_session(
            st, entry.done(), entry.pain, entry.note, kb=knowledge(), timezone=who.timezone, profile_id=who.profile_id
        )
    except (ValidationError, _FieldError, AnswerError) as exc:
        return _session(request, who, st, 400, error=_form_error(exc))
    return render(request, "session_done.html", added=added)
