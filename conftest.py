"""Repository-level pytest configuration.

The modules of ``namematch.integrations`` import their optional extra (pandas, Polars,
spaCy, Dask) at the top; ``--doctest-modules`` would fail to import one whose extra is not
installed, so those are left out of collection. Their tests skip the same way
(``pytest.importorskip`` in tests/test_integrations_*.py).
"""

from __future__ import annotations

import importlib.util

_EXTRA_NEEDS = {"pandas": ("pandas",), "polars": ("polars",), "spacy": ("spacy",),
                "dask": ("dask", "distributed", "pandas")}

collect_ignore = [f"namematch/integrations/{module}.py" for module, needs in _EXTRA_NEEDS.items()
                  if any(importlib.util.find_spec(n) is None for n in needs)]
