"""The HTML report in headless Chromium: claims and marks render, filters work, hostile text stays text.

Skips when Playwright for Python or a Chromium binary is missing (CI installs
Debian's ``chromium``; never ``playwright install``). The screenshot goes to
``out/report.png`` (the copy in docs/ is for the README), the first ledger chart to
``out/report-ledger.png``.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("NEWSCLAIMS_CHROMIUM") or shutil.which("chromium") or \
    shutil.which("chromium-browser") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

pytestmark = [
    pytest.mark.skipif(sync_playwright is None, reason="playwright is not installed (pip install playwright)"),
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install chromium)"),
]

HOSTILE_TITLE = "Storm <img src=x onerror=alert(1)> hits north"
ARTICLES = [
    {"id": "valencia", "source": "Levante Daily", "published": "2024-10-31",
     "title": "Floods in Valencia",
     "text": "Floods in Valencia killed at least 158 people, regional officials said on Thursday.\n"
             "The government could not independently verify reports that 2,000 homes were destroyed.\n"
             "Rescue teams searched for dozens of missing residents in Paiporta."},
    {"id": "valencia-later", "source": "Turia Wire", "published": "2024-11-03",
     "title": "Valencia flood toll rises",
     "text": "The death toll from the floods in Valencia rose to 211 from 158, regional officials said.\n"
             "A volunteer rescue group said 95 people were killed in Paiporta alone.\n"
             "Rescue teams in Valencia searched for dozens of missing residents."},
    {"id": "hostile", "source": "Braga <b>Post</b>", "published": "2024-11-02", "title": HOSTILE_TITLE,
     "text": "The storm killed 12 people <script>alert(1)</script> in Braga, police said.\n"
             "<img src=x onerror=alert(1)> Officials said 40 homes were damaged near the river.\n"
             "A spokesman said </script><script>alert(2)</script> 300 volunteers had joined the clean-up."},
]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    src = tmp / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    out = tmp / "out"
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 0
    assert main(["report", str(out), "-o", str(out / "report.html")]) == 0
    claims = [json.loads(x) for x in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    return out / "report.html", claims


def test_report_renders_filters_and_stays_inert(report):
    path, claims = report
    html = path.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img" not in html   # escaped in the file itself
    assert "http://" not in html and "https://" not in html      # nothing to fetch
    dialogs, errors, requests = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(10_000)
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
            page.goto(path.as_uri())
            page.wait_for_load_state("load")

            # every claim is a table row and is marked in its article
            rows = page.locator("#claims-table tbody tr.claim-row")
            assert rows.count() == len(claims) >= 3
            for c in claims:
                assert page.locator(f'.doctext [data-claim="{c["claim_id"]}"]').count() >= 1
            quantities = page.locator(".doctext .q").all_text_contents()
            assert "at least 158" in quantities and "12" in quantities and "40" in quantities
            assert any("officials" in s.lower() for s in page.locator(".doctext .src").all_text_contents())
            assert page.locator(".doctext .hedge").count() >= 1 or not any(c["hedges"] for c in claims)

            # the hostile markup is visible as text, in the article, the title and the records
            body_text = page.inner_text("body")
            assert "<script>alert(1)</script>" in body_text and "<img src=x onerror=alert(1)>" in body_text
            assert HOSTILE_TITLE in body_text
            assert page.locator("img").count() == 0
            assert page.locator("script").count() == 2       # the JSON block and the report's own code
            assert page.locator("b").count() == 0
            assert page.evaluate("Object.values(JSON.parse(document.getElementById('claims-data')"
                                 ".textContent)).some(c => c.text.includes('<script>alert(1)</script>'))")

            # hovering a claim shows its record
            first = claims[0]
            page.hover(f'.doctext [data-claim="{first["claim_id"]}"] >> nth=0')
            assert page.is_visible("#panel")
            assert first["claim_id"] in page.text_content("#panel-json")

            # filters change the table
            page.select_option("#f-doc", "hostile")
            visible = page.locator("#claims-table tbody tr.claim-row:not(.hidden)")
            n_hostile = sum(c["doc_id"] == "hostile" for c in claims)
            assert 0 < visible.count() == n_hostile < len(claims)
            assert page.text_content("#f-count") == f"{n_hostile} of {len(claims)} claims shown"
            page.select_option("#f-doc", "")
            page.fill("#f-source", "officials")
            assert 0 < visible.count() < len(claims)
            page.fill("#f-source", "")
            assert visible.count() == len(claims)

            # the ledger section lines the death counts up
            assert page.locator('#ledger table[data-measure="deaths"]').count() >= 1
            assert "158" in page.inner_text("#ledger")

            # one block per story; each group a chart (inline SVG, one mark per row) and its summary
            assert page.locator("#ledger .story h3").count() >= 1
            charts = page.locator("#ledger figure.ledger-group svg.ledger-chart")
            assert charts.count() == page.locator("#ledger table.ledger").count() >= 1
            for k in range(charts.count()):
                n_rows = page.locator("#ledger figure.ledger-group").nth(k).locator("table tbody tr").count()
                assert charts.nth(k).locator("g.row").count() == n_rows
                assert charts.nth(k).bounding_box()["width"] > 300      # drawn, not collapsed
            assert "summary: best" in page.inner_text("#ledger")
            page.keyboard.press("Escape")                                # close the claim panel
            ledger_shot = ROOT / "out" / "report-ledger.png"
            ledger_shot.parent.mkdir(exist_ok=True)
            page.locator("#ledger figure.ledger-group").first.screenshot(path=str(ledger_shot))
            assert ledger_shot.stat().st_size > 5_000

            page.hover(f'.doctext [data-claim="{first["claim_id"]}"] >> nth=0')
            shot = ROOT / "out" / "report.png"
            shot.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()
    assert dialogs == [] and errors == [] and requests == []
