"""A corpus of hostile inputs through every command: no traceback, nothing good lost.

``tests/data/hostile`` holds bad files (empty, binary, latin-1, a header
without body), a JSON Lines file mixing good records with every kind of bad
one, a JSON array, files that are not articles (``.md``, no extension, a
hidden file), and articles full of control, invisible, right-to-left and odd
space characters, nested and unbalanced quotes and mixed line breaks.  Larger
adversarial texts are generated here.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack.cli import main

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
COMMANDS = ["sentences", "claims", "links", "clusters", "report"]

#: The articles of the hostile corpus that are good and must all be read.
GOOD_IDS = {
    "good",
    "controls",
    "rtl",
    "quotes",
    "newlines",
    "DATA",
    "bom-1",
    "bom-2",
    "arr-1",
    "arr-3",
    "j-good-1",
    "j-good-2",
    "j-good-4",
    "j-surrogate",
    "j-nul id",
}

#: Every bad file or record, as (file, line or None) of its error.
BAD = {
    ("array.json", None): 2,
    ("binary.txt", 2): 1,
    ("blank.txt", None): 1,
    ("empty.txt", None): 1,
    ("header-only.txt", 4): 1,
    ("latin1.txt", 4): 1,
    **{("mixed.jsonl", line): 1 for line in (2, 3, 4, 5, 6, 7, 8, 11, 15)},
}

#: Characters no output may carry: controls, invisible characters, lone surrogates.
UNCLEAN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\u200b-\u200f\u202a-\u202e\u2060\ufeff\ud800-\udfff]"
)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("command", COMMANDS)
def test_skip_bad_keeps_every_good_record(command: str) -> None:
    """With --skip-bad every command reads every good article and lists every bad one."""
    code, out, err = run(command, str(HOSTILE), "--skip-bad", "--quiet")
    assert code == 0, err
    assert UNCLEAN.search(out) is None
    listed = [line for line in err.splitlines() if line.startswith("claimtrack: skipped: ")]
    found: dict[tuple[str, int | None], int] = {}
    for line in listed:
        where = line.removeprefix("claimtrack: skipped: ").split(": ", 1)[0]
        name, _, number = Path(where).name.partition(":")
        key = (name, int(number) if number else None)
        found[key] = found.get(key, 0) + 1
    assert found == BAD
    assert f"read {len(GOOD_IDS)} articles; skipped {sum(BAD.values())} bad files" in err
    for name in (".hidden.txt", "noext", "notes.md"):
        assert re.search(rf"not read: \S*{re.escape(name)}: ", err), name


def test_every_good_article_is_analysed() -> None:
    """The good articles of the hostile corpus all reach the output, with clean text."""
    code, out, _ = run("sentences", str(HOSTILE), "--skip-bad", "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["article"] for r in records} == GOOD_IDS
    for record in records:
        assert record["text"] and UNCLEAN.search(record["text"]) is None


def test_invisible_characters_do_not_hide_a_repetition() -> None:
    """A sentence with a zero-width space and a NUL in it is still the same words."""
    code, out, _ = run("clusters", str(HOSTILE), "--skip-bad", "--format", "jsonl")
    assert code == 0
    clusters = [json.loads(line) for line in out.splitlines()]
    repeated = [
        sorted(m["article"] for m in c["members"])
        for c in clusters
        if c["relation"] == "repetition"
    ]
    assert ["arr-3", "controls", "good"] in repeated


def test_speaker_names_are_clean() -> None:
    """A NUL and a zero-width space inside a mention never reach the speaker's name."""
    code, out, _ = run("claims", str(HOSTILE / "controls.txt"), "--format", "jsonl")
    assert code == 0
    names = [json.loads(line)["speaker_name"] for line in out.splitlines()]
    assert "John Smith" in names
    assert all(name is None or UNCLEAN.search(name) is None for name in names)


