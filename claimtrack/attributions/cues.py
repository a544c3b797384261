"""Cues: the reporting-verb, reporting-noun and phrase lexicons, a cue's lemma and class."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from claimtrack.attributions.tokens import _CLAUSE_PUNCT, _QUOTE_TOKENS, _WORD
from claimtrack.lexicon import data_lines, word_categories, word_set


@attrs.frozen
class _Lexicon:
    verbs: dict[str, tuple[str, str]]  # form -> (lemma, class)
    triggers: frozenset[str]  # words without which a sentence holds no cue
    word_triggers: frozenset[str]  # the verb forms and nouns (a cue not a phrase is one)
    # a word of each phrase (its longest) -> the words of the phrases it keys: a
    # sentence holds a phrase only if it holds all its words
    phrase_keys: dict[str, tuple[frozenset[str], ...]]
    nouns: frozenset[str]
    phrases: dict[tuple[str, str], tuple[tuple[str, ...], ...]]  # first two words -> phrases
    words: dict[str, frozenset[str]]  # clause word category -> words
    # word sets the rules test every token against, made once
    phrase_starts: frozenset[str]  # the first words of the phrases
    cue_words: frozenset[str]  # the verb forms, the phrases' first words and the nouns
    clause_stops: frozenset[str]  # tokens a clause never reaches back over
    before_cue: frozenset[str]  # auxiliaries, adverbs and negation: "has not yet said"
    verbal_aux: frozenset[str]  # auxiliaries that never stand in a source
    noun_before: frozenset[str]  # determiners and source words: a verb after one is a noun


@functools.cache
def _lexicon() -> _Lexicon:
    verbs: dict[str, tuple[str, str]] = {}
    for line in data_lines("reporting_verbs.txt"):
        cells = line.split("\t")
        if len(cells) < 2:
            continue
        lemma, forms = cells[0].strip(), cells[1].split()
        klass = cells[2].strip() if len(cells) > 2 else "speech"
        for form in forms:
            verbs.setdefault(form.lower(), (lemma, klass))
    nouns = {
        word.lower() for line in data_lines("reporting_nouns.txt") for word in line.split("\t")
    }
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for line in data_lines("reporting_phrases.txt"):
        phrase = tuple(_WORD.findall(line.lower()))
        if len(phrase) > 1:
            phrases.setdefault(phrase[0], []).append(phrase)
    words = word_categories("clause_words.txt")
    # phrases are looked up by their first two words
    by_two: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for group in phrases.values():
        for phrase in group:
            by_two.setdefault((phrase[0], phrase[1]), []).append(phrase)
    common: set[str] = set().union(*words.values())
    phrase_words = {
        word for group in phrases.values() for phrase in group for word in phrase
    } - common
    phrase_keys: dict[str, list[frozenset[str]]] = {}
    for group in phrases.values():
        for phrase in group:
            phrase_keys.setdefault(max(phrase, key=len), []).append(frozenset(phrase))
    return _Lexicon(
        verbs,
        frozenset(verbs) | frozenset(phrase_words) | frozenset(nouns),
        frozenset(verbs) | frozenset(nouns),
        {k: tuple(v) for k, v in phrase_keys.items()},
        frozenset(nouns),
        {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_two.items()},
        words,
        phrase_starts=frozenset(phrases),
        cue_words=frozenset(verbs) | frozenset(phrases) | frozenset(nouns),
        clause_stops=_CLAUSE_PUNCT | words["boundary"] | _QUOTE_TOKENS | {"("},
        before_cue=words["aux"] | words["adverb"] | words["negation"],
        verbal_aux=words["aux"] - {"may", "will", "can", "must"},
        noun_before=words["determiner"] | _np_words(),
    )


@functools.cache
def _np_words() -> frozenset[str]:
    """Lower-case words that can start a source noun phrase: group, title and quantifier words."""
    words = set(word_set("group_words.txt")) | set(word_set("organisation_words.txt"))
    words |= {t.split()[0] for t in word_set("titles.txt")}
    words |= {"some", "many", "several", "most", "other", "few", "both", "all", "one", "two"}
    return frozenset(words)


def cue_lemma(cue: str) -> str:
    """The lemma of a cue's reporting verb, else the cue in lower case.

    >>> cue_lemma("has denied"), cue_lemma("According to"), cue_lemma("have voiced concern")
    ('deny', 'according to', 'voice')
    """
    words = _WORD.findall(cue.lower())
    verb = _cue_verb(words)
    return verb[0] if verb is not None else " ".join(words)


def _cue_verb(words: Sequence[str]) -> tuple[str, str] | None:
    """The lemma and class of the first reporting verb of a cue's words (not an
    auxiliary), if any."""
    lex = _lexicon()
    for word in words:
        verb = lex.verbs.get(word)
        if verb is not None and word not in lex.words["aux"]:
            return verb
    return None


def cue_class(cue: str) -> str:
    """What kind of cue a cue is: the class of its reporting verb in the lexicon
    (``speech``, ``cognitive``, ``other`` or ``weak``: see ``reporting_verbs.txt``),
    ``source`` for "according to" and its like (no verb: they name a source),
    else ``noun`` when it holds a reporting noun, else ``other``.

    >>> cue_class("has denied"), cue_class("believes"), cue_class("According to")
    ('speech', 'cognitive', 'source')
    >>> cue_class("told reporters"), cue_class("in a statement")
    ('speech', 'noun')
    """
    words = _WORD.findall(cue.lower())
    verb = _cue_verb(words)
    if verb is not None:
        return verb[1]
    if words[:2] in (["according", "to"], ["as", "quoted"], ["quoted", "by"]):
        return "source"
    return "noun" if any(w in _lexicon().nouns for w in words) else "other"


@functools.cache
def _starters() -> frozenset[str]:
    """Function words that start sentences ("however", "meanwhile")."""
    return word_set("sentence_starters.txt")


@functools.cache
def _number_words() -> frozenset[str]:
    """Number and quantity words ("three", "half", "dozens") that can open a source."""
    return frozenset(
        line.split("\t")[0] for line in data_lines("change_words.txt") if line.endswith("\tnumber")
    ) | {"majority", "majorities", "minority", "most", "all", "nearly", "about", "almost"}
