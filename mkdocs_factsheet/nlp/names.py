"""One label per name in an article: the small model tags the same name as a person in one sentence and an
organisation in the next ("Sviatlana Tsikhanouskaya", PERSON in the headline, ORG twice in the body)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

# labels the model gives a person's name by mistake
_MISTAKEN_FOR_PERSON = {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC"}


def settle_person_names(doc: Doc) -> None:
    """Relabel as PERSON every entity of two or more words whose exact text the article tags PERSON elsewhere
    (a name is one person's throughout an article). Idempotent: a doc is settled in place."""
    people = {ent.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    if not people:
        return
    mistaken = [ent for ent in doc.ents if ent.label_ in _MISTAKEN_FOR_PERSON and ent.text in people]
    if not mistaken:
        return
    doc.ents = [Span(doc, ent.start, ent.end, "PERSON") if ent in mistaken else ent for ent in doc.ents]
