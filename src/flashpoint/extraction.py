"""Extraction over many inputs: read, extract, and report per document what failed and why."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from flashpoint.documents import Document
from flashpoint.errors import FlashpointError
from flashpoint.sources import Failure, read_paths
from flashpoint.sources.jsonl import unpaired_surrogate


@dataclass
class Result:
    record: dict | None = None
    failure: Failure | None = None


def example_paths() -> list[str]:
    folder = resources.files("flashpoint") / "examples"
    return sorted(str(p) for p in folder.iterdir() if str(p).endswith(".txt"))


def read_stdin(stream=None) -> Iterator[Document | Failure]:
    stream = stream or sys.stdin
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield Failure(f"<stdin>:{number}", f"not valid JSON ({error.msg})")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            yield Failure(f"<stdin>:{number}", "a JSON line needs a 'text' string")
            continue
        if problem := unpaired_surrogate(row):
            yield Failure(f"<stdin>:{number}", f"the JSON line {problem}; fix its \\u escapes")
            continue
        fields = {k: row.get(k) for k in ("id", "title", "url", "published", "outlet", "author") if row.get(k)}
        try:
            yield Document.from_text(row["text"], source=f"<stdin>:{number}", **fields)
        except FlashpointError as error:
            yield Failure(f"<stdin>:{number}", str(error))


def documents(paths: Iterable[str]) -> Iterator[Document | Failure]:
    files = []
    for path in paths:
        if path == "-":
            yield from read_paths(files)
            files = []
            yield from read_stdin()
        else:
            files.append(path)
    yield from read_paths(files)


def extract_paths(paths, published=None, outlet=None, model=None, kb_dirs=()) -> Iterator[Result]:
    from flashpoint.documents import normalise_published
    from flashpoint.pipeline import load_pipeline

    published = normalise_published(published)  # a bad --published is one clear error, up front
    pipeline = load_pipeline(tuple(kb_dirs), model)
    for item in documents(paths):
        if isinstance(item, Failure):
            yield Result(failure=item)
            continue
        if published:
            item.published = published
        if outlet:
            item.outlet = outlet
        if not item.text.strip():
            yield Result(failure=Failure(item.source or item.id, "empty document: no text to read"))
            continue
        try:
            yield Result(record=pipeline.extract(item))
        except FlashpointError as error:
            yield Result(failure=Failure(item.source or item.id, str(error), stage="extract"))
        except Exception as error:  # one broken document must not stop a batch
            yield Result(failure=Failure(item.source or item.id, f"{type(error).__name__}: {error}", stage="extract"))


def extract_file(path: str | Path, **options) -> list[dict]:
    return [r.record for r in extract_paths([str(path)], **options) if r.record]
