"""Canonical speaker names across articles.

Within an article, :func:`claimtrack.names.resolve_speakers` names each
speaker ("Berg" -> "Anna Berg", "Moscow" -> "Russia", "EU" -> "European
Union").  Across articles, :class:`SpeakerIndex` gives every source one stable
key and one display name: names that differ only in case, accents,
apostrophes or hyphens share a key, and a bare surname joins the one full name
in the corpus that ends with it.

>>> index = SpeakerIndex.build(["Angela Merkel", "Merkel", "European Union", "european union"])
>>> index.name("Merkel"), index.key("Merkel") == index.key("Angela Merkel")
('Angela Merkel', True)
>>> index.name("european union")
'European Union'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import attrs

from claimtrack.normalize import match_key

__all__ = ["SpeakerIndex"]


@attrs.frozen
class SpeakerIndex:
    """Stable keys and display names for the speaker names of a corpus.

    Attributes:
        keys: Each known name -> its canonical key.
        names: Each canonical key -> its display name (the most frequent
            spelling of the fullest form).
    """

    keys: dict[str, str]
    names: dict[str, str]

    @classmethod
    def build(cls, names: Iterable[str | None]) -> SpeakerIndex:
        """Index the speaker names of a corpus (None entries are ignored).

        The result does not depend on the order of ``names``.
        """
        counts = Counter(n for n in names if n)
        by_key: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for name, count in counts.items():
            by_key[match_key(name)][name] += count
        # a one-word key joins the only multi-word key whose last word it is
        last_words: dict[str, set[str]] = {}
        for key in by_key:
            words = key.split()
            if len(words) > 1:
                last_words.setdefault(words[-1], set()).add(key)
        target = {}
        for key in by_key:
            fuller = last_words.get(key, set()) if " " not in key else set()
            target[key] = next(iter(fuller)) if len(fuller) == 1 else key
        keys = {}
        spellings: dict[str, Counter[str]] = {}
        for key, names_of_key in by_key.items():
            final = target[key]
            for name, count in names_of_key.items():
                keys[name] = final
                if key == final:
                    spellings.setdefault(final, Counter())[name] += count
        display = {
            key: min(spelled.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            for key, spelled in spellings.items()
        }
        return cls(keys, display)

    def key(self, name: str | None) -> str | None:
        """The canonical key of a name (None if the name is None)."""
        if name is None:
            return None
        return self.keys.get(name) or match_key(name)

    def name(self, name: str | None) -> str | None:
        """The display name of the source a name stands for."""
        key = self.key(name)
        if key is None:
            return None
        return self.names.get(key, name)
