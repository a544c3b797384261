"""Linear time on hostile input: no nltk regex time limit in the splitter, no quadratic work.

Timing lives in ``bench/bench_hostile.py``; these tests check what can be
checked without a clock: the splitter uses no ``nltk.redos`` pattern, finishes
on a long paragraph whatever nltk's time limit, and the tables and indexes that
replaced per-token and per-person scans give the same answers as those scans.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from strategies import news_text

from claimtrack.analysis import analyze
from claimtrack.articles import Article
from claimtrack.attributions import classify_sentences, extract_attributions
from claimtrack.attributions.patterns import _SentenceRules
from claimtrack.attributions.tokens import _QUOTE_TOKENS
from claimtrack.names import _Person, _Surnames, _WholeWords
from claimtrack.sentences import SentenceSplitter, _language_vars, split_sentences

# --- the splitter and nltk.redos -------------------------------------------------------


def _redos() -> object:
    try:
        from nltk import redos
    except ImportError:
        pytest.skip("this nltk has no nltk.redos (it is nltk < 3.10): no regex time limit to test")
    return redos


def test_punkt_patterns_are_standard_re() -> None:
    """Punkt's patterns, as claimtrack uses them, are compiled with the standard re."""
    lang = _language_vars()
    for pattern in (
        lang.period_context_re(),
        lang._word_tokenizer_re(),
        lang.re_boundary_realignment,
    ):
        assert isinstance(pattern, re.Pattern)


def _check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    assert spans
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_long_abbreviation_paragraph_under_tiny_redos_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """nltk 3.10's redos limit (5 s) covered a whole lazy finditer: a long "a. a. a."
    paragraph that took longer raised TimeoutError.  With the limit at 0.01 s the
    splitter, its explanation and its learning still finish, with ordered spans."""
    redos = _redos()
    monkeypatch.setattr(redos, "DEFAULT_TIMEOUT", 0.01)
    splitter = SentenceSplitter()
    for unit in ("a. ", "U.S. ", "Mr. ", ". "):
        text = unit * 6000
        _check_spans(text, list(splitter.span_tokenize(text)))
    text = "a. " * 2000 + "He left. Then Sen. Roe spoke."
    spans = list(splitter.span_tokenize(text))
    _check_spans(text, spans)
    assert text[spans[-1][0] : spans[-1][1]] == "Then Sen. Roe spoke."
    decisions = {d.token: d.broke for d in splitter.explain(text)}
    assert decisions["left."] and not decisions["Sen."]
    learned = splitter.learn([text, "The Ont. office opened. It closed in Ont. today."])
    _check_spans(text, list(learned.span_tokenize(text)))
    art = Article(id="a", text=text + "\n" + "Mr. " * 3000)
    sentences = split_sentences(art)
    assert all(art.text[s.start : s.end] == s.text for s in sentences)


# --- the splitter's quote cuts ------------------------------------------------------------


