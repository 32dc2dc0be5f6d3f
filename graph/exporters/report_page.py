"""The report page: one static HTML page per report that answers an analyst's first questions — the targets it
sets (this year, multi-year) and the results it reports, grouped by concept and place; its projects by place and
stage; its action tree — each row linked to the sentence it was read from (the report's text is at the bottom of
the page, one anchor per sentence) and, when the graph view was written, to the node there.

No script, no network: the page is plain HTML with a CSP that allows nothing but inline styles.

>>> from govkg.pipeline import read_document, run_pipeline
>>> doc = read_document("一、2022年工作回顾\\n河西区地区生产总值增长3%。\\n二、2023年工作安排\\n地区生产总值增长4%左右。",
...                     "d", region="天津市", year=2023)
>>> page = report_page_html(doc, run_pipeline(doc), "d")
>>> "地区生产总值" in page and 'href="#s' in page and "<script" not in page
True
"""
from __future__ import annotations

import html
from collections import defaultdict
from urllib.parse import quote

from ..concepts import indicator_scheme
from ..document import Document
from ..pipeline import Extraction

STAGE_NAMES = {"completed": "已建成 completed", "complete": "建成 to complete", "start": "开工 to start",
               "accelerate": "加快 to accelerate", "plan": "谋划 planned", "operate": "运营 operating"}
LEVEL_NAMES = {"review_area": "回顾", "ten_actions": "行动", "work_area": "工作", "task": "任务", "program": "项目/计划"}

CSS = """
body { font-family: system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
  margin: 16px 24px; color: #222; max-width: 1200px; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; } h3 { font-size: 1.05em; margin: 1em 0 .3em; }
table { border-collapse: collapse; margin: 4px 0 10px; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.quote { color: #555; font-size: .9em; } .note { color: #555; font-size: .9em; }
ol.text li { margin: 2px 0; } ol.text li:target { background: #fff3b0; }
ul.tree { margin: 2px 0 2px 1.2em; padding: 0; } .level { color: #777; font-size: .85em; }
nav a { margin-right: 1em; }
"""
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; base-uri 'none'; "
       "form-action 'none'")


def report_page_html(doc: Document, ex: Extraction, rid: str, view: str | None = None,
                     links: tuple[tuple[str, str], ...] = ()) -> str:
    """The report page of `doc` (see the module doc). `view` is the relative file name of the report's graph
    view (rows then link to their node there); `links` more (href, text) pairs for the header."""
    meta = doc.meta
    title = f"{meta.year or ''}年{meta.region or ''}政府工作报告"
    nav = [(view, "graph view")] if view else []
    nav += list(links)
    parts = [
        f"<h1>{_e(title)}</h1>",
        f'<p class="note">{_e(meta.level or "")} · {len(doc.sentences)} sentences · '
        f"{len(ex.observations)} numbers · {len(ex.projects)} project mentions · {len(ex.actions)} actions</p>",
        "<nav>" + "".join(f'<a href="{_e(h)}">{_e(t)}</a>' for h, t in nav)
        + '<a href="#targets">targets</a><a href="#results">results</a><a href="#places">places</a>'
          '<a href="#projects">projects</a>'
          '<a href="#actions">actions</a><a href="#text">text</a></nav>',
        _observations_section(doc, ex, "targets", "Targets", view),
        _observations_section(doc, ex, "results", "Results", view),
        _places_section(ex, rid),
        _projects_section(doc, ex, view),
        _actions_section(ex, view),
        _text_section(doc),
    ]
    return _page(title, parts)


def _page(title: str, parts: list[str]) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>{_e(title)} · govkg</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            + "\n".join(parts) + "\n</body>\n</html>\n")


def _observations_section(doc: Document, ex: Extraction, anchor: str, heading: str, view: str | None) -> str:
    """Targets (this year, then later years) or results, one table per concept (or indicator name) and place."""
    want = "target" if anchor == "targets" else "actual"
    year = str(doc.meta.year or "")
    rows = [o for o in ex.observations if o.status == want]
    if want == "target":
        this_year = [o for o in rows if o.period == year]
        later = [o for o in rows if o.period != year]
        body = (_grouped(doc, this_year, view, f"this year ({year})")
                + _grouped(doc, later, view, "later years and multi-year periods"))
    else:
        body = _grouped(doc, rows, view, "")
    return f'<h2 id="{anchor}">{heading} <span class="note">({len(rows)})</span></h2>\n' + (body or _none())