@pytest.mark.parametrize("form", ["html", "json"])
@pytest.mark.parametrize(
    "name", sorted(p.name for p in HOSTILE.iterdir() if p.name not in ("noext", "notes.md"))
)
def test_each_file_alone_as_a_page(form: str, name: str) -> None:
    """The HTML page and the JSON document of each hostile file: a whole page with
    clean text, or one clear error line."""
    code, out, err = run("report", str(HOSTILE / name), "--format", form, "--quiet")
    assert code in (0, 1)
    if code == 1:
        assert len(err.splitlines()) == 1 and err.startswith("claimtrack: error: "), err
        return
    if form == "json":
        assert json.loads(out)["overview"]["articles"] >= 1
    else:
        assert out.startswith("<!doctype html>") and out.rstrip().endswith("</html>")
        assert UNCLEAN.search(out) is None


@pytest.mark.parametrize("form", ["html", "json"])
def test_skip_bad_page_keeps_every_good_article(form: str) -> None:
    code, out, err = run("report", str(HOSTILE), "--skip-bad", "--quiet", "--format", form)
    assert code == 0, err
    if form == "json":
        assert {a["id"] for a in json.loads(out)["articles"]} >= GOOD_IDS
    else:
        assert all(f"<code>{article}</code>" in out for article in GOOD_IDS)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "name", sorted(p.name for p in HOSTILE.iterdir() if p.name not in ("noext", "notes.md"))
)
def test_each_file_alone(command: str, name: str) -> None:
    """Each hostile file alone: results (exit 0) or one clear error line (exit 1)."""
    code, out, err = run(command, str(HOSTILE / name), "--quiet")
    assert code in (0, 1)
    if code == 1:
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("claimtrack: error: "), err
        assert name in lines[0]
    else:
        assert UNCLEAN.search(out) is None
        assert out or command not in ("sentences", "report")


@pytest.mark.parametrize(
    "body",
    [
        "a. " * 30_000,
        "U.S. Mr. Sen. Gov. " * 8_000,
        "." * 100_000 + " He said so.",
        ". . . " * 20_000,
        "x" * 1_000_000 + " said the official.",
        "\u201c" * 20_000 + " she said " + '"' * 20_000,
        "He said.\n" * 20_000,
        "\u202e\u05d4\u05e9\u05e8 \u05d0\u05de\u05e8. " * 10_000,
        "He\x00 said\u200b it\ufeff was\u00a0over. " * 20_000,
    ],
    ids=[
        "abbreviations",
        "titles",
        "periods",
        "spaced-periods",
        "megabyte-token",
        "open-quotes",
        "short-paragraphs",
        "rtl",
        "invisible",
    ],
)
def test_adversarial_texts(tmp_path: Path, body: str) -> None:
    """Long adversarial articles go through claims without error (timing in bench/)."""
    path = tmp_path / "adversarial.txt"
    path.write_text("T\n20240101\nhttps://x.org/a\n" + body, encoding="utf-8")
    code, out, err = run("claims", str(path), "--quiet", "--format", "jsonl")
    assert code == 0, err
    assert UNCLEAN.search(out) is None


def test_no_traceback_from_the_real_entry_point(tmp_path: Path) -> None:
    """Run as a program, hostile input gets one line and exit 1, never a traceback."""
    for args in (
        ["claims", str(HOSTILE / "binary.txt")],
        ["claims", str(HOSTILE / "mixed.jsonl")],
        ["report", str(HOSTILE), "--width", "0"],
        ["claims", str(tmp_path)],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack", *args],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode in (1, 2), args
        assert "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) <= 2, done.stderr


def test_hostile_corpus_into_a_store(tmp_path: Path) -> None:
    """ingest keeps every good article of the hostile corpus (streamed a batch at a time),
    lists every bad one, and the store then answers as one run does."""
    db = str(tmp_path / "h.db")
    code, out, err = run("ingest", str(HOSTILE), "--skip-bad", "--quiet", "--db", db)
    assert code == 0, err
    assert f"added {len(GOOD_IDS)}, replaced 0" in out
    assert err.count("claimtrack: skipped: ") == sum(BAD.values())
    for command in ("sentences", "clusters", "report"):
        stored = run(command, "--db", db)
        direct = run(command, str(HOSTILE), "--skip-bad")
        assert stored[0] == 0 and stored[1] == direct[1], command