def _cut_spans_by_scan(
    spans: list[tuple[int, int]], extra: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The cuts as they were made: every span against every cut."""
    out = []
    for start, end in spans:
        for cut_end, cut_start in extra:
            if start < cut_end and cut_start < end:
                out.append((start, cut_end))
                start = cut_start
        out.append((start, end))
    return out


@given(
    st.lists(
        st.sampled_from(
            [
                "He is from Fla. ",
                "\u201cNo way.\u201d ",
                'Calif. "I go." ',
                "in Ky. 'It is' ",
                "Sen. Roe left. ",
                "(Calif.). Next ",
                "x ",
                "\n",
            ]
        ),
        max_size=40,
    )
)
@settings(max_examples=150)
def test_quote_cuts_walk_spans_in_one_pass(pieces: list[str]) -> None:
    text = "".join(pieces)
    splitter = SentenceSplitter.default()
    spans = list(splitter._punkt.span_tokenize(text))
    extra = splitter._quote_breaks(text)
    assert list(splitter._punkt_spans(text)) == (
        _cut_spans_by_scan(spans, extra) if extra else spans
    )


# --- attributions: tables instead of scans ----------------------------------------------


def _rules(text: str) -> list[_SentenceRules]:
    from claimtrack.attributions.cues import _lexicon
    from claimtrack.attributions.quoting import _paragraph_quotes

    art = Article(id="t", text=text)
    quotes = _paragraph_quotes(art)
    return [_SentenceRules(art, s, quotes[s.paragraph], _lexicon()) for s in split_sentences(art)]


def _clause_start_by_scan(rules: _SentenceRules, i: int) -> int:
    boundary = rules.words["boundary"]
    j = i - 1
    while j >= 0:
        low = rules.tok.lowers[j]
        if low in ",;:" or low in boundary or low in _QUOTE_TOKENS or low == "(":
            return j + 1
        j -= 1
    return 0


def _content_end_by_scan(rules: _SentenceRules, i: int) -> int:
    """content_end as it was: a scan from ``i`` per call."""
    tok, lex = rules.tok, rules.lex
    n = len(tok)
    j = i
    while j < n:
        low = tok.lowers[j]
        if low == ";":
            return j
        if (
            j >= 2
            and j + 1 < n
            and tok.lowers[j - 1] in _QUOTE_TOKENS
            and tok.lowers[j - 2] == ","
            and (
                low in ("while", "saying", "adding", "noting", "according", "citing")
                or low in ("although", "though", "despite", "compared", "which")
                or (low in lex.verbs and low.endswith("ing"))
                or (low == "but" and not rules.predicate_follows(j + 1))
            )
        ):
            return j  # ',” adding that C2'

        if (
            low == ","
            and j + 1 < n
            and (rules.attribution_follows(j) or rules.report_follows(j, ("speech", "cognitive")))
        ):
            return j
        if low == "," and j + 1 < n:
            nxt = tok.lowers[j + 1]
            if nxt == "but" and not rules.predicate_follows(j + 2):
                return j
            if nxt in ("while", "saying", "adding", "noting", "according", "citing"):
                return j
            if nxt in ("although", "though", "despite", "compared", "which"):
                return j
            verb = lex.verbs.get(nxt)
            if verb and (nxt.endswith("ing") or verb[1] == "speech"):
                return j
        if low in ("and", "but") and j + 1 < n and j > i:
            nxt = tok.lowers[j + 1]
            verb = lex.verbs.get(nxt)
            if (
                verb
                and not nxt.endswith("ing")
                and verb[1] != "other"
                and not (nxt == verb[0] and rules.infinitive_before(j))
            ):
                return j
            if nxt in ("noted", "added", "said", "pressed", "urged", "warned"):
                return j
            if rules.pronoun_cue_follows(j + 1) or rules.verb_group_follows(j + 1):
                return j
            if rules.coordinated_participle(j + 1):
                return j
        j += 1
    while j > i and tok.lowers[j - 1] in (".", "?", "!", ",", ":", ";", "-", "\u2014"):
        j -= 1
    return j


_CUE_TEXT = st.lists(
    st.sampled_from(
        [
            "said",
            "and",
            "but",
            ",",
            ";",
            "that",
            "he",
            "Smith",
            "the",
            "will",
            "not",
            "saying",
            "added",
            '"',
            "\u201c",
            ".",
            "according to",
            "told reporters",
            "officials",
            "was",
            "-",
            "(",
            "quickly",
            "to",
            "would",
            "say",
            "warning",
        ]
    ),
    max_size=60,
).map(" ".join)


@given(st.one_of(_CUE_TEXT, news_text()))
@example(", officials said said said said said said according to")  # a report follows
@example(", but and")  # a comma before "but" and no predicate
@example("Smith said he will not and say that")  # a bare verb after a modal
@example("Smith spoke , saying that he left and warning that")  # coordinated participles
@example('Smith said he " left , " saying that')  # a participle after a closing mark
@example('Smith said he " left , " but the')  # "but" after a closing mark
@settings(max_examples=150)
def test_sentence_tables_answer_as_scans(text: str) -> None:
    for rules in _rules(text):
        n = len(rules.tok)
        for i in range(n + 1):
            assert rules.clause_start(i) == _clause_start_by_scan(rules, i)
            assert rules.content_end(i) == _content_end_by_scan(rules, i)
            for b in range(i, min(n, i + 6) + 1):
                assert rules.words_between(i, b) == sum(rules.is_word(k) for k in range(i, b))
                assert rules.quotes_between(i, b) == any(
                    rules.tok.lowers[k] in _QUOTE_TOKENS for k in range(i, b)
                )


def test_many_cues_in_one_sentence_take_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence of 3000 cues asks whether a token is a word a bounded number of
    times per token (each cue counted the words to the sentence end: 4.5 million)."""
    calls = 0
    original = _SentenceRules.is_word

    def counting(self: _SentenceRules, i: int) -> bool:
        nonlocal calls
        calls += 1
        return original(self, i)

    monkeypatch.setattr(_SentenceRules, "is_word", counting)
    extract_attributions(Article(id="a", text="said " * 3000))
    assert calls < 20 * 3000


def _classify_by_pairs(sentences, attributions):  # type: ignore[no-untyped-def]
    kinds = []
    for sentence in sentences:
        if sentence.boilerplate:
            kinds.append("boilerplate")
            continue
        attributed = any(
            a.sentence.start == sentence.start
            or (
                a.kind == "direct"
                and a.content.start < sentence.end
                and sentence.start < a.content.end
            )
            for a in attributions
        )
        kinds.append("attributed" if attributed else "unattributed")
    return kinds


@given(
    st.lists(
        st.sampled_from(
            [
                '"We will win. We will go," he said.',
                "\u201cIt is over.",
                "She said taxes would rise.",
                "Rain fell.",
                "All rights reserved.",
                '"No," Smith said. "Never. Not now."',
                "\n",
            ]
        ),
        max_size=25,
    ).map(" ".join)
)
@settings(max_examples=100)
def test_classify_sentences_as_pairs(text: str) -> None:
    if not text.strip():
        return
    art = Article(id="c", text=text)
    sentences = split_sentences(art)
    found = extract_attributions(art, sentences)
    assert classify_sentences(sentences, found) == _classify_by_pairs(sentences, found)


# --- names: indexes instead of scans of the whole text -------------------------------


_NAME_TEXT = st.text(alphabet="AbBs' -\u2019.x\n,", max_size=60)


@given(_NAME_TEXT, st.text(alphabet="AbBs'-.x", min_size=1, max_size=6))
@settings(max_examples=300)
def test_whole_words_as_regex(text: str, word: str) -> None:
    assert _WholeWords(text).has(word) == (re.search(rf"\b{re.escape(word)}\b", text) is not None)


@pytest.mark.parametrize(("text", "found"), [("Bs" * 100 + " B.", True), ("Bs" * 100, False)])
def test_whole_words_past_many_occurrences_inside_words(text: str, found: bool) -> None:
    """A word seen inside longer words more often than a scan checks is still found
    whole after them, and not found when it never stands alone."""
    assert _WholeWords(text).has("B") is found


@given(
    _NAME_TEXT,
    st.lists(st.text(alphabet="AbBs'x", min_size=1, max_size=4), min_size=1, max_size=4),
    st.integers(0, 60),
    st.integers(0, 60),
)
@settings(max_examples=300)
def test_surname_index_as_text_search(text: str, surnames: list[str], a: int, b: int) -> None:
    start, end = min(a, b), max(a, b)
    people = [_Person(f"Ab {s}", s, frozenset(), 0) for s in surnames]
    index = _Surnames(text, surnames)
    for person in people:
        s = person.surname
        assert index.separate(s) == [m.start() for m in re.finditer(re.escape(s), text)]
        assert len(index.separate(s)) == text.count(s)
        by_name = text.rfind(person.name, start, end)
        expected = by_name if by_name >= 0 else text.rfind(s, start, end)
        assert index.rfind(person, start, end) == expected
    assert index.in_window(start, end) == {s for s in surnames if s in text[start:end]}
    assert index.event_starts == sorted(index.event_starts)


def test_pronouns_in_an_article_of_many_people() -> None:
    """Pronouns still take the nearest person named in the paragraph, the subject of
    an earlier sentence first, among hundreds of people introduced in the article."""
    paras = [
        f"Foreign Minister Anna Berg{chr(97 + k % 26)}{chr(97 + k // 26)} met officials. "
        f"She said the talks had failed."
        for k in range(300)
    ]
    result = analyze([Article(id="p", text="\n".join(paras))])
    said = [a for a in result.attributions if a.speaker is not None and a.speaker.text == "She"]
    assert len(said) == 300
    for k, attribution in enumerate(said):
        assert attribution.speaker_name == f"Anna Berg{chr(97 + k % 26)}{chr(97 + k // 26)}"


# --- session 9: faster forms that must give the old answers --------------------------------


@settings(max_examples=200, deadline=None)
@given(st.one_of(news_text(), st.text(max_size=200)))
def test_tokens_by_split_are_the_matches(text: str) -> None:
    """_tokenize reads tokens off a split: the same as the matches of _TOKEN."""
    from claimtrack.attributions.tokens import _TOKEN, _tokenize

    tok = _tokenize(text, 0, len(text))
    matches = list(_TOKEN.finditer(text))
    if matches and tok.texts[-1] == "." and len(tok) == len(matches) + 1:
        matches_texts = [m.group() for m in matches[:-1]] + [matches[-1].group()[:-1], "."]
    else:
        matches_texts = [m.group() for m in matches]
    assert tok.texts == matches_texts
    assert all(text[s:e] == t for s, e, t in zip(tok.starts, tok.ends, tok.texts, strict=True))


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        news_text(),
        st.text(max_size=200),
        st.lists(
            st.sampled_from(["in", "an", "e-mail", "didn\u2019t", "didn't", "like", "told"]),
            max_size=12,
        ).map(" ".join),
    )
)
@example("I didn\u2019t like the tweet, he told reporters")
@example("In an e-mail: Told the crowd")
def test_cue_check_as_findall(text: str) -> None:
    """The check before tokenizing passes no more than the check on trigger words
    alone did, and all of that which holds a cue word or a phrase as tokens."""
    from claimtrack.attributions.cues import _lexicon
    from claimtrack.attributions.extract import _may_hold_cue
    from claimtrack.attributions.tokens import _WORD, _tokenize

    lex = _lexicon()
    before = ":" in text[:80] or not lex.triggers.isdisjoint(_WORD.findall(text.lower()))
    lowers = _tokenize(text, 0, len(text)).lowers
    phrases = [p for group in lex.phrases.values() for p in group]
    cue_words = any(low in lex.verbs or low in lex.nouns for low in lowers) or any(
        tuple(lowers[i : i + len(p)]) == p for p in phrases for i in range(len(lowers))
    )
    passed = _may_hold_cue(text, lex)
    assert not passed or before
    assert passed or not (before and cue_words)


