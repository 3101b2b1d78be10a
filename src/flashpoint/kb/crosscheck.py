"""Compare the knowledge base with reference data, and measure how much of the gold data it covers.

`crosscheck(kb, data_dir)` sets flashpoint's countries and organisations against mledoze's
country list, the COW capitals and the COW IGO data (v3, memberships to 2014) and lists
every disagreement with the side judged right and why. `coverage(kb, gold_dir)` counts the
actor mentions in the gold files whose text `kb.lookup` resolves to the gold country.
`flashpoint kb crosscheck` prints both; `markdown()` writes the summary in docs/kb-crosscheck.md.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

from flashpoint.kb.knowledge import KnowledgeBase, index_by_name

DATES = ("2010-01-01", "2014-01-01")
COW_LAST_YEAR = 2014
# COW IGO state names that no flashpoint name spells out; None: no flashpoint country.
COW_STATES = {
    "car": "CAF", "congobrazz": "COG", "domrepublic": "DOM", "egermany": "DDR", "wgermany": "DEU",
    "etimor": "TLS", "fyromacedonia": "MKD", "ivorycoast": "CIV", "nokorea": "PRK", "sokorea": "KOR",
    "soafrica": "ZAF", "sosudan": "SSD", "stkitts": "KNA", "stlucia": "LCA", "stvincent": "VCT",
    "trinidad": "TTO", "uae": "ARE", "uk": "GBR", "usa": "USA", "wsamoa": "WSM", "zaire": "COD",
    "nyemen": "YEM", "yemen": "YEM", "bosnia": "BIH", "czechrep": "CZE", "czechoslovakia": "CSK",
    "marshallis": "MHL", "micronesiafs": "FSM", "solomonis": "SLB", "saotome": "STP", "capeverde": "CPV",
    "eqguinea": "GNQ", "guineabissau": "GNB", "antiguabarbuda": "ATG", "burkinafaso": "BFA",
    "papuanewguinea": "PNG", "swaziland": "SWZ", "kosovo": "XKX", "russia": "RUS", "vietnam": "VNM",
    "laos": "LAO", "brunei": "BRN", "syria": "SYR", "iran": "IRN", "tanzania": "TZA", "bolivia": "BOL",
    "venezuela": "VEN", "moldova": "MDA", "taiwan": "TWN", "korea": None, "syemen": None, "svietnam": None,
    "austriahungary": None, "baden": None, "bavariaelect": None, "hessegrand": None, "papalstates": None,
    "tuscany": None, "twosicilies": None, "zanzibar": None, "dead": None, "replaced": None, "integrated": None,
}
# Gold files written with older CAMEO country codes.
GOLD_CODES = {"ITL": "ITA", "JAP": "JPN", "USR": "SUN", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
# Disagreements already looked into (compiler's knowledge of the treaties, checked 2026-11):
# (organisation id, country) -> (side that is right, why).
KNOWN_CASES = {
    ("mercosur", "BOL"): ("ours", "an associate state in 2010-14 (full accession 2024); COW codes associates as full"),
    ("mercosur", "CHL"): ("ours", "an associate state, never a full member; COW codes associates as full"),
    ("eac", "LSO"): ("ours", "never an EAC member; COW's EAC spells 1996-2014 include non-members"),
    ("eac", "MWI"): ("ours", "never an EAC member; COW's EAC spells 1996-2014 include non-members"),
    ("eac", "ZMB"): ("ours", "never an EAC member; COW's EAC spells 1996-2014 include non-members"),
    ("eac", "ZWE"): ("ours", "never an EAC member; COW's EAC spells 1996-2014 include non-members"),
    ("igad", "ERI"): ("ours", "Eritrea suspended its IGAD membership in 2007 and returned in 2011"),
    ("eurasec", "UZB"): ("ours", "Uzbekistan suspended its EurAsEC membership in 2008"),
    ("ceeac", "RWA"): ("ours", "Rwanda left ECCAS in 2007 and rejoined in 2015"),
    ("oas", "CUB"): ("ours", "the 1962 exclusion was lifted in 2009 but Cuba never took its seat back"),
    ("who", "LIE"): ("theirs", "Liechtenstein is not a WHO member: add it to the WHO entry's non_members"),
    ("who", "TWN"): ("theirs", "Taiwan is not a WHO member (observer 2009-16 only): add it to non_members"),
    ("who", "XKX"): ("theirs", "Kosovo is not a WHO member: add it to non_members"),
    ("world-bank", "AND"): ("theirs", "Andorra joined the World Bank only in 2020: add a spell since 2020"),
    ("world-bank", "LIE"): ("theirs", "Liechtenstein is not a World Bank member: add it to non_members"),
    ("world-bank", "NRU"): ("theirs", "Nauru joined in 2016: add a spell since 2016-04-12"),
    ("world-bank", "TWN"): ("theirs", "the Republic of China's seat passed to the PRC in 1980: add TWN to non_members"),
    ("imf", "NRU"): ("theirs", "Nauru joined the IMF in 2016: add a spell since 2016-04-12"),
    ("imf", "TWN"): ("theirs", "the Republic of China's seat passed to the PRC in 1980: add TWN to non_members"),
    ("nam", "CYP"): ("theirs", "Cyprus left the Non-Aligned Movement on joining the EU in 2004: end its spell"),
    ("osce", "VAT"): ("ours", "the Holy See is a participating State of the OSCE; COW leaves it out of its state system"),
    ("opec", "AGO"): ("ours", "Angola joined OPEC in 2007 (left 2024); COW lacks the spell"),
    ("osce", "MNG"): ("ours", "Mongolia joined the OSCE in November 2012; COW lacks the spell"),
    ("unesco", "USA"): ("ours", "the United States was a member 2003-2018; COW lacks the spell"),
    ("icc", "MLI"): ("ours", "Mali ratified the Rome Statute in 2000; COW lacks the spell"),
    ("imf", "LKA"): ("ours", "Sri Lanka has been an IMF member since 1950; COW lacks the spell"),
}
SOUTH_SUDAN_INDEPENDENCE = "2011-07-09"
RE3D_TYPES = ("Nationality", "Organisation", "Person", "Weapon", "MilitaryPlatform")


@dataclass(frozen=True)
class Disagreement:
    topic: str  # name, capital, demonym, code, membership
    subject: str  # a country code or an organisation id
    ours: str
    theirs: str
    reference: str
    right: str  # ours, theirs, both (a variant: keep ours, add theirs) or unclear
    why: str


def plain(text: str | None) -> str:
    """Letters only, no accents, lower case: 'Côte d'Ivoire' -> 'cotedivoire'."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", ascii_text.lower())


