"""Property-based tests of every reader (issue 8): text, HTML, RSS/Atom, JSON Lines, WARC and
gzip, fed mutated valid files and random bytes. Reading never raises, never takes more than
the per-document limit, and yields only documents with text or failures with a reason; the
documents read then go through the pipeline under the same checks as in test_fuzz_pipeline."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reliability_checks import FUZZ, TRIED, check_record, real_texts, time_limit
from reliability_samples import mutated_bytes, samples

from flashpoint.documents import Document
from flashpoint.sources import Failure, read_path

pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")
SAMPLES = samples(real_texts())
SNIFFED = [b"<?xml version='1.0'?><rss>", b"<!doctype html><html>", b"{", b"WARC/1.0\r\n", b"\x1f\x8b", b""]


def read_all(data: bytes, name: str, max_bytes: int | None = None) -> list[Document | Failure]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        with time_limit(f"reading a {len(data):,}-byte {name}"):
            items = list(read_path(path, max_bytes=max_bytes))
    for item in items:
        assert isinstance(item, Document | Failure), item
        if isinstance(item, Failure):
            assert isinstance(item.error, str) and item.error.strip(), item
        else:
            assert isinstance(item.text, str) and item.text.strip(), item
            item.text.encode("utf-8")  # valid Unicode: storable and printable
    return items


def extract_all(items, pipeline, validator) -> None:
    for document in (i for i in items if isinstance(i, Document)):
        with time_limit(f"extracting {document.source}"):
            record = pipeline.extract(document)
        check_record(record, document.text, validator)


@FUZZ
@given(data=st.data())
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_mutated_files_of_every_format(name, data, pipeline, validator):
    TRIED[f"readers: mutated {name}"] += 1
    items = read_all(data.draw(mutated_bytes(SAMPLES[name])), name)
    extract_all(items, pipeline, validator)


@FUZZ
@given(head=st.sampled_from(SNIFFED), body=st.binary(max_size=4000),
       name=st.sampled_from(sorted(SAMPLES)))
def test_random_bytes_under_every_name_and_sniffed_head(head, body, name):
    TRIED["readers: random bytes"] += 1
    read_all(head + body, name)


@FUZZ
@given(data=st.data(), limit=st.integers(1, 1 << 16))
def test_the_size_limit_holds_for_every_format(data, limit):
    TRIED["readers: small max_bytes"] += 1
    name = data.draw(st.sampled_from(sorted(SAMPLES)))
    sample = data.draw(st.sampled_from(SAMPLES[name]))
    items = read_all(sample, name, max_bytes=limit)
    content = gzip.decompress(sample) if name.endswith(".gz") else sample
    if len(content) > limit:
        assert any(isinstance(i, Failure) and f"{limit:,} bytes" in i.error for i in items), items
    else:
        assert not any(isinstance(i, Failure) and "bytes" in i.error for i in items), items
