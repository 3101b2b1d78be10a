"""Hostile files (issue 8): each is read correctly, or refused or bounded with a `Failure`
that says why, quickly, and the rest of the batch goes in."""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import re
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_checks import check_record, time_limit
from reliability_samples import as_html, as_jsonl, as_rss, as_warc

from flashpoint.documents import Document
from flashpoint.sources import Failure, read_path, read_paths
from flashpoint.sources.registry import MAX_DOCUMENT_BYTES

ARTICLE = ("Kyrgyzstan used Turkish Bayraktar TB2 drones against Tajikistan on 16 September 2022, "
           "the Tajik border service said — café, naïve, «quoted». ") * 3


def read(path, **options) -> tuple[list[Document], list[Failure]]:
    with time_limit(f"reading {path}"):
        items = list(read_path(path, **options))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Failure)]


# --- encodings and NUL bytes --------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16", "utf-32", "utf-8-sig", "latin-1",
                                      "cp1252"])
def test_text_in_another_encoding_is_decoded(tmp_path, encoding):
    article = ARTICLE.replace("—", "-").replace("«", '"').replace("»", '"') if "latin" in encoding else ARTICLE
    (tmp_path / "a.txt").write_bytes(article.encode(encoding))
    [document], [] = read(tmp_path / "a.txt")
    assert document.text == article


def test_utf8_with_a_few_broken_bytes_keeps_its_accents(tmp_path):
    data = ARTICLE.encode()
    (tmp_path / "a.txt").write_bytes(data[:40] + b"\xff\xfe" + data[40:])
    [document], [] = read(tmp_path / "a.txt")
    assert "café" in document.text and "\ufffd" in document.text and "Ã" not in document.text


def test_nul_bytes_in_a_text_file_are_refused_as_binary(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Kyrgyzstan\x00attacked\x00\x00Tajikistan" * 20)
    [], [failure] = read(tmp_path / "a.txt")
    assert "binary content" in failure.error


def test_nul_and_control_characters_inside_json_text_are_extracted_safely(tmp_path, pipeline, validator):
    text = "Kyrgyzstan\u0000 attacked\u0007 Tajikistan\u202e on 16 September 2022.\u0000"
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": text, "published": "2022-09-20"}) + "\n")
    [document], [] = read(tmp_path / "a.jsonl")
    check_record(pipeline.extract(document), text, validator)


def test_nul_bytes_in_html_are_read_or_refused(tmp_path):
    (tmp_path / "a.html").write_bytes(as_html(ARTICLE).replace(b"Tajikistan", b"Taji\x00kistan"))
    documents, failures = read(tmp_path / "a.html")
    assert len(documents + failures) == 1


def test_an_unpaired_surrogate_in_json_lines_fails_that_line_only(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "a \\ud800 b"}\n{"text": "ok", "title": "\\udfff"}\n'
                                      '{"text": "Kyrgyzstan attacked Tajikistan. \\ud83d\\ude00"}\n')
    [document], failures = read(tmp_path / "a.jsonl")
    assert document.text.endswith("😀")
    assert [f.source[-2:] for f in failures] == [":1", ":2"] and all("surrogate" in f.error for f in failures)