def _grouped(doc: Document, rows, view: str | None, caption: str, base: str = "") -> str:
    if not rows:
        return ""
    scheme = indicator_scheme().concepts
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for o in rows:
        concept = scheme.get(o.concept) if o.concept else None
        groups[(concept.pref_label if concept else o.indicator, o.scope)].append(o)
    out = [f"<h3>{_e(caption)}</h3>"] if caption else []
    out.append("<table><thead><tr><th>concept / indicator</th><th>place</th><th>as written</th><th>value</th>"
               "<th>period</th><th>kind</th><th>sentence</th></tr></thead><tbody>")
    for (name, place), facts in sorted(groups.items(), key=lambda kv: kv[1][0].start):
        for i, o in enumerate(sorted(facts, key=lambda o: o.start)):
            head = (f'<td rowspan="{len(facts)}">{_node(name, view)}</td><td rowspan="{len(facts)}">'
                    f"{_node(place, view)}</td>") if i == 0 else ""
            value = _e(_value_as_written(doc, o))
            out.append(f"<tr>{head}<td>{_e(o.indicator)}</td><td class=\"num\">{value}</td><td>{_e(o.period)}</td>"
                       f"<td>{_e(o.kind or o.measure)}</td><td>{_sentence_link(doc, o.sentence, o.start, o.end, base=base)}"
                       "</td></tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _places_section(ex: Extraction, rid: str) -> str:
    """The divisions the report names inside its region, each linked to its place page, with its mentions."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for p in ex.places:
        if p.kind == "district" and p.code:
            counts[(p.name, p.code)] += 1
    items = "".join(f'<li><a href="{_e(rid)}-places/{_e(code)}.html">{_e(name)}</a> <span class="note">'
                    f"{n} mentions</span></li>" for (name, code), n in sorted(counts.items(), key=lambda kv: kv[0][1]))
    return f'<h2 id="places">Places <span class="note">({len(counts)})</span></h2>\n' + (
        f"<ul>{items}</ul>" if items else _none())


def _projects_section(doc: Document, ex: Extraction, view: str | None) -> str:
    """Projects by place (the district the text ties them to, else the report's region) and stage."""
    region = doc.meta.region or ""
    by_place: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for p in ex.projects:
        by_place[p.district or region][p.stage].append(p)
    out = [f'<h2 id="projects">Projects <span class="note">({len({p.name for p in ex.projects})})</span></h2>']
    if not by_place:
        return out[0] + _none()
    out.append("<table><thead><tr><th>place</th><th>stage</th><th>projects (period, sentence)</th></tr></thead>"
               "<tbody>")
    for place in sorted(by_place, key=lambda k: (k == region, k)):
        stages = by_place[place]
        for i, stage in enumerate(sorted(stages, key=lambda s: list(STAGE_NAMES).index(s) if s in STAGE_NAMES else 99)):
            head = f'<td rowspan="{len(stages)}">{_node(place, view)}</td>' if i == 0 else ""
            items = "; ".join(f"{_node(p.name, view)} <span class=\"note\">{_e(p.period)}</span> "
                              f"{_sentence_link(doc, p.sentence, p.start, p.end, short=True)}"
                              for p in _first_mentions(stages[stage]))
            out.append(f"<tr>{head}<td>{_e(STAGE_NAMES.get(stage, stage))}</td><td>{items}</td></tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def place_pages(doc: Document, ex: Extraction, rid: str, view: str | None = None) -> dict[str, str]:
    """{file name: page} — one page per division the report names inside its region (a city's districts, a
    province's cities), with only that place's own facts: its targets and results, the projects located there,
    what it is told to focus on, the actions its projects serve, and the sentences that name it. Files live in
    `<rid>-places/`; sentences link to the report page."""
    codes = {p.name: p.code for p in ex.places if p.kind == "district" and p.code}
    base = f"../{rid}-report.html"
    view = f"../{view}" if view else None
    return {f"{code}.html": _place_page(doc, ex, name, base, view) for name, code in sorted(codes.items())}


def _place_page(doc: Document, ex: Extraction, place: str, base: str, view: str | None) -> str:
    meta = doc.meta
    title = f"{place} · {meta.year or ''}年{meta.region or ''}政府工作报告"
    rows = [o for o in ex.observations if o.scope == place]
    hosted = {r.object for r in ex.relations if r.subject == place and r.predicate == "hosts"}
    hosted |= {r.subject for r in ex.relations if r.object == place and r.predicate == "located_in"}
    projects = [p for p in ex.projects if p.district == place or p.name in hosted]
    names = {p.name for p in projects}
    served = [r for r in ex.relations if r.subject in names and r.predicate == "implements"]
    named = [a for a in ex.actions if place in a.name]  # 实施滨海新区高质量发展示范引领行动
    foci = [r for r in ex.relations if r.subject == place and r.predicate == "focuses_on"]
    mentions = sorted({p.sentence for p in ex.places if p.name == place})
    parts = [
        f"<h1>{_e(title)}</h1>",
        f'<nav><a href="{_e(base)}">report page</a>' + (f'<a href="{_e(view)}#node={quote(place)}">graph view</a>'
                                                          if view else "") + "</nav>",
        f"<h2>Targets and results <span class=\"note\">({len(rows)})</span></h2>",
        (_grouped(doc, [o for o in rows if o.status == "target"], view, "targets", base)
         + _grouped(doc, [o for o in rows if o.status == "actual"], view, "results", base)) or _none(),
        f"<h2>Projects <span class=\"note\">({len(names)})</span></h2>",
        _list([(f"{_node(p.name, view)} <span class=\"note\">{_e(STAGE_NAMES.get(p.stage, p.stage))} · "
                f"{_e(p.period)}</span>", p) for p in projects], doc, base),
        f"<h2>Focuses <span class=\"note\">({len({r.object for r in foci})})</span></h2>",
        _list([(_node(r.object, view), r) for r in foci], doc, base),
        f"<h2>Actions that name it or that its projects serve <span class=\"note\">"
        f"({len({a.name for a in named} | {r.object for r in served})})</span></h2>",
        _list([(f"{_node(a.name, view)} <span class=\"level\">{_e(LEVEL_NAMES.get(a.level, a.level))}</span>", a)
               for a in named]
              + [(f"{_node(r.object, view)} <span class=\"note\">← {_e(r.subject)}</span>", r) for r in served],
              doc, base),
        f"<h2>Sentences that name it <span class=\"note\">({len(mentions)})</span></h2>",
        "<ol class=\"text\">" + "".join(
            f'<li><a href="{_e(base)}#s{i}">{_e(doc.text[doc.sentences[i].start:doc.sentences[i].end])}</a></li>'
            for i in mentions) + "</ol>",
    ]
    return _page(title, parts)


def _list(items: list[tuple[str, object]], doc: Document, base: str) -> str:
    """An HTML list of (markup, fact) with each fact's sentence link, first mention of each markup only."""
    seen, out = set(), []
    for markup, fact in sorted(items, key=lambda item: item[1].start):
        if markup not in seen:
            seen.add(markup)
            out.append(f"<li>{markup} {_sentence_link(doc, fact.sentence, fact.start, fact.end, True, base)}</li>")
    return "<ul>" + "".join(out) + "</ul>" if out else _none()


def _actions_section(ex: Extraction, view: str | None) -> str:
    """The action tree: each action under its parent, at its first mention, in report order."""
    first = _first_mentions(ex.actions)
    children: dict[str | None, list] = defaultdict(list)
    names = {a.name for a in first}
    for a in first:
        children[a.parent if a.parent in names and a.parent != a.name else None].append(a)
    out = [f'<h2 id="actions">Actions <span class="note">({len(first)})</span></h2>']

    def tree(parent: str | None, depth: int) -> str:
        kids = children.get(parent, [])
        if not kids or depth > 6:
            return ""
        return "<ul class=\"tree\">" + "".join(
            f"<li>{_node(a.name, view)} <span class=\"level\">{_e(LEVEL_NAMES.get(a.level, a.level))}</span> "
            f"<a class=\"note\" href=\"#s{a.sentence}\">¶</a>{tree(a.name, depth + 1)}</li>" for a in kids) + "</ul>"

    return "\n".join(out) + (tree(None, 0) or _none())


def _text_section(doc: Document) -> str:
    items = "".join(f'<li id="s{s.index}">{_e(doc.text[s.start:s.end])}</li>' for s in doc.sentences)
    return f'<h2 id="text">The report\'s text</h2>\n<ol class="text" start="0">{items}</ol>'


def _first_mentions(facts) -> list:
    seen, out = set(), []
    for f in sorted(facts, key=lambda f: f.start):
        if f.name not in seen:
            seen.add(f.name)
            out.append(f)
    return out


def _sentence_link(doc: Document, sentence: int, start: int, end: int, short: bool = False, base: str = "") -> str:
    """A link to the sentence's anchor on the report page (`base` its path from another page)."""
    quote_text, href = doc.text[start:end], f"{_e(base)}#s{sentence}"
    if short:
        return f'<a class="note" href="{href}" title="{_e(quote_text)}">¶</a>'
    return f'<a class="quote" href="{href}">{_e(quote_text[:80])}{"…" if len(quote_text) > 80 else ""}</a>'


def _node(name: str, view: str | None) -> str:
    """A name, linked to its node in the graph view when there is one (the view finds it by name)."""
    if not view:
        return _e(name)
    return f'<a href="{_e(view)}#node={quote(name)}">{_e(name)}</a>'


def _value_as_written(doc: Document, o) -> str:
    """Number, unit and hedge in the report's order: 5.5%左右, 不低于97.5%."""
    q = o.quantity
    number = f"{q.written or _plain(q.value)}{q.unit}"
    if not o.qualifier:
        return number
    after = f"{number}{o.qualifier}"
    return after if after in doc.text[o.start:o.end] else f"{o.qualifier}{number}"


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def _none() -> str:
    return '<p class="note">none found</p>'


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)
