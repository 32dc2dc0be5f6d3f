"""Targets against results across the reports of a corpus: was the target met?

A report of year Y states targets (observations with status ``target``, read from its plan part) for Y or for a
multi-year period (``2021-2025`` for “十四五”); the report of the year after the period's end, of the same region,
reviews it (status ``actual``, the same period or its end year). A target is linked to the result on the same
indicator — its concept in the indicator scheme when it has one (城镇调查失业率平 and 年末城镇调查失业率 are one
concept), else its name —, the same scope (by name), the same measure and the same normalized unit, and judged by
its kind (`govkg.extract.indicators`) and its concept's direction (whether higher or lower is better):

- ``met`` / ``missed``: by the rule shown beside each row (`rule_of`): floor and stretch ``result ≥ target``,
  ceiling ``result ≤ target``, approximate within 5% (or above, when higher is better), range ``low ≤ result ≤
  high`` (or past the good end), a target without a hedge by the direction;
- ``not_reported``: the following report is in the corpus but gives no such result;
- ``not_due``: a multi-year target whose period has not ended in the corpus (no report of the year after it).

Single-year targets whose following report is not in the corpus are not assessed. When the following report
gives several results for one target, the first in the text is used.

>>> t = {"value": 5.0, "qualifier": "左右", "measure": "growth_rate"}
>>> judge(t, {"value": 4.8}), judge(t, {"value": 4.0}), judge({"value": 5.5, "qualifier": "以内", "measure": "share"}, {"value": 5.2})
('met', 'missed', 'met')
>>> unemployment = {"value": 5.5, "qualifier": "左右", "measure": "share", "direction": "lower"}
>>> judge(unemployment, {"value": 5.1}), rule_of(unemployment)
('met', 'ceiling: result ≤ 5.5')
>>> judge({"value": 3.0, "qualifier": "左右", "measure": "growth_rate", "direction": "lower"}, {"value": 0.2})
'met'
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS
from rdflib.namespace import SKOS as SKOS_NS
from rdflib.namespace import XSD as XSD_NS

from govkg.ontology.namespace import DATA_IRI, GK, TARGETS_GRAPH

OUTCOME_IRI = "https://w3id.org/govkg/vocab/outcome/"
OUTCOMES = ("met", "missed", "not_reported", "not_due")
OUTCOME_LABELS = {"met": ("完成", "met"), "missed": ("未完成", "missed"), "not_reported": ("未报告", "not reported"),
                  "not_due": ("未到期", "not due")}
ABOUT_TOLERANCE = 0.05
RDF_TYPE, RDFS_LABEL, PROV_ENTITY = str(RDF.type), str(RDFS.label), str(PROV.Entity)
SKOS, XSD = str(SKOS_NS), str(XSD_NS)  # namespace IRIs, to which term names are appended

@dataclass
class Assessment:
    target: dict
    result: dict | None
    outcome: str
    target_report: dict
    checked_report: dict

    @property
    def iri(self) -> str:
        return DATA_IRI + "assessment/" + self.target["obs"][len(DATA_IRI):]


def judge(target: dict, result: dict | None) -> str:
    """met / missed / not_reported for a target row and its result row (rules in the module doc)."""
    if result is None:
        return "not_reported"
    low, high = _bounds(target)
    r = result["value"]
    eps = 1e-9 * max(1.0, abs(target["value"]))
    return "met" if low - eps <= r <= high + eps else "missed"


def rule_of(target: dict) -> str:
    """The rule a target is judged by, in words: 'floor: result ≥ 5', 'range: 6 ≤ result ≤ 6.5 (or above)' …"""
    low, high = _bounds(target)
    kind = _kind(target)
    show = _number
    if low == float("-inf"):
        return f"{kind}: result ≤ {show(high)}"
    if high == float("inf"):
        return f"{kind}: result ≥ {show(low)}"
    return f"{kind}: {show(low)} ≤ result ≤ {show(high)}"


def _direction(target: dict) -> str:
    if target.get("measure") == "rank" or (not target.get("direction") and target["value"] < 0):
        return "lower"
    return target.get("direction") or "higher"


def _kind(target: dict) -> str:
    if target.get("kind"):
        return target["kind"]
    from .extract.indicators import DECLINING_MEASURES, target_kind

    decline = target["value"] < 0 and target.get("measure") in DECLINING_MEASURES
    return target_kind(target.get("qualifier"), _direction(target), decline=decline)


def _bounds(target: dict) -> tuple[float, float]:
    """[low, high] a result must fall in to meet `target`."""
    t, kind, direction = target["value"], _kind(target), _direction(target)
    inf = float("inf")
    if kind in ("floor", "stretch"):
        return t, inf
    if kind == "ceiling":
        return -inf, t
    if kind == "range" and target.get("upper") is not None:
        low, high = sorted((t, target["upper"]))
        return (low, inf) if direction == "higher" else (-inf, high) if direction == "lower" else (low, high)
    tolerance = abs(t) * ABOUT_TOLERANCE if kind == "approximate" else 0.0
    if direction == "lower":
        return -inf, t + tolerance
    if direction == "higher":
        return t - tolerance, inf
    return t - tolerance, t + tolerance


def _number(x: float) -> str:
    return f"{x:g}"


def _key(row: dict, period: str) -> tuple:
    """What a target and its result share: concept (or name), scope, measure and unit. For a rate concept (CPI,
    unemployment) a level and a growth rate in percent are one measure (涨幅3% and 涨幅回落到2.3%)."""
    measure = row["measure"]
    if row.get("family") == "percent" and row["unit_norm"] == "percent" and measure in ("share", "growth_rate"):
        measure = "rate"
    return row.get("concept") or row["indicator"], row["scope_label"], measure, row["unit_norm"], period


def _period_end(period: str) -> int | None:
    end = period.rsplit("-", 1)[-1]
    return int(end) if end.isdigit() else None


def link_targets(reports: list[dict]) -> list[Assessment]:
    """Assess every target of every report against the report of the year after its period, same region."""
    by_region_year: dict[tuple[str, int], dict] = {}
    for rep in sorted((r for r in reports if r and r.get("year")), key=lambda r: r["report"]):
        by_region_year.setdefault((rep["city"], rep["year"]), rep)
    assessments = []
    for (region, year), rep in sorted(by_region_year.items()):
        for row in rep["observations"]:
            end = _period_end(row["period"])
            if row["status"] != "target" or end is None or end < year:
                continue
            following = by_region_year.get((region, end + 1))
            if following is None:
                if "-" in row["period"] or end > year:
                    assessments.append(Assessment(row, None, "not_due", rep, None))
                continue
            result = _results(following, row["period"], end).get(_key(row, ""))
            assessments.append(Assessment(row, result, judge(row, result), rep, following))
    return assessments


def _results(report: dict, period: str, end: int) -> dict[tuple, dict]:
    """The report's first actual per (indicator, scope, measure, unit) for `period` (or its end year)."""
    found: dict[tuple, dict] = {}
    for row in report["observations"]:
        if row["status"] == "actual" and row["period"] in (period, str(end)):
            found.setdefault(_key(row, ""), row)
    return found