def test_deeply_nested_json_fails_that_line_only(tmp_path):
    (tmp_path / "a.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"text": ARTICLE}) + "\n")
    [_], [failure] = read(tmp_path / "a.jsonl")
    assert failure.source.endswith(":1") and "JSON" in failure.error


# --- one enormous line -------------------------------------------------------------------

HUNDRED_MB = 100 * 1024 * 1024
PEAK = """
import re, sys
from flashpoint.sources import read_path
items = list(read_path(sys.argv[1]))
print(int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read())[1]) // 1024)  # peak RSS, MB
for item in items:
    print(type(item).__name__, getattr(item, "error", len(getattr(item, "text", ""))))
"""


@pytest.fixture(scope="module")
def huge_line(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("huge")
    with open(folder / "line.jsonl", "wb") as out:
        out.write(b'{"text": "')
        for _ in range(HUNDRED_MB >> 20):
            out.write(b"war " * (1 << 18))
        out.write(b'"}\n' + json.dumps({"text": ARTICLE}).encode() + b"\n")
    for name in ("line.txt", "line"):
        os.link(folder / "line.jsonl", folder / name)
    return folder


@pytest.mark.parametrize("name", ["line.jsonl", "line.txt", "line"])
def test_a_100_mb_single_line_is_refused_quickly_without_reading_it_whole(huge_line, name):
    with time_limit(f"reading {name}"):
        found = subprocess.run([sys.executable, "-c", PEAK, str(huge_line / name)], capture_output=True, text=True,
                               timeout=60)
    peak, *items = found.stdout.splitlines()
    assert f"larger than {MAX_DOCUMENT_BYTES:,} bytes" in items[0], found.stdout + found.stderr
    assert int(peak) < 40 + 3 * MAX_DOCUMENT_BYTES // 2**20 + 150, f"peak memory {peak} MB"
    if name.endswith(".jsonl"):
        assert items[1].startswith("Document"), items  # the line after it is still read


# --- HTML and XML --------------------------------------------------------------------------

def test_100000_nested_divs_are_bounded(tmp_path):
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 100_000 + f"<p>{ARTICLE}</p>"
                                        + "</div>" * 100_000 + "</body></html>")
    documents, failures = read(tmp_path / "deep.html")
    assert len(documents + failures) == 1
    assert not failures or failures[0].error


LAUGHS = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">""" + "".join(
    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)).replace("&lol0;", "&lol;") + """]>
<rss version="2.0"><channel><title>&lol9;</title><item><description>&lol9;</description></item></channel></rss>"""
XXE = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><description>&xxe;</description></item></channel></rss>"""
XXE_REMOTE = """<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd">%remote;]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>x</content></entry></feed>"""


@pytest.mark.parametrize("body", [LAUGHS, XXE, XXE_REMOTE], ids=["billion-laughs", "xxe-file", "xxe-parameter"])
def test_entity_bombs_and_external_entities_in_feeds_are_refused(tmp_path, body):
    (tmp_path / "feed.xml").write_text(body)
    [], [failure] = read(tmp_path / "feed.xml")
    assert "unsafe or malformed feed XML" in failure.error and "Forbidden" in failure.error


def test_external_entities_in_html_are_not_resolved(tmp_path):
    page = as_html(ARTICLE).decode().replace(
        "<!DOCTYPE html>", '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace(
        "<h1>Report</h1>", "<h1>Report</h1><p>&xxe;</p>")
    (tmp_path / "a.html").write_text(page)
    documents, _ = read(tmp_path / "a.html")
    assert not any("root:" in d.text for d in documents)


# --- decompression bombs -----------------------------------------------------------------

def _zeros_gzip(mebibytes: int) -> bytes:
    member = gzip.compress(b"\0" * (1 << 20), compresslevel=9)  # 1 MiB in ~1 KiB
    return member * mebibytes


def test_a_gzip_bomb_past_max_bytes_is_refused_and_the_rest_goes_in(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(_zeros_gzip(64))
    (tmp_path / "good.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    [document], [failure] = read(tmp_path, max_bytes=8 << 20)
    assert "good.txt.gz" in document.source
    assert "bomb.txt.gz" in failure.source and "decompression bomb" in failure.error


def test_a_gzip_bomb_under_the_default_limit_is_stopped_at_the_document_limit(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(_zeros_gzip(2 * MAX_DOCUMENT_BYTES >> 20))
    [], [failure] = read(tmp_path / "bomb.txt.gz")
    assert f"larger than {MAX_DOCUMENT_BYTES:,} bytes" in failure.error


def test_a_json_lines_bomb_keeps_the_lines_before_it(tmp_path):
    lines = as_jsonl([ARTICLE, ARTICLE + " Again."])
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(lines) + _zeros_gzip(16))
    documents, [failure] = read(tmp_path / "a.jsonl.gz", max_bytes=4 << 20)
    assert len(documents) == 2 and "decompression bomb" in failure.error


def test_a_gzip_within_gzip_and_a_truncated_gzip_are_failures(tmp_path):
    (tmp_path / "double.txt.gz").write_bytes(gzip.compress(gzip.compress(ARTICLE.encode())))
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(ARTICLE.encode())[:-12])
    (tmp_path / "crc.txt.gz").write_bytes(gzip.compress(ARTICLE.encode())[:-8] + b"\0" * 8)
    documents, failures = read(tmp_path)
    assert not documents and len(failures) == 3 and all(f.error for f in failures)


def test_a_gzip_encoded_warc_record_cannot_bomb(tmp_path):
    bomb = gzip.compress(b" " * 2 * MAX_DOCUMENT_BYTES, compresslevel=9)
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, payload, headers in [("https://ex/bomb", bomb, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]),
                                  ("https://ex/good", ARTICLE.encode(), [("Content-Type", "text/plain")])]:
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http))
    (tmp_path / "a.warc").write_bytes(out.getvalue())
    [document], [failure] = read(tmp_path / "a.warc")
    assert document.url == "https://ex/good"
    assert "ex/bomb" in failure.source and "decompression bomb" in failure.error


