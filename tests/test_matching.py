"""relate(): the relation between two sentences and the typed changes between them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import news_text

from claimtrack.changes import word_changes
from claimtrack.claimtext import prepare
from claimtrack.relations import relate


@pytest.mark.parametrize(
    ("a", "b", "relation", "change"),
    [
        (
            "Russia sent two bombers to Belarus.",
            "Russia sent two bombers to Belarus.",
            "repetition",
            None,
        ),
        (
            "Lukashenko's nuclear-capable jets flew.",
            "LUKASHENKOS nuclear capable jets flew.",
            "repetition",
            None,
        ),
        (
            "Russia sent two bombers to Belarus.",
            "Russia sent three bombers to Belarus.",
            "drift",
            "number",
        ),
        (
            "Troops will cross the border soon.",
            "Troops may cross the border soon.",
            "drift",
            "modality",
        ),
        (
            "The minister has resigned from the cabinet.",
            "The minister has not resigned from the cabinet.",
            "drift",
            "negation",
        ),
        (
            "Officials said the bridge would reopen in May.",
            "Officials said the bridge would reopen in June.",
            "drift",
            "date",
        ),
        (
            "The army sent weapons to the border region.",
            "The army sent atomic weapons to the border region.",
            "drift",
            "inserted",
        ),
        (
            "The army sent heavy weapons to the border region.",
            "The army sent weapons to the border region.",
            "drift",
            "removed",
        ),
        (
            "The rebels will almost certainly reject the offer today.",
            "The rebels will reject the offer today.",
            "drift",
            "certainty",
        ),
        (
            "The spokesman said the plant was safe and running.",
            "The spokesman claimed the plant was safe and running.",
            "drift",
            "cue",
        ),
    ],
)
def test_relations(a: str, b: str, relation: str, change: str | None) -> None:
    """Each kind of change is typed; normalisation-only differences are repetition."""
    result = relate(a, b)
    assert result.relation == relation, result
    if change is not None:
        assert change in {c.type for c in result.changes}
    assert 0 <= result.score <= 100


def test_agreement_in_other_words() -> None:
    """The same claim reworded, nothing material changed, is agreement."""
    result = relate(
        "Some Ukrainian officials have voiced concern that Russia may attack their country from Belarus.",
        "Some officials in Ukraine voiced concern that Russia may attack the country from Belarusian territory.",
    )
    assert result.relation == "agreement"


def test_unrelated_and_different_places() -> None:
    """Different claims are unrelated; the same words about different places do not agree."""
    assert (
        relate("Stocks fell sharply on Monday.", "The senator will run again.").relation
        == "unrelated"
    )
    quake = relate(
        "A magnitude 6.1 earthquake struck western Indonesia, killing 12 people, officials said.",
        "A magnitude 6.1 earthquake struck northern Chile, killing 12 people, officials said.",
    )
    assert quake.relation != "agreement"
    assert any(c.type == "name" for c in quake.changes) or quake.relation == "unrelated"


def test_prepare_maps_places_and_demonyms() -> None:
    """Places and demonyms become the country they stand for."""
    assert prepare("Moscow and Kyiv talked.").names == prepare("Russia and Ukraine talked.").names
    assert "ukraine" in prepare("Ukrainian officials spoke.").names


@given(news_text(max_words=30), news_text(max_words=30))
def test_relation_is_symmetric(a: str, b: str) -> None:
    """The relation does not depend on the order of the two sentences."""
    assert relate(a, b).relation == relate(b, a).relation


words = st.lists(
    st.sampled_from(
        [
            "the",
            "a",
            "troops",
            "may",
            "will",
            "not",
            "3",
            "4",
            "sent",
            "bombers",
            "to",
            "Belarus",
            "atomic",
        ]
    ),
    max_size=12,
)


@given(words, words)
def test_changes_rebuild_the_second_version(a: list[str], b: list[str]) -> None:
    """Applying the changes to the first word list gives the second."""
    changes = word_changes(a, b)
    removed = [w for c in changes for w in c.a]
    added = [w for c in changes for w in c.b]
    assert len(a) - len(removed) + len(added) == len(b)
    assert sorted(set(a) - set(b)) == sorted(set(a) - set(b) & set(removed))
    if a == b:
        assert changes == ()


@pytest.mark.parametrize(("a", "b"), [(None, "x"), ("x", 3), (b"x", "x")])
def test_relate_takes_sentences(a: object, b: object) -> None:
    """relate() refuses what is not a sentence with a TypeError naming the argument."""
    with pytest.raises(TypeError, match="relate\\(\\) compares two sentences"):
        relate(a, b)  # type: ignore[arg-type]


def _said(speaker: str, text: str) -> object:
    from claimtrack.claimtext import prepare

    return prepare(text, speakers=[speaker], cues=["say"])


def test_related_needs_a_target_besides_the_speakers_own_name() -> None:
    """Two claims of one speaker are related only about a common target: a name and
    content words that are not the speaker's own (naming oneself is no target)."""
    from claimtrack.relations import relate_prepared

    own_name = relate_prepared(
        _said("Hillary Clinton", "Clinton said the campaign raised money in Nevada."),
        _said("Hillary Clinton", "Clinton said voters in Ohio trust her on jobs."),
    )
    assert own_name.relation == "unrelated"
    target = relate_prepared(
        _said("Hillary Clinton", "Clinton said Iran must never get nuclear weapons."),
        _said("Hillary Clinton", "Clinton said sanctions kept nuclear weapons from Iran."),
    )
    assert target.relation in ("related", "agreement", "drift")
    other_speakers = relate_prepared(
        _said("Hillary Clinton", "Clinton said Iran must never get nuclear weapons."),
        _said("Donald Trump", "Trump said sanctions kept nuclear weapons from Iran."),
    )
    assert other_speakers.relation != "related"


