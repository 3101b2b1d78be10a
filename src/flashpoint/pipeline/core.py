"""The Pipeline: spaCy's tokenizer and `Doc`, then flashpoint's components in order."""

from __future__ import annotations

from dataclasses import dataclass

import spacy

from flashpoint.documents import Document
from flashpoint.errors import InputError
from flashpoint.pipeline.annotations import Annotations

MAX_CHARS = 2_000_000  # longer texts are refused: news articles are far shorter


@dataclass
class Component:
    """A named `Doc -> Doc` step that says what it reads and what it writes."""

    name = "component"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, doc):
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc):  # pragma: no cover - every component overrides it
        raise NotImplementedError

    def set_annotations(self, doc, matches) -> None:  # pragma: no cover
        raise NotImplementedError


class Pipeline:
    def __init__(self, nlp, components, kb, model=None):
        self.nlp = nlp
        self.components = components
        self.kb = kb
        self.model = model

    @classmethod
    def build(cls, kb, model: str | None = None) -> Pipeline:
        from flashpoint.pipeline.components import default_components

        nlp = spacy.blank("en")
        nlp.max_length = MAX_CHARS + 1
        statistical = _load_model(model) if model else None
        components = default_components(nlp, kb, statistical)
        # Building the phrase matchers ran every knowledge-base name through the tokenizer, and
        # its cache, that full, made tokenizing articles afterwards about 1.8 times slower;
        # setting its rules again empties the cache (and changes no rule).
        nlp.tokenizer.rules = nlp.tokenizer.rules
        return cls(nlp, components, kb, model)

    @property
    def component_names(self) -> list[str]:
        return [c.name for c in self.components]

    def annotate(self, document: Document):
        """The spaCy `Doc` with every component's annotations, for callers that want more."""
        if len(document.text) > MAX_CHARS:
            raise InputError(
                f"document {document.id} has {len(document.text):,} characters, more than the "
                f"{MAX_CHARS:,} flashpoint reads in one document; split it into articles first"
            )
        doc = self.nlp.make_doc(document.text)
        doc.user_data["flashpoint"] = Annotations(published=document.published)
        doc.user_data["flashpoint_outlet"] = document.outlet
        doc.user_data["flashpoint_text"] = document.text
        for component in self.components:
            doc = component(doc)
        return doc

    def extract(self, document: Document) -> dict:
        """The document's `flashpoint/1` record."""
        from flashpoint.output.contract import to_contract

        doc = self.annotate(document)
        try:
            return to_contract(document, doc, self.kb)
        finally:
            # the annotations in `user_data` point back at the doc (the token columns hold it), so
            # only the cycle collector would free it; emptied here, it goes at once, and the
            # collector's passes over ever more waiting documents (7% of the run) are not needed
            doc.user_data.clear()


def _load_model(name: str):
    try:
        return spacy.load(name, exclude=["lemmatizer"])
    except OSError as error:
        raise InputError(
            f"spaCy model '{name}' is not installed; install its package with pip, "
            "or run without --model (the default pipeline needs no model)"
        ) from error
