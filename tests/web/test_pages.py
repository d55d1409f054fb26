"""The pages without JavaScript: the assessment steps, the result, the diary, the exercise session."""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from html.parser import HTMLParser
from typing import Any

from backcare.bootstrap import knowledge

from .conftest import CLEAR, csrf_of

KB = knowledge()


class FormReader(HTMLParser):
    """The hidden fields and question ids of the page's ``#wizard`` form."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.hidden: dict[str, str] = {}
        self.controls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form" and a.get("id") == "wizard":
            self.inside = True
        if not self.inside or tag != "input":
            return
        name = a.get("name") or ""
        if a.get("type") == "hidden":
            self.hidden[name] = unescape(a.get("value") or "")
        elif name.startswith("f.") and name[2:] not in self.controls:
            self.controls.append(name[2:])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False


def read_form(html: str) -> FormReader:
    reader = FormReader()
    reader.feed(html)
    return reader


def answer_for(fid: str, answers: dict[str, Any]) -> str:
    if fid in answers:
        value = answers[fid]
        return {True: "yes", False: "no"}.get(value, str(value)) if isinstance(value, bool) else str(value)
    return "no" if KB.findings[fid].type == "bool" else ""


def walk(client: Any, text: str, answers: dict[str, Any] | None = None, limit: int = 40) -> Any:
    """Describe, then answer every question the pages put (given answers, else "no"), then finish."""
    answers = answers or {}
    page = client.get("/assess")
    r = client.post("/assess", data={"csrf_token": csrf_of(page.text), "step": "describe", "text": text})
    for _ in range(limit):
        assert r.status_code == 200, r.text[:500]
        form = read_form(r.text)
        data = dict(form.hidden)
        understood = set(filter(None, data.get("understood", "").split(",")))
        listed = set(filter(None, data.get("checklist", "").split(",")))
        for fid in form.controls:
            if fid in listed:
                if answers.get(fid) is True:
                    data[f"f.{fid}"] = "yes"
            elif fid not in understood:
                data[f"f.{fid}"] = answer_for(fid, answers)
        if listed and not any(answers.get(fid) is True for fid in listed):
            data["checklist.choice"] = "none"
        finish = 'value="result"' in r.text and 'name="action" value="next"' not in r.text
        data["action"] = "result" if finish else "next"
        r = client.post("/assess", data=data, follow_redirects=False)
        if r.status_code == 303:
            return client.get(r.headers["location"])
    raise AssertionError("the questions never ended")


def test_home_explains_and_warns(local_client):
    html = local_client.get("/").text
    assert "What backcare is not" in html
    assert "emergency" in html.lower() and "999" in html
    assert 'href="/assess"' in html


def test_describe_page_starts_with_the_free_text_box(local_client):
    html = local_client.get("/assess").text
    assert '<label class="field" for="text">Describe what is happening</label>' in html
    assert html.index('id="text"') < html.index("Continue")


def test_questions_come_screening_first_with_progress(local_client):
    page = local_client.get("/assess")
    r = local_client.post("/assess", data={"csrf_token": csrf_of(page.text), "step": "describe", "text": ""})
    form = read_form(r.text)
    assert form.controls, "no questions were put"
    assert all(KB.findings[f].screening for f in form.controls)
    assert "<progress" in r.text and "safety questions left" in r.text
    assert 'value="result"' not in r.text  # no result before the safety questions


def first_step(client: Any, text: str = "") -> Any:
    page = client.get("/assess")
    return client.post("/assess", data={"csrf_token": csrf_of(page.text), "step": "describe", "text": text})


def test_safety_questions_come_as_a_checklist_with_none_and_not_sure(local_client):
    r = first_step(local_client)
    form = read_form(r.text)
    listed = form.hidden["checklist"].split(",")
    title = KB.findings[listed[0]].checklist
    assert len(listed) > 1 and {KB.findings[f].checklist for f in listed} == {title}
    assert form.controls == listed and "put" not in form.hidden
    assert f"<legend>{title}: do you have any of these?" in unescape(r.text)
    for fid in listed:
        assert f'<label class="choice item" for="f-{fid}"><input type="checkbox" id="f-{fid}" name="f.{fid}"' in r.text
    assert 'name="checklist.choice" value="none"><span>No</span>' in r.text
    assert 'name="checklist.choice" value="unsure"><span>Not sure</span>' in r.text


def post_checklist(client: Any, r: Any, ticked: tuple[str, ...] = (), choice: str | None = None) -> Any:
    form = read_form(r.text)
    data = dict(form.hidden) | {"action": "next"} | {f"f.{fid}": "yes" for fid in ticked}
    if choice:
        data["checklist.choice"] = choice
    return client.post("/assess", data=data, follow_redirects=False)


def answers_of(r: Any) -> dict[str, Any]:
    return json.loads(read_form(r.text).hidden["answers"])


def test_none_of_these_records_each_item_absent_and_the_next_checklist_follows(local_client):
    r = first_step(local_client)
    listed = read_form(r.text).hidden["checklist"].split(",")
    r = post_checklist(local_client, r, choice="none")
    assert answers_of(r) == dict.fromkeys(listed, False)
    following = read_form(r.text).hidden["checklist"].split(",")
    assert following and not set(following) & set(listed)  # answered items are not shown again


def test_ticked_items_are_present_the_rest_absent_and_an_emergency_ends_at_once(local_client):
    r = post_checklist(local_client, first_step(local_client), choice="none")
    listed = read_form(r.text).hidden["checklist"].split(",")
    assert "saddle_numbness" in listed
    r = post_checklist(local_client, r, ("saddle_numbness",))
    assert r.status_code == 303
    saved = local_client.get("/api/v1/assessments").json()
    record = local_client.get(f"/api/v1/assessments/{saved[0]['id']}").json()
    findings = {f["id"]: f for f in record["assessment"]["findings"]}  # each item its own finding
    assert findings["saddle_numbness"]["status"] == "present"
    assert all(findings[fid]["status"] == "absent" for fid in listed if fid != "saddle_numbness")
    assert all(findings[fid]["source"] == "answers" for fid in listed)


def test_not_sure_asks_each_item_alone_and_never_ends_as_self_care(local_client):
    r = first_step(local_client)
    listed = read_form(r.text).hidden["checklist"].split(",")
    r = post_checklist(local_client, r, choice="unsure")
    form = read_form(r.text)
    assert not answers_of(r) and form.hidden["singly"].split(",") == listed  # every item unknown
    assert "checklist" not in form.hidden and form.controls == listed  # now asked one by one
    assert all(f'name="f.{fid}" value="no"' in r.text for fid in listed)
    data = dict(form.hidden) | {"action": "next"}  # skipped, one by one
    r = local_client.post("/assess", data=data, follow_redirects=False)
    for _ in range(30):
        if r.status_code == 303:
            break
        form = read_form(r.text)
        data = dict(form.hidden) | {"action": "result" if 'value="result"' in r.text else "next"}
        if "checklist" in form.hidden:
            data["checklist.choice"] = "none"
        r = local_client.post("/assess", data=data, follow_redirects=False)
    html = local_client.get(r.headers["location"]).text
    assert "banner-self-care" not in html and "This result is not complete" in html


def test_drawing_a_checklist_again_changes_nothing(local_client):
    r = first_step(local_client)
    form = read_form(r.text)
    again = local_client.post("/assess", data=dict(form.hidden) | {"action": "show"})
    assert read_form(again.text).hidden == form.hidden


def test_structured_walk_to_self_care_result_with_plan_and_sources(local_client):
    result = walk(local_client, "", {"days_since_onset": 2, "pain_score": 5, "age": 34, "sex": "male"})
    html = result.text
    assert "banner-self-care" in html and "look after your back at home" in html
    # the safety net first, then at most five things to do now; the rest is folded
    assert html.index("Get help if") < html.index("Do now") < html.index("More of your plan")
    now = re.search(r'<ol class="do-now">(.*?)</ol>', html, re.S)
    assert now and 1 <= now.group(1).count("<li>") <= 5
    assert "Your 14-day schedule" in html and "Day 14 (" in html
    # every item cites numbered references with readable names, never file names
    cited = set(re.findall(r'href="#ref-(\d+)"', html))
    listed = set(re.findall(r'<li id="ref-(\d+)">', html))
    assert cited and cited <= listed
    assert ".txt" not in html and "seed 0" not in html
    assert "pregnan" not in re.search(r'<ol class="sources-list">(.*?)</ol>', html, re.S).group(1).lower()
    assert re.search(r'action="/assessments/[0-9a-f-]+/plan.ics"', html)
    assert '<link rel="stylesheet" href="/static/print.css" media="print">' in html


def test_emergency_result_is_one_action(local_client):
    r = local_client.post("/api/v1/assessments", json={"answers": {"saddle_numbness": True, "age": 50, "sex": "male"}})
    html = local_client.get(f"/assessments/{r.json()['id']}").text
    first_screen = html.split('<details class="more">')[0].split('<main id="main"')[1]
    assert 'href="tel:999"' in first_screen
    assert "What to say" in first_screen and "While you wait" in first_screen
    assert "<button" not in first_screen and "/session" not in first_screen and "/diary" not in first_screen
    assert "not a worry" not in html and "maternity" not in first_screen


def test_answering_yes_to_a_screening_question_ends_on_emergency(local_client):
    # The conversation ends at once: the next page is the saved emergency result, no further questions.
    page = local_client.get("/assess")
    r = local_client.post("/assess", data={"csrf_token": csrf_of(page.text), "step": "describe", "text": ""})
    for _ in range(10):
        form = read_form(r.text)
        data = dict(form.hidden) | {"action": "next"}
        for fid in form.controls:
            data[f"f.{fid}"] = "yes" if fid == "urinary_retention" else "no"
        r = local_client.post("/assess", data=data, follow_redirects=False)
        if r.status_code == 303:
            break
    assert r.status_code == 303 and r.headers["location"].startswith("/assessments/")
    result = local_client.get(r.headers["location"])
    assert "banner-emergency" in result.text and 'role="alert"' in result.text
    assert "Possible cauda equina syndrome" in result.text
    assert "Because you said:" in result.text
    assert 'id="wizard"' not in result.text


def test_an_emergency_in_the_description_goes_straight_to_the_result(local_client):
    page = local_client.get("/assess")
    text = "I can't pee at all since this morning and my back is in spasm"
    r = local_client.post("/assess", data={"csrf_token": csrf_of(page.text), "step": "describe", "text": text})
    assert "banner-emergency" in r.text
    assert 'id="wizard"' not in r.text and "Continue" not in r.text


def test_what_was_understood_can_be_corrected(local_client):
    text = "My back went into spasm when I lifted a heavy box at work yesterday. No fever, peeing normally."
    page = local_client.get("/assess")
    r = local_client.post("/assess", data={"csrf_token": csrf_of(page.text), "step": "describe", "text": text})
    assert "This is what we understood" in r.text
    form = read_form(r.text)
    understood = form.hidden["understood"].split(",")
    assert {"trigger_lifting", "fever"} <= set(understood)
    assert "You wrote: “lifted”" in r.text or "You wrote: “lifted a heavy box”" in r.text
    data = dict(form.hidden) | {"action": "next"}
    for fid in understood:
        data[f"f.{fid}"] = form.hidden[f"orig.{fid}"]  # unchanged ...
    data["f.fever"] = "yes"  # ... except the fever we misread
    data["f.trigger_lifting"] = "unknown"  # and the lifting that was not what was meant
    r = local_client.post("/assess", data=data)
    answers = json.loads(read_form(r.text).hidden["answers"])
    assert answers["fever"] is True and answers["trigger_lifting"] is None
    assert "banner-urgent" in r.text and "See a doctor today" in r.text
    assert '<span class="tag">corrected</span>' in r.text


def test_incomplete_result_lists_the_unanswered_safety_questions(local_client):
    saved = local_client.post("/api/v1/assessments", json={"answers": {"trigger_lifting": True}}).json()
    html = local_client.get(f"/assessments/{saved['id']}").text
    assert "This result is not complete" in html
    assert KB.findings["fever"].question in unescape(html)


def test_diary_entry_appears_in_the_chart_and_table(local_client):
    token = csrf_of(local_client.get("/diary").text)
    today = dt.date.today()
    for days_ago, pain in ((2, 7), (0, 4)):
        r = local_client.post(
            "/diary",
            data={
                "csrf_token": token,
                "date": (today - dt.timedelta(days=days_ago)).isoformat(),
                "pain": str(pain),
                "spasms": "2",
            },
        )
        assert r.status_code == 200, r.text[:300]
    html = r.text
    points = re.findall(r'<g class="point" data-pain-point=""><title>([^<]+)</title>', html)
    assert [p.split(": pain ")[1] for p in points] == ["7/10", "4/10"]
    assert "Saved:" in html


def test_diary_rejects_bad_input_with_a_message(local_client):
    token = csrf_of(local_client.get("/diary").text)
    r = local_client.post("/diary", data={"csrf_token": token, "pain": "eleven"})
    assert r.status_code == 400 and "Problem:" in r.text
    r = local_client.post("/diary", data={"csrf_token": token, "pain": "12"})
    assert r.status_code == 400 and "pain" in r.text


def test_diary_warning_sign_prompts_reassessment(local_client):
    token = csrf_of(local_client.get("/diary").text)
    r = local_client.post("/diary", data={"csrf_token": token, "pain": "5", "flag.bowel_incontinence": "yes"})
    assert "Warning sign reported" in r.text and 'href="/assess"' in r.text
    assert 'class="point flagged"' in r.text


def test_exercise_session_records_repetitions_in_the_diary(local_client):
    saved = local_client.post(
        "/api/v1/assessments", json={"answers": {**CLEAR, "trigger_lifting": True, "days_since_onset": 3}}
    ).json()
    plan_ids = {e["id"] for e in saved["assessment"]["plan"]["exercises"]}
    page = local_client.get("/session")
    ids = re.findall(r'data-exercise="([a-z_]+)"', page.text)
    assert ids and set(ids) <= plan_ids
    token = csrf_of(page.text)
    r = local_client.post("/session", data={"csrf_token": token, "pain": "3", f"ex.{ids[0]}": "6"})
    assert r.status_code == 200 and f'data-recorded="{ids[0]}"' in r.text
    entries = local_client.get("/api/v1/diary/entries").json()
    assert entries[-1]["exercises"] == [{"id": ids[0], "repetitions": 6}]
    # A second session the same day adds to the same entry.
    local_client.post("/session", data={"csrf_token": token, "pain": "2", f"ex.{ids[-1]}": "4"})
    entries = local_client.get("/api/v1/diary/entries").json()
    assert len(entries) == 1
    assert entries[0]["exercises"][-1] == {"id": ids[-1], "repetitions": 4} and entries[0]["pain"] == 2


def test_session_without_a_plan_says_what_to_do(local_client):
    assert "Do the check first" in local_client.get("/session").text


def test_result_ics_downloads(local_client):
    saved = local_client.post("/api/v1/assessments", json={"answers": {**CLEAR, "trigger_lifting": True}}).json()
    r = local_client.get(f"/assessments/{saved['id']}/plan.ics")
    assert r.status_code == 200 and b"BEGIN:VCALENDAR" in r.content
    assert "attachment" in r.headers["content-disposition"]


def test_local_data_deletion(local_client):
    local_client.post("/api/v1/diary/entries", json={"pain": 4})
    page = local_client.get("/account")
    r = local_client.post("/account/delete", data={"csrf_token": csrf_of(page.text), "confirm": "nope"})
    assert r.status_code == 400
    assert len(local_client.get("/api/v1/diary/entries").json()) == 1
    r = local_client.post("/account/delete", data={"csrf_token": csrf_of(page.text), "confirm": "delete"})
    assert r.status_code == 200
    assert local_client.get("/api/v1/diary/entries").json() == []
    assert json.loads(local_client.get("/diary/export.json").text)["entries"] == []