def test_the_index_compares_only_claims_of_one_speaker_that_may_relate() -> None:
    """Claims sharing a speaker anchor are compared only when they may relate: the
    speaker's own name in common is not enough; the relation found is relate()'s."""
    from claimtrack.claims import Claim
    from claimtrack.clusters import ClaimIndex
    from claimtrack.relations import relate

    def claim(article: str, text: str) -> Claim:
        return Claim(
            f"{article}#0", article, 0, 0, len(text), text,
            speakers=("Hillary Clinton",), cues=("say",), named_speakers=("Hillary Clinton",),
        )  # fmt: skip

    index = ClaimIndex()
    a = claim("a", "Clinton said the campaign raised money in Nevada last week.")
    b = claim("b", "Clinton said voters in Ohio trust her on jobs and wages.")
    c = claim("c", "Clinton said Iran must never get nuclear weapons from Russia.")
    d = claim("d", "Clinton said sanctions kept nuclear weapons from Iran for years.")
    index.add([a, b, c, d])
    compared = set(index._relations)
    positions = {x.id: k for k, x in enumerate(index.claims)}
    assert (positions["a#0"], positions["b#0"]) not in compared
    assert (positions["c#0"], positions["d#0"]) in compared
    found = {(k.a.id, k.b.id): k.relation for k in index.links()}
    assert found.get(("c#0", "d#0")) == relate(c, d).relation != "unrelated"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("rose", "fell"),
        ("safe", "unsafe"),
        ("accepted", "rejected"),
        ("legal", "illegal"),
        ("possible", "impossible"),
        ("won", "lost"),
        ("confirmed", "denied"),
        ("guilty", "innocent"),
        ("allowed", "banned"),
    ],
)
def test_a_reversed_claim_is_never_agreement(a: str, b: str) -> None:
    """A word turned to its antonym is a reversal: drift, and a conflict."""
    first = f"Officials said the measure was {a} by the regional council on Monday."
    second = f"Officials said the measure was {b} by the regional council on Monday."
    result = relate(first, second)
    assert result.relation == "drift"
    assert [(c.type, c.a, c.b) for c in result.changes if c.material] == [("reversal", (a,), (b,))]
    assert result.conflict


def test_a_reversal_in_other_words() -> None:
    """Claims that say the same in other words but for an antonym are no agreement."""
    result = relate(
        "Police said the number of burglaries in the city rose sharply during the summer.",
        "The number of burglaries in the city fell sharply during the summer, police said.",
    )
    assert result.relation == "drift"
    assert any(c.type == "reversal" for c in result.changes) and result.conflict


def test_never_for_always_is_a_reversal() -> None:
    """A negation word turned from its antonym ("always" / "never") is a reversal;
    a negation added or dropped stays a negation."""
    flipped = relate(
        "The senator has always supported the trade agreement with Mexico, aides said.",
        "The senator has never supported the trade agreement with Mexico, aides said.",
    )
    assert [(c.type, c.a, c.b) for c in flipped.changes if c.material] == [
        ("reversal", ("always",), ("never",))
    ]
    denied = relate(
        "The senator has supported the trade agreement with Mexico, aides said.",
        "The senator has not supported the trade agreement with Mexico, aides said.",
    )
    assert [c.type for c in denied.changes if c.material] == ["negation"]


