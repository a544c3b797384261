"""The command line: every command documented, output contracts, errors and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from claimtrack.cli import _build_parser, main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def commands() -> list[str]:
    parser = _build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)  # type: ignore[arg-type]


@pytest.mark.parametrize("command", commands())
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each command answers --help with a description of its options."""
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert "--input-format" in text and "--skip-bad" in text and len(text) > 300
    assert "--format" in text or command in ("report", "ingest")
    assert "--db" in text


def test_sentences_jsonl_contract(seeds_dir: Path, gold: dict[str, Any]) -> None:
    """One object per sentence with offsets that slice the article text, and its kind."""
    code, out, _ = run("sentences", str(seeds_dir), "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 32
    assert set(records[0]) == {
        "article",
        "index",
        "start",
        "end",
        "text",
        "dateline",
        "boilerplate",
        "kind",
    }
    bodies = {p.stem: p.read_text(encoding="utf-8").split("\n", 3)[3] for p in seeds_dir.iterdir()}
    for record in records:
        body = bodies[record["article"]]
        assert body[record["start"] : record["end"]] == record["text"]
        if record["dateline"]:
            s, e = record["dateline"]
            assert body[s:e].startswith("MOSCOW")
    kinds = [s["kind"] for a in gold["articles"].values() for s in a["sentences"]]
    assert [r["boilerplate"] for r in records] == [k == "boilerplate" for k in kinds]
    assert [r["kind"] for r in records] == kinds


def test_claims_jsonl_contract(seeds_dir: Path) -> None:
    """One object per attribution, roles as offsets into the article text."""
    code, out, _ = run("claims", str(seeds_dir), "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) >= 19
    bodies = {p.stem: p.read_text(encoding="utf-8").split("\n", 3)[3] for p in seeds_dir.iterdir()}
    for record in records:
        assert {
            "article",
            "sentence",
            "kind",
            "speaker",
            "speaker_name",
            "speaker_type",
            "cue",
            "content",
            "pattern",
        } <= set(record)
        body = bodies[record["article"]]
        _s, _e = record["sentence"]
        for role in ("speaker", "cue"):
            if record[role] is not None:
                piece = record[role]
                assert body[piece["start"] : piece["end"]] == piece["text"]
        content = record["content"]
        assert content["text"] == " ".join(body[a:b] for a, b in content["spans"])
        assert record["kind"] in {"direct", "indirect", "mixed"}
        assert record["speaker_type"] in {
            "person",
            "organisation",
            "government",
            "group",
            "anonymous",
        }
    names = {r["speaker_name"] for r in records}
    assert {"Vladimir Makei", "Russia", "European Union", "Alexander Lukashenko"} <= names


def test_claims_text(seeds_dir: Path) -> None:
    """The text format prints article, speaker, cue and content, tab-separated."""
    code, out, _ = run("claims", str(seeds_dir))
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert all(len(row) == 4 for row in rows)
    assert [
        "000_44a681640818a05e",
        "Russia",
        "has denied",
        "harboring plans to invade Ukraine",
    ] in rows


def test_sentences_text(seeds_dir: Path) -> None:
    """The text format prints article, index, kind and sentence, tab-separated."""
    code, out, _ = run("sentences", str(seeds_dir))
    assert code == 0
    first = out.splitlines()[0].split("\t")
    assert first[:3] == ["000_44a681640818a05e", "0", "attributed"]


def test_report_on_seeds(seeds_dir: Path) -> None:
    """The report says who said what by canonical speaker, each claim placed by outlet
    and date, then lists the articles."""
    code, out, _ = run("report", str(seeds_dir), "--width", "400")
    assert code == 0
    assert out.startswith("2 articles, 32 sentences, ")
    who = out[out.index("WHO SAID WHAT") : out.index("ARTICLES")]
    assert "Vladimir Makei (person)" in who and "Russia (government)" in who
    assert "[as \u201cMoscow\u201d]" in who and "[as \u201cThe EU\u201d]" in who
    assert "    - infotel.ca 2021-11-18: has denied" in who
    assert "seeds" not in who  # no file ids where an outlet and date are known
    listing = out[out.index("ARTICLES") :]
    assert "[dateline: MOSCOW AP]" in listing and "[boilerplate]" in listing
    assert "infotel.ca, 2021-11-18" in listing


def test_bad_input_exit_code(tmp_path: Path) -> None:
    """Bad input gives exit status 1 and a message naming file and line, no traceback."""
    bad = tmp_path / "bad.txt"
    bad.write_text("Title\nnot-a-date\nhttps://x.org\nBody\n", encoding="utf-8")
    code, out, err = run("sentences", str(bad))
    assert code == 1 and out == ""
    assert err.startswith("claimtrack: error: ") and f"{bad}:2:" in err
    assert "Traceback" not in err


def test_skip_bad_reports_at_end(tmp_path: Path, seeds_dir: Path) -> None:
    """With --skip-bad the good files are processed and the bad ones listed."""
    for path in seeds_dir.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, out, err = run("sentences", str(tmp_path), "--skip-bad", "--format", "jsonl")
    assert code == 0
    assert len(out.splitlines()) == 32
    assert "skipped 1 bad file" in err and "empty.txt" in err


def test_learn_option(seeds_dir: Path) -> None:
    """--learn still splits the seeds as usual."""
    assert run("sentences", str(seeds_dir), "--learn") == run("sentences", str(seeds_dir))


def test_usage_errors() -> None:
    """No command, or an unknown one, is a usage error (exit 2)."""
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2


def test_python_dash_m(seeds_dir: Path) -> None:
    """`python -m claimtrack` runs the same command line."""
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", "report", str(seeds_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2 articles")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["report", "SEEDS", "--width", "0"], "--width: must be a whole number of at least 20"),
        (["report", "SEEDS", "--width", "-5"], "not '-5'"),
        (["report", "SEEDS", "--width", "wide"], "not 'wide'"),
        (["claims", "SEEDS", "--encoding", "klingon"], "unknown encoding 'klingon'"),
        (["claims", "SEEDS", "--input-format", "xml"], "invalid choice: 'xml'"),
        (["bogus"], "invalid choice: 'bogus'"),
    ],
)
def test_option_values_are_validated(
    argv: list[str], words: str, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad option value is a usage error: exit 2 and one line saying what is wrong."""
    with pytest.raises(SystemExit) as info:
        main([str(seeds_dir) if a == "SEEDS" else a for a in argv])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and words in err and "--help" in err


def test_nothing_read_is_an_error(tmp_path: Path) -> None:
    """An empty folder, or input that is all bad, exits 1 saying why."""
    code, _, err = run("claims", str(tmp_path))
    assert code == 1
    assert "holds no article file" in err and "no article could be read" in err
    (tmp_path / "bad.jsonl").write_text('{"id": 1\n', encoding="utf-8")
    code, _, err = run("claims", str(tmp_path), "--skip-bad")
    assert code == 1
    assert "skipped: " in err and "every file or record was bad" in err


def test_skip_bad_lists_records_and_summary(tmp_path: Path) -> None:
    """--skip-bad keeps the good records of a file and lists each bad one with a summary."""
    lines = [
        '{"id": "a", "text": "The minister said taxes will rise."}',
        "{not json",
        '{"id": "c", "text": "Police said the road was closed."}',
    ]
    (tmp_path / "m.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    code, out, err = run("claims", str(tmp_path), "--skip-bad")
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == ["a", "c"]
    assert "skipped: " in err and "m.jsonl:2: invalid JSON" in err
    assert "not read: " in err and "notes.md" in err
    assert err.rstrip().endswith("read 2 articles; skipped 1 bad file or record in 1 file")


def test_unexpected_error_is_one_line(monkeypatch: pytest.MonkeyPatch, seeds_dir: Path) -> None:
    """A bug shows one line naming the error; --debug shows the traceback."""
    import claimtrack.cli as cli

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("something broke")

    monkeypatch.setattr(cli, "_run_claims", broken)
    code, _, err = run("claims", str(seeds_dir))
    assert code == 1
    assert err == (
        "claimtrack: internal error: RuntimeError: something broke "
        "(a bug in claimtrack; --debug shows where)\n"
    )
    with pytest.raises(RuntimeError, match="something broke"):
        run("claims", str(seeds_dir), "--debug")


def test_broken_pipe_is_quiet(seeds_dir: Path) -> None:
    """Output piped into a reader that stops early ends quietly with exit 0."""
    done = subprocess.run(
        f"'{sys.executable}' -m claimtrack sentences '{seeds_dir}' | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "Error" not in done.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("args", "stages"),
    [
        (["clusters", "{seeds}"], ["indexing", "linking"]),
        (["ingest", "{seeds}", "--db", "{db}"], ["indexing", "linking", "writing"]),
    ],
)
def test_long_stages_show_progress_on_a_terminal(
    args: list[str], stages: list[str], seeds_dir: Path, tmp_path: Path
) -> None:
    """Each stage after analysing is named on a terminal as it starts, and the line is
    cleared at the end; nothing is shown with --quiet or off a terminal."""
    argv = [a.format(seeds=seeds_dir, db=tmp_path / "s.db") for a in args]
    err = _Terminal()
    assert main(argv, out=io.StringIO(), err=err) == 0
    shown = err.getvalue()
    positions = [shown.find(f"\r{stage}") for stage in stages]
    assert -1 not in positions and positions == sorted(positions), shown
    assert shown.endswith("\r")
    assert "indexing: " in shown  # with its count of claims
    for quiet, stream in ((["--quiet"], _Terminal()), ([], io.StringIO())):
        (tmp_path / "s.db").unlink(missing_ok=True)
        assert main(argv + quiet, out=io.StringIO(), err=stream) == 0
        assert stream.getvalue() == ""


def test_taking_a_store_back_shows_progress_on_a_terminal(seeds_dir: Path, tmp_path: Path) -> None:
    """Adding to a store that holds claims reads them back first: that stage is named
    on a terminal before the new claims are indexed, as is reading a store back for
    a command that needs its tracker (every link, with --all)."""
    db = str(tmp_path / "s.db")
    first, second = sorted(seeds_dir.iterdir())[:2]
    assert main(["ingest", str(first), "--db", db, "--quiet"], out=io.StringIO()) == 0
    for argv in (["ingest", str(second), "--db", db], ["links", "--db", db, "--all"]):
        err = _Terminal()
        assert main(argv, out=io.StringIO(), err=err) == 0
        shown = err.getvalue()
        reading, indexing = shown.find("\rreading the store"), shown.find("\rindexing the store")
        assert -1 < reading < indexing, shown
        assert shown.endswith("\r")


def test_dask_engine_without_dask(seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the dask extra, --engine dask is one error line saying what to install."""
    for module in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    for command in ("clusters", "links"):
        code, out, err = run(command, str(seeds_dir), "--engine", "dask")
        assert code == 1 and out == "" and err.count("\n") == 1
        assert err.startswith("claimtrack: error: the Dask engine needs")
        assert "pip install 'claimtrack[dask]'" in err
