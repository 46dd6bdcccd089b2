"""namematch as a step in other libraries' pipelines (each needs its optional extra).

=================================  ==========================================  ==============
module                             what                                        extra
=================================  ==========================================  ==============
``namematch.integrations.pandas``  ``s.namematch.resolve()`` / ``.mentions()``  ``[pandas]``
``namematch.integrations.polars``  ``pl.col(c).namematch.resolve()`` / ...      ``[polars]``
``namematch.integrations.spacy``   the ``"namematch"`` pipeline component       ``[spacy]``
``namematch.integrations.dask``    text files → mentions, a name column → ids   ``[dask]``
=================================  ==========================================  ==============

Importing ``namematch`` imports none of them; import the one you use. Every helper
returns the same fields (:data:`RESOLVE_FIELDS`, :data:`MENTION_FIELDS`), so a
resolution looks alike in every ecosystem.
"""

from ._records import MENTION_FIELDS, RESOLVE_FIELDS, best_record, mention_record

__all__ = ["MENTION_FIELDS", "RESOLVE_FIELDS", "best_record", "mention_record"]