_OLD_CAP_RUN = re.compile(
    r"(?=[A-Z])(?<![^\s(\"\u201c\u2018])"
    r"((?:[A-Z](?:[a-z]{0,2}\.|[\w\u2019'\-]*)(?:,? )){0,6}[A-Z][\w\u2019'\-]*)"
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(news_text(), st.text(alphabet="AB ab.,'\u2019-(\"\u201c\nx", max_size=60)))
def test_capitalised_runs_as_before(text: str) -> None:
    """The capitalised-run pattern that opens with a character class finds the runs the
    one that opened with a look-ahead found."""
    from claimtrack.names import _CAP_RUN

    def runs(pattern: re.Pattern[str]) -> list[tuple[int, str]]:
        return [(m.start(1), m.group(1)) for m in pattern.finditer(text)]

    assert runs(_CAP_RUN) == runs(_OLD_CAP_RUN)


def test_descriptor_lookup_as_scan() -> None:
    """A descriptor mention names the person a scan of every person in order found."""
    from claimtrack.names import _Context, _descriptor_person

    people = [
        _Person("Ann Lee", "Lee", frozenset({("", "spokeswoman")}), 0),
        _Person("Bo Kim", "Kim", frozenset({("Germany", "foreign minister")}), 10),
        _Person("Cy Roe", "Roe", frozenset({("", "foreign minister"), ("France", "envoy")}), 20),
        _Person("Di Fox", "Fox", frozenset({("France", "foreign minister")}), 30),
    ]
    art = Article(id="d", text="x " * 40)
    ctx = _Context(art, split_sentences(art), people, {})
    found = {
        mention: _descriptor_person(ctx, mention)
        for mention in (
            "The foreign minister",
            "The German foreign minister",
            "The French foreign minister",
            "The French envoy",
            "The spokeswoman",
            "The governor",
        )
    }
    assert found["The foreign minister"] is not None
    assert found["The foreign minister"][0] == "Bo Kim"
    assert found["The German foreign minister"][0] == "Bo Kim"
    assert found["The French foreign minister"][0] == "Di Fox"
    assert found["The French envoy"][0] == "Cy Roe"
    assert found["The spokeswoman"][0] == "Ann Lee"
    assert found["The governor"] is None


