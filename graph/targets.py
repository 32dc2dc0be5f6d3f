"""Targets against results across the reports of a corpus: was the target for year Y met?

A report of year Y states targets for Y (observations with status ``target`` and period ``Y``, read from its
plan section); the report of year Y+1 of the same city reviews Y (status ``actual``, period ``Y``). A target is
linked to the result on the same indicator (one node per name), the same scope (by its name: districts and the
city are shared nodes, functional areas are per report), the same measure and the same normalized unit, and
judged:

- ``met``: the result reaches the target — at least the target; at most the target for an upper bound (以内,
  以下, 不超过, 低于, 控制在), a decline (a negative target) or a rank; a target 左右 (about) is met within 5% of
  its size;
- ``missed``: the result is given and does not reach it;
- ``not_reported``: the Y+1 report is in the corpus but gives no such result.

Targets whose Y+1 report is not in the corpus are not assessed. When the Y+1 report gives several results for one
target, the first in the text is used.

>>> t = {"value": 5.0, "qualifier": "左右", "measure": "growth_rate"}
>>> judge(t, {"value": 4.8}), judge(t, {"value": 4.0}), judge({"value": 5.5, "qualifier": "以内", "measure": "share"}, {"value": 5.2})
('met', 'missed', 'met')
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from govkg.ontology.namespace import DATA_IRI, GK

OUTCOME_IRI = "https://w3id.org/govkg/vocab/outcome/"
OUTCOMES = ("met", "missed", "not_reported")
OUTCOME_LABELS = {"met": ("完成", "met"), "missed": ("未完成", "missed"), "not_reported": ("未报告", "not reported")}
TARGETS_GRAPH = DATA_IRI + "targets"
UPPER_BOUND = re.compile(r"以内|以下|之内|不超过|不高于|低于|控制在|不到")
ABOUT = re.compile(r"左右|上下|约")
ABOUT_TOLERANCE = 0.05
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV_ENTITY = "http://www.w3.org/ns/prov#Entity"

#: One row per observation with what linking and the targets graph need (run on one report's graph).
OBSERVATIONS_SPARQL = """
PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?obs ?indicator ?indicator_label ?scope ?scope_label ?value ?unit ?unit_norm ?measure ?measure_iri ?status
       ?status_iri ?period ?qualifier ?span ?start ?end ?quote ?sentence ?report
