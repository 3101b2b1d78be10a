"""flashpoint: sourced, queryable records of armed conflict, arms deals and diplomacy.

Nothing heavy happens at import time: the knowledge base and the pipeline load when
first asked for (`flashpoint.kb.load_kb`, `flashpoint.pipeline.load_pipeline`).
"""

__version__ = "0.1.0"

SCHEMA = "flashpoint/1"


def extract_text(text: str, **metadata) -> dict:
    """Extract the `flashpoint/1` record of one text; metadata as in `Document`."""
    from flashpoint.documents import Document
    from flashpoint.pipeline import load_pipeline

    return load_pipeline().extract(Document.from_text(text, **metadata))