# --- WARC records that lie about their length ----------------------------------------------

def _lying_warc(record: int, delta: int) -> bytes:
    """Three text records; record `record`'s Content-Length (the WARC header, not HTTP) changed by delta."""
    good = as_warc([(f"https://ex/{i}", "text/plain", f"Kyrgyzstan attacked Tajikistan, report {i}.".encode())
                    for i in range(3)])
    records = good.split(b"WARC/1.0\r\n")[1:]
    changed = re.sub(rb"\r\nContent-Length: (\d+)", lambda m: b"\r\nContent-Length: %d" % (int(m[1]) + delta),
                     records[record], count=1)
    return b"".join(b"WARC/1.0\r\n" + r for r in records[:record] + [changed] + records[record + 1:])


@pytest.mark.parametrize(("record", "delta", "read_urls"), [
    (1, +40, ["https://ex/0"]),            # swallows the next record's header
    (1, -25, ["https://ex/0", "https://ex/2"]),  # stops short: the rest of it is junk
    (1, +10**12, ["https://ex/0"]),        # claims more than the file holds
    (2, +5, ["https://ex/0", "https://ex/1"]),
])
def test_a_warc_record_with_a_wrong_content_length_is_a_failure_and_the_others_go_in(tmp_path, record, delta,
                                                                                      read_urls):
    (tmp_path / "a.warc").write_bytes(_lying_warc(record, delta))
    documents, failures = read(tmp_path / "a.warc")
    assert [d.url for d in documents] == read_urls
    assert failures and any(f"ex/{record}" in f.source and "Content-Length" in f.error for f in failures)
    assert not any("WARC/1.0" in d.text for d in documents)


def test_a_truncated_warc_keeps_its_whole_records(tmp_path):
    (tmp_path / "a.warc").write_bytes(_lying_warc(0, 0)[:-70])
    documents, [failure] = read(tmp_path / "a.warc")
    assert [d.url for d in documents] == ["https://ex/0", "https://ex/1"] and "ex/2" in failure.source


# --- directories: links, loops, FIFOs, devices --------------------------------------------

@pytest.fixture
def tricky_tree(tmp_path) -> Path:
    outside, tree = tmp_path / "outside", tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("outside the tree: " + ARTICLE)
    (tree / "sub" / "good.txt").write_text(ARTICLE)
    (tree / "a..b.txt").write_text(ARTICLE + " Dots in a name are fine.")
    os.symlink("../../outside/secret.txt", tree / "sub" / "dotdot.txt")  # `..` leading out
    os.symlink(outside, tree / "outside-dir")
    os.symlink(tree, tree / "sub" / "loop-dir")  # a directory loop: not followed
    os.symlink("loop-b.txt", tree / "loop-a.txt")  # a symlink loop
    os.symlink("loop-a.txt", tree / "loop-b.txt")
    os.symlink("nowhere.txt", tree / "dangling.txt")
    os.symlink("/dev/zero", tree / "zero.txt")  # a device, outside the tree
    os.mkfifo(tree / "fifo.txt")  # opening it would wait for a writer forever
    os.symlink("fifo.txt", tree / "to-fifo.txt")
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(tree / "socket.txt"))
    yield tree
    listening.close()


