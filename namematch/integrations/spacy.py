"""spaCy: the ``"namematch"`` pipeline component (extra ``[spacy]``).

Registered through the ``spacy_factories`` entry point, so an installed namematch needs
no import and no model download::

    nlp = spacy.blank("en")
    nlp.add_pipe("namematch")                  # or add_pipe("namematch", config={...})
    doc = nlp("Qasym-Zhomart Toqaev met the Taliban in Kabul.")
    [(e.text, e.label_, e.kb_id_, e._.namematch_score) for e in doc.ents]

Each mention found by ``Resolver.find_mentions`` becomes an entity span with
``kb_id_`` = the entity id, a label from the entity type, and the extension attributes
``Span._.namematch_score`` (the match score) and ``Span._.namematch_name`` (the gazetteer
name that matched). Labels follow spaCy's English (OntoNotes) scheme:

==========  ===========
entity      ``label_``
==========  ===========
person      ``PERSON``
place       ``GPE``
country     ``GPE``
org         ``ORG``
other       ``MISC``
demonym     ``NORP``  (a mention through a demonym name: "Kazakh", "Afghans"; needs ``demonyms=True``)
==========  ===========

Config (all optional): ``labels`` (a dict overriding entries of that table),
``overwrite_ents`` (default false: entities already in ``doc.ents``, from an earlier
component, win over an overlapping mention; true: the mention wins and the overlapping
entity is dropped), ``demonyms``, ``date`` (``YYYY-MM-DD``: names in use then rank
first), ``threshold``, ``gazetteer`` (a path whose entities are merged over the embedded
gazetteer). ``component.resolver`` can also be set to any :class:`~namematch.Resolver`.

Mention offsets are characters; they become token spans with
``doc.char_span(start, end, alignment_mode="expand")``: a mention that starts or ends
inside a token ("Toqaev's" tokenised as one word) covers the whole token. Where two
expanded mentions overlap, the longer is kept (``spacy.util.filter_spans``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

try:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
    from spacy.util import filter_spans
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("namematch.integrations.spacy needs spaCy: pip install 'namematch-ca[spacy]'") from exc

from gazetteer import Gazetteer, NameKind

from ..batch import default_resolver
from ..resolver import Resolver

__all__ = ["DEFAULT_LABELS", "NamematchComponent", "make_component"]

#: Entity type (or ``"demonym"``) → spaCy entity label.
DEFAULT_LABELS: dict[str, str] = {"person": "PERSON", "place": "GPE", "country": "GPE", "org": "ORG",
                                  "other": "MISC", "demonym": "NORP"}

for _attr in ("namematch_score", "namematch_name"):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)


class NamematchComponent:
    """Sets ``doc.ents`` from the mentions namematch finds (see the module docstring)."""

    def __init__(self, nlp: Language | None = None, name: str = "namematch", *,
                 resolver: Resolver | None = None, labels: dict[str, str] | None = None,
                 overwrite_ents: bool = False, demonyms: bool = False, date: str | None = None,
                 threshold: float | None = None, gazetteer: str | None = None) -> None:
        unknown = set(labels or {}) - set(DEFAULT_LABELS)
        if unknown:
            raise ValueError(f"namematch component: unknown label key(s) {sorted(unknown)}; "
                             f"expected some of {sorted(DEFAULT_LABELS)}")
        self.name = name
        self.labels = {**DEFAULT_LABELS, **(labels or {})}
        self.overwrite_ents = overwrite_ents
        self.kwargs: dict[str, Any] = {"demonyms": demonyms, "date": date}
        self._resolver = resolver
        self._gazetteer = gazetteer
        self._threshold = threshold
        if resolver is None and (gazetteer is not None or threshold is not None):
            self._resolver = self._build()

    def _build(self) -> Resolver:
        gaz = Gazetteer.default()
        if self._gazetteer is not None:
            gaz = gaz.merge(Gazetteer.load(self._gazetteer, strict=True))
        return Resolver(gaz) if self._threshold is None else Resolver(gaz, threshold=self._threshold)

    @property
    def resolver(self) -> Resolver:
        """The resolver in use (the shared default, built on first use, unless configured)."""
        if self._resolver is None:
            self._resolver = default_resolver()
        return self._resolver

    @resolver.setter
    def resolver(self, value: Resolver) -> None:
        self._resolver = value

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.resolver.find_mentions(doc.text, **self.kwargs)
        spans: list[Span] = []
        for m in mentions:
            label = self.labels["demonym" if m.name.kind is NameKind.DEMONYM else m.entity.type.value]
            span = doc.char_span(m.start, m.end, label=label, kb_id=m.entity.id, alignment_mode="expand")
            if span is not None:
                span._.namematch_score = m.score
                span._.namematch_name = m.name.text
                spans.append(span)
        ours = filter_spans(spans)
        existing = list(doc.ents)
        if self.overwrite_ents:
            keep = [e for e in existing if not any(_overlap(e, s) for s in ours)]
        else:
            keep, ours = existing, [s for s in ours if not any(_overlap(e, s) for e in existing)]
        doc.ents = sorted([*keep, *ours], key=lambda s: s.start)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of documents (one at a time: mention finding is per text)."""
        for doc in stream:
            yield self(doc)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@Language.factory(
    "namematch",
    default_config={"labels": {}, "overwrite_ents": False, "demonyms": False, "date": None, "threshold": None,
                    "gazetteer": None},
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", "span._.namematch_score", "span._.namematch_name"],
)
def make_component(nlp: Language, name: str, *, labels: dict[str, str], overwrite_ents: bool, demonyms: bool,
                   date: str | None, threshold: float | None, gazetteer: str | None) -> NamematchComponent:
    """The spaCy factory behind ``nlp.add_pipe("namematch")`` (entry point ``spacy_factories``)."""
    return NamematchComponent(nlp, name, labels=labels, overwrite_ents=overwrite_ents, demonyms=demonyms,
                              date=date, threshold=threshold, gazetteer=gazetteer)
