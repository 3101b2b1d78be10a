"""resolve: turn recognised spans into actors with CAMEO-style codes, and link what refers back.

"Kyrgyz forces" -> KGZMIL; "Tajik Defense Minister Sherali Mirzo" -> a TJK official coded by the
office he held on the publication date; "Ankara said" -> TURGOV; "in Ankara" is a place, not an
actor; "the two countries" -> the last two countries named; "Has" -> Kerim Has, named before.
A role noun alone ("media", "officials") never becomes an actor without something that anchors
it to a country or organisation.
"""

from __future__ import annotations

import re
from itertools import compress

from flashpoint.pipeline.annotations import (
    Actor,
    ActorMention,
    annotations,
    columns_of,
    span_text,
    text_of,
)
from flashpoint.pipeline.clauses import sentence_starts
from flashpoint.pipeline.core import Component
from flashpoint.pipeline.lexicon import LOCATIVE, is_common_word, lemmas

COMPASS = {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
           "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "northeast",
           "northwest", "southeast", "southwest"}
# words for a part of a territory: "the Karrada district of Baghdad", "the Syria-Iraq border"
PLACE_PARTS = {"district", "districts", "area", "areas", "suburbs", "suburb", "outskirts", "province", "region",
               "part", "parts", "border", "borders", "frontier", "north", "south", "east", "west", "northeast",
               "northwest", "southeast", "southwest", "countryside", "city", "capital", "centre", "center"}
