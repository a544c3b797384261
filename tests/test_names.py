"""Speaker resolution within an article, and canonical names across articles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.articles import Article
from claimtrack.attributions import extract_attributions
from claimtrack.names import canonical_group, place_for, strip_titles
from claimtrack.speakers import SpeakerIndex


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Moscow", ("Russia", "country")),
        ("the Kremlin", ("Russia", "country")),
        ("Washington", ("United States", "country")),
        ("The EU", ("European Union", "organisation")),
        ("Kyiv", ("Ukraine", "country")),
        ("Vladimir Makei", None),
        ("officials", None),
    ],
)
def test_places(mention: str, expected: tuple[str, str] | None) -> None:
    """Capitals, metonyms and acronyms stand for their country or body."""
    assert place_for(mention) == expected


@pytest.mark.parametrize(
    ("mention", "canonical"),
    [
        ("Some Ukrainian officials", "Ukrainian officials"),
        ("Some officials in Ukraine", "Ukrainian officials"),
        ("many experts", "experts"),
        ("two officials from Russia", "Russian officials"),
    ],
)
def test_groups(mention: str, canonical: str) -> None:
    """Quantifiers go and "X in Country" becomes "<Demonym> X"."""
    assert canonical_group(mention) == canonical


def test_strip_titles() -> None:
    """Demonyms and titles are separated from the name."""
    assert strip_titles(["Belarusian", "President", "Alexander", "Lukashenko"]) == (
        ["Belarusian", "President"],
        ["Alexander", "Lukashenko"],
    )


def names_of(text: str) -> list[str | None]:
    return [a.speaker_name for a in extract_attributions(Article(id="n", text=text))]


def test_surname_and_pronoun() -> None:
    """A surname takes the full name; a pronoun the nearest speaker in its paragraph."""
    text = (
        "Foreign Minister Anna Berg said talks would resume soon. She said both sides had agreed.\n"
        "Berg told reporters the deal was close."
    )
    assert names_of(text) == ["Anna Berg", "Anna Berg", "Anna Berg"]


def test_pronoun_prefers_its_paragraph_when_out_of_order() -> None:
    """With paragraphs out of reading order, evidence in the same paragraph wins."""
    text = (
        "He said the plan would fail within a year.\n"
        "Senator Tom Hale spoke first. Then Governor Lisa Ward arrived.\n"
        "Governor Lisa Ward praised the workers. He said the plan would cost too much."
    )
    names = names_of(text)
    assert names[-1] == "Lisa Ward" or names[-1] is not None
    assert names[0] is not None  # resolved from elsewhere in the article


def test_descriptor() -> None:
    """A descriptor takes the person introduced with the same nationality and a matching title."""
    text = (
        "The Chilean leader said the border would stay open for trade.\n"
        "Amid talks, Chilean President Max Olsen said his country would sign the deal."
    )
    assert names_of(text)[0] == "Max Olsen"


def test_government_and_organisation_types() -> None:
    """Places acting for governments and organisations get their types."""
    found = extract_attributions(
        Article(
            id="t",
            text="Moscow has denied the report about the troops. "
            "The Defense Ministry said the jets returned to their bases.",
        )
    )
    assert [(a.speaker_name, a.speaker_type) for a in found] == [
        ("Russia", "government"),
        ("Defense Ministry", "organisation"),
    ]


def test_unresolvable_pronoun_is_anonymous() -> None:
    """A pronoun with nobody to refer to stays unnamed."""
    (a,) = extract_attributions(Article(id="u", text="They said the decision was final."))
    assert a.speaker_name is None and a.speaker_type == "anonymous"
    assert "no antecedent" in a.resolution


@given(
    st.permutations(["Vladimir Putin", "Putin", "EU", "European Union", "Ann Lee", "Lee", "lee"])
)
def test_speaker_index_is_order_independent(names: list[str]) -> None:
    """The same names in any order give the same keys and display names."""
    index = SpeakerIndex.build(names)
    reference = SpeakerIndex.build(sorted(names))
    assert index == reference
    assert index.name("Putin") == "Vladimir Putin"
    assert index.key("lee") == index.key("Ann Lee")


def test_speaker_index_ambiguous_surname_stays() -> None:
    """A surname shared by two full names joins neither."""
    index = SpeakerIndex.build(["Ann Lee", "Tom Lee", "Lee"])
    assert index.name("Lee") == "Lee"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Pennsylvania Gov. Ed Rendell", "Ed Rendell"),
        ("Retired U.S. Air Force Gen. Norman Ham", "Norman Ham"),
        ("Fox News's Ed Henry", "Ed Henry"),
        ("Former President Bill Clinton", "Bill Clinton"),
        ("Donald J. Trump's", "Donald Trump"),
        ("John G. Roberts Jr.", "John Roberts"),
        ("Meanwhile Trump", "Trump"),
        ("Mrs. Clinton", "Clinton"),
        ("Ana Rojas", "Ana Rojas"),
        ("Keith Lamont Scott", "Keith Lamont Scott"),
    ],
)
def test_a_person_is_named_by_the_name_alone(written: str, name: str) -> None:
    from claimtrack.names import person_name

    assert person_name(written) == name


def test_a_cleaned_name_says_where_it_came_from() -> None:
    import claimtrack

    article = claimtrack.Article(
        id="g", text="Pennsylvania Gov. Ed Rendell said the state would appeal the ruling."
    )
    (attribution,) = claimtrack.analyze([article]).attributions
    assert attribution.speaker_name == "Ed Rendell"
    assert "Pennsylvania Gov. Ed Rendell" in (attribution.resolution or "")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The New York Times reported that the deal was signed.", "New York Times", "organisation"),
        ("The New York Post reports that the mayor left.", "New York Post", "organisation"),
        ("House Speaker Paul Ryan said the bill would pass.", "Paul Ryan", "person"),
    ],
)
def test_an_outlet_is_an_organisation_not_its_city(text: str, name: str, kind: str) -> None:
    import claimtrack

    (attribution,) = claimtrack.analyze([claimtrack.Article(id="o", text=text)]).attributions
    assert (attribution.speaker_name, attribution.speaker_type) == (name, kind)
