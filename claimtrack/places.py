"""The gazetteer: countries, capitals, demonyms and international bodies.

A place name, a capital standing for its government ("Moscow" for Russia), an
acronym ("U.S.") or a demonym ("Ukrainian") is read from ``data/places.tsv``;
the people and speaker code (:mod:`claimtrack.names`) and the claim text
(:mod:`claimtrack.claimtext`) both use it, so it sits below both.
"""

from __future__ import annotations

import functools
import re

import attrs

from claimtrack.lexicon import data_lines

__all__ = ["Places", "country_of", "gazetteer", "place_for", "squash"]

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """A name as the gazetteer keys it: lower case, one space, no edge commas."""
    return _SPACE.sub(" ", text.replace("\u2019", "'")).strip().strip(",").strip().lower()


@attrs.frozen
class Places:
    """The gazetteer's tables."""

    variants: dict[str, tuple[str, str]]  # lower variant -> (canonical, kind)
    demonyms: dict[str, str]  # lower demonym -> canonical country
    adjective_of: dict[str, str]  # canonical -> first demonym (adjective)


@functools.cache
def gazetteer() -> Places:
    variants: dict[str, tuple[str, str]] = {}
    demonyms: dict[str, str] = {}
    adjective: dict[str, str] = {}
    for line in data_lines("places.tsv"):
        cells = line.split("\t")
        if len(cells) < 5 or cells[0] == "canonical":
            continue
        canonical, kind, capital, dems, forms = cells[:5]
        for form in [canonical, capital, *forms.split("|")]:
            form = form.strip()
            if form:
                variants.setdefault(form.lower(), (canonical, kind))
        for dem in dems.split("|"):
            dem = dem.strip()
            if dem:
                demonyms.setdefault(dem.lower(), canonical)
                adjective.setdefault(canonical, dem)
    return Places(variants, demonyms, adjective)


@functools.lru_cache(maxsize=65536)
def place_for(mention: str) -> tuple[str, str] | None:
    """The country or international body a mention names, with its kind, or None.

    >>> place_for("Moscow")
    ('Russia', 'country')
    >>> place_for("The EU")
    ('European Union', 'organisation')
    >>> place_for("Anna Berg") is None
    True
    """
    key = squash(mention)
    places = gazetteer()
    found = places.variants.get(key)
    if found is None and key.startswith("the "):
        found = places.variants.get(key[4:])
    return found


def country_of(word: str) -> str | None:
    """The country or body a place name, acronym or demonym stands for, or None.

    >>> country_of("Ukrainian"), country_of("Kyiv"), country_of("U.S."), country_of("Berg")
    ('Ukraine', 'Ukraine', 'United States', None)
    """
    for form in (word, word.rstrip("."), word + "."):
        found = place_for(form)
        if found is not None:
            return found[0]
    return gazetteer().demonyms.get(squash(word))
