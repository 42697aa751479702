"""The document record (DESIGN.md §2) as plain dataclasses, and its JSON form.

Everything downstream (tests, benchmarks, exports, the ledger, the web UI) reads these
classes or their JSON; nothing else is the contract. Offsets are ``[start, end)`` code-point
indices into ``Document.text``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA = "claimledger/document@1"
ERROR_SCHEMA = "claimledger/error@1"

Span = tuple[int, int]

SECTION_KINDS = (
    "kicker",
    "heading",
    "paragraph",
    "caption",
    "quote",
    "list",
    "boilerplate",
    "comments_header",
)
BODY_KINDS = ("paragraph", "heading", "quote", "list")


@dataclass
class TextSpan:
    """A piece of text with where it stands (title, byline)."""

    text: str
    span: Span


@dataclass
class Section:
    kind: str
    span: Span


@dataclass
class Comment:
    """One reader comment; ``parent`` is the id of the comment it replies to."""

    id: str
    parent: str | None
    author: str | None
    published: str | None
    span: Span
    pingback: bool = False


@dataclass
class Entity:
    """A canonical speaker or actor, with every mention of it in the text."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    geo: str | None = None


@dataclass
class Cue:
    span: Span
    lemma: str


@dataclass
class Source:
    span: Span
    entity: str | None
    text: str


@dataclass
class Claim:
    id: str
    origin: str
    comment: str | None
    span: Span
    content: list[Span]
    cue: Cue | None
    source: Source | None
    quote: str
    hedged: bool = False
    negated: bool = False
    future: bool = False
    check_worthy: float = 0.0
    figures: list[str] = field(default_factory=list)
    nested_in: str | None = None


@dataclass
class Figure:
    id: str
    claim: str | None
    span: Span
    text: str
    value: float | int | None
    low: float | int | None
    high: float | int | None
    unit: str | None
    measure: str | None
    subject: str | None
    part_of: str | None
    qualifier: str


@dataclass
class Tension:
    id: str
    kind: str
    claims: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class Flag:
    kind: str
    comment: str | None
    span: Span


@dataclass
class Charset:
    """Which character encoding decoded the input, and how it was found."""

    name: str
    found_by: str  # bom | http | meta | detected | default | given


@dataclass
class Pipeline:
    version: str
    nlp: str
    seconds: float


@dataclass
class Document:
    """One analyzed page: the record of DESIGN.md §2."""

    id: str
    uri: str
    media_type: str
    text: str
    title: TextSpan | None = None
    published: str | None = None
    language: str | None = None
    sections: list[Section] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    declared_comment_count: int | None = None
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tensions: list[Tension] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    pipeline: Pipeline | None = None
    byline: TextSpan | None = None
    charset: Charset | None = None
    schema: str = SCHEMA

    # -- views -------------------------------------------------------------------------
    def slice(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    def body_sections(self) -> list[Section]:
        return [s for s in self.sections if s.kind in BODY_KINDS]

    def body_text(self) -> str:
        """The article body: paragraph/heading/quote/list sections joined by blank lines."""
        return "\n\n".join(self.slice(s.span) for s in self.body_sections())

    def all_spans(self) -> list[tuple[str, Span]]:
        """Every span in the record, named by where it sits (for provenance checks)."""
        out: list[tuple[str, Span]] = []
        if self.title:
            out.append(("title", self.title.span))
        if self.byline:
            out.append(("byline", self.byline.span))
        out += [(f"section[{i}]", s.span) for i, s in enumerate(self.sections)]
        out += [(f"comment[{c.id}]", c.span) for c in self.comments]
        for e in self.entities:
            out += [(f"entity[{e.id}].mention", m) for m in e.mentions]
        for k in self.claims:
            out.append((f"claim[{k.id}]", k.span))
            out += [(f"claim[{k.id}].content", c) for c in k.content]
            if k.cue:
                out.append((f"claim[{k.id}].cue", k.cue.span))
            if k.source:
                out.append((f"claim[{k.id}].source", k.source.span))
        out += [(f"figure[{f.id}]", f.span) for f in self.figures]
        out += [(f"flag[{i}]", f.span) for i, f in enumerate(self.flags)]
        return out

    # -- JSON --------------------------------------------------------------------------
    def to_dict(self, timing: bool = True) -> dict[str, Any]:
        data = _listify(asdict(self))
        if not timing and data.get("pipeline"):
            data["pipeline"].pop("seconds", None)
        return data

    def to_json(self, indent: int | None = None, timing: bool = True) -> str:
        return json.dumps(
            self.to_dict(timing=timing), ensure_ascii=False, indent=indent, sort_keys=True
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return _build(cls, data)

    @classmethod
    def from_json(cls, raw: str | bytes) -> Document:
        return cls.from_dict(json.loads(raw))


def _listify(value: Any) -> Any:
    """Tuples (spans) become lists so the JSON is the same before and after a round trip."""
    if isinstance(value, dict):
        return {k: _listify(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_listify(v) for v in value]
    return value


def _build(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a dataclass from its dict, ignoring unknown keys (newer minor fields)."""
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        kwargs[f.name] = _convert(cls, f.name, data[f.name])
    return cls(**kwargs)


_SPAN_FIELDS = {"span"}
_SPAN_LIST_FIELDS = {"mentions", "content"}
_CHILD: dict[str, type] = {}


def _convert(cls: type, name: str, value: Any) -> Any:
    if value is None:
        return None
    child = _CHILD.get(f"{cls.__name__}.{name}")
    if child is not None:
        if isinstance(value, list):
            return [_build(child, v) for v in value]
        return _build(child, value)
    if name in _SPAN_FIELDS:
        return (int(value[0]), int(value[1]))
    if name in _SPAN_LIST_FIELDS:
        return [(int(s), int(e)) for s, e in value]
    return value


_CHILD.update(
    {
        "Document.title": TextSpan,
        "Document.byline": TextSpan,
        "Document.sections": Section,
        "Document.comments": Comment,
        "Document.entities": Entity,
        "Document.claims": Claim,
        "Document.figures": Figure,
        "Document.tensions": Tension,
        "Document.flags": Flag,
        "Document.pipeline": Pipeline,
        "Document.charset": Charset,
        "Claim.cue": Cue,
        "Claim.source": Source,
    }
)


@dataclass
class ErrorRecord:
    """What `--jsonl` prints for an input that could not be analyzed."""

    uri: str
    code: str
    error: str
    schema: str = ERROR_SCHEMA

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)
