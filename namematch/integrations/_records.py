"""The flat records every integration emits: one shape for a resolution and one for a mention.

Dataframe columns and struct fields are named after these, so a pandas, Polars or Dask
result has the same columns. Needs nothing beyond the library itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..resolver import Match

if TYPE_CHECKING:
    from ..mentions import Mention

__all__ = ["MENTION_FIELDS", "RESOLVE_FIELDS", "best_record", "mention_record"]

#: The best match of a name: entity id, canonical name, entity type, score, and the gazetteer name that matched.
RESOLVE_FIELDS: tuple[str, ...] = ("id", "name", "type", "score", "matched")

#: A mention in a text: character offsets ``text[start:end]``, the surface text, then as :data:`RESOLVE_FIELDS`,
#: then how it was written (``form``, see ``namematch.mentions.FORMS``) and whether it is ``ambiguous``.
MENTION_FIELDS: tuple[str, ...] = ("start", "end", "text", "id", "name", "type", "score", "matched", "form",
                                   "ambiguous")


def best_record(matches: Sequence[Match]) -> dict[str, Any] | None:
    """The first (best) match as a :data:`RESOLVE_FIELDS` dict; ``None`` when nothing matched."""
    if not matches:
        return None
    m = matches[0]
    return {"id": m.entity.id, "name": m.entity.name, "type": m.entity.type.value, "score": m.score,
            "matched": m.name.text}


def mention_record(m: Mention) -> dict[str, Any]:
    """A mention as a :data:`MENTION_FIELDS` dict."""
    return {"start": m.start, "end": m.end, "text": m.text, "id": m.entity.id, "name": m.entity.name,
            "type": m.entity.type.value, "score": m.score, "matched": m.name.text, "form": m.form,
            "ambiguous": m.ambiguous}
