"""The extraction pipeline: an ordered list of small named components over a spaCy `Doc`.

`load_pipeline()` builds it once per process (knowledge base and gazetteer included);
`Pipeline.extract(document)` returns the document's `flashpoint/1` record as a dict.
"""

from __future__ import annotations

from functools import lru_cache

from flashpoint.pipeline.core import Pipeline

__all__ = ["Pipeline", "load_pipeline"]


@lru_cache(maxsize=4)
def load_pipeline(kb_dirs: tuple[str, ...] = (), model: str | None = None) -> Pipeline:
    """The default pipeline, built once per process for each set of options."""
    from flashpoint.kb import load_kb

    return Pipeline.build(load_kb(kb_dirs), model=model)