def test_links_loops_fifos_and_sockets_in_a_directory(tricky_tree, caplog):
    with caplog.at_level(logging.WARNING, logger="flashpoint.sources.registry"):
        documents, failures = read(tricky_tree)
    assert sorted(Path(d.source).name for d in documents) == ["a..b.txt", "good.txt"]
    reasons = {Path(f.source).name: f.error for f in failures}
    assert set(reasons) == {"loop-a.txt", "loop-b.txt", "dangling.txt", "fifo.txt", "to-fifo.txt", "socket.txt"}
    assert "a FIFO, not a regular file" in reasons["fifo.txt"] and "a FIFO" in reasons["to-fifo.txt"]
    assert "a socket" in reasons["socket.txt"] and "symbolic links" in reasons["loop-a.txt"]
    assert "No such file" in reasons["dangling.txt"]
    skipped = caplog.text
    assert "dotdot.txt" in skipped and "zero.txt" in skipped and "a symlink leading out" in skipped


def test_a_fifo_or_device_given_directly_is_refused(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    [], [failure] = read(tmp_path / "fifo")
    assert "a FIFO" in failure.error
    [], [failure] = read("/dev/null")
    assert "a device" in failure.error


def test_a_device_node_inside_the_tree_is_refused(tmp_path):
    try:
        os.mknod(tmp_path / "zero.txt", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except (PermissionError, OSError):
        pytest.skip("cannot create a device node here (needs CAP_MKNOD)")
    [], [failure] = read(tmp_path)
    assert "a device" in failure.error


# --- a batch mixing good and hostile files --------------------------------------------------

GOOD = {"good.txt": ARTICLE.encode(), "good.html": as_html(ARTICLE), "good.rss": as_rss([ARTICLE]),
        "good-utf16.txt": ARTICLE.encode("utf-16")}
HOSTILE_FILES = {
    "binary.txt": b"\x00\x01\x02\x03" * 300,
    "laughs.xml": LAUGHS.encode(),
    "xxe.rss": XXE.encode(),
    "bomb.txt.gz": _zeros_gzip(2 * MAX_DOCUMENT_BYTES >> 20),
    "broken.jsonl": b"{not json\n",
    "lying.warc": _lying_warc(0, +10**9)[: _lying_warc(0, 0).index(b"WARC/1.0", 10)],
    "empty.txt": b"   \n",
}


def file_name(source: str) -> str:
    """The file a source names: without its `#entry` or `:line` part."""
    return Path(re.sub(r"(#.*|:\d+)$", "", source)).name


@pytest.fixture
def mixed_batch(tmp_path) -> Path:
    for name, data in {**GOOD, **HOSTILE_FILES}.items():
        (tmp_path / name).write_bytes(data)
    os.mkfifo(tmp_path / "fifo.txt")
    return tmp_path


def test_read_paths_over_a_mixed_batch_fails_each_hostile_file_and_reads_the_rest(mixed_batch):
    with time_limit("reading the mixed batch"):
        items = list(read_paths([mixed_batch, mixed_batch / "missing.txt"]))
    documents = [i for i in items if isinstance(i, Document)]
    failed = {file_name(i.source) for i in items if isinstance(i, Failure)}
    assert sorted(file_name(d.source) for d in documents) == sorted(GOOD)
    assert failed == {*HOSTILE_FILES, "fifo.txt", "missing.txt"}


def test_flashpoint_extract_over_a_mixed_batch(mixed_batch, validator):
    with time_limit("flashpoint extract over the mixed batch", 60):
        run = subprocess.run([sys.executable, "-m", "flashpoint", "extract", str(mixed_batch), "--format", "jsonl"],
                             capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert sorted(file_name(r["document"]["source"]) for r in records) == sorted(GOOD)
    for record in records:
        assert not list(validator.iter_errors(record))
    skipped = [line for line in run.stderr.splitlines() if line.startswith("skipped ")]
    assert sorted(file_name(line.split()[1].rstrip(":")) for line in skipped) == sorted(
        [*HOSTILE_FILES, "fifo.txt"])
    assert f"{len(HOSTILE_FILES) + 1} document(s) failed" in run.stderr
