"""claims: attributed statements — casualty and damage figures, and who says a deal exists.

Every figure is a claim of whoever gives it ("Tajikistan puts its death toll at 41", "the
Kyrgyz say 59 people were killed"), kept side by side with the others and never merged; it is
also attached to the assault event it counts. Transfers reported, denied or left unverified by
a named source become claims of that source.
"""

from __future__ import annotations

import re

from spacy.attrs import LIKE_NUM

from flashpoint.pipeline import arguments as args
from flashpoint.pipeline.annotations import annotations, columns_of, span_text, text_of
from flashpoint.pipeline.clauses import clause_at, sentences
from flashpoint.pipeline.core import Component

# a number in digits, or a number word on its own ("none were killed" is not "one were killed")
# ("1.7 million", "2,500", "40"), with a scale word after a number in digits
_NUM = r"(?<![\d,])(?P<num>(?<!\d\.)\d{1,3}(?:[,.]\d{3}){1,4}(?!\d|,\d)|(?<!\d\.)\d{1,9}(?:\.\d+)?(?!\d|,\d)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a hundred|dozens|hundreds|thousands)\b)(?:\s+(?P<scale>thousand|million|billion)\b)?"
_APPROX = r"(?:(?P<approx>nearly|almost|about|around|roughly|some|over|more than|at least|up to|fewer than|less than)\s+)?"
# up to three words between the number and the verb ("40 Tajik border guards were killed", "3,000
# women and girls were killed"), not across a conjunction that opens another verb ("killed 257
# people and injured nearly 5,000": the 257 died)
_WHO = r"(?:(?:of\s+(?:its|their|the|his|her)\s+)?(?:(?!(?:and|or|but)\s+(?:\w+ed|has|have|had|was|were|is|are|left)\b)[A-Za-z][\w-]*\s+){0,3}?)"
_BE = r"(?:(?:were|was|have been|had been|has been|have|has|had|are|reportedly|also|all|later|since)\s+)*"
PATTERNS = [  # (predicate, pattern, words one of which the pattern needs, lower case)
    ("killed", rf"{_APPROX}{_NUM}\s+{_WHO}{_BE}(?:killed|dead|died|slain|lost their lives)\b",
     ("killed", "dead", "died", "slain", "lost their lives")),
    ("injured", rf"{_APPROX}{_NUM}\s+{_WHO}{_BE}(?:injured|wounded|hurt)\b", ("injured", "wounded", "hurt")),
    ("displaced", rf"{_APPROX}{_NUM}\s+{_WHO}{_BE}(?:displaced|evacuated|fled|forced from their homes|uprooted)\b",
     ("displaced", "evacuated", "fled", "forced from their homes", "uprooted")),
    ("missing", rf"{_APPROX}{_NUM}\s+{_WHO}{_BE}missing", ("missing",)),
    ("captured", rf"{_APPROX}{_NUM}\s+{_WHO}{_BE}(?:captured|taken prisoner|abducted|kidnapped)",
     ("captured", "taken prisoner", "abducted", "kidnapped")),
    ("homes_damaged", rf"{_APPROX}{_NUM}\s+(?:homes|houses|buildings|dwellings)\s+{_BE}(?:damaged|destroyed)",
     ("damaged", "destroyed")),
    ("killed", rf"death toll\s+(?:\w+\s+){{0,3}}?(?:at|of|to)\s+{_APPROX}{_NUM}", ("death toll",)),
    ("killed", rf"claim(?:ed|s)?\s+{_APPROX}{_NUM}\s+lives", ("claim",)),
    ("killed", rf"(?:killing|killed|kills)\s+{_APPROX}{_NUM}\b(?!\s*(?:percent|%))", ("killing", "killed", "kills")),
    ("injured", rf"(?:injuring|injured|wounding|wounded)\s+(?:another\s+|a further\s+)?{_APPROX}{_NUM}\b(?!\s*(?:percent|%))",
     ("injuring", "injured", "wounding", "wounded")),
]
# The patterns have no literal prefix, so the regex engine tries them at every character;
# a sentence without one of a pattern's words is skipped for it (the same matches, much faster).
# Each is also compiled without re.I, for an ASCII sentence in lower case: there an alternative
# that cannot match is refused at its first letter, where re.I makes the engine try it.
_COMPILED = [(p, re.compile(rx, re.I), re.compile(rx), words) for p, rx, words in PATTERNS]
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50, "hundred": 100, "a hundred": 100}
_POSSESSIVE = re.compile(r"\b(?:its|their)\s+(?:own\s+)?death toll", re.I)


def _figures(pattern, lower_pattern, text: str, lower: str):
    """`pattern.finditer(text)`; in an ASCII text the matches are found in its lower case, then
    read again from the text as written."""
    if not text.isascii():
        yield from pattern.finditer(text)
        return
    for m in lower_pattern.finditer(lower):
        yield pattern.match(text, m.start())


def _count(text: str, scale: str | None = None) -> int | None:
    """"2,500" -> 2500, "twelve" -> 12, "1.7" with "million" -> 1700000; a decimal fraction
    with no scale word is no count of people."""
    text = text.lower().replace(",", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text) and not scale:
        text = text.replace(".", "")  # "3.200 people": a thousands separator, as much of Europe writes it
    if scale:
        number = _WORDS.get(text) if not text[:1].isdigit() else None
        try:
            return round((number or float(text)) * _SCALES[scale.lower()])
        except ValueError:
            return None
    return int(text) if text.isdigit() and len(text) <= 12 else _WORDS.get(text)