def test_repeated_text_analysed_once_as_if_twice() -> None:
    """A text met again in a run gives what analysing it alone gives, under its own id."""
    text = (
        '"We will not accept it," Foreign Minister Anna Berg said on Tuesday.\n'
        "She added that the talks had failed, officials said."
    )
    first, again, other = (
        Article(id="a", text=text),
        Article(id="b", text=text),
        Article(id="c", text="Rain fell."),
    )
    together = analyze([first, again, other, Article(id="a2", text=text)])
    for item, article in zip(together.articles, [first, again, other], strict=False):
        alone = analyze([article]).articles[0]
        assert item.sentences == alone.sentences
        assert item.attributions == alone.attributions
        assert item.kinds == alone.kinds


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        news_text(),
        st.lists(st.sampled_from(["'", "`", '"', "\u201c", "\u201d", "a", " "])).map("".join),
    ),
    st.integers(0, 5),
)
def test_quote_mark_scan_as_quote_mark(text: str, skip: int) -> None:
    """The scan for quotation marks, lone apostrophes and backticks left out, finds
    what the pattern of the marks finds."""
    from claimtrack.attributions.tokens import _QUOTE_MARK, _QUOTE_MARK_SCAN

    expected = [m.span() for m in _QUOTE_MARK.finditer(text, skip)]
    scanned = [m.span() for m in _QUOTE_MARK_SCAN.finditer(text, skip) if m.group() not in "'`"]
    assert scanned == expected


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        news_text(),
        st.lists(
            st.sampled_from(["he", "She", "hers", "HIMSELF", "her", "s", "\u017fhe", "x", " ", "_"])
        ).map("".join),
    ),
    st.integers(0, 8),
    st.integers(0, 40),
)
def test_pronoun_pattern_as_alternation(text: str, start: int, width: int) -> None:
    """The pronoun pattern opening with a character class finds what the plain
    alternation between word boundaries finds, in any window."""
    from claimtrack.names import _PRONOUN_AFTER

    plain = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
    expected = plain.search(text, start, start + width)
    found = _PRONOUN_AFTER.search(text, start, start + width)
    assert (found and (found.span(), found.group())) == (
        expected and (expected.span(), expected.group())
    )


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        news_text(),
        st.lists(
            st.sampled_from(["Sen.", "then-Gov.", '"', ")", "\u201d", " ", "\n", "\xa0", ".", "x"])
        ).map("".join),
    ),
    st.integers(0, 60),
)
def test_title_end_as_trailing_token(text: str, end: int) -> None:
    """A title before a break is the word the old pattern found before it."""
    trailing = re.compile(r"(\S+)\.[\"'\u201d\u2019)\]]*\s*$")
    end = min(end, len(text))
    splitter = SentenceSplitter.default()
    match = trailing.search(text, max(0, end - 40), end)
    expected = match is not None and (
        match.group(1)
        .lstrip("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb([{")
        .rsplit("-", 1)[-1]
        .lower()
        in splitter._titles
    )
    assert splitter._ends_with_title(text, end) == expected
