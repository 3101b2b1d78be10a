"""Each source format, and the inputs that must fail alone: broken files, bombs, empty records."""

from __future__ import annotations

import gzip
import io
import json
import os

import pytest

from flashpoint.documents import Document
from flashpoint.sources import Failure, read_path
from flashpoint.sources.compressed import DEFAULT_MAX_BYTES

ARTICLE = "Kyrgyzstan used Turkish drones against Tajikistan. " * 5


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Failure)]


def test_plain_text_reads_its_credit_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE + "\nAl-Monitor, September 26, 2022, Fehim Tastekin\n")
    [document] = list(read_path(tmp_path / "a.txt"))
    assert (document.outlet, document.published) == ("Al-Monitor", "2022-09-26")
    assert document.source == str(tmp_path / "a.txt")


HTML = f"""<!DOCTYPE html><html><head><title>Drones in Central Asia</title>
<meta property="og:site_name" content="Example News"><meta name="date" content="2022-09-26"></head>
<body><nav>Home | World</nav><article><h1>Drones in Central Asia</h1><p>{ARTICLE}</p>
<p>{ARTICLE}</p></article><footer>Copyright</footer></body></html>"""


def test_html_gives_main_text_and_metadata(tmp_path):
    (tmp_path / "page.html").write_text(HTML)
    [document] = list(read_path(tmp_path / "page.html"))
    assert "Turkish drones" in document.text and "Copyright" not in document.text
    assert document.title == "Drones in Central Asia"
    assert document.published == "2022-09-26"


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Feed</title>
<item><title>One</title><link>https://ex/1</link><pubDate>Mon, 26 Sep 2022 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Kyrgyzstan attacked Tajikistan.&lt;/p&gt;</description></item>
<item><title>Two</title><link>https://ex/2</link><description>Russia and Tajikistan signed an agreement.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>A</title><link href="https://ex/a"/><id>urn:a</id><updated>2022-09-27T00:00:00Z</updated>
<content type="html">&lt;p&gt;Turkey delivered drones.&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom_give_one_document_per_entry(tmp_path):
    (tmp_path / "feed.rss").write_text(RSS)
    (tmp_path / "feed.atom").write_text(ATOM)
    documents, failures = split(read_path(tmp_path))
    assert not failures
    assert [(d.title, d.url, d.outlet) for d in documents] == [
        ("A", "https://ex/a", "Atom News"), ("One", "https://ex/1", "Example Feed"), ("Two", "https://ex/2", "Example Feed")]
    assert documents[1].text == "Kyrgyzstan attacked Tajikistan." and documents[1].published == "2022-09-26"


BOMB = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rss version="2.0"><channel><title>&lol4;</title><item><description>&lol4;</description></item></channel></rss>"""


def test_an_xml_bomb_feed_is_a_failure_and_the_rest_goes_in(tmp_path):
    (tmp_path / "bomb.xml").write_text(BOMB)
    (tmp_path / "good.rss").write_text(RSS)
    documents, [failure] = split(read_path(tmp_path))
    assert len(documents) == 2
    assert "bomb.xml" in failure.source and "unsafe" in failure.error


def test_jsonl_reads_each_line_and_counts_broken_lines(tmp_path):
    lines = [json.dumps({"text": "Kyrgyzstan attacked Tajikistan.", "id": "x1", "outlet": "A", "topic": "war"}),
             "{not json", json.dumps({"title": "no text"}), "",
             json.dumps({"text": "Russia and Tajikistan signed an agreement."})]
    (tmp_path / "docs.jsonl").write_text("\n".join(lines))
    documents, failures = split(read_path(tmp_path / "docs.jsonl"))
    assert [d.id for d in documents][0] == "x1" and documents[0].extra == {"topic": "war"}
    assert [f.source.rsplit(":", 1)[1] for f in failures] == ["2", "3"]


def test_gzip_is_read_by_the_name_inside(tmp_path):
    with gzip.open(tmp_path / "docs.jsonl.gz", "wt") as out:
        out.write(json.dumps({"text": "Kyrgyzstan attacked Tajikistan."}) + "\n")
    [document] = list(read_path(tmp_path / "docs.jsonl.gz"))
    assert document.text == "Kyrgyzstan attacked Tajikistan."


def test_a_gzip_bomb_is_refused_past_the_limit_and_the_rest_goes_in(tmp_path):
    member = gzip.compress(b"\0" * (1 << 20), compresslevel=9)  # 1 MiB of zeros in ~1 KiB
    members = DEFAULT_MAX_BYTES // (1 << 20) + 8  # multi-member gzip: expands past the limit
    (tmp_path / "bomb.txt.gz").write_bytes(member * members)
    assert (tmp_path / "bomb.txt.gz").stat().st_size < 2 << 20
    (tmp_path / "good.txt").write_text(ARTICLE)
    documents, [failure] = split(read_path(tmp_path))
    assert len(documents) == 1 and "decompression bomb" in failure.error


def test_a_small_limit_applies_to_plain_files_too(tmp_path):
    (tmp_path / "big.txt").write_text(ARTICLE * 100)
    [failure] = list(read_path(tmp_path / "big.txt", max_bytes=1000))
    assert isinstance(failure, Failure)


def _warc(path, records):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=str(path).endswith(".gz"))
        for url, content_type, payload in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_reads_responses_and_counts_a_record_without_payload(tmp_path, name):
    _warc(tmp_path / name, [("https://ex/page", "text/html", HTML.encode()),
                            ("https://ex/empty", "text/html", b""),
                            ("https://ex/plain", "text/plain", b"Russia and Tajikistan signed an agreement.")])
    documents, [failure] = split(read_path(tmp_path / name))
    assert [d.url for d in documents] == ["https://ex/page", "https://ex/plain"]
    assert "https://ex/empty" in failure.source and "no payload" in failure.error


def test_directories_recurse_but_do_not_follow_symlinks_out_of_the_tree(tmp_path):
    outside, tree = tmp_path / "outside", tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("outside the tree")
    (tree / "sub" / "a.txt").write_text(ARTICLE)
    (tree / ".hidden.txt").write_text("hidden")
    os.symlink(outside / "secret.txt", tree / "link.txt")
    os.symlink(outside, tree / "linked-dir")
    os.symlink(tree / "sub" / "a.txt", tree / "inside.txt")
    documents, failures = split(read_path(tree))
    assert sorted(os.path.basename(d.source) for d in documents) == ["a.txt", "inside.txt"]
    assert not failures


def test_broken_and_missing_files_are_failures(tmp_path):
    (tmp_path / "noise.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_text("  \n")
    documents, failures = split(read_path(tmp_path))
    assert not documents and len(failures) == 2
    [missing] = list(read_path(tmp_path / "nope.txt"))
    assert isinstance(missing, Failure) and "no such file" in missing.error
