"""Browser tests: Playwright driving Debian's Chromium against a real ``backcare serve`` on loopback.

Screenshots of the main pages are saved under ``test-artifacts/web/`` (see ``conftest.screenshot``).
In CI a missing Chromium fails these tests; elsewhere they skip with the reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from .conftest import ARTIFACTS, CLEAR, chromium_path, screenshot
from .live import live_server as serve

CAUDA_EQUINA = (
    "My back has been bad for two days. Since this morning I cannot feel the toilet paper when I wipe "
    "and I am struggling to pee."
)
LIFTING = (
    "My lower back went into spasm when I lifted a heavy box at work yesterday. No numbness or tingling, "
    "peeing normally, no fever."
)


@pytest.fixture(scope="module")
def local_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    chromium_path()  # fail (CI) or skip before starting a server for nothing
    with serve(tmp_path_factory.mktemp("local")) as base:
        yield base


@pytest.fixture(scope="module")
def multi_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    chromium_path()
    with serve(tmp_path_factory.mktemp("multi"), "--multi-user") as base:
        yield base


def describe(page: Any, base: str, text: str, wait: str = "#progress") -> None:
    page.goto(f"{base}/assess")
    page.get_by_label("Describe what is happening").fill(text)
    page.get_by_role("button", name="Continue").click()
    page.locator(wait).first.wait_for()


def answer_all(page: Any, choice: str = "No", limit: int = 30) -> None:
    """Answer every question the pages put with ``choice`` (numbers left empty) until the result."""
    for _ in range(limit):
        if re.search(r"/assessments/[0-9a-f-]+$", page.url):
            return
        wizard = page.locator("#wizard")
        for fieldset in wizard.locator("section[aria-labelledby=questions-title] fieldset").all():
            radio = fieldset.get_by_role("radio", name=choice, exact=True)
            if radio.count():
                radio.check()
        button = "Continue" if page.get_by_role("button", name="Continue").count() else "See my result"
        old = page.locator("#wizard").element_handle()
        page.get_by_role("button", name=button).click()
        wait_for_next_step(page, old)
    raise AssertionError("the questions never ended")


def wait_for_next_step(page: Any, old: Any) -> None:
    """Until htmx swapped in the next step (the old form is gone) or the browser went to the result."""
    for _ in range(300):
        if re.search(r"/assessments/[0-9a-f-]+$", page.url):
            page.wait_for_load_state("load")
            return
        try:
            if not old.evaluate("(e) => e.isConnected"):
                return
        except PlaywrightError:  # the page is navigating to the result
            page.wait_for_url(re.compile(r"/assessments/[0-9a-f-]+$"))
            page.wait_for_load_state("load")
            return
        page.wait_for_timeout(100)
    raise AssertionError("the next step never came")


def no_horizontal_scroll(page: Any, what: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport, f"{what} is {width}px wide at {viewport}px"


def no_axe_violations(page: Any, what: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    violations = results.response["violations"]
    assert not violations, f"{what}: " + "; ".join(f"{v['id']} ({v['impact']})" for v in violations)


def test_cauda_equina_description_ends_on_the_emergency_page(page, local_server):
    page.goto(local_server)
    screenshot(page, "home")
    describe(page, local_server, CAUDA_EQUINA, wait=".banner-emergency")
    page.wait_for_url(re.compile(r"/assessments/[0-9a-f-]+$"))
    assert "cauda equina syndrome" in page.locator("h1#banner-title").inner_text().lower()
    call = page.locator("main a[href^='tel:']").first
    assert call.get_attribute("href") == "tel:999" and call.is_visible()
    screenshot(page, "result-emergency")


@pytest.mark.parametrize("width", [360, 1280])
def test_emergency_first_screen_holds_the_call_and_no_other_action(page, local_server, width):
    page.set_viewport_size({"width": width, "height": 740})
    describe(page, local_server, CAUDA_EQUINA, wait=".banner-emergency")
    page.wait_for_url(re.compile(r"/assessments/[0-9a-f-]+$"))
    height = page.evaluate("window.innerHeight")
    actions = page.evaluate(
        """(h) => [...document.querySelectorAll('main a, main button, main summary, main input')]
             .filter(e => { const r = e.getBoundingClientRect(); return r.height > 0 && r.top < h; })
             .map(e => e.getAttribute('href') || e.tagName)""",
        height,
    )
    assert actions and all(str(a).startswith("tel:") for a in actions), actions
    no_horizontal_scroll(page, "emergency result")
    no_axe_violations(page, "emergency result")


@pytest.mark.parametrize("width", [360, 1280])
def test_every_page_fits_and_passes_axe(page, local_server, width):
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("/", "/assess", "/diary", "/session", "/assessments", "/account"):
        page.goto(f"{local_server}{path}")
        no_horizontal_scroll(page, path)
        no_axe_violations(page, path)
    describe(page, local_server, LIFTING)
    no_horizontal_scroll(page, "question step")
    no_axe_violations(page, "question step")
    answer_all(page)
    assert page.locator(".banner-self-care").is_visible()
    no_horizontal_scroll(page, "self-care result")
    no_axe_violations(page, "self-care result")
    page.locator("main details").evaluate_all("(ds) => ds.forEach(d => d.open = true)")
    no_horizontal_scroll(page, "self-care result, unfolded")
    no_axe_violations(page, "self-care result, unfolded")
    screenshot(page, f"result-self-care-{width}px")


def test_skipped_safety_questions_never_give_a_self_care_headline(page, local_server):
    page.goto(f"{local_server}/assess")
    page.get_by_role("button", name="Continue").click()
    page.locator("#wizard").wait_for()
    answer_all(page, choice="Don't know / skip")
    banner = page.locator("#banner-title").inner_text()
    assert "Self-care" not in page.locator(".banner-label").inner_text()
    assert "safety" in banner.lower()
    assert not page.locator(".banner-self-care").count()
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        no_horizontal_scroll(page, f"unfinished result at {width}px")
        no_axe_violations(page, f"unfinished result at {width}px")


def test_a_refused_form_shows_its_message_next_to_the_field(page, local_server):
    page.goto(f"{local_server}/diary")
    page.locator("fieldset.scale").get_by_text("6", exact=True).click()
    page.evaluate("document.querySelectorAll('input[type=date]').forEach(e => { e.removeAttribute('min'); })")
    page.locator("input[type=date]").first.fill("1999-01-01")
    with page.expect_response(lambda r: r.request.method == "POST") as info:
        page.get_by_role("button", name="Save entry").click()
    assert 400 <= info.value.status < 500
    page.locator(".error, .error-summary").first.wait_for()
    assert "2000" in page.locator("main").inner_text()


def test_lifting_strain_ends_on_self_care_with_a_plan_whose_ics_parses(page, local_server, tmp_path):
    from icalendar import Calendar

    describe(page, local_server, LIFTING)
    assert page.get_by_role("heading", name="This is what we understood").is_visible()
    screenshot(page, "assess-understood")
    answer_all(page)
    assert page.locator(".banner-self-care").is_visible()
    assert page.get_by_role("heading", name="Get help if").is_visible()
    assert 1 <= page.locator("ol.do-now > li").count() <= 5
    screenshot(page, "result-self-care")
    page.get_by_text("Your 14-day schedule").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Add reminders to my calendar (.ics)").click()
    path = tmp_path / "plan.ics"
    info.value.save_as(path)
    calendar = Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    assert events
    page.set_viewport_size({"width": 718, "height": 1000})  # A4 less the print margins, at 96 dpi
    page.emulate_media(media="print")
    assert page.locator("header.site").is_hidden()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = page.pdf(path=str(ARTIFACTS / "result-plan.pdf"), format="A4", margin={"top": "12mm", "bottom": "12mm"})
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) <= 2, "the printed plan is longer than two A4 pages"


def test_diary_entry_appears_in_the_chart(page, local_server):
    page.goto(f"{local_server}/diary")
    before = page.locator("svg#trend-chart [data-pain-point]").count()
    page.locator("fieldset.scale").get_by_text("6", exact=True).click()
    page.get_by_label("Spasms today").fill("3")
    page.get_by_label("Note (we check it for warning signs)").fill("stiff after the drive")
    page.get_by_role("button", name="Save entry").click()
    page.get_by_text("Saved:").wait_for()
    points = page.locator("svg#trend-chart [data-pain-point]")
    assert points.count() == before + 1
    titles = [t.text_content() for t in page.locator("svg#trend-chart [data-pain-point] title").all()]
    assert any(t and t.endswith("pain 6/10") for t in titles)
    assert "stiff after the drive" in page.locator("table.entries").inner_text()
    screenshot(page, "diary")


def test_exercise_session_records_its_repetitions(page, local_server):
    r = page.request.post(
        f"{local_server}/api/v1/assessments",
        data=json.dumps({"answers": {**CLEAR, "trigger_lifting": True, "days_since_onset": 4, "pain_score": 4}}),
        headers={"content-type": "application/json"},
    )
    assert r.status == 201
    page.clock.install()
    page.goto(f"{local_server}/session")
    card = page.locator(".exercise-card").first
    exercise = card.get_attribute("data-exercise")
    sets, reps = int(card.get_attribute("data-sets")), int(card.get_attribute("data-reps"))
    hold, rest = int(card.get_attribute("data-hold")), int(card.get_attribute("data-rest"))
    sides = 2 if card.get_attribute("data-per-side") == "true" else 1
    card.get_by_role("button", name="Start").click()
    assert "first side" in card.locator("[data-phase]").inner_text() or sides == 1
    card.get_by_role("button", name="Pause").click()
    page.clock.run_for(60_000)
    assert card.get_by_label("Repetitions done").input_value() in ("", "0")
    assert card.locator("[data-phase]").inner_text().startswith("Paused")
    card.get_by_role("button", name="Resume").click()
    seconds = sets * reps * sides * (hold or 3) + (sets - 1) * (rest or 30) + 10
    for _ in range(seconds):
        page.clock.run_for(1000)
    assert card.locator("[data-phase]").inner_text().startswith("Done")
    assert card.get_by_label("Repetitions done").input_value() == str(sets * reps)
    screenshot(page, "session")
    page.locator("fieldset.scale").get_by_text("3", exact=True).click()
    page.get_by_role("button", name="Save to my diary").click()
    page.get_by_role("heading", name="Session saved").wait_for()
    assert page.locator(f'[data-recorded="{exercise}"]').inner_text().endswith(f"{sets * reps} repetitions")
    entries = page.request.get(f"{local_server}/api/v1/diary/entries").json()
    assert {"id": exercise, "repetitions": sets * reps} in entries[-1]["exercises"]


def test_pages_fit_a_small_screen_and_work_by_keyboard(page, local_server):
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("/", "/assess", "/diary", "/session"):
        page.goto(f"{local_server}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width}px wide"
    page.goto(local_server)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    screenshot(page, "home-360px")


# --- Multi-user ----------------------------------------------------------------------------------


def register_in_browser(page: Any, base: str, name: str) -> None:
    page.goto(f"{base}/register")
    page.get_by_label("Name (3 to 64").fill(name)
    page.get_by_label("Password (at least 10 characters)").fill("a long enough password")
    page.get_by_label("Password again").fill("a long enough password")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(f"{base}/")
    assert page.get_by_text(f"Logged in as {name}.").is_visible()


def api(page: Any, base: str, method: str, path: str, body: Any = None) -> Any:
    token = page.request.get(f"{base}/api/v1/auth/session").json()["csrf_token"]
    headers = {"x-csrf-token": token, "content-type": "application/json"}
    return page.request.fetch(
        f"{base}{path}", method=method, headers=headers, data=json.dumps(body) if body is not None else None
    )


def test_one_account_cannot_reach_anothers_data(browser, multi_server, tmp_path: Path):
    alice_ctx, bob_ctx = browser.new_context(), browser.new_context()
    try:
        alice, bob = alice_ctx.new_page(), bob_ctx.new_page()
        alice.goto(f"{multi_server}/register")
        screenshot(alice, "register")
        no_axe_violations(alice, "register")
        register_in_browser(alice, multi_server, "alice")
        cookie = next(c for c in alice_ctx.cookies() if c["name"].startswith("__Host-"))
        assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Lax"
        alice.goto(f"{multi_server}/diary")
        alice.locator("fieldset.scale").get_by_text("7", exact=True).click()
        alice.get_by_label("Note (we check it for warning signs)").fill("alice secret note")
        alice.get_by_role("button", name="Save entry").click()
        alice.get_by_text("Saved:").wait_for()
        entry_id = alice.request.get(f"{multi_server}/api/v1/diary/entries").json()[0]["id"]
        saved = api(alice, multi_server, "POST", "/api/v1/assessments", {"answers": {**CLEAR, "trigger_lifting": True}})
        assert saved.status == 201
        assessment_id = saved.json()["id"]

        register_in_browser(bob, multi_server, "bob")
        for path in (
            f"/assessments/{assessment_id}",
            f"/assessments/{assessment_id}/plan.ics",
            f"/api/v1/assessments/{assessment_id}",
            f"/api/v1/assessments/{assessment_id}/plan",
            f"/api/v1/diary/entries/{entry_id}",
        ):
            response = bob.request.get(f"{multi_server}{path}")
            assert response.status == 404, path
            assert "alice" not in response.text()
        bob.goto(f"{multi_server}/diary")
        assert "alice secret note" not in bob.content()
        assert "alice secret note" not in bob.request.get(f"{multi_server}/api/v1/export").text()
        assert api(bob, multi_server, "PUT", f"/api/v1/diary/entries/{entry_id}", {"pain": 0}).status == 404
        assert api(bob, multi_server, "DELETE", f"/api/v1/diary/entries/{entry_id}").status == 404
        assert api(bob, multi_server, "DELETE", f"/api/v1/assessments/{assessment_id}").status == 404
        token = re.search(r'name="csrf_token" value="([^"]+)"', bob.content()).group(1)
        forged = bob.request.post(f"{multi_server}/diary/{entry_id}/delete", form={"csrf_token": token})
        assert forged.status == 404
        no_token = bob.request.post(f"{multi_server}/diary/{entry_id}/delete", form={})
        assert no_token.status == 403

        alice.goto(f"{multi_server}/diary")
        assert "alice secret note" in alice.content()
        assert alice.request.get(f"{multi_server}/api/v1/assessments/{assessment_id}").status == 200
        bob.goto(f"{multi_server}/login")
        screenshot(bob, "login")
        no_axe_violations(bob, "login")
        bob.set_viewport_size({"width": 360, "height": 740})
        no_horizontal_scroll(bob, "login")
    finally:
        alice_ctx.close()
        bob_ctx.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_back_forward_and_reload_keep_the_answers(page, local_server, width):
    page.set_viewport_size({"width": width, "height": 800})
    describe(page, local_server, LIFTING)
    page.wait_for_url(re.compile(r"/assess\?step=1$"))
    first = page.locator("#wizard input[name=answers]").input_value()
    fieldset = page.locator("section[aria-labelledby=questions-title] fieldset").first
    question = fieldset.get_attribute("id")
    fieldset.get_by_role("radio", name="No", exact=True).check()
    old = page.locator("#wizard").element_handle()
    page.get_by_role("button", name="Continue").click()
    wait_for_next_step(page, old)
    page.wait_for_url(re.compile(r"/assess\?step=2$"))
    second = page.locator("#wizard input[name=answers]").input_value()
    no_horizontal_scroll(page, "second question step")
    no_axe_violations(page, "second question step")
    assert question and question[2:] in json.loads(second)  # the answer travels with the step
    # the new questions have the focus, not the top of the page
    assert page.evaluate("document.activeElement.id") == "questions-title"
    answers = page.locator("#wizard input[name=answers]")
    page.go_back()
    page.wait_for_url(re.compile(r"/assess\?step=1$"))
    expect(answers).to_have_value(first)
    page.go_forward()
    page.wait_for_url(re.compile(r"/assess\?step=2$"))
    expect(answers).to_have_value(second)
    page.reload()
    expect(answers).to_have_value(second)
    assert page.locator("#wizard input[name=text]").input_value().startswith("My lower back")