def country_index(kb: KnowledgeBase) -> dict[str, str]:
    """Plain spelling of every country name -> code; current states win over historical ones."""
    index: dict[str, str] = {}
    for code, country in sorted(kb.countries.items(), key=lambda item: bool(item[1].span.until)):
        for name in (country.name, *country.names):
            index.setdefault(plain(name), code)
    return index


def cow_country(name: str, index: dict[str, str], year: int | None = None) -> str | None:
    key = plain(name)
    if key == "yugoslaviaserb":  # COW's 345 is Yugoslavia until 2006, then Serbia
        return "YUG" if year is not None and year < 2006 else "SRB"
    return COW_STATES[key] if key in COW_STATES else index.get(key)


# ---- countries ----------------------------------------------------------------------


def _cow_capitals(path: Path, index: dict[str, str]) -> dict[str, str]:
    """Capital of every state COW lists as existing at the end of its data."""
    capitals = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = cow_country(row["statenme"], index)
            if code and row["enddate"] >= "2020":
                capitals[code] = row["capital"]
    return capitals


def _capital_check(code, ours, theirs: list[str], cow: str | None) -> Disagreement | None:
    known = {plain(c) for c in ours if c}
    if not theirs or known & {plain(t) for t in theirs}:
        return None
    if cow and plain(cow) in known:
        right, why = "ours", "the COW capitals list agrees with ours"
    elif cow and plain(cow) in {plain(t) for t in theirs}:
        right, why = "theirs", "mledoze and the COW capitals list agree against ours"
    else:
        right, why = "unclear", "the references disagree with each other too; check an official source"
    return Disagreement("capital", code, ", ".join(dict.fromkeys(c for c in ours if c)) or "(none)", ", ".join(theirs),
                        "mledoze/countries", right, why)