def test_a_name_swapped_beside_a_verb_of_saying_is_a_speaker_change() -> None:
    """Where the extractor finds no attribution (a quote that opened in an earlier
    sentence), a name swapped next to "said" is still the speaker changed; a name
    elsewhere is a name change."""
    speaker = relate(
        'Both women had been there for "days," Miliote said.',
        'Both women had been there for "days," Okafor said.',
    )
    assert [(c.type, c.a, c.b) for c in speaker.changes if c.material] == [
        ("speaker", ("miliote",), ("okafor",))
    ]
    assert speaker.conflict
    name = relate(
        "Smith met Jones in Paris on Monday to talk about trade.",
        "Smith met Brown in Paris on Monday to talk about trade.",
    )
    assert [c.type for c in name.changes if c.material] == ["name"]


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("The company hired 2,000 workers last year.", "The company hired 2000 workers last year.", False),
        ("The company hired 2,000 workers last year.", "The company hired two thousand workers last year.", False),
        ("Prices rose 5% in June.", "Prices rose five per cent in June.", False),
        ("Sales reached 2.6million units this year.", "Sales reached 2.6 million units this year.", False),
        ("The company hired 2,000 workers last year.", "The company hired 20,000 workers last year.", True),
        ("Sales reached 1.6 million units this year.", "Sales reached 1.6 billion units this year.", True),
    ],
)  # fmt: skip
def test_numbers_are_compared_as_values(a: str, b: str, conflict: bool) -> None:
    """Ways of writing one number are one number; another value is a whole-value change."""
    result = relate(a, b)
    assert result.conflict is conflict
    if conflict:
        (change,) = [c for c in result.changes if c.material]
        assert change.type == "number"
        assert {len(change.a[0]), len(change.b[0])} != {1}  # whole values, not "2 -> 20"
    else:
        assert result.relation == "repetition", result


def test_bare_strings_have_their_speakers() -> None:
    """relate() on strings finds speakers as the tracker does: another speaker of the
    same words is a speaker change and a conflict; the same speaker named more
    fully is no change at all."""
    other = relate("Smith said taxes will rise next year.", "Jones said taxes will rise next year.")
    assert other.relation == "drift" and other.conflict
    assert [c.type for c in other.changes if c.material] == ["speaker"]
    fuller = relate(
        "Merkel said the border will stay open until March.",
        "Chancellor Angela Merkel said the border will stay open until March.",
    )
    assert fuller.relation == "agreement" and not fuller.conflict
    assert not [c for c in fuller.changes if c.material]
    titled = relate(
        "Sen. Elizabeth Warren said the bill would fail in the Senate next week.",
        "Warren said the bill would fail in the Senate next week.",
    )  # an abbreviated title is a title too
    assert titled.relation == "agreement" and not [c for c in titled.changes if c.material]


def test_phrases_of_one_meaning_agree() -> None:
    """A phrase and the word it means say the same thing: agreement, never repetition
    (the words differ), with no change."""
    result = relate("The CEO resigned on Monday.", "The chief executive stepped down on Monday.")
    assert result.relation == "agreement" and result.changes == ()
    longer = relate(
        "The CEO of the bank resigned on Monday after the losses were revealed.",
        "The chief executive of the bank stepped down on Monday after the losses were revealed.",
    )
    assert longer.relation == "agreement" and not longer.conflict


def test_matching_still_exports_what_it_had() -> None:
    """claimtrack.matching re-exports the names now in claimtext, changes and relations."""
    import claimtrack.matching
    from claimtrack import changes, claimtext, relations

    for name in claimtrack.matching.__all__:
        value = getattr(claimtrack.matching, name)
        assert any(vars(m).get(name) is value for m in (claimtext, changes, relations)), name
    for name in ("CONFLICTS", "Change", "ClaimText", "Relation", "prepare", "relate"):
        assert name in claimtrack.matching.__all__


def test_irregular_verb_forms_are_a_tense_change() -> None:
    """ "rose" is a form of "rise" (WordNet's exception list): another tense, not other
    words; a modal and its verb that became one past form are one change."""
    rose = relate(
        "Prices of grain rise every spring across the region, traders said.",
        "Prices of grain rose every spring across the region, traders said.",
    )
    assert rose.relation == "drift"
    assert [(c.type, c.a, c.b) for c in rose.changes if c.material] == [
        ("tense", ("rise",), ("rose",))
    ]
    crossed = relate(
        "Russian troops would cross the border on Friday, officials said.",
        "Russian troops crossed the border on Friday, officials said.",
    )
    assert [(c.type, c.a, c.b) for c in crossed.changes if c.material] == [
        ("tense", ("would", "cross"), ("crossed",))
    ]


_DOCKERS_LATER = (
    "The striking dockers marched to the town hall on Friday and urged the council to raise "
    "their wages and shorten their shifts, demands the mayor has rejected."
)


