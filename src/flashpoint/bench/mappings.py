"""How the gold sets' labels line up with flashpoint's: one table per mapping.

docs/bench-mappings.md explains each choice; change both together.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

# Entities: re3d types -> bench labels ------------------------------------------------------

WEAPON = "Weapon+MilitaryPlatform"
ENTITY_LABELS = ("Person", "Organisation", "Location", "Nationality", WEAPON)
CORE_ENTITY_LABELS = ENTITY_LABELS[:4]

RE3D_TYPES = {
    "Person": "Person",
    "Organisation": "Organisation",
    "Location": "Location",
    "Nationality": "Nationality",
    "Weapon": WEAPON,
    "MilitaryPlatform": WEAPON,
}

# flashpoint actor kinds -> bench labels. Countries are decided per mention (see
# `tasks.flashpoint_entities`): a demonym is a Nationality unless it lies inside a longer
# mention or names a country's people ("Syrians", an Organisation), a place mention a
# Location, a country acting (not also listed as a place) an Organisation, as re3d marks
# "the United States" when it acts.
ACTOR_KIND_LABELS = {
    "person": "Person",
    "igo": "Organisation",
    "ngo": "Organisation",
    "armed_group": "Organisation",
    "agency": "Organisation",
    "media": "Organisation",
    "company": "Organisation",
    "group": "Organisation",
    "organisation": "Organisation",
    "organization": "Organisation",
}
COUNTRY_KINDS = frozenset({"country", "state", "seat"})

# spaCy OntoNotes labels -> bench labels (the en_core_web_sm baseline; it has no weapons)
SPACY_LABELS = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "NORP": "Nationality",
}

# Places ----------------------------------------------------------------------------------

# GeoWebNews types that name a place (Gritta et al. 2019's toponyms); the rest are
# non-toponyms, literal/non-literal expressions ("the area") or recognition-only types
# (Demonym, Homonym, Language) that flashpoint treats as actors or ignores.
GEOWEBNEWS_TOPONYM_TYPES = frozenset(
    {
        "Literal",
        "Coercion",
        "Mixed",
        "Metonymic",
        "Embedded_Literal",
        "Embedded_Non_Lit",
        "Literal_Modifier",
        "Non_Literal_Modifier",
    }
)
GEO_CORPORA = ("GeoWebNews", "TR-News", "GeoVirus")

# Events ----------------------------------------------------------------------------------

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# PLOVER 0.5 labels that PLOVER 2.0 folded into others; used when the knowledge base's
# plover.yaml has no `legacy` table yet.
PLOVER_LEGACY = {
    "FIGHT": "ASSAULT",
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
}


@lru_cache(maxsize=1)
def plover_legacy() -> dict[str, str]:
    """PLOVER 0.5 -> 2.0 labels: the knowledge base's `legacy` table over the fallback."""
    table = dict(PLOVER_LEGACY)
    path = Path(__file__).resolve().parent.parent / "kb" / "data" / "plover.yaml"
    if path.is_file():
        import yaml

        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        legacy = data.get("legacy") if isinstance(data, dict) else None
        if isinstance(legacy, dict):
            table.update({str(k).upper(): str(v).upper() for k, v in legacy.items()})
    return table


_PHOENIX_COUNTRY = re.compile(r"^(?:[A-Z]{3})")


def phoenix_country(code: str | None) -> str | None:
    """The country (or `IGO`) part of a Phoenix actor code: `USAGOV` -> `USA`; `---LEG` -> None."""
    if not code or not _PHOENIX_COUNTRY.match(code):
        return None
    return code[:3]


def actor_country(actor: dict) -> str | None:
    """A flashpoint actor ref's country, or the country part of its code (`IGO...` -> `IGO`). The
    gold sets code international non-governmental bodies as IGOs (Amnesty International, the Red
    Cross), so flashpoint's `NGO...` codes count as `IGO`."""
    country = actor.get("country") or phoenix_country(actor.get("code"))
    return "IGO" if country == "NGO" else country


def cameo_root(code: str | None) -> str | None:
    """CAMEO root code: the first two digits (`0352` -> `03`, `190` -> `19`)."""
    if not code:
        return None
    digits = str(code).strip()
    return digits[:2] if len(digits) >= 2 and digits[:2].isdigit() else None


# events.dev coarse types <- flashpoint records -------------------------------------------

COARSE_TYPES = (
    "attack", "casualty", "damage", "meet", "transfer", "protest", "arrest", "statement",
)  # fmt: skip
PLOVER_COARSE = {
    "ASSAULT": "attack",
    "CONSULT": "meet",
    "PROTEST": "protest",
    "AID": "transfer",
    "ACCUSE": "statement",
    "REQUEST": "statement",
    "THREATEN": "statement",
    "REJECT": "statement",
    "SUPPORT": "statement",
    "AGREE": "other",
    "COOPERATE": "other",
    "CONCEDE": "other",
    "RETREAT": "other",
    "SANCTION": "other",
    "MOBILIZE": "other",
    "COERCE": "other",
}
ARREST_MODES = frozenset({"arrest", "detain", "abduct"})
CASUALTY_PREDICATES = frozenset({"killed", "injured", "wounded", "dead", "died", "casualties"})
DAMAGE_PREDICATES = frozenset({"homes damaged", "damaged", "destroyed", "damage"})

ARGUMENT_ROLES = ("attacker", "target", "instrument", "giver", "recipient", "place")
# events.dev role names that mean one of the scored roles
ROLE_ALIASES = {
    "attacker": "attacker",
    "target": "target",
    "instrument": "instrument",
    "explosivedevice": "instrument",
    "giver": "giver",
    "recipient": "recipient",
    "place": "place",
}


def plover_coarse(event: dict) -> str:
    """The events.dev coarse type of a flashpoint event."""
    mode = (event.get("mode") or "").lower()
    if event.get("type") == "COERCE" and mode in ARREST_MODES:
        return "arrest"
    return PLOVER_COARSE.get(event.get("type"), "other")
