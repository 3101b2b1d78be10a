"""Valid files of every source format built from real articles, and the mutations that break
them: what the reader fuzz tests and the hostile-file tests start from."""

from __future__ import annotations

import gzip
import html
import io
import json

from hypothesis import strategies as st

# Text that has broken parsers before: control characters, NULs, bidi marks, combining
# marks, odd line breaks, quotes, huge numbers and tokens, impossible dates.
HOSTILE = (
    "\x00", "\x00\x00\x00", "\u202e", "\u200f", "\u200e", "\u200b", "\ufeff", "\u2066x\u2069", "e\u0301\u0301\u0301",
    "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\t\t", "\x7f", "\x1b[31m",
    "👍🏽", "🇺🇦", "ﬁ", "İ", "ß", "Ǆ", "ﷺ", "القوات المسلحة", "צה״ל", "中国人民解放军", "Ⅻ", "٣٤٥",
    "A" * 20_000, "x" * 300, "9" * 5_000, "1" * 4_301, "1,000,000,000,000,000", "-5", "3.5e308", "NaN",
    "0.000001", "١٢٣", "½", '"', "“", "”", "«", "»", "'", "‘", "’", '""""', "(((", ")))", "[", "...", "…",
    " — ", "-", "/", "\\", "%", "$", "#", "@", "U.S.", "Sept.", "Mr.", "e.g.",
    "on 31 February 2022", "on 0 March 0000", "in the year 99999", "9999-99-99", "2022-13-45",
    "10000 BC", "the 1990s", "last year", "three decades ago", "mid-September", "every Tuesday",
    "yesterday", "Monday", "killed 100000000000000000000 people", "killed -3 people",
    "Kyrgyzstan", "Turkey delivered", "Bayraktar TB2", "said", "according to", "attacked", "drones",
)


REARRANGE = ("delete", "duplicate", "swap")


def _rearrange(draw, data, op: str, i: int, j: int):
    """Delete, duplicate or swap the span i:j of a str or bytes: what both mutators share."""
    if op == "delete":
        return data[:i] + data[j:]
    if op == "duplicate":
        return data[:j] + data[i:j] + data[j:]
    k = draw(st.integers(j, len(data)))
    return data[:i] + data[j:k] + data[i:j] + data[k:]


@st.composite
def mutated(draw, texts: list[str], max_ops: int = 6) -> str:
    """A real text with spans deleted, duplicated, swapped, or hostile text inserted."""
    text = draw(st.sampled_from(texts))
    for _ in range(draw(st.integers(0, max_ops))):
        n = len(text)
        i, j = sorted(draw(st.tuples(st.integers(0, n), st.integers(0, n))))
        op = draw(st.sampled_from(("delete", "duplicate", "swap", "insert", "insert", "text")))
        if op in REARRANGE:
            text = _rearrange(draw, text, op, i, j)
        elif op == "insert":
            text = text[:i] + draw(st.sampled_from(HOSTILE)) + text[i:]
        else:
            text = text[:i] + draw(st.text(max_size=40)) + text[i:]
    return text


@st.composite
def mutated_bytes(draw, samples: list[bytes], max_ops: int = 4) -> bytes:
    """A valid file with bytes deleted, duplicated, swapped, flipped or hostile bytes inserted."""
    data = draw(st.sampled_from(samples))
    for _ in range(draw(st.integers(1, max_ops))):
        n = len(data)
        i, j = sorted(draw(st.tuples(st.integers(0, n), st.integers(0, n))))
        op = draw(st.sampled_from(("delete", "duplicate", "swap", "flip", "insert", "bytes")))
        if op in REARRANGE:
            data = _rearrange(draw, data, op, i, j)
        elif op == "flip" and i < n:
            data = data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1:]
        elif op == "insert":
            hostile = draw(st.sampled_from(HOSTILE)).encode(draw(st.sampled_from(("utf-8", "utf-16", "latin-1"))),
                                                           "replace")
            data = data[:i] + hostile + data[i:]
        else:
            data = data[:i] + draw(st.binary(max_size=40)) + data[i:]
    return data


def as_text(article: str) -> bytes:
    return article.encode("utf-8")


def as_html(article: str) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article.split("\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><title>Report</title><meta property=\"og:site_name\" content=\"Example\">"
            f"<meta name=\"date\" content=\"2022-09-26\"></head><body><nav>Home</nav><article><h1>Report</h1>"
            f"{paragraphs}</article><footer>Copyright</footer></body></html>").encode()


def as_rss(articles: list[str]) -> bytes:
    items = "".join(f"<item><title>Item {n}</title><link>https://news.example/{n}</link><guid>g{n}</guid>"
                    f"<pubDate>Mon, 26 Sep 2022 10:00:00 GMT</pubDate>"
                    f"<description>{html.escape(html.escape(a[:1500]))}</description></item>"
                    for n, a in enumerate(articles))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example Feed</title>'
            f"{items}</channel></rss>").encode()


def as_atom(articles: list[str]) -> bytes:
    entries = "".join(f'<entry><title>E{n}</title><link href="https://news.example/a{n}"/><id>urn:a{n}</id>'
                      f'<updated>2022-09-27T00:00:00Z</updated><content type="html">{html.escape(a[:1500])}'
                      f"</content></entry>" for n, a in enumerate(articles))
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Atom News</title>{entries}</feed>").encode()


def as_jsonl(articles: list[str]) -> bytes:
    return "".join(json.dumps({"text": a, "id": f"d{n}", "outlet": "Example", "published": "2022-09-26",
                               "topic": "war"}) + "\n" for n, a in enumerate(articles)).encode()


def as_warc(records: list[tuple[str, str, bytes]], compress: bool = False) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for url, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return out.getvalue()


def warc_of(articles: list[str], compress: bool = False) -> bytes:
    records = [(f"https://news.example/w{n}", "text/html" if n % 2 else "text/plain",
                as_html(a) if n % 2 else a.encode()) for n, a in enumerate(articles)]
    return as_warc(records, compress)


def samples(articles: list[str]) -> dict[str, list[bytes]]:
    """Valid files per file name: the name decides the reader, as in a corpus directory."""
    few = articles[:3]
    return {
        "a.txt": [as_text(a) for a in few],
        "a.html": [as_html(a) for a in few],
        "a.rss": [as_rss(few)],
        "a.atom": [as_atom(few)],
        "a.jsonl": [as_jsonl(few)],
        "a.warc": [warc_of(few)],
        "a.warc.gz": [warc_of(few, compress=True)],
        "a.jsonl.gz": [gzip.compress(as_jsonl(few))],
        "a.txt.gz": [gzip.compress(as_text(a)) for a in few],
        "noextension": [as_html(few[0]), as_rss(few), as_jsonl(few), warc_of(few), as_text(few[0])],
    }