WHERE {
  ?obs a gk:Observation ; gk:indicator ?indicator ; gk:scope ?scope ; gk:value ?value ; gk:unit ?unit ;
       gk:measure ?measure_iri ; gk:status ?status_iri ; gk:period ?period ; gk:evidence ?span .
  ?indicator rdfs:label ?indicator_label .
  ?scope rdfs:label ?scope_label .
  ?unit skos:notation ?unit_norm .
  ?measure_iri skos:notation ?measure .
  ?status_iri skos:notation ?status .
  ?span gk:startOffset ?start ; gk:endOffset ?end ; gk:text ?quote ; gk:inSentence ?sentence .
  ?sentence gk:inReport ?report .
  OPTIONAL { ?obs gk:qualifier ?qualifier }
}
ORDER BY ?start ?obs
"""
REPORT_SPARQL = """
PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?report ?label ?city ?year WHERE {
  ?report a gk:Report ; rdfs:label ?label ; gk:city ?city ; gk:year ?year .
} ORDER BY ?report
"""


def report_records(store: ox.Store) -> dict:
    """The report node and its target/actual observations, as plain data (JSON-able) for `link_targets`."""
    report = next(iter(store.query(REPORT_SPARQL)), None)
    if report is None:
        return {}
    rows = []
    for s in store.query(OBSERVATIONS_SPARQL):
        row = {v: (None if s[v] is None else s[v].value) for v in
               ("obs", "indicator", "indicator_label", "scope", "scope_label", "unit", "unit_norm", "measure",
                "measure_iri", "status", "status_iri", "period", "qualifier", "span", "quote", "sentence", "report")}
        row.update(value=float(s["value"].value), value_lexical=s["value"].value,
                   start=int(s["start"].value), end=int(s["end"].value))
        if row["status"] in ("target", "actual"):
            rows.append(row)
    year = report["year"].value
    return {"report": report["report"].value, "label": report["label"].value, "city": report["city"].value,
            "year": int(year[:4]) if year[:4].isdigit() else None, "observations": rows}


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
    t, r = target["value"], result["value"]
    qualifier = target.get("qualifier") or ""
    tolerance = abs(t) * ABOUT_TOLERANCE if ABOUT.search(qualifier) else 0.0
    eps = 1e-9 * max(1.0, abs(t))
    if UPPER_BOUND.search(qualifier) or t < 0 or target.get("measure") == "rank":
        return "met" if r <= t + tolerance + eps else "missed"
    return "met" if r >= t - tolerance - eps else "missed"


def _key(row: dict, period: str) -> tuple:
    return row["indicator"], row["scope_label"], row["measure"], row["unit_norm"], period


def link_targets(reports: list[dict]) -> list[Assessment]:
    """Assess every single-year target of every report whose next-year report (same city) is in `reports`."""
    by_city_year: dict[tuple[str, int], dict] = {}
    for rep in sorted((r for r in reports if r and r.get("year")), key=lambda r: r["report"]):
        by_city_year.setdefault((rep["city"], rep["year"]), rep)
    assessments = []
    for (city, year), rep in sorted(by_city_year.items()):
        following = by_city_year.get((city, year + 1))
        if following is None:
            continue
        results: dict[tuple, dict] = {}
        for row in following["observations"]:
            if row["status"] == "actual" and row["period"] == str(year):
                results.setdefault(_key(row, str(year)), row)
        for row in rep["observations"]:
            if row["status"] == "target" and row["period"] == str(year):
                result = results.get(_key(row, str(year)))
                assessments.append(Assessment(row, result, judge(row, result), rep, following))
    return assessments


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
        add(ox.Triple(node, _n(str(GK.checkedReport)), _n(a.checked_report["report"])))
        add(ox.Triple(node, _n(str(GK.outcome)), _n(OUTCOME_IRI + a.outcome)))
        outcome_concepts.add(a.outcome)
        if copy_facts:
            for rep in (a.target_report, a.checked_report):
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
    add(ox.Triple(_n(row["scope"]), _n(RDFS_LABEL), _lit(row["scope_label"], lang="zh")))
    add(ox.Triple(o, gk("value"), _lit(row["value_lexical"], XSD + "decimal")))
    add(ox.Triple(o, gk("unit"), _n(row["unit"])))
    add(ox.Triple(_n(row["unit"]), _n(SKOS + "notation"), _lit(row["unit_norm"])))
    add(ox.Triple(_n(row["unit"]), _n(SKOS + "inScheme"), gk("UnitScheme")))
    add(ox.Triple(o, gk("measure"), _n(row["measure_iri"])))
    add(ox.Triple(_n(row["measure_iri"]), _n(SKOS + "notation"), _lit(row["measure"])))
    add(ox.Triple(o, gk("status"), _n(row["status_iri"])))
    add(ox.Triple(_n(row["status_iri"]), _n(SKOS + "notation"), _lit(row["status"])))
    add(ox.Triple(o, gk("period"), _lit(row["period"])))
    if row.get("qualifier"):
        add(ox.Triple(o, gk("qualifier"), _lit(row["qualifier"])))
    span = _n(row["span"])
    add(ox.Triple(o, gk("evidence"), span))
    add(ox.Triple(span, gk("startOffset"), _lit(str(row["start"]), XSD + "integer")))
    add(ox.Triple(span, gk("endOffset"), _lit(str(row["end"]), XSD + "integer")))
    add(ox.Triple(span, gk("text"), _lit(row["quote"])))
    add(ox.Triple(span, gk("inSentence"), _n(row["sentence"])))
    add(ox.Triple(_n(row["sentence"]), gk("inReport"), _n(row["report"])))


PREFIXES = {"gk": str(GK._NS), "id": DATA_IRI, "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": SKOS,
            "xsd": XSD, "prov": "http://www.w3.org/ns/prov#", "dcterms": "http://purl.org/dc/terms/"}


def targets_turtle(assessments: list[Assessment]) -> bytes:
    """A stand-alone Turtle file of the assessments and the facts they link (for `govkg query target_outcomes`)."""
    return ox.serialize(assessment_triples(assessments, copy_facts=True), format=ox.RdfFormat.TURTLE,
                        prefixes=PREFIXES)


# --- HTML view -------------------------------------------------------------------------------------------

_COLOURS = {"met": "#d8f3dc", "missed": "#ffd6d6", "not_reported": "#eeeeee"}


def targets_html(assessments: list[Assessment], title: str = "govkg · 目标完成情况 · targets vs results") -> bytes:
    """A self-contained page (no scripts, nothing loaded from the network): one row per assessed target."""
    e = html.escape
    counts = {o: sum(a.outcome == o for a in assessments) for o in OUTCOMES}
    rows = []
    for a in sorted(assessments, key=lambda a: (a.target_report["city"], a.target["period"],
                                                a.target["indicator_label"], a.target["start"])):
        t, r = a.target, a.result
        zh, en = OUTCOME_LABELS[a.outcome]
        rows.append(
            f'<tr style="background:{_COLOURS[a.outcome]}"><td>{e(a.target_report["city"])}</td>'
            f'<td>{e(t["period"])}</td><td>{e(t["indicator_label"])}</td><td>{e(t["scope_label"])}</td>'
            f'<td>{e(t["measure"])}</td><td class="n">{e(_num(t["value"]))} {e(t.get("qualifier") or "")}</td>'
            f'<td class="n">{e(_num(r["value"])) if r else "—"}</td><td>{e(t["unit_norm"])}</td>'
            f'<td><b>{e(zh)}</b> {e(en)}</td>'
            f'<td><small>{e(_rid(a.target_report))} @{t["start"]}: {e(t["quote"])}</small></td>'
            f'<td><small>{e(_rid(a.checked_report))}' + (f' @{r["start"]}: {e(r["quote"])}' if r else "") +
            "</small></td></tr>")
    summary = " · ".join(f"{OUTCOME_LABELS[o][0]} {o}: {counts[o]}" for o in OUTCOMES)
    page = f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>body{{font-family:sans-serif;margin:1em}}table{{border-collapse:collapse}}td,th{{border:1px solid #bbb;
padding:3px 6px;vertical-align:top}}td.n{{text-align:right;white-space:nowrap}}th{{background:#f4f4f4}}</style>
</head><body><h1>{e(title)}</h1><p>{e(summary)}</p>
<table><thead><tr><th>city</th><th>year</th><th>indicator</th><th>scope</th><th>measure</th><th>target</th>
<th>result</th><th>unit</th><th>outcome</th><th>target evidence</th><th>result evidence</th></tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
    return page.encode("utf-8")


def _num(x: float) -> str:
    return f"{x:.12g}"


def _rid(rep: dict) -> str:
    return rep["report"][len(DATA_IRI):]


def write_targets(assessments: list[Assessment], ttl: Path, page: Path) -> None:
    from .fileio import write_output

    write_output(ttl, targets_turtle(assessments), "Turtle")
    write_output(page, targets_html(assessments), "HTML")