# units before "from" that measure a distance from a place ("40 km from Damascus")
_DISTANCES = {"km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "away"}
# nouns after a country adjective that make the pair the country as a place ("inside Syrian territory")
TERRITORY = {"territory", "territories", "soil", "airspace", "border", "borders", "frontier"}
# "visited Turkey", "a visit to Uzbekistan", "will travel to Lebanon", "returning to Syria"
TRAVEL = {"visit", "visits", "visited", "visiting", "trip", "travel", "travels", "travelled", "traveled",
          "traveling", "travelling", "return", "returns", "returned", "returning", "flew", "journey"}
SECTOR_NAMES = {"GOV": "government", "MIL": "military", "SPY": "security services", "MED": "media",
                "REB": "rebels", "INS": "insurgents", "BUS": "business", "EDU": "academia", "COP": "police",
                "JUD": "judiciary", "LEG": "legislature", "CVL": "civilians", "OPP": "opposition",
                "PTY": "political party", "REF": "refugees", "HLH": "health", "NGO": "NGO", "IGO": "IGO",
                "ELI": "elites", "LAB": "labour", "REL": "religious", "CRM": "criminals", "SPYGOV": "intelligence"}
# nouns after a country adjective that make the adjective the actor ("Kyrgyz use of drones")
AGENT_NOUNS = {"use", "attack", "attacks", "strike", "strikes", "shelling", "offensive", "withdrawal",
               "invasion", "incursion", "side", "bombardment", "raid", "raids", "assault", "push",
               "retaliation", "response", "purchase", "acquisition", "decision", "move", "delegation"}
_PAIRS = re.compile(r"\b(?:[Tt]he two|[Bb]oth) (?:countries|sides|states|nations|neighbou?rs|republics|governments)\b")
# offices by rank, for a text with no date: the one a person is best known by comes first
_OFFICE_RANK = {"head_of_state": 0, "head_of_government": 1, "vice_president": 2, "deputy_prime_minister": 3}
_PERSON_KIND = "person"
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*$")  # SRTF, CoI, NAVCENT, ISF
_ADJ_ENDINGS = ("ary", "al", "ic", "ive", "ian", "ese", "ish")  # "military superiority", not "army presence"


# group nouns that belong to the country they are "in" ("rebels in Syria", "protesters in Iran",
# "gunmen in Nigeria": unidentified armed men are coded to where they act, as ACLED does);
# "troops in Syria" may be anyone's
_DOMESTIC_SECTORS = {"REB", "INS", "OPP", "UAF"}


def _title(role, role_m) -> bool:
    """A role noun that names one person: an office ("Minister"), or one member of a group
    ("Judge Alejandro Rivera", "U.N. mediator Diego Cordovez"), not the group ("judges")."""
    return role.kind == _PERSON_KIND or role.kind == "group" and not role_m.text.endswith("s")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Resolve(Component):
    name = "resolve"
    requires = ("flashpoint.mentions",)
    assigns = ("flashpoint.actors", "flashpoint.actor_mentions", "flashpoint.weapon_mentions")

    def __init__(self, kb):
        self.kb = kb

    def match(self, doc):
        return None

    def set_annotations(self, doc, _):
        ann = annotations(doc)
        ctx = _Context(doc, self.kb, ann)
        ctx.resolve_mentions()
        ctx.resolve_unplaced_officials()
        ctx.resolve_pairs()
        ctx.resolve_surnames()
        ctx.resolve_acronyms()
        ctx.resolve_definite_people()
        ann.actor_mentions.sort(key=lambda m: m.start)


class _Context:
    def __init__(self, doc, kb, ann):
        self.doc, self.kb, self.ann = doc, kb, ann
        self.day = ann.published
        self.mentions = ann.mentions
        self.used: set[int] = set()
        self.cols = columns_of(doc)  # the rules read tokens from the columns, not as `Token`s
        # Token `i`'s text and lower case, and mention `i`, read as `self.texts[i]`: None up to two
        # places past either end of the document (index -1 and -2 are the padding too), where the
        # rules look for the word before the first token or after the last.
        self.texts = self.cols.text + [None, None]
        self.lowers = self.cols.lower + [None, None]
        self.mention_at = self.mentions + [None, None]

    # ---- actors -----------------------------------------------------------------------
    def actor(self, actor_id, **fields) -> Actor:
        actor = self.ann.actors.get(actor_id)
        if actor is None:
            actor = self.ann.actors[actor_id] = Actor(id=actor_id, **fields)
        return actor

    def country_actor(self, code: str) -> Actor:
        if code in self.ann.actors:  # named before: most countries are named more than once
            return self.ann.actors[code]
        country = self.kb.countries[code]
        kind = "state" if not country.span.until else "historical_state"
        return self.actor(code, name=country.name, code=code, country=code, sector=None, kind=kind)

    def group_actor(self, code: str, sector: str | None, role=None) -> Actor:
        if not sector:
            return self.country_actor(code)
        if f"{code}{sector}" in self.ann.actors:
            return self.ann.actors[f"{code}{sector}"]
        label = SECTOR_NAMES.get(sector, sector.lower())
        return self.actor(f"{code}{sector}", name=f"{self.kb.countries[code].name} {label}",
                          code=f"{code}{sector}", country=code, sector=sector, kind="group")

    def entry_actor(self, key: str) -> Actor:
        entry = self.kb.entries[key]
        if entry.kind == _PERSON_KIND:
            return self.person_actor(entry.name, key=key)
        return self.actor(entry.id, name=entry.name, code=entry.code, country=entry.country,
                          sector=entry.sector, kind=entry.kind, entry=key)

    def person_actor(self, name: str, key=None, country=None, role=None) -> Actor:
        office, sector = (role.office, role.sector) if role else (None, None)
        if key:
            entry = self.kb.entries[key]
            country = entry.country or country
            held = self.kb.offices_on(entry.id, self.day)
            if not self.day:  # no date: a person is known by the highest office held ("President Raúl Castro")
                held = sorted(held, key=lambda r: _OFFICE_RANK.get(r.office, len(_OFFICE_RANK)))
            if held:
                office = held[0].office
                sector = self.office_sector(office) or sector
            ident = entry.id
        else:
            ident = slug(name)
        actor = self.actor(ident, name=name, code=None, country=country, sector=sector,
                           kind=_PERSON_KIND, entry=key, office=office)
        if country and not actor.country:
            actor.country = country
        if sector and not actor.sector:
            actor.sector = sector
        actor.code = f"{actor.country}{actor.sector or 'GOV'}" if actor.country else actor.code
        return actor

    def office_sector(self, office: str | None) -> str | None:
        for role in self.kb.roles.values():
            if role.office == office and role.sector:
                return role.sector
        return None

    def official(self, country: str, office: str | None):
        """Who held `office` in `country` on the publication date (one person, or None)."""
        if not office or not self.day:
            return None
        holders = [key for key, e in self.kb.entries.items() if e.kind == _PERSON_KIND and e.country == country
                   and any(r.office == office for r in self.kb.offices_on(e.id, self.day))]
        return holders[0] if len(holders) == 1 else None

    def link(self, actor: Actor, start: int, end: int, role=None, place_use=False) -> None:
        start_char, end_char = self.cols.idx[start], self.cols.end_char(end - 1)
        self.ann.actor_mentions.append(ActorMention(actor.id, start, end, start_char, end_char, role, place_use))
        if not place_use and (start_char, end_char) not in actor.mentions:
            actor.mentions.append((start_char, end_char))
        self.used.update(range(start, end))

    # ---- phrase rules -------------------------------------------------------------------
    def resolve_mentions(self) -> None:
        """Each mention by the phrase rule for its label; a rule returns the next mention to read."""
        mentions, i = self.mentions, 0
        while i < len(mentions):
            m = mentions[i]
            handler = _HANDLERS.get(m.label)  # weapon words are the weapons component's
            i = handler(self, i, m, mentions[i + 1] if i + 1 < len(mentions) else None) if handler else i + 1

    def _adjacent(self, m, nxt, gap=0):
        return nxt is not None and 0 <= nxt.start - m.end <= gap

    def _possessive(self, m, nxt):
        return nxt is not None and self.texts[m.end] in ("'s", "’s", "'") and nxt.start == m.end + 1

    def _adjectival(self, role_m) -> bool:
        """"military-strategic influence", "military superiority": the role word is an adjective here."""
        after, cols = role_m.end, self.cols
        if self.texts[after] is None or role_m.end - role_m.start > 1:
            return False
        if cols.text[after] in ("-", "–"):
            return True
        word = cols.lower[role_m.start]
        if not (cols.is_lower[after] and cols.is_alpha[after] and word.endswith(_ADJ_ENDINGS) and "ADJ" in lemmas(word)):
            return False
        following = lemmas(cols.lower[after])
        return "NOUN" in following and "VERB" not in following and "ADV" not in following

    def _appositive_person(self, start):
        """", a Moscow-based Turkish academic": the person named just before the comma."""
        j = start - 1
        while j >= 0 and j > start - 6 and self.cols.text[j] != ",":
            j -= 1
        if j < 0 or self.cols.text[j] != ",":
            return None
        for am in reversed(self.ann.actor_mentions):
            if am.end == j and self.ann.actors[am.actor].kind == _PERSON_KIND:
                return self.ann.actors[am.actor]
        return None

    def _role_phrase(self, i, country, start):
        """A role noun (maybe followed by a name) after a country word: a group or a person."""
        mention_at = self.mention_at
        while mention_at[i + 1] and mention_at[i + 1].label == "ROLE" and mention_at[i + 1].start == mention_at[i].end:
            i += 1  # "Armed Forces Minister": the last role noun is the head
        role_m = self.mentions[i]
        role = self.kb.roles[role_m.key]
        if self._adjectival(role_m):
            return i + 1
        one = role.kind == _PERSON_KIND or not role_m.text.endswith("s")  # "a Turkish academic", not "forces"
        person = self._appositive_person(start) if one else None
        if person is not None:
            self.link(person, start, role_m.end, role=role.id)
            return i + 1
        name_m = self.mention_at[i + 1]
        if name_m and name_m.label in ("PERSON", "ENTRY") and name_m.start - role_m.end <= 1 \
                and (name_m.label == "PERSON" or name_m.key.startswith("person:")) and _title(role, role_m):
            key = name_m.key if name_m.label == "ENTRY" else None
            actor = self.person_actor(name_m.text if not key else self.kb.entries[key].name, key=key,
                                      country=country, role=role)
            self.link(actor, start, name_m.end, role=role.id)
            return i + 2
        if role.kind == _PERSON_KIND and country:
            holder = self.official(country, role.office)
            if holder:
                self.link(self.person_actor(self.kb.entries[holder].name, key=holder), start, role_m.end, role=role.id)
                return i + 1
            if role.kind == _PERSON_KIND and role.sector:
                actor = self.group_actor(country, role.sector)
                self.link(actor, start, role_m.end, role=role.id)
                return i + 1
        if country and role.sector:
            self.link(self.group_actor(country, role.sector), start, role_m.end, role=role.id)
        return i + 1

    def _adj(self, i, m, nxt):
        before, after = self.lowers[m.start - 1], self.lowers[m.end]
        if before in ("ethnic", "pro", "anti"):
            return i + 2 if nxt and nxt.label == "ROLE" and self._adjacent(m, nxt) else i + 1  # not the state
        if after in ("-", "–") and nxt and nxt.label == "ADJ" and nxt.start == m.end + 1:
            return i + 2  # "the Tajik-Kyrgyz border": a description, not an actor
        if self._led(m, nxt):
            return self._role_phrase(i + 1, m.key, m.start)  # "Vietnamese-led forces": the leader's forces
        if nxt and nxt.label == "ROLE" and self._adjacent(m, nxt):
            return self._role_phrase(i + 1, m.key, m.start)
        role_i = self._shared_role(i)
        if role_i is not None:  # "Hungarian and Romanian officials": each adjective takes the role
            role = self.kb.roles[self.mentions[role_i].key]
            if role.sector:
                self.link(self.group_actor(m.key, role.sector), m.start, m.end, role=role.id)
            return i + 1
        if nxt and nxt.label in ("WEAPON", "WEAPON_WORD", "TYPE_NOUN") and self._adjacent(m, nxt, gap=2):
            return i + 1  # "Turkish drones": the weapons component reads the adjective
        if after in TERRITORY:
            self.link(self.country_actor(m.key), m.start, m.end + 1, place_use=True)  # "Syrian territory"
            return i + 1
        if m.text.endswith("s") and m.text[:-1] in self.kb.countries[m.key].adjectives:
            self.link(self.country_actor(m.key), m.start, m.end)  # "Nigerians", "Israelis": the people
        elif after in AGENT_NOUNS:
            self.link(self.country_actor(m.key), m.start, m.end + (1 if after == "side" else 0))
        elif before == "the" and (after is None or not self.cols.is_alpha[m.end] and after not in ("-", "–")
                                  or after in ("say", "said", "says", "have", "were", "are")):
            # "the Iraqis said", not "the Israeli-occupied West Bank"
            self.link(self.country_actor(m.key), m.start - 1, m.end)
        return i + 1

    def _led(self, m, nxt) -> bool:
        """"Vietnamese-led forces", "U.S.-led troops": a group led by a country is coded as that
        country's, as event coders code a coalition by its leader."""
        return nxt is not None and nxt.label == "ROLE" and nxt.start == m.end + 2 \
            and self.cols.text[m.end] in ("-", "–") and self.cols.lower[m.end + 1] == "led"

    def _shared_role(self, i):
        """The role noun that ends "X and Y <role>" / "X, Y and Z <role>", seen from X."""
        j = i
        while True:
            cur, nxt = self.mention_at[j], self.mention_at[j + 1]
            if nxt is None or cur.label != "ADJ":
                return None
            between = self.cols.lower[cur.end:nxt.start]
            if nxt.label == "ROLE" and not between and j > i:
                return j + 1
            if not between or any(w not in (",", "and", "or") for w in between):
                return None
            after = self.mention_at[j + 2]
            if nxt.label == "COUNTRY" and after is not None and after.label == "ROLE" and after.start == nxt.end:
                return j + 2  # "Philippine and U.S. troops": the last may be a country's name
            if nxt.label != "ADJ":
                return None
            j += 1

    def _country(self, i, m, nxt):
        if self._possessive(m, nxt) and nxt.label == "ROLE":
            return self._role_phrase(i + 1, m.key, m.start)
        if nxt and nxt.label == "ROLE" and (nxt.start == m.end or self._led(m, nxt)):
            return self._role_phrase(i + 1, m.key, m.start)  # "UAE foreign ministry", "Ivory Coast rebels"
        start, place_use = self._place_use(i, m)
        self.link(self.country_actor(m.key), start, m.end, place_use=place_use)
        return i + 1

    def _seat(self, i, m, nxt):
        based = self.texts[m.end] == "-" and self.lowers[m.end + 1] in ("based", "backed")
        start, place_use = self._place_use(i, m)
        # "Paris, France.": a capital with its own country after a comma is an address
        own = nxt is not None and nxt.label == "COUNTRY" and nxt.key == m.key and nxt.start == m.end + 1 \
            and self.texts[m.end] == "," and self._address(nxt)
        place_use = place_use or based or own
        actor = self.group_actor(m.key, "GOV") if not place_use else self.country_actor(m.key)
        self.link(actor, start if place_use else m.start, m.end, place_use=place_use)
        return i + 1

    def _place_use(self, i, m) -> tuple[int, bool]:
        """Whether a country or capital is named as a place, and where its mention starts: after a
        locative ("in Syria"), with a compass word ("in northern Iraq" is the mention), listed after
        such a place ("in Iraq and Syria"), as the end of an address ("Palmyra, Syria", "Karrada,
        Baghdad"), as where someone travels ("visited Turkey", "a visit to Uzbekistan", "flew from
        Moscow to Ankara"), or with a
        part of it ("the Karrada district of Baghdad", "the Syria-Iraq border"); an article between
        cue and name changes nothing ("in the UK", "a visit to the United States"), but a name joined
        to the next word by a hyphen modifies it ("in US-led operations"). "to" and "from"
        alone are no cue: they name recipients and suppliers ("sold drones to Kyrgyzstan")."""
        if self.texts[m.end] in ("-", "–") and not self.cols.space[m.end - 1] and not self._border(m):
            return m.start, False  # "in US-led operations", "UK-based": a modifier names no place
        compass = self.lowers[m.start - 1] in COMPASS
        start = m.start - 1 if compass else m.start
        article = int(self.lowers[start - 1] == "the")  # "in the UK", "a visit to the United States"
        cue = start - 1 - article  # the word before the name and its article
        before = self.lowers[cue]
        if before is None:
            return m.start, False
        if before in LOCATIVE or self._travel(cue) or self._listed_place(i, start - article) \
                or self._part_of(cue) or self._border(m):
            return start, True
        return m.start, not compass and self._address(m)

    def _part_of(self, of: int) -> bool:
        """"the Karrada district of Baghdad", "north of Baghdad", "outside of Iraq", "300 miles
        southwest from Mexico City", "40 km from Damascus"."""
        head = self.lowers[of - 1]
        return self.cols.lower[of] in ("of", "from") and head is not None and (
            head in PLACE_PARTS or head in COMPASS or head in _DISTANCES
            or self.cols.lower[of] == "of" and head in LOCATIVE)

    def _border(self, m) -> bool:
        """"the Syria-Iraq border", "the Damascus suburbs": a name before a word for part of a territory."""
        j = m.end
        if self.texts[j] in ("-", "–"):
            second = self._country_at(j + 1)
            j = second.end if second else j  # "Syria-Iraq border": read on past the second name
        after = self.lowers[j]
        return after in PLACE_PARTS and after not in ("city", "capital")

    def _country_at(self, i: int):
        """The country word or capital that starts at token `i`."""
        return next((x for x in self.mentions if x.start == i and x.label in ("COUNTRY", "SEAT")), None)

    def _travel(self, j: int) -> bool:
        """The cue at `j` names where someone travels: "flew to Ankara", "returned from Moscow",
        both legs of "flew from Moscow to Ankara", "visited Turkey"."""
        word, before = self.cols.lower[j], self.lowers[j - 1]
        if word == "from":  # but "a visit from the Emirates" names the visitor
            return before in TRAVEL and before not in ("visit", "visits")
        if word == "to":
            return before in TRAVEL or self._from_leg(j)
        return word in TRAVEL and word.startswith("visit")

    def _from_leg(self, to: int) -> bool:
        """"flew from Moscow to Ankara": a name of up to four words before "to", after a travelled
        "from"."""
        k = to - 1
        while k > max(to - 5, 0) and self.cols.is_title[k]:
            k -= 1
        return k < to - 1 and self.cols.lower[k] == "from" and self._travel(k)

    def _listed_place(self, i, start) -> bool:
        prev = self.mention_at[i - 1]
        if prev is None or not prev.end < start <= prev.end + 2:
            return False
        if any(w not in (",", "and", "or") for w in self.cols.lower[prev.end:start]):
            return False
        return any(am.place_use and am.end == prev.end for am in self.ann.actor_mentions[-3:])

    def _address(self, m) -> bool:
        """"Raqqah, Syria", "Incirlik Air Base, Turkey", "Paris, France.": a name, a comma, then the
        country or city, and the clause goes on or ends; a name that is itself a country word makes
        a list instead (but a capital of that country is its address: "Paris, France"). A wire
        dateline, its town in capitals, is one too: "KABUL, Afghanistan (Reuters) -"."""
        cols, name, after = self.cols, m.start - 2, self.texts[m.end]
        if self.texts[m.start - 1] != "," or name < 0 or not cols.is_alpha[name]:
            return False
        dateline = cols.text[name].isupper() and len(cols.text[name]) > 1
        if not (cols.is_title[name] or dateline):
            return False
        if any(x.start <= name < x.end and not (x.label == "SEAT" and x.key == m.key) for x in self.mentions):
            return False
        return after is None or after in (",", ".", ";", ")", "\n") or after.isspace() \
            or dateline and after in ("(", "-", "–", "—", "_")

    def _entry(self, i, m, nxt):
        entry = self.kb.entries[m.key]
        if entry.kind == _PERSON_KIND:
            regime = self._regime_of(m, nxt)
            if regime is not None and entry.country:
                self.link(self.group_actor(entry.country, "GOV"), m.start, regime.end, role=regime.key)
                return i + 2
            self.link(self.entry_actor(m.key), m.start, m.end)
            return i + 1
        named = self.mention_at[i + 2] is not None and self.mention_at[i + 2].label == "PERSON" and nxt is not None \
            and self.mention_at[i + 2].start == nxt.end  # "U.N. mediator Diego Cordovez"
        if nxt and nxt.label == "ROLE" and self._adjacent(m, nxt) and (
                self.kb.roles[nxt.key].kind == _PERSON_KIND or named and _title(self.kb.roles[nxt.key], nxt)):
            role = self.kb.roles[nxt.key]
            name_m = self.mention_at[i + 2]
            if name_m is not None and name_m.label == "PERSON" and name_m.start == nxt.end:
                # "Pentagon Press Secretary Peter Cook": the person, in the body's country
                actor = self.person_actor(name_m.text, country=entry.country, role=role)
                actor.code = entry.code or actor.code  # speaks for the body: "Houthi spokesman" -> YEMREBHTH
                self.link(actor, m.start, name_m.end, role=role.id)
                return i + 3
            ident = slug(f"{entry.id} {role.name}")
            actor = self.actor(ident, name=span_text(self.doc, m.start, nxt.end), code=entry.code,
                               country=entry.country, sector=entry.sector, kind=_PERSON_KIND, entry=m.key,
                               office=role.office)
            self.link(actor, m.start, nxt.end, role=role.id)
            return i + 2
        # an outlet where something was said ("told the BBC") or credited ("HOUSTON (AP) -") is no party
        venue = entry.kind == "media" and (self.lowers[m.start - 1] in ("in", "on", "at", "to")
                                           or self.texts[m.start - 1] == "(" and self.texts[m.end] == ")")
        self.link(self.entry_actor(m.key), m.start, m.end, role="venue" if venue else None)
        return i + 1

    def _regime_of(self, m, nxt):
        """"the Assad regime", "Assad's brutal regime": a leader's government role noun after his name."""
        if nxt is None or nxt.label != "ROLE" or self.kb.roles[nxt.key].sector != "GOV" \
                or self.kb.roles[nxt.key].kind != "body":
            return None
        cols, between = self.cols, range(m.end, nxt.start)
        if not between or (len(between) <= 2 and cols.text[between[0]] in ("'s", "’s") and all(
                cols.is_lower[k] and cols.is_alpha[k] for k in between[1:])):
            return nxt
        return None

    def _org(self, i, m, nxt):
        """An organisation the knowledge base does not know: an actor without a code, in the country
        its name opens with ("Syrian Electronic Army") if any."""
        country = m.key if m.key in self.kb.countries else None
        actor = self.actor(slug(m.text), name=m.text, code=None, country=country, sector=None, kind="organisation")
        self.link(actor, m.start, m.end)
        return i + 1

    def _person(self, i, m, nxt):
        window = self._apposition_window(i)
        country, role = self._apposition_country(window), self._apposition_role(window)
        self.link(self.person_actor(m.text, country=country, role=role), m.start, m.end)
        return i + 1

    def _role(self, i, m, nxt):
        role = self.kb.roles[m.key]
        if nxt and nxt.label in ("PERSON", "ENTRY") and nxt.start == m.end:
            return self._role_phrase(i, None, m.start)
        target = nxt
        if target and self.lowers[m.end] == "of" and target.start in (m.end + 1, m.end + 2):
            after = target.end
            attributive = self.texts[after] is not None and self.cols.is_alpha[after] \
                and self.cols.is_lower[after]  # "of the U.S. airliner"
            if target.label == "COUNTRY" and role.sector and not attributive:
                self.link(self.group_actor(target.key, role.sector), m.start, target.end, role=role.id)
                return i + 2
        if target and target.label == "COUNTRY" and role.kind == "group" and role.sector in _DOMESTIC_SECTORS \
                and self.lowers[m.end] == "in" and target.start == m.end + 1 + (self.lowers[m.end + 1] == "the"):
            # "Rebels in the Ivory Coast": that country's rebels, and the country is where they are
            self.link(self.group_actor(target.key, role.sector), m.start, m.end, role=role.id)
        return i + 1

    def _apposition_window(self, i):
        """The mentions that start within eight tokens after mention `i` and a comma: they follow
        it in the list, which is in order of start."""
        end = self.mentions[i].end
        if self.texts[end] != ",":
            return []
        window = []
        for x in self.mentions[i + 1:]:
            if x.start > end + 8:
                break
            if x.start > end:
                window.append(x)
        return window

    def _apposition_country(self, window):
        for x in window:
            if x.label == "ADJ":
                if self.texts[x.end] != "-":
                    return x.key
        return None

    def _apposition_role(self, window):
        for x in window:
            if x.label == "ROLE":
                return self.kb.roles[x.key]
        return None

    # ---- reference ---------------------------------------------------------------------
    def resolve_unplaced_officials(self) -> None:
        """"Prime Minister Iyad Allawi" with no country word on him: in a document that names one
        country only (not as a place), he holds his office there."""
        unplaced = [a for a in self.ann.actors.values() if a.kind == _PERSON_KIND and not a.country and not a.code and a.sector]
        if not unplaced:
            return
        named = {self.ann.actors[m.actor].country for m in self.ann.actor_mentions if not m.place_use} - {None}
        if len(named) != 1:
            return
        country = next(iter(named))
        for actor in unplaced:
            actor.country, actor.code = country, f"{country}{actor.sector}"

    def resolve_pairs(self) -> None:
        """"the two countries" and "both sides" refer to the last two countries named."""
        text = text_of(self.doc)
        if "he two " not in text and "both " not in text and "Both " not in text:  # a quicker look first
            return
        for found in _PAIRS.finditer(text):
            span = self.doc.char_span(found.start(), found.end())
            if span is None:
                continue
            for code in self._last_two_countries(found.start()):
                self.link(self.country_actor(code), span.start, span.end)

    def _last_two_countries(self, before_char: int) -> list[str]:
        seen: list[str] = []
        for m in sorted(self.ann.actor_mentions, key=lambda x: -x.start_char):
            if m.start_char >= before_char or m.place_use:
                continue  # "In Brussels, ... met the two sides": a place is no side
            country = self.ann.actors[m.actor].country
            if country and country not in seen and self.ann.actors[m.actor].kind in ("state", "group"):
                seen.append(country)
            if len(seen) == 2:
                return seen
        return []

    def resolve_surnames(self) -> None:
        """A person named in full is later called by surname alone: "For Has, ..."."""
        surnames = {}
        for actor in self.ann.actors.values():
            if actor.kind == _PERSON_KIND and " " in actor.name and actor.mentions:
                surnames[actor.name.split()[-1]] = actor
        if not surnames:
            return
        first = {a.id: min(s for s, _ in a.mentions) for a in surnames.values() if a.mentions}
        starts = sentence_starts(self.doc)
        cols = columns_of(self.doc)
        for i in compress(range(len(cols.text)), map(surnames.__contains__, cols.text)):
            text = cols.text[i]
            actor = surnames[text]
            at_start = i in starts and is_common_word(text)  # "Has said" opens with a verb
            if i not in self.used and not at_start and cols.idx[i] > first.get(actor.id, 0):
                self.link(actor, i, i + 1)

    def resolve_acronyms(self) -> None:
        """"the Syria Recovery Trust Fund (SRTF)": the acronym in brackets names the same actor from
        there on ("the SRTF is delivering ...")."""
        defined: dict[str, str] = {}
        texts = columns_of(self.doc).text
        n = len(texts)
        brackets = {j for j in compress(range(n), map("(".__eq__, texts))  # "(SRTF)" opens at j
                    if j + 2 < n and texts[j + 2] == ")" and _ACRONYM.match(texts[j + 1])}
        if not brackets:
            return
        for am in list(self.ann.actor_mentions):
            actor = self.ann.actors[am.actor]
            j = am.end + (1 if am.end < n and texts[am.end] in ("'s", "’s") else 0)
            if actor.kind != _PERSON_KIND and j in brackets:
                defined.setdefault(texts[j + 1], am.actor)
        if not defined:
            return
        for i in compress(range(n), map(defined.__contains__, texts)):
            actor_id = defined[texts[i]]
            if actor_id and i not in self.used:
                self.link(self.ann.actors[actor_id], i, i + 1)

    def resolve_definite_people(self) -> None:
        """"the scholar", "the Turkish academic": the last person named with that kind of role."""
        if all(actor.kind != _PERSON_KIND for actor in self.ann.actors.values()):
            return
        for m in self.mentions:
            if m.label != "ROLE" or m.start in self.used:
                continue
            role = self.kb.roles[m.key]
            if role.kind != _PERSON_KIND or self.lowers[m.start - 1] != "the":
                continue
            earlier = [am for am in self.ann.actor_mentions if am.end <= m.start
                       and self.ann.actors[am.actor].kind == _PERSON_KIND
                       and (am.role == role.id or self.ann.actors[am.actor].sector == role.sector)]
            if earlier:
                self.link(self.ann.actors[earlier[-1].actor], m.start - 1, m.end, role=role.id)


# the phrase rule for each label: `_Context._adj` reads "ADJ" mentions, and so on
_HANDLERS = {label: getattr(_Context, f"_{label.lower()}")
             for label in ("ADJ", "COUNTRY", "SEAT", "ENTRY", "ORG", "PERSON", "ROLE")}
