"""The ledger chart of the HTML report: inline SVG, one mark per row, timeline and
conflict marks, escaped text, nothing to fetch (invented claims built by hand)."""
from __future__ import annotations

import re

from pipeline.inspect.chart import Axis, group_svg
from pipeline.inspect.ledger import build_ledger
from tests.test_ledger import claim, quantity


def _group(claims: list[dict], docs: dict):
    (table,) = build_ledger(claims, docs)
    return table


def _toll_story():
    s1 = "The ferry operator said 40 people were killed."
    s2 = "The toll was revised down to 31 from 40, the ferry operator said."
    s3 = "A <script>alert(1)</script> coastguard said more than 90 people were killed."
    docs = {"a": {"doc_id": "a", "published": "2031-06-01"}, "b": {"doc_id": "b", "published": "2031-06-03"},
            "c": {"doc_id": "c", "published": "2031-06-02"}}
    return [claim("a", s1, [quantity(s1, "40", 40, predicate="kill", counted="people")], source="ferry operator"),
            claim("b", s2, [quantity(s2, "31", 31, predicate="kill"), quantity(s2, "40", 40, predicate="kill")],
                  source="ferry operator"),
            claim("c", s3, [quantity(s3, "more than 90", 90, approx="more_than", predicate="kill",
                                     counted="people")],
                  source="<script>alert(1)</script> coastguard")], docs


def test_one_mark_per_row_with_its_source_colour_and_tooltip():
    m = _group(*_toll_story())
    svg = group_svg(m)
    assert svg.startswith("<svg") and svg.count('<g class="row"') == len(m.rows) == 4
    assert "ferry operator" in svg and "2031-06-01" in svg and "2031-06-03" in svg


def test_revision_is_a_dashed_red_link_and_conflict_a_red_ring():
    m = _group(*_toll_story())
    svg = group_svg(m)
    assert any(r.change == "revised" for r in m.rows)
    assert re.search(r'<line class="link revised"[^>]*stroke="#c00" stroke-dasharray', svg)
    assert any(r.conflicts for r in m.rows) and 'class="conflict"' in svg


def test_open_interval_has_an_arrow_and_disputed_figure_is_hollow():
    s = "The army denied that 70 soldiers were killed; the rebels said at least 120 soldiers were killed."
    denied = quantity(s, "70", 70, predicate="kill", counted="soldiers") | {"flags": {"disputed": True}}
    c = claim("a", s, [denied, quantity(s, "at least 120", 120, approx="at_least", predicate="kill",
                                        counted="soldiers")],
              source="rebels")
    svg = group_svg(_group([c], {"a": {"doc_id": "a", "published": "2031-01-01"}}))
    assert '<path d="M' in svg and 'fill="none"' in svg          # the arrow of "at least 120"
    assert 'fill="#fff"' in svg and "disputed" in svg            # 70 is denied: hollow, crossed


def test_text_is_escaped_and_nothing_is_fetched_or_styled_inline():
    svg = group_svg(_group(*_toll_story()))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "http" not in svg and "style=" not in svg and "href" not in svg


def test_value_axis_is_logarithmic_for_wide_ranges_only():
    assert Axis.of([10, 20, 40]).log is False
    wide = Axis.of([12, 150_000])
    assert wide.log and wide.ticks()[0] == 10 and wide.y(150_000) < wide.y(12)


def test_undated_rows_stand_in_their_own_column():
    s = "Officials said 12 people were killed."
    c = claim("u", s, [quantity(s, "12", 12, predicate="kill", counted="people")], source="Officials")
    svg = group_svg(_group([c], {"u": {"doc_id": "u"}}))
    assert ">undated<" in svg