def compare_countries(kb: KnowledgeBase, data_dir: Path) -> tuple[dict, list[Disagreement]]:
    records = json.loads((data_dir / "countries" / "mledoze_countries.json").read_text(encoding="utf-8"))
    index = country_index(kb)
    cow_path = data_dir / "countries" / "cow_capitals.csv"
    cow = _cow_capitals(cow_path, index) if cow_path.exists() else {}
    found: list[Disagreement] = []
    for record in records:
        found += _compare_country(kb, record, index, cow)
    found += _cow_only_capitals(kb, cow, {r["cca3"] for r in records})
    return {"reference_countries": len(records), "cow_capitals": len(cow)}, found


def _compare_country(kb, record: dict, index: dict[str, str], cow: dict[str, str]) -> list[Disagreement]:
    code, name = record["cca3"], record["name"]["common"]
    country = kb.countries.get(code)
    if country is None:
        other = index.get(plain(name)) or index.get(plain(record["name"]["official"]))
        right = "both" if other else "theirs"
        why = (f"we know it as {other}: a code convention, not an error" if other
               else "a country or territory with an ISO code that our list lacks")
        return [Disagreement("code", code, other or "(missing)", f"{code} {name}", "mledoze/countries", right, why)]
    out = []
    names = {plain(n) for n in (*country.names, *country.adjectives)}
    if plain(name) not in names and plain(record["name"]["official"]) not in names:
        out.append(Disagreement("name", code, country.name, name, "mledoze/countries", "both",
                                "a name variant: keep ours, add theirs as an alias"))
    demonym = ((record.get("demonyms") or {}).get("eng") or {}).get("m")
    if demonym and plain(demonym) not in names:
        out.append(Disagreement("demonym", code, ", ".join(country.adjectives) or "(none)", demonym,
                                "mledoze/countries", "theirs", "a demonym news uses that we lack: add it to adjectives"))
    capital = _capital_check(code, [country.capital, *country.seats], record.get("capital") or [], cow.get(code))
    return out + ([capital] if capital else [])


def _cow_only_capitals(kb, cow: dict[str, str], in_mledoze: set[str]) -> list[Disagreement]:
    out = []
    for code, capital in sorted(cow.items()):
        country = kb.countries.get(code)
        if country and code not in in_mledoze and plain(capital) not in {plain(c) for c in (country.capital, *country.seats) if c}:
            out.append(Disagreement("capital", code, country.capital or "(none)", capital, "COW capitals", "unclear",
                                    "only COW has this country; check an official source"))
    return out


# ---- organisations ------------------------------------------------------------------


@dataclass(frozen=True)
class CowSpell:
    country: str
    status: str  # full, associate, observer
    first: int
    last: int