# --- RDF -------------------------------------------------------------------------------------------------

def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _lit(value: str, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(value, language=lang)
    return ox.Literal(value, datatype=_n(datatype)) if datatype else ox.Literal(value)


def assessment_triples(assessments: list[Assessment], copy_facts: bool = False) -> list[ox.Triple]:
    """The triples of the assessments (and, with `copy_facts`, of the observations, spans and reports they
    point to, so the result stands alone as a Turtle file the cookbook query runs on); sorted, no duplicates."""
    triples: set[ox.Triple] = set()
    add = triples.add
    outcome_concepts = set()
    for a in assessments:
        node = _n(a.iri)
        add(ox.Triple(node, _n(RDF_TYPE), _n(str(GK.TargetAssessment))))
        add(ox.Triple(node, _n(RDF_TYPE), _n(PROV_ENTITY)))
        add(ox.Triple(node, _n(str(GK.assessedTarget)), _n(a.target["obs"])))
        if a.result is not None:
            add(ox.Triple(node, _n(str(GK.assessedResult)), _n(a.result["obs"])))
        if a.checked_report is not None:
            add(ox.Triple(node, _n(str(GK.checkedReport)), _n(a.checked_report["report"])))
        add(ox.Triple(node, _n(str(GK.outcome)), _n(OUTCOME_IRI + a.outcome)))
        add(ox.Triple(node, _n(str(GK.assessmentRule)), _lit(rule_of(a.target))))
        outcome_concepts.add(a.outcome)
        if copy_facts:
            for rep in (a.target_report, a.checked_report):
                if rep is not None:
                    _report_triples(rep, add)
            for row in (a.target, a.result):
                if row is not None:
                    _observation_triples(row, add)
    for outcome in outcome_concepts:
        c = _n(OUTCOME_IRI + outcome)
        add(ox.Triple(c, _n(RDF_TYPE), _n(SKOS + "Concept")))
        add(ox.Triple(c, _n(SKOS + "inScheme"), _n(str(GK.OutcomeScheme))))
        add(ox.Triple(c, _n(SKOS + "notation"), _lit(outcome)))
        zh, en = OUTCOME_LABELS[outcome]
        add(ox.Triple(c, _n(SKOS + "prefLabel"), _lit(zh, lang="zh")))
        add(ox.Triple(c, _n(SKOS + "prefLabel"), _lit(en, lang="en")))
    return sorted(triples, key=str)


def _report_triples(rep: dict, add) -> None:
    r = _n(rep["report"])
    add(ox.Triple(r, _n(RDF_TYPE), _n(str(GK.Report))))
    add(ox.Triple(r, _n(RDFS_LABEL), _lit(rep["label"], lang="zh")))
    add(ox.Triple(r, _n(str(GK.city)), _lit(rep["city"])))
    add(ox.Triple(r, _n(str(GK.year)), _lit(str(rep["year"]), XSD + "gYear")))


def _observation_triples(row: dict, add) -> None:
    o = _n(row["obs"])
    gk = lambda name: _n(str(GK[name]))  # noqa: E731
    add(ox.Triple(o, _n(RDF_TYPE), gk("Observation")))
    add(ox.Triple(o, gk("indicator"), _n(row["indicator"])))
    add(ox.Triple(_n(row["indicator"]), _n(RDF_TYPE), gk("Indicator")))
    add(ox.Triple(_n(row["indicator"]), _n(RDFS_LABEL), _lit(row["indicator_label"], lang="zh")))
    add(ox.Triple(o, gk("scope"), _n(row["scope"])))
    add(ox.Triple(_n(row["scope"]), _n(RDF_TYPE), gk(row.get("scope_class", "Place"))))  # a place or a project
    add(ox.Triple(_n(row["scope"]), _n(RDFS_LABEL), _lit(row["scope_label"], lang="zh")))
    add(ox.Triple(o, gk("value"), _lit(row["value_lexical"], XSD + "decimal")))
    add(ox.Triple(o, gk("unit"), _n(row["unit"])))
    add(ox.Triple(_n(row["unit"]), _n(SKOS + "notation"), _lit(row["unit_norm"])))
    add(ox.Triple(_n(row["unit"]), _n(SKOS + "inScheme"), gk("UnitScheme")))
    for concept in (row["unit"], row["measure_iri"], row["status_iri"]):
        add(ox.Triple(_n(concept), _n(RDF_TYPE), _n(SKOS + "Concept")))
    add(ox.Triple(o, gk("measure"), _n(row["measure_iri"])))
    add(ox.Triple(_n(row["measure_iri"]), _n(SKOS + "notation"), _lit(row["measure"])))
    add(ox.Triple(o, gk("status"), _n(row["status_iri"])))
    add(ox.Triple(_n(row["status_iri"]), _n(SKOS + "notation"), _lit(row["status"])))
    add(ox.Triple(o, gk("period"), _lit(row["period"])))
    if row.get("qualifier"):
        add(ox.Triple(o, gk("qualifier"), _lit(row["qualifier"])))
    if row.get("concept"):
        add(ox.Triple(o, gk("concept"), _n(row["concept"])))
        add(ox.Triple(_n(row["concept"]), _n(SKOS + "prefLabel"), _lit(row["concept_label"], lang="zh")))
        add(ox.Triple(_n(row["concept"]), _n(RDF_TYPE), _n(SKOS + "Concept")))
        add(ox.Triple(_n(row["concept"]), _n(SKOS + "inScheme"), gk("IndicatorScheme")))
        if row.get("direction"):
            add(ox.Triple(_n(row["concept"]), gk("direction"), _lit(row["direction"])))
    if row.get("kind"):
        add(ox.Triple(o, gk("targetKind"), _lit(row["kind"])))
    span = _n(row["span"])
    add(ox.Triple(o, gk("evidence"), span))
    add(ox.Triple(span, gk("startOffset"), _lit(str(row["start"]), XSD + "integer")))
    add(ox.Triple(span, gk("endOffset"), _lit(str(row["end"]), XSD + "integer")))
    add(ox.Triple(span, gk("text"), _lit(row["quote"])))
    add(ox.Triple(span, gk("inSentence"), _n(row["sentence"])))
    add(ox.Triple(_n(row["sentence"]), gk("inReport"), _n(row["report"])))


PREFIXES = {"gk": str(GK._NS), "id": DATA_IRI, "rdfs": str(RDFS), "skos": SKOS, "xsd": XSD, "prov": str(PROV),
            "dcterms": str(DCTERMS)}


def targets_turtle(assessments: list[Assessment]) -> bytes:
    """A stand-alone Turtle file of the assessments and the facts they link (for `govkg query target_outcomes`)."""
    return ox.serialize(assessment_triples(assessments, copy_facts=True), format=ox.RdfFormat.TURTLE,
                        prefixes=PREFIXES)


# --- HTML view -------------------------------------------------------------------------------------------

_COLOURS = {"met": "#d8f3dc", "missed": "#ffd6d6", "not_reported": "#eeeeee", "not_due": "#e8eefc"}


def targets_html(assessments: list[Assessment], reports: list[dict] | None = None,
                 title: str = "govkg · 目标对比与完成情况 · targets side by side and against results") -> bytes:
    """A self-contained page (no scripts, nothing loaded from the network): the side-by-side table of each
    report's headline targets for its own year (regions × headline indicators), then one row per assessed
    target, headline indicators first, values as the reports write them (5%左右, 1.3万亿斤)."""
    e = html.escape
    counts = {o: sum(a.outcome == o for a in assessments) for o in OUTCOMES}
    summary = " · ".join(f"{OUTCOME_LABELS[o][0]} {o}: {counts[o]}" for o in OUTCOMES)
    rows = [_outcome_row(a) for a in sorted(assessments, key=_outcome_order)]
    page = f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>body{{font-family:sans-serif;margin:1em}}table{{border-collapse:collapse;margin-bottom:1.5em}}td,th{{border:1px
solid #bbb;padding:3px 6px;vertical-align:top}}td.n{{text-align:right;white-space:nowrap}}th{{background:#f4f4f4}}
</style></head><body><h1>{e(title)}</h1>
{compare_tables(reports or [])}
<h2>目标完成情况 · targets against results</h2><p>{e(summary)}</p>
<table><thead><tr><th>region</th><th>period</th><th>indicator</th><th>concept</th><th>scope</th><th>target</th>
<th>result</th><th>outcome</th><th>rule</th><th>target evidence</th><th>result evidence</th></tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
    return page.encode("utf-8")


def headline_concepts() -> tuple[str, ...]:
    from .vocab import word_list

    return word_list("headline_indicators")


def _outcome_order(a: Assessment) -> tuple:
    headline = headline_concepts()
    label = a.target.get("concept_label")
    rank = headline.index(label) if label in headline else len(headline)
    return rank, a.target_report["city"], a.target["period"], a.target["indicator_label"], a.target["start"]


def _outcome_row(a: Assessment) -> str:
    e = html.escape
    t, r = a.target, a.result
    zh, en = OUTCOME_LABELS[a.outcome]
    checked = a.checked_report
    return (f'<tr style="background:{_COLOURS[a.outcome]}"><td>{e(a.target_report["city"])}</td>'
            f'<td>{e(t["period"])}</td><td>{e(t["indicator_label"])}</td><td>{e(t.get("concept_label") or "")}</td>'
            f'<td>{e(t["scope_label"])}</td><td class="n">{e(_as_written(t))}</td>'
            f'<td class="n">{e(_as_written(r)) if r else "—"}</td><td><b>{e(zh)}</b> {e(en)}</td>'
            f'<td><small>{e(rule_of(t))}</small></td>'
            f'<td><small>{e(_rid(a.target_report))} @{t["start"]}: {e(t["quote"])}</small></td>'
            f'<td><small>{e(_rid(checked)) if checked else ""}' + (f' @{r["start"]}: {e(r["quote"])}' if r else "") +
            "</small></td></tr>")


def _as_written(row: dict) -> str:
    """A value as the report writes it: 5%左右, 1.3万亿斤, 6%－6.5% (from the evidence's own words)."""
    written = row.get("written") or _num(row["value"])
    unit = row.get("unit_written") or ""
    qualifier = row.get("qualifier") or ""
    text = f"{written}{unit}"
    if qualifier and qualifier not in ("左右", "以上", "以内", "以下", "上下"):
        return f"{qualifier}{text}"
    return text + qualifier


def compare_tables(reports: list[dict]) -> str:
    """One table per delivery year: a row per report, a column per headline indicator, the targets it sets for
    that year for its own region."""
    e = html.escape
    headline = headline_concepts()
    parts = []
    for year in sorted({r["year"] for r in reports if r.get("year")}):
        body = []
        for rep in sorted((r for r in reports if r.get("year") == year), key=lambda r: r["city"]):
            cells = {c: [] for c in headline}
            for row in rep["observations"]:
                if (row["status"] == "target" and row["period"] == str(year) and row["scope_label"] == rep["city"]
                        and row.get("concept_label") in cells):
                    cells[row["concept_label"]].append(_as_written(row))
            body.append(f"<tr><td>{e(rep['city'])}</td>" + "".join(
                f"<td class='n'>{e('；'.join(dict.fromkeys(cells[c])))}</td>" for c in headline) + "</tr>")
        head = "".join(f"<th>{e(c)}</th>" for c in headline)
        parts.append(f"<h2>{year}年主要目标 · headline targets for {year}</h2><table><thead><tr><th>region</th>"
                     f"{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")
    return "\n".join(parts)


def _num(x: float) -> str:
    return f"{x:.12g}"


def _rid(rep: dict) -> str:
    return rep["report"][len(DATA_IRI):]


def write_targets(assessments: list[Assessment], ttl: Path, page: Path, reports: list[dict] | None = None) -> None:
    from .fileio import write_output

    write_output(ttl, targets_turtle(assessments), "Turtle")
    write_output(page, targets_html(assessments, reports), "HTML")
