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

from .conftest import ARTIFACTS, CLEAR, chromium_path, screenshot, serve

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


def describe(page: Any, base: str, text: str) -> None:
    page.goto(f"{base}/assess")
    page.get_by_label("Describe what is happening").fill(text)
    page.get_by_role("button", name="Continue").click()
    page.locator("#progress").wait_for()


def answer_all_no(page: Any, limit: int = 30) -> None:
    """Answer every question the pages put with "No" (numbers left empty) until the result."""
    for _ in range(limit):
        wizard = page.locator("#wizard")
        for fieldset in wizard.locator("section[aria-labelledby=questions-title] fieldset").all():
            no = fieldset.get_by_role("radio", name="No", exact=True)
            if no.count():
                no.check()
        if page.get_by_role("button", name="Continue").count():
            old = page.locator("#wizard").element_handle()
            page.get_by_role("button", name="Continue").click()
            old.wait_for_element_state("hidden")  # htmx swapped in the next step
            continue
        page.get_by_role("button", name="See my result").click()
        page.wait_for_url(re.compile(r"/assessments/[0-9a-f-]+$"))
        return
    raise AssertionError("the questions never ended")


def test_cauda_equina_description_ends_on_the_emergency_banner(page, local_server):
    page.goto(local_server)
    screenshot(page, "home")
    describe(page, local_server, CAUDA_EQUINA)
    banner = page.locator(".banner-emergency")
    assert banner.is_visible()
    assert "Call your emergency number (999 / 911 / 112) now" in banner.inner_text()
    assert "cauda equina" in page.locator(".flag").first.inner_text().lower()
    screenshot(page, "assess-emergency")
    page.get_by_role("button", name="See what to do now").click()
    page.wait_for_url(re.compile(r"/assessments/[0-9a-f-]+$"))
    assert page.locator("h1#banner-title").inner_text() == "Get emergency help now"
    assert "cauda equina syndrome" in page.locator(".banner-action").inner_text()
    assert page.get_by_text("Because you said:").first.is_visible()
    screenshot(page, "result-emergency")


def test_lifting_strain_ends_on_self_care_with_a_plan_whose_ics_parses(page, local_server, tmp_path):
    from icalendar import Calendar

    describe(page, local_server, LIFTING)
    assert page.get_by_role("heading", name="This is what we understood").is_visible()
    screenshot(page, "assess-understood")
    answer_all_no(page)
    assert page.locator(".banner-self-care").is_visible()
    assert page.get_by_role("heading", name="Likely contributors").is_visible()
    assert "Overdoing it" in page.locator(".contributors").inner_text()
    for article in page.locator("article.item, article.exercise").all():
        assert "Sources:" in article.inner_text()
    screenshot(page, "result-self-care")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the schedule (.ics)").click()
    path = tmp_path / "plan.ics"
    info.value.save_as(path)
    calendar = Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    assert events and any(c.name == "VALARM" for e in events for c in e.subcomponents)  # reminders, one per block
    day_one = re.search(r"Day 1 is \w+ (\d+ \w+ \d{4})", page.locator("main").inner_text())
    assert day_one
    first = min(e["dtstart"].dt for e in events)
    assert first.strftime("%d %B %Y") == day_one.group(1)
    rows = page.locator("table.grid tbody tr").count()
    assert rows >= 3
    page.set_viewport_size({"width": 718, "height": 1000})  # A4 less the print margins, at 96 dpi
    page.emulate_media(media="print")
    assert page.locator("header.site").is_hidden() and page.locator("form").first.is_hidden()
    grid = page.locator("table.grid").bounding_box()
    assert grid and grid["x"] >= 0 and grid["x"] + grid["width"] <= 718  # the 14-day grid fits the paper's width
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "result-plan.pdf"), format="A4", margin={"top": "12mm", "bottom": "12mm"})


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
        token = re.search(r'name="csrf_token" value="([^"]+)"', bob.content()).group(1)  # type: ignore[union-attr]
        forged = bob.request.post(f"{multi_server}/diary/{entry_id}/delete", form={"csrf_token": token})
        assert forged.status == 404
        no_token = bob.request.post(f"{multi_server}/diary/{entry_id}/delete", form={})
        assert no_token.status == 403

        alice.goto(f"{multi_server}/diary")
        assert "alice secret note" in alice.content()
        assert alice.request.get(f"{multi_server}/api/v1/assessments/{assessment_id}").status == 200
        bob.goto(f"{multi_server}/login")
        screenshot(bob, "login")
    finally:
        alice_ctx.close()
        bob_ctx.close()
