"""The extraction pipeline: document → extractors, each one job over the shared `Document`.

Stages run in order and each adds one kind of fact to an `Extraction`; later stages may read earlier
results (relations need places, projects and actions). Every fact carries its evidence span.

>>> doc = read_document("一、2022年工作回顾\\n（一）经济稳定。河西区地区生产总值增长3%。", "d", region="天津市", year=2023)
>>> ex = run_pipeline(doc)
>>> [(o.indicator, o.scope, o.quantity.value, o.status) for o in ex.observations]
[('地区生产总值', '河西区', 3.0, 'actual')]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .document import Document, parse_document
from .extract.actions import ActionFact, extract_actions
from .extract.indicators import comparable
from .extract.metadata import extract_metadata, level_of, region_from_mentions
from .extract.observations import ObservationFact, extract_observations
from .extract.places import PlaceFact, extract_places
from .extract.projects import ProjectFact, extract_projects
from .extract.relations import RelationFact, extract_relations


@dataclass
class Extraction:
    places: list[PlaceFact] = field(default_factory=list)
    observations: list[ObservationFact] = field(default_factory=list)
    projects: list[ProjectFact] = field(default_factory=list)
    actions: list[ActionFact] = field(default_factory=list)
    relations: list[RelationFact] = field(default_factory=list)


Stage = Callable[[Document, Extraction], None]


def _places(doc: Document, ex: Extraction) -> None:
    ex.places = extract_places(doc)


def _observations(doc: Document, ex: Extraction) -> None:
    ex.observations = comparable(doc, extract_observations(doc))


def _projects(doc: Document, ex: Extraction) -> None:
    ex.projects = extract_projects(doc)


def _actions(doc: Document, ex: Extraction) -> None:
    ex.actions = extract_actions(doc)


def _relations(doc: Document, ex: Extraction) -> None:
    ex.relations = extract_relations(doc, ex.places, ex.projects, ex.actions, ex.observations)


#: The default stages, in the order their findings are needed (`Document.found` holds what later ones read): places
#: (district mentions: every later stage), projects (their names are no observations and no programmes),
#: observations, actions (item headings: relations), relations (all of them, from the `Extraction`). Each stage
#: before relations can be run (and tested) alone: what it needs from an earlier one is found on first use.
STAGES: list[tuple[str, Stage]] = [("places", _places), ("projects", _projects), ("observations", _observations),
                                   ("actions", _actions), ("relations", _relations)]


def read_document(text: str, report_id: str, region: str | None = None, year: int | None = None) -> Document:
    """Parse `text` and read its metadata; `region`/`year` override what the report says."""
    meta = extract_metadata(text)
    if region:
        meta.region, meta.level = region, level_of(region)
    if year:
        meta.year, meta.year_source = year, "given"
    doc = parse_document(text, report_id, meta)
    if not meta.region:
        meta.region, meta.level = region_from_mentions(text)
        doc.warnings.append(f"the report does not say its region; {meta.region} is the one it names most")
    if meta.year_source == "latest year of the review":
        doc.warnings.append(f"the report does not say its year; {meta.year} is one after the latest year its "
                            "review names")
    return doc


def run_pipeline(doc: Document, stages: list[tuple[str, Stage]] = STAGES) -> Extraction:
    ex = Extraction()
    for _, stage in stages:
        stage(doc, ex)
    return ex