def read_cow_igos(data_dir: Path, index: dict[str, str]) -> tuple[dict[str, dict], dict[str, list[CowSpell]], Counter]:
    with (data_dir / "igo" / "cow_igo_v3_orgs.csv").open(encoding="utf-8") as handle:
        orgs = {row["ioname"]: row for row in csv.DictReader(handle)}
    spells: dict[str, list[CowSpell]] = defaultdict(list)
    unmapped: Counter = Counter()
    with (data_dir / "igo" / "cow_igo_v3_membership_spells.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            first, last = int(float(row["first_year"])), int(float(row["last_year"]))
            code = cow_country(row["state"], index, last)
            if code is None:
                unmapped[row["state"]] += 1
                continue
            spells[row["ioname"]].append(CowSpell(code, row["status"], first, last))
    return orgs, spells, unmapped


def _org_keys(row: dict) -> tuple[set[str], set[str]]:
    """(name keys, acronym keys) of a COW organisation."""
    long_name = row["longorgname"]
    acronyms = {plain(row["ioname"])} | {plain(a) for a in re.findall(r"\(([^)]*)\)", long_name)}
    names = {plain(re.sub(r"\([^)]*\)", "", long_name)), plain(row["orgname"])}
    return names - {""}, acronyms - {""}


def match_organisations(kb: KnowledgeBase, orgs: dict[str, dict]) -> dict[str, str]:
    """Our organisation id -> COW ioname: by full name first, by acronym only when unambiguous."""
    by_name, by_acronym = defaultdict(set), defaultdict(set)
    for ioname, row in orgs.items():
        names, acronyms = _org_keys(row)
        for key in names:
            by_name[key].add(ioname)
        for key in acronyms:
            by_acronym[key].add(ioname)
    matches = {}
    for entry in (e for e in kb.entries.values() if e.kind == "igo"):
        spellings = {plain(n) for n in (entry.name, *entry.aliases)}
        named = set().union(*(by_name.get(s, set()) for s in spellings))
        abbreviated = set().union(*(by_acronym.get(plain(a), set()) for a in entry.data.get("acronyms") or ()))
        candidates = named or abbreviated
        if len(candidates) == 1:
            matches[entry.id] = candidates.pop()
    return matches


def _cow_members(spells: list[CowSpell], year: int, status: str = "full") -> set[str]:
    return {s.country for s in spells if s.status == status and s.first <= year <= s.last}


def _boundary(spells: list[CowSpell], kb, org_id: str, country: str, year: int) -> bool:
    """Whether either side starts or ends the membership in the year compared: timing, not substance."""
    if any(s.country == country and year in (s.first, s.last, s.last + 1) for s in spells):
        return True
    ours = [m.span for m in kb.memberships if m.organisation == org_id and m.country == country]
    return any(str(year) in ((span.since or "")[:4], (span.until or "")[:4], str(int((span.until or "0")[:4]) + 1))
               for span in ours)


def compare_memberships(kb, org_id: str, ioname: str, spells: list[CowSpell], day: str,
                        cow_states: set[str]) -> list[Disagreement]:
    year = int(day[:4])
    ours, theirs = kb.members(org_id, day), _cow_members(spells, year)
    partial = (kb.entries.get(f"igo:{org_id}").data or {}).get("members_complete") is False
    other_status = _cow_members(spells, year, "associate") | _cow_members(spells, year, "observer")
    subject = f"{org_id} on {day}"
    out = []
    for country in sorted(theirs - ours):
        right, why = _judge_missing(kb, org_id, country, spells, year, partial)
        out.append(Disagreement("membership", subject, "not a member", f"{country} full member (COW {ioname})", "COW IGO v3", right, why))
    for country in sorted(ours - theirs):
        right, why = _judge_extra(kb, org_id, country, spells, year, other_status, cow_states)
        out.append(Disagreement("membership", subject, f"{country} member", f"not a full member (COW {ioname})", "COW IGO v3", right, why))
    return out


def _judge_missing(kb, org_id, country, spells, year, partial) -> tuple[str, str]:
    if (org_id, country) in KNOWN_CASES:
        return KNOWN_CASES[(org_id, country)]
    if partial:
        return "ours", "our entry lists notable spells only (members_complete: false); not an error"
    if _boundary(spells, kb, org_id, country, year):
        return "unclear", "one side starts or ends the membership in this very year: COW counts whole years"
    return "theirs", "COW has a full membership spanning the date and we have none: likely missing from ours"


def _judge_extra(kb, org_id, country, spells, year, other_status, cow_states) -> tuple[str, str]:
    if (org_id, country) in KNOWN_CASES:
        return KNOWN_CASES[(org_id, country)]
    if country == "SSD" and f"{year}-01-01" < SOUTH_SUDAN_INDEPENDENCE:
        return "theirs", "South Sudan became independent on 2011-07-09: members_all must not count it before (add a dated spell)"
    if country not in cow_states:
        if kb.countries.get(country) and not kb.countries[country].span.until and country not in {"PSE", "XKX", "TWN"}:
            return "theirs", "not a state in COW's system (a dependent territory, or the Holy See): not a member; members_all must skip it"
        return "ours", "COW codes only states of its state system; this member is outside it"
    if country in other_status:
        return "unclear", "COW lists an associate or observer status here: the statuses differ, check the treaty"
    if _boundary(spells, kb, org_id, country, year):
        return "unclear", "one side starts or ends the membership in this very year: COW counts whole years"
    return "unclear", "COW has no spell for this state at the date; check our source (COW may also miss it)"


def compare_organisations(kb: KnowledgeBase, data_dir: Path, dates=DATES) -> tuple[dict, list[Disagreement]]:
    index = country_index(kb)
    orgs, spells, unmapped = read_cow_igos(data_dir, index)
    matches = match_organisations(kb, orgs)
    cow_states = {s.country for rows in spells.values() for s in rows if s.last >= COW_LAST_YEAR - 1}
    found = []
    for org_id, ioname in sorted(matches.items()):
        for day in (d for d in dates if int(d[:4]) <= COW_LAST_YEAR):
            found += compare_memberships(kb, org_id, ioname, spells[ioname], day, cow_states)
    ours = sum(1 for e in kb.entries.values() if e.kind == "igo")
    summary = {"reference_organisations": len(orgs), "our_organisations": ours, "matched": len(matches),
               "matches": matches, "dates": list(dates), "unmapped_cow_states": dict(unmapped)}
    return summary, found


def crosscheck(kb: KnowledgeBase, data_dir: Path, dates=DATES) -> dict:
    """Every disagreement between our countries and organisations and the reference files in `data_dir`."""
    data_dir = Path(data_dir)
    countries, country_rows = compare_countries(kb, data_dir)
    organisations, org_rows = compare_organisations(kb, data_dir, dates)
    rows = country_rows + org_rows
    return {
        "countries": countries,
        "organisations": organisations,
        "counts": dict(Counter(f"{d.topic}: {d.right}" for d in rows)),
        "disagreements": [asdict(d) for d in rows],
    }


# ---- coverage of gold actor mentions ------------------------------------------------


class Resolver:
    """`kb.lookup` over text variants; the name index is built once, so only known names are looked up."""

    def __init__(self, kb: KnowledgeBase):
        self.kb, self.names = kb, index_by_name(kb)

    @staticmethod
    def variants(text: str) -> list[str]:
        text = " ".join(text.split())
        trimmed = text.strip(" ,;:\"'")
        bare = re.sub(r"^(the|a|an)\s+", "", trimmed, flags=re.IGNORECASE)
        forms = [text, text.lower(), text.title(), trimmed, trimmed.rstrip("."), bare, re.sub(r"['’]s?$", "", bare)]
        return list(dict.fromkeys(f for f in forms if f))

    def countries(self, text: str) -> set[str]:
        """Country codes (or IGO codes) any variant of `text` resolves to."""
        found = set()
        for form in self.variants(text):
            if form.lower() in self.names:
                for r in self.kb.lookup(form):
                    found |= {c for c in (r.country, r.code) if c}
        return found


def _gold_country(code: str | None) -> str | None:
    if not code or code.startswith("-"):
        return None
    return GOLD_CODES.get(code[:3], code[:3])


def _right(found: set[str], gold: str) -> bool:
    return gold in found or any(c.startswith(gold) for c in found)


def plover_coverage(resolver: Resolver, path: Path) -> dict:
    total = right = resolved = 0
    misses = []
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        for actor in [a for a in record.get("actor", []) + record.get("recipient", []) if isinstance(a, dict)]:
            gold = _gold_country(actor.get("code"))
            if not gold or not actor.get("actorText"):
                continue
            found = resolver.countries(actor["actorText"])
            total, resolved = total + 1, resolved + bool(found)
            if _right(found, gold):
                right += 1
            else:
                misses.append(f"{actor['actorText']} ({gold})")
    return _share(total, resolved, right, misses)


def _share(total: int, resolved: int, right: int, misses: list[str]) -> dict:
    return {"mentions": total, "resolved": resolved, "right_country": right,
            "share": round(right / total, 3) if total else None, "misses": Counter(misses).most_common(25)}


def _ngrams(tokens: list[str], longest: int = 5) -> set[str]:
    return {" ".join(tokens[i:i + n]) for n in range(1, longest + 1) for i in range(len(tokens) - n + 1)}


def petrarch_coverage(resolver: Resolver, path: Path) -> dict:
    """PETRARCH gold gives codes, not text: a code counts when some phrase of the sentence resolves to it."""
    total = right = resolved = 0
    misses = []
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        tokens = [row.split("\t")[1] for row in (record.get("parse") or "").splitlines() if row and row[0].isdigit() and "\t" in row]
        phrases = [p for p in _ngrams(tokens) if p.lower() in resolver.names]
        golds = {_gold_country(e.get(k)) for e in record.get("expected_events", []) for k in ("source", "target")} - {None}
        found_by_phrase = {p: resolver.countries(p) for p in phrases}
        for gold in sorted(golds):
            total += 1
            hits = [p for p, found in found_by_phrase.items() if _right(found, gold)]
            resolved += bool(found_by_phrase)
            right += bool(hits)
            if not hits:
                misses.append(gold)
    return _share(total, resolved, right, misses)


def re3d_coverage(resolver: Resolver, path: Path) -> dict:
    """re3d gives entity types but no codes: the share of mentions that resolve to anything, per type."""
    counts: dict[str, Counter] = {t: Counter() for t in RE3D_TYPES}
    misses: dict[str, list[str]] = defaultdict(list)
    for line in path.open(encoding="utf-8"):
        for entity in json.loads(line).get("entities", []):
            if entity.get("type") in counts:
                hit = any(f.lower() in resolver.names for f in resolver.variants(entity["text"]))
                counts[entity["type"]].update(mentions=1, resolved=int(hit))
                if not hit:
                    misses[entity["type"]].append(entity["text"])
    return {t: {"mentions": c["mentions"], "resolved": c["resolved"],
                "share": round(c["resolved"] / c["mentions"], 3) if c["mentions"] else None,
                "misses": Counter(misses[t]).most_common(10)} for t, c in counts.items()}


def coverage(kb: KnowledgeBase, gold_dir: Path) -> dict:
    """Share of gold actor mentions whose text resolves to the gold country (first three letters of the code)."""
    gold_dir, resolver = Path(gold_dir), Resolver(kb)
    found = {}
    for name, measure in (("plover_gsr.dev.jsonl", plover_coverage), ("petrarch2_gsr.jsonl", petrarch_coverage),
                          ("re3d.dev.jsonl", re3d_coverage)):
        if (gold_dir / name).exists():
            found[name] = measure(resolver, gold_dir / name)
    return found


# ---- the markdown summary ------------------------------------------------------------


JUDGING = (
    "How the side is judged: *theirs* = likely an error in our data (fix it); *ours* = the reference is "
    "wrong, partial or out of date (COW IGO ends in 2014 and counts whole years; COW codes only states of its "
    "system; our entries marked `members_complete: false` list notable spells only); *both* = a name variant "
    "(keep ours, add theirs as an alias); *unclear* = check a primary source. Disagreements already looked into "
    "are in `KNOWN_CASES` in `src/flashpoint/kb/crosscheck.py`. Coverage counts a gold mention when `kb.lookup` "
    "of its text (as is, trimmed, without a leading article or a possessive) gives the gold country (first three "
    "letters of the code); PETRARCH gold has codes but no text, so there a code counts when a phrase of up to "
    "five tokens of the sentence resolves to it."
)
RIGHT_ORDER = {"theirs": 0, "unclear": 1, "both": 2, "ours": 3}


def grouped(rows: list[dict]) -> list[dict]:
    """Disagreements with the same topic, organisation, side and reason folded into one row."""
    groups: dict[tuple, dict] = {}
    for d in rows:
        org = d["subject"].split(" on ")[0]
        key = (d["topic"], org if d["topic"] == "membership" else d["subject"], d["right"], d["why"], d["reference"],
               d["ours"] == "not a member")
        group = groups.setdefault(key, {**d, "subject": key[1], "cases": []})
        group["cases"].append(d)
    for group in groups.values():
        if group["topic"] == "membership":
            countries = sorted({(c["theirs"] if c["ours"] == "not a member" else c["ours"])[:3] for c in group["cases"]})
            dates = sorted({c["subject"].split(" on ")[1] for c in group["cases"]})
            side = "COW full member, not ours" if group["ours"] == "not a member" else "ours, not COW"
            group["ours"], group["theirs"] = f"{side}: {', '.join(countries)}", f"on {', '.join(dates)}"
    return sorted(groups.values(), key=lambda g: (RIGHT_ORDER[g["right"]], -len(g["cases"]), g["topic"], g["subject"]))


def markdown(report: dict, cover: dict, command: str, top: int = 40) -> str:
    """The summary kept in docs/kb-crosscheck.md."""
    rows = grouped(report["disagreements"])
    orgs = report["organisations"]
    lines = ["# Knowledge base: cross-check and coverage", "", f"Made with `{command}`.", "", JUDGING, "", "## Cross-check", "",
             f"- countries: {report['countries']['reference_countries']} in mledoze/countries, "
             f"{report['countries']['cow_capitals']} current capitals in COW",
             f"- organisations: {orgs['matched']} of our {orgs['our_organisations']} matched to COW IGO v3 "
             f"({orgs['reference_organisations']} organisations, data to 2014); members compared on {', '.join(orgs['dates'])}",
             f"- {len(report['disagreements'])} disagreements (side judged right: "
             + ", ".join(f"{k} {v}" for k, v in sorted(report["counts"].items())) + f"), in {len(rows)} groups below", "",
             "| topic | subject | ours | theirs | reference | right | why | cases |", "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {g['topic']} | {g['subject']} | {g['ours']} | {g['theirs']} | {g['reference']} | {g['right']} | {g['why']} | {len(g['cases'])} |"
              for g in rows[:top]]
    if len(rows) > top:
        rest = sum(len(g["cases"]) for g in rows[top:])
        lines += ["", f"... and {len(rows) - top} more groups ({rest} disagreements); `--json` lists every one."]
    lines += ["", "## Coverage of gold actor mentions", ""]
    for name, result in cover.items():
        if name == "re3d.dev.jsonl":
            lines += [f"- {name} (no gold codes: share that resolves to any entry): "
                      + ", ".join(f"{t} {r['resolved']}/{r['mentions']}" for t, r in result.items())]
        else:
            lines += [f"- {name}: {result['right_country']}/{result['mentions']} ({result['share']}) resolve to the gold country; "
                      f"{result['resolved']} resolve to something. Most missed: "
                      + ", ".join(f"{m} ×{n}" for m, n in result["misses"][:10])]
    return "\n".join(lines) + "\n"
