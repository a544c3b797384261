"""The quotes convention: reported speech as quote trackers count it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from strategies import articles

from claimtrack.analysis import analyze, in_convention
from claimtrack.articles import Article, read_articles
from claimtrack.attributions import Attribution, cue_class, extract_attributions
from claimtrack.cli import main
from claimtrack.quotes import quote_records
from claimtrack.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent


def records(text: str) -> list[Attribution]:
    article = Article(id="a", text=text)
    sentences = split_sentences(article)
    return quote_records(article, sentences, extract_attributions(article, sentences))


def rows(text: str) -> list[tuple[str, str | None, str | None, str, bool]]:
    return [
        (
            r.pattern,
            r.speaker.text if r.speaker else None,
            r.cue.text if r.cue else None,
            r.content.text,
            r.continues is not None,
        )
        for r in records(text)
    ]


def test_speech_acts_only() -> None:
    """Beliefs, intentions and verbs of other senses are not reported speech."""
    text = (
        "Officials believe the plan will fail. The mayor hopes to win. "
        "The program, called Renew, began in May. The minister said prices would rise. "
        "According to the ministry, prices rose 3 percent. Smith told reporters he would run."
    )
    assert [(cue, content) for _, _, cue, content, _ in rows(text)] == [
        ("said", "prices would rise"),
        ("According to", "prices rose 3 percent"),
        ("told reporters", "he would run"),
    ]
    base = extract_attributions(Article(id="a", text=text))
    assert any(a.cue is not None and a.cue.text == "believe" for a in base)


def test_each_segment_of_an_interrupted_quote_is_a_record() -> None:
    got = rows('"The plan is dead," she added, "and everyone knows it."')
    assert got == [
        ("quote_then_cue", "she", "added", '"The plan is dead,"', False),
        ("quote_segment", "she", "added", '"and everyone knows it."', True),
    ]


def test_each_further_sentence_of_a_quote_is_a_record() -> None:
    got = rows('"We have the votes," Smith said. "We always had them. Nobody doubts it."')
    assert [content for *_, content, _ in got] == [
        '"We have the votes,"',
        '"We always had them.',
        'Nobody doubts it."',
    ]
    assert [follow for *_, follow in got] == [False, True, True]


def test_a_quote_paragraph_with_no_cue_continues_the_speaker_before() -> None:
    text = 'The mayor said the city would appeal.\n"It is over. We tried."\n"We lost."'
    found = records(text)
    assert [(r.pattern, r.speaker.text if r.speaker else None, r.content.text) for r in found] == [
        ("subject_cue_content", "The mayor", "the city would appeal"),
        ("quote_paragraph", "The mayor", '"It is over.'),
        ("quote_paragraph", "The mayor", 'We tried."'),
        ("quote_paragraph", "The mayor", '"We lost."'),
    ]
    # every follow-on is linked to the record with the cue, and says why
    assert {r.continues for r in found[1:]} == {found[0].content.spans[0]}
    assert all("The mayor" in r.resolution or "mayor" in r.resolution for r in found[1:])


def test_a_quote_paragraph_after_an_unattributed_one_is_no_record() -> None:
    text = 'The mayor said the city would appeal.\nRain fell all day.\n"It is over."'
    assert [content for *_, content, _ in rows(text)] == ["the city would appeal"]


def test_contents_keep_their_quote_marks() -> None:
    for text, content in [
        ('"We will appeal," the spokesman said.', '"We will appeal,"'),
        ("\u201cNever,\u201d she added.", "\u201cNever,\u201d"),
        ("'Never,' she added.", "'Never,'"),
        ('He said: "We will win."', '"We will win."'),
    ]:
        assert [r.content.text for r in records(text)] == [content], text


@settings(max_examples=60, deadline=None)
@given(articles())
def test_records_are_valid(article: Article) -> None:
    """Offsets index the text, records come in text order, follow-ons continue a
    record of the article, and every record is a speech act."""
    sentences = split_sentences(article)
    found = quote_records(article, sentences, extract_attributions(article, sentences))
    text = article.clean_text
    starts = [(r.content.start, r.content.end) for r in found]
    assert starts == sorted(starts)
    heads = {r.content.spans[0] for r in found if r.continues is None}
    for r in found:
        assert r.content.text == " ".join(s.of(text) for s in r.content.spans)
        assert all(0 <= s.start < s.end <= len(text) for s in r.content.spans)
        if r.continues is not None:
            assert r.continues in heads or any(r.continues == h.continues for h in found)
        if r.cue is not None:
            assert cue_class(r.cue.text) in ("speech", "source", "noun")
    assert found == quote_records(article, sentences, extract_attributions(article, sentences))


def test_analysis_in_either_convention() -> None:
    result = analyze(read_articles(ROOT / "seeds"))
    quotes = analyze(read_articles(ROOT / "seeds"), convention="quotes")
    assert quotes == in_convention(result, "quotes")
    assert in_convention(result, "attribution") is result
    # the seeds' attributions are reported speech, but for a welcome
    cues = {a.cue.text for a in result.attributions if a.cue} - {
        a.cue.text for a in quotes.attributions if a.cue
    }
    assert cues == {"welcomed"}
    with pytest.raises(ValueError, match="unknown convention"):
        analyze([], convention="tweets")  # type: ignore[arg-type]


def test_claims_command_takes_a_convention() -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["claims", str(ROOT / "seeds"), "--convention", "quotes", "--format", "jsonl"],
        out=out,
        err=err,
    )
    assert code == 0, err.getvalue()
    found = [json.loads(line) for line in out.getvalue().splitlines()]
    assert found and all("continues" in r for r in found)
    assert "welcomed" not in {r["cue"]["text"] for r in found if r["cue"]}
    out = io.StringIO()
    assert main(["report", str(ROOT / "seeds"), "--convention", "quotes"], out=out, err=err) == 0
    who = out.getvalue()[: out.getvalue().index("HOW CLAIMS TRAVEL")]
    assert "welcomed" not in who and "Vladimir Putin (person): 3 claims" in who
