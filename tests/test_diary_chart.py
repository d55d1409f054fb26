"""The recovery chart: a real PNG/SVG with the expected-course band, the MIC line and adherence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from matplotlib.colors import to_rgb

from backcare.adapters.chart import ADHERENCE_GID, BAND_COLOR, BAND_GID, MIC_GID, ChartError, build_figure, write_chart
from backcare.bootstrap import knowledge
from backcare.core.diary import Baseline, DiaryEntry, ExerciseDone, Retriage, ScheduledSession
from backcare.core.recovery import expected_course, improvement_threshold
from backcare.core.trend import compute_trend

ONSET = dt.date(2026, 9, 1)


def entries(n: int = 40) -> list[DiaryEntry]:
    return [
        DiaryEntry(
            date=ONSET + dt.timedelta(days=i),
            recorded_at=dt.datetime(2026, 9, 1, 8, tzinfo=dt.UTC) + dt.timedelta(days=i),
            timezone="UTC",
            pain=max(0, 8 - i // 5),
            exercises=(ExerciseDone(id="glute_bridge", repetitions=10),) if i % 2 else (),
        )
        for i in range(n)
    ]


def _inputs(with_schedule: bool = True) -> tuple[list[DiaryEntry], object, list, dt.date, dt.date]:
    es = entries()
    schedule = (
        [
            ScheduledSession(date=ONSET + dt.timedelta(days=i), activity="glute_bridge", kind="exercise")
            for i in range(40)
        ]
        if with_schedule
        else []
    )
    baseline = Baseline(date=ONSET, pain=8)
    trend = compute_trend(es, baseline, onset=ONSET, schedule=schedule, kb=knowledge())
    until = es[-1].date
    course = expected_course(baseline, ONSET, until)
    return es, trend, course, ONSET, until


def _band_pixels(img: Any) -> int:
    """Pixels of the band's colour: drawn at alpha 0.35 over the white background."""
    band = np.array([round(255 - (255 - 255 * c) * 0.35) for c in to_rgb(BAND_COLOR)])
    rgb = np.asarray(img.convert("RGB"), dtype=int)
    return int((np.abs(rgb - band).max(axis=2) <= 3).sum())


def test_figure_has_band_mic_line_and_adherence() -> None:
    es, trend, course, since, until = _inputs()
    fig = build_figure(es, trend, course, since, until)
    pain_ax, adh_ax = fig.axes
    band = [c for c in pain_ax.collections if c.get_gid() == BAND_GID]
    assert len(band) == 1
    ys = band[0].get_paths()[0].vertices[:, 1]
    assert ys.max() == pytest.approx(max(p.high for p in course), abs=1e-6)
    assert ys.min() == pytest.approx(min(p.low for p in course), abs=1e-6)
    mic = [line for line in pain_ax.lines if line.get_gid() == MIC_GID]
    assert len(mic) == 1
    assert mic[0].get_ydata()[0] == pytest.approx(improvement_threshold(8))
    bars = [c for c in adh_ax.containers if c.get_label() == ADHERENCE_GID]
    assert len(bars) == 1
    heights = [p.get_height() for p in bars[0].patches]
    assert heights == [0.0 if i % 2 == 0 else 1.0 for i in range(40)]


def test_png_is_valid_and_shows_the_band(tmp_path: Path) -> None:
    from PIL import Image

    es, trend, course, since, until = _inputs()
    out = tmp_path / "chart.png"
    summary = write_chart(out, es, trend, course, since, until)
    assert summary.band and summary.entries == 40 and summary.format == "png"
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(out) as img:
        img.verify()
    with Image.open(out) as img:
        assert img.size == (1000, 650)
        close = _band_pixels(img)
    assert close > 2000, "expected-course band colour not found"


def test_png_without_a_band_has_no_band_colour(tmp_path: Path) -> None:
    from PIL import Image

    es, trend, _, since, until = _inputs()
    out = tmp_path / "no-band.png"
    write_chart(out, es, trend, [], since, until)
    with Image.open(out) as img:
        assert _band_pixels(img) < 200


def test_svg_output_and_bad_suffix(tmp_path: Path) -> None:
    es, trend, course, since, until = _inputs(with_schedule=False)
    out = tmp_path / "chart.svg"
    write_chart(out, es, trend, course, since, until)
    svg = out.read_text()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert f'id="{BAND_GID}"' in svg
    with pytest.raises(ChartError, match=r"\.png or \.svg"):
        write_chart(tmp_path / "chart.jpg", es, trend, course, since, until)
    assert not (tmp_path / "chart.jpg").exists()


def test_the_web_chart_is_labelled_inline_svg_without_inline_styles() -> None:
    import re
    import xml.etree.ElementTree as ET

    from backcare.adapters.chart import chart_summary, inline_chart

    es, trend, _, _, _ = _inputs()
    flagged = es[-1].model_copy(update={"retriage": Retriage(disposition="emergency", red_flags=["cauda_equina"])})
    es = [*es[:-1], flagged]
    chart = inline_chart(es, trend, 90, "Pain (0 to 10) by date")
    assert chart is not None and chart.summary == chart_summary(es, trend)
    svg = chart.svg
    assert svg.startswith("<svg") and "<?xml" not in svg
    assert " style=" not in svg and "<style" not in svg and "<script" not in svg
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("id") == "trend-chart" and root.get("width") is None
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert root.find("s:title", ns).text == "Pain (0 to 10) by date"
    assert root.find("s:desc", ns).text == chart.summary
    labels = re.findall(r'data-pain-point=""><title>([^<]+)</title>', svg)
    assert len(labels) == len(es) and labels[0] == f"{ONSET.isoformat()}: pain 8/10"
    assert labels[-1].endswith("warning sign: cauda_equina")
    assert svg.count('class="point flagged"') == 1
    assert f'id="{BAND_GID}"' in svg


def test_no_web_chart_without_entries() -> None:
    from backcare.adapters.chart import inline_chart

    _, trend, _, _, _ = _inputs()
    assert inline_chart([], trend, 90, "Pain") is None