def test_a_claim_inside_a_longer_one_is_a_part() -> None:
    """A claim whose content words all stand in a longer sentence (its hedges aside) is
    found there, on the weakest basis, with what changed: a prediction become a fact."""
    prediction = "The mayor is almost certain to reject the demands of the striking dockers."
    for a, b in ((prediction, _DOCKERS_LATER), (_DOCKERS_LATER, prediction)):
        result = relate(a, b)
        assert (result.relation, result.basis) == ("drift", "part"), result
        assert [c.type for c in result.changes] == ["certainty"]
        assert result.evidence[0] == "all 5 content words of one in the other"


def test_a_negated_part_is_a_conflict() -> None:
    """A claim found inside a longer one that negates what the longer one states (or
    the reverse) is never agreement: the negation is typed on the words that state it."""
    negated = "The mayor is almost certain not to reject the demands of the striking dockers."
    result = relate(negated, _DOCKERS_LATER)
    assert (result.relation, result.basis, result.conflict) == ("drift", "part", True)
    assert ("negation", ("not",), ()) in [(c.type, c.a, c.b) for c in result.changes]


def test_a_claim_with_a_content_word_the_longer_lacks_is_no_part() -> None:
    """One content word of the shorter claim missing from the longer one, or fewer than
    four content words, and it is not found there."""
    assert (
        relate(
            "The mayor is almost certain to reject the demands of the striking nurses.",
            _DOCKERS_LATER,
        ).relation
        == "unrelated"
    )
    assert relate("The mayor rejected the demands.", _DOCKERS_LATER).relation == "unrelated"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Moscow's demands were rejected.", "russia"),
        ("Kyiv\u2019s troops held the line.", "ukraine"),
        ("NATO's plans were clear.", "north_atlantic_treaty_organization"),
        ("The Americas grew fast.", None),
        ("Smith's plans were clear.", None),
    ],
)
def test_a_place_in_the_possessive_stands_for_its_country(text: str, country: str | None) -> None:
    """ "Moscow's" is Russia, as "Moscow" is, in names and content words; a plural
    without an apostrophe ("the Americas") and a person are taken as written."""
    prepared = prepare(text)
    found = {n for n in prepared.names if n in prepared.stems}
    assert found == ({country} if country else set())


def test_one_speaker_and_cue_state_alike_only_with_a_verb_of_saying() -> None:
    """Two claims of one speaker with one cue that share half their content words
    state the same thing when the cue is a verb of saying ("announced"), not when it
    names another act ("released": two releases of one company are two patches)."""
    later = (
        "Zentrix has {} an emergency security update to fix the flaw in its Orbit "
        "browser that let hackers into the computers of two million users."
    )
    said = relate(
        "Zentrix announces security patch for its Orbit browser", later.format("announced")
    )
    assert (said.relation, said.evidence) == (
        "agreement",
        ("same speaker and cue, and half the content words shared",),
    )
    done = relate("Zentrix releases security patch for its Orbit browser", later.format("released"))
    assert done.relation == "related"


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("The defence ministry organised talks at the centre.", "defense organized center"),
        (
            "Neighbouring states travelled to honour the labour leader.",
            "neighboring traveled honor labor",
        ),
        ("Four hours of flour prices.", ""),
    ],
)
def test_british_spellings_are_prepared_in_their_american_form(british: str, american: str) -> None:
    """A wire story restyled in British spelling is the same text ("defence" is
    "defense"); words the rules would touch but WordNet does not pair ("four",
    "flour") stay as written."""
    words = prepare(british).words
    assert set(american.split()) <= set(words)
    assert not {"defence", "organised", "centre", "neighbouring", "travelled", "honour"} & set(
        words
    )
    if not american:
        assert prepare(british).words == ("4", "hours", "of", "flour", "prices")


def test_a_story_restyled_in_british_spelling_is_a_repetition() -> None:
    """The American original and its British restyling repeat each other."""
    result = relate(
        "The defense ministry organized talks at the center, officials said.",
        "The defence ministry organised talks at the centre, officials said.",
    )
    assert (result.relation, result.changes) == ("repetition", ())


def test_a_speaker_swapped_beside_a_second_attribution_is_a_speaker_change() -> None:
    """A claim with two attributions, one of them credited to someone else, changes
    its speaker, though both versions share the other source."""
    text = "{} said the bridge would reopen in May, and the mayor added that tolls would stay."
    result = relate(text.format("Smith"), text.format("Jones"))
    assert result.relation == "drift"
    assert ("speaker", ("smith",), ("jones",)) in [(c.type, c.a, c.b) for c in result.changes]