_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


class Claims(Component):
    name = "claims"
    requires = ("flashpoint.events", "flashpoint.transfers", "flashpoint.attributions")
    assigns = ("flashpoint.claims", "flashpoint.events.casualties")

    def match(self, doc):
        found, taken = [], []
        whole = text_of(doc).lower()
        patterns = [(p, rx, lower_rx, words) for p, rx, lower_rx, words in _COMPILED
                    if any(word in whole for word in words)]
        if not patterns:
            return found
        numeric = doc.to_array(LIKE_NUM).tolist() if len(doc) else []  # every word in _WORDS is LIKE_NUM too
        cols = columns_of(doc)
        for start, end in sentences(doc):
            if not any(numeric[start:end]):
                continue  # a figure needs a number
            begin = cols.idx[start]
            text = text_of(doc)[begin:cols.end_char(end - 1)]
            lower = text.lower()
            for predicate, pattern, lower_pattern, words in patterns:
                if not any(word in lower for word in words):
                    continue
                for m in _figures(pattern, lower_pattern, text, lower):
                    if any(m.start() + begin < e and s < m.end() + begin for s, e in taken):
                        continue
                    taken.append((m.start() + begin, m.end() + begin))
                    found.append((m.start("num") + begin, m.end("num") + begin, predicate, m, begin))
        return sorted(found, key=lambda f: f[0])

    def set_annotations(self, doc, found) -> None:
        ann = annotations(doc)
        outlet = doc.user_data.get("flashpoint_outlet")
        for start_char, end_char, predicate, m, offset in found:
            span = doc.char_span(start_char, end_char, alignment_mode="expand")
            if span is None:
                continue
            clause = clause_at(doc, span.start)
            claim = self.casualty(doc, clause, span, predicate, m, outlet, offset)
            if claim:
                ann.claims.append(claim)
        ann.claims.extend(self.transfer_claims(ann))
        for n, claim in enumerate(ann.claims, 1):
            claim["id"] = f"cl{n}"
        self.attach(ann)

    def casualty(self, doc, clause, span, predicate, m, outlet, offset=0):
        ann = annotations(doc)
        found = ann.attributions.get((clause.start, clause.end))
        claimant = found.claimant if found and found.claimant else None
        subject = None
        if _POSSESSIVE.search(m.group(0)) or _POSSESSIVE.search(span_text(doc, clause.start, clause.end)):
            left = args.group_left(doc, args.clause_actors(doc, clause), span.start)
            if left:
                actor = ann.actors[left[-1].actor]
                claimant = claimant or args.actor_ref(actor)
                subject = {"id": actor.country, "name": actor.name, "code": actor.country, "country": actor.country}
        if subject is None and claimant and claimant.get("country"):
            subject = {"id": claimant["country"], "name": claimant["name"], "code": claimant["country"],
                       "country": claimant["country"]}
        status = found.status if found else "asserted"
        if claimant and subject and claimant.get("country") == subject.get("country") and status == "reported":
            status = "claimed"
        count = _count(m.group("num"), m.group("scale"))
        if count is None:
            return None
        return {
            "id": None,
            "claimant": claimant or {"id": None, "name": outlet or "the article"},
            "predicate": predicate,
            "subject": subject,
            "value": count,
            "qualifier": (m.group("approx") or "").lower() or None,
            "date": args.date_for(doc, clause, span.start, ann.published),
            "status": status if claimant else "asserted",
            "evidence": args.evidence(doc, clause),
            "figure": {"start": m.start() + offset, "end": m.end() + offset, "text": m.group(0)},
        }

    def transfer_claims(self, ann):
        out = []
        for t in ann.transfers:
            claimant = t["attribution"]["claimant"]
            if not claimant.get("id") and t["attribution"]["status"] == "asserted":
                continue
            acquired = t["status"] not in ("negotiating", "cancelled")
            out.append({
                "id": None, "claimant": claimant,
                "predicate": "acquired" if acquired else f"transfer_{t['status']}",
                "subject": t["recipient"], "value": f"{t['system']['name']} from {t['supplier']['name']}",
                "date": t["date"], "status": t["attribution"]["status"] if t["status"] != "denied" else "denied",
                "evidence": t["evidence"], "record": t["id"],
            })
        return out

    def attach(self, ann) -> None:
        """Each figure also goes into the casualties of the assault it counts."""
        assaults = [e for e in ann.events if e["type"] == "ASSAULT"]
        for claim in ann.claims:
            if claim.get("record") or not assaults:
                continue
            start = claim["evidence"][0]["start"]
            same = [e for e in assaults if e["evidence"][0]["start"] == start]
            earlier = [e for e in assaults if e["evidence"][0]["start"] <= start]
            subject = (claim["subject"] or {}).get("country")
            related = [e for e in earlier if subject in {r["country"] for r in e["actor"] + e["recipient"]}]
            event = (same or related or earlier or [None])[-1]
            if event is not None and claim["date"] is None and event["date"]:
                claim["date"] = dict(event["date"], inherited=True)
            if event is not None:
                event["casualties"].append({"kind": claim["predicate"], "count": claim["value"],
                                            "side": subject, "claimant": claim["claimant"]["name"],
                                            "claim": claim["id"]})
