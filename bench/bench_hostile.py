"""Time every command on adversarial articles at 1x, 2x and 4x their size.

Usage::

    python bench/bench_hostile.py                      # every input, every command
    python bench/bench_hostile.py --inputs abbr_a realistic --commands sentences claims
    python bench/bench_hostile.py --scale 0.5 --timeout 60 --repeat 3

The inputs are generated into a temporary folder (``--keep DIR`` writes them
there instead and keeps them), one seed-format article each (title, date and
URL lines, then the body): long paragraphs of abbreviations, runs of periods,
one token with no space, unclosed and deeply nested quotation marks, many short
paragraphs, a long realistic article, a person introduced every paragraph with
speakers named by a descriptor, right-to-left text and mixed newlines.
The base size of each is chosen so that one command takes about a second on a
2-core machine; ``--scale`` multiplies every size.

Each timing runs in a fresh ``python`` subprocess (killed after ``--timeout``
seconds), in the inputs' folder, so that the interpreter's own claimtrack is timed
(run from a checkout, ``python -c`` would import the checkout's).  ``--mode inprocess`` (the default) imports claimtrack there, warms it
up on a small article, then times ``claimtrack.cli.main([CMD, FILE, "--quiet"])``
with its output thrown away: reading, analysis and writing the output, without
the interpreter's start and the imports.  ``--mode cli`` times the whole
``python -m claimtrack CMD FILE --quiet`` instead.  The best of ``--repeat``
runs is reported.

The baseline row of each input, ``nltk punkt``, times bare nltk as it ships:
``list(PunktSentenceTokenizer().span_tokenize(body))`` over the article body (no
trained model, nltk's own regular expressions); nltk 3.10+ raises TimeoutError
when its regular-expression time limit is exceeded, reported as ``timeout(nltk)``.

The result is a Markdown table: seconds per size and the 4x/1x ratio (about 4
when time is linear in the input size).
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

COMMANDS = ("sentences", "claims", "links", "clusters", "report")

# --- the inputs ------------------------------------------------------------------

_NAMES = [
    ("Anna", "Berg"),
    ("Max", "Olsen"),
    ("Lena", "Varga"),
    ("Tomas", "Kral"),
    ("Rita", "Moreno"),
    ("Omar", "Haddad"),
    ("Jun", "Tanaka"),
    ("Ines", "Duarte"),
]
_TITLES = ["Foreign Minister", "Sen.", "Gov.", "President", "spokeswoman", "Dr."]
_PLACES = ["Moscow", "Kyiv", "Washington", "Berlin", "St. Petersburg", "the U.S."]
_VERBS = ["said", "told reporters", "added", "warned", "denied", "insisted"]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _realistic(size: int) -> str:
    """News paragraphs with quotes, attributions, titles, numbers; varied, one a line."""
    rng = random.Random(7)
    paras: list[str] = []
    total = 0
    n = 0
    while total < size:
        first, last = rng.choice(_NAMES)
        # a new family name every paragraph: the article keeps introducing people
        last = f"{last}{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}"
        title, place, verb = rng.choice(_TITLES), rng.choice(_PLACES), rng.choice(_VERBS)
        number = rng.randint(2, 9000)
        para = rng.choice(
            [
                f'"We will not accept {number} more troops near {place}," {title} {first} '
                f"{last} {verb} on Tuesday. \u201cThe U.S. and its allies know it.\u201d",
                f"{first} {last}, the {title.lower().rstrip('.')} of the region, {verb} that "
                f"the Jan. {number % 28 + 1} talks in {place} had failed. He did not elaborate.",
                f"According to officials in {place}, {number} people were evacuated. "
                f"\u201cIt is a disaster,\u201d she said, adding that Mr. {last} had left.",
                f"MOSCOW (AP) \u2014 {last} {verb}: \u201cNo.\u201d Critics, including "
                f"{first} {last}\u2019s own party, called it \u2018a mistake.\u2019",
            ]
        )
        paras.append(para)
        total += len(para) + 1
        n += 1
    return "\n".join(paras)


def _descriptor_mentions(size: int) -> str:
    """A new person a paragraph, introduced with a title, then a speaker named by a
    descriptor that matches no one's title ("The governor said")."""
    paras: list[str] = []
    total = 0
    n = 0
    while total < size:
        last = f"Berg{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}{chr(97 + n // 676 % 26)}"
        para = (
            f"Foreign Minister Anna {last} arrived on Tuesday. "
            "The governor said the talks had failed."
        )
        paras.append(para)
        total += len(para) + 1
        n += 1
    return "\n".join(paras)


def _rtl(size: int) -> str:
    rng = random.Random(3)
    pieces = [
        "\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631 \u00ab\u0644\u0646 "
        "\u0646\u0642\u0628\u0644\u00bb. ",
        "\u05d0\u05de\u05e8 \u05d4\u05e9\u05e8 \u201c\u05dc\u05d0 \u05e0\u05e7\u05d1\u05dc.\u201d ",
        "\u0648\u0623\u0636\u0627\u0641 \u0623\u0646 \u0627\u0644\u0645\u062d\u0627\u062f"
        "\u062b\u0627\u062a \u0641\u0634\u0644\u062a. ",
        "\u202bU.S. \u0645\u0633\u0624\u0648\u0644\u202c said. ",
    ]
    out: list[str] = []
    total = 0
    while total < size:
        piece = rng.choice(pieces)
        if rng.random() < 0.05:
            piece += "\n"
        out.append(piece)
        total += len(piece)
    return "".join(out)


def _mixed_newlines(size: int) -> str:
    rng = random.Random(5)
    lines = ['"It is over," he said.', "Sen. Roe left.", "The U.S. agreed.", "Why? Nobody knows."]
    out: list[str] = []
    total = 0
    while total < size:
        piece = rng.choice(lines) + rng.choice(["\r\n", "\r", "\n", "\n\r", "\r\r\n"])
        out.append(piece)
        total += len(piece)
    return "".join(out)


#: name -> (description, base size in characters, body generator)
INPUTS: dict[str, tuple[str, int, Callable[[int], str]]] = {
    "abbr_a": ('one paragraph of "a. a. a. ..."', 150_000, lambda n: _repeat("a. ", n)),
    "abbr_us": ('one paragraph of "U.S. U.S. ..."', 150_000, lambda n: _repeat("U.S. ", n)),
    "abbr_mr": ('one paragraph of "Mr. Mr. ..."', 150_000, lambda n: _repeat("Mr. ", n)),
    "periods": ('one run of periods "......"', 500_000, lambda n: _repeat(".", n)),
    "spaced_periods": ('one paragraph of ". . . ."', 50_000, lambda n: _repeat(". ", n)),
    "token": (
        "one token with no space",
        1_000_000,
        lambda n: _repeat("aB.c-D\u2019e,f;G(h)", n),
    ),
    "open_quotes": (
        "one paragraph of unclosed \u201c with cues",
        300_000,
        lambda n: _repeat("\u201cWe will, he said ", n),
    ),
    "straight_quotes": (
        'one paragraph of many " with cues',
        300_000,
        lambda n: _repeat('"They said ', n),
    ),
    "nested_quotes": (
        "deeply nested \u2018\u201c\u2018\u201c... then text",
        300_000,
        lambda n: _repeat("\u2018\u201c", n // 2) + " she said.",
    ),
    "cues": ('one paragraph of "said said ..."', 200_000, lambda n: _repeat("said ", n)),
    "quote_breaks": (
        "one paragraph of abbreviation + quoted sentence",
        200_000,
        lambda n: _repeat("He is from Fla. \u201cNo way.\u201d ", n),
    ),
    "quoted_run": (
        "one paragraph of quoted sentences",
        200_000,
        lambda n: _repeat('"We will win," she said. "We will go. ', n),
    ),
    "short_paras": ('"He said." a line', 300_000, lambda n: _repeat("He said.\n", n)),
    "realistic": ("news paragraphs, varied (1x = 0.5 MB)", 500_000, _realistic),
    "descriptors": (
        "a person introduced a paragraph, then a descriptor naming no one",
        200_000,
        _descriptor_mentions,
    ),
    "rtl": ("Arabic and Hebrew sentences with quotes", 200_000, _rtl),
    "newlines": ("short lines ending \\r\\n, \\r, \\n", 100_000, _mixed_newlines),
}


def write_input(folder: Path, name: str, size: int) -> Path:
    _, _, make = INPUTS[name]
    path = folder / f"{name}_{size}.txt"
    if not path.exists():
        body = make(size)
        with path.open("w", encoding="utf-8", newline="") as f:
            f.write(f"{name}\n20240101\nhttps://example.org/{name}\n{body}")
    return path


# --- the timing harness (runs in a subprocess) ---------------------------------------

_HARNESS = r"""
import io, sys, time
mode, what, path, warm = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
if what == "punkt":
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    with open(path, encoding="utf-8", newline="") as f:
        body = f.read().split("\n", 3)[3]
    tok = PunktSentenceTokenizer()
    list(tok.span_tokenize("Warm up. It is done."))
    t = time.perf_counter()
    try:
        list(tok.span_tokenize(body))
    except TimeoutError:
        print("timeout(nltk)")
        sys.exit(0)
    print(time.perf_counter() - t)
    sys.exit(0)
from claimtrack import cli
sink = io.StringIO()
cli.main([what, warm, "--quiet"], out=io.StringIO(), err=io.StringIO())
t = time.perf_counter()
status = cli.main([what, path, "--quiet"], out=sink, err=sys.stderr)
elapsed = time.perf_counter() - t
print(elapsed if status == 0 else f"exit {status}")
"""


def time_once(mode: str, what: str, path: Path, timeout: float) -> float | str:
    """Seconds for one run, or a string saying why there is no figure."""
    if mode == "cli" and what != "punkt":
        cmd = [sys.executable, "-m", "claimtrack", what, str(path), "--quiet"]
        import time

        start = time.perf_counter()
        try:
            done = subprocess.run(
                cmd, capture_output=True, text=True, timeout=timeout, cwd=path.parent
            )
        except subprocess.TimeoutExpired:
            return f">{timeout:g}"
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            return _failure(done.stderr)
        return elapsed
    warm = path.parent / "warm_up.txt"
    if not warm.exists():
        warm.write_text("Warm up\n20240101\nhttps://example.org/w\n" + _realistic(3000))
    cmd = [sys.executable, "-c", _HARNESS, mode, what, str(path), str(warm)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=path.parent)
    except subprocess.TimeoutExpired:
        return f">{timeout:g}"
    if done.returncode != 0:
        return _failure(done.stderr)
    out = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "no output"
    try:
        return float(out)
    except ValueError:
        return out


def _failure(stderr: str) -> str:
    lines = [ln for ln in stderr.strip().splitlines() if ln.strip()]
    last = lines[-1] if lines else "failed"
    if "TimeoutError" in last:
        return "TimeoutError"
    return last.split(":")[0][:30]


def best(mode: str, what: str, path: Path, timeout: float, repeat: int) -> float | str:
    results = [time_once(mode, what, path, timeout) for _ in range(repeat)]
    numbers = [r for r in results if isinstance(r, float)]
    return min(numbers) if numbers else results[0]


def _cell(value: float | str) -> str:
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _ratio(first: float | str, last: float | str) -> str:
    if isinstance(first, float) and isinstance(last, float) and first > 0:
        return f"{last / first:.1f}"
    return "-"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", nargs="+", choices=list(INPUTS), default=list(INPUTS))
    parser.add_argument("--commands", nargs="+", choices=COMMANDS, default=list(COMMANDS))
    parser.add_argument("--sizes", nargs="+", type=int, default=[1, 2, 4], help="multiples")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    parser.add_argument("--mode", choices=["inprocess", "cli"], default="inprocess")
    parser.add_argument("--repeat", type=int, default=1, help="runs per cell; the best counts")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--no-baseline", action="store_true", help="skip the nltk punkt rows")
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    args = parser.parse_args(argv)

    rows: list[str] = []
    with tempfile.TemporaryDirectory(prefix="hostile_") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        header = (
            "| input | size 1x | command | "
            + " | ".join(f"{m}x s" for m in args.sizes)
            + f" | {args.sizes[-1]}x/{args.sizes[0]}x |"
        )
        rows += [header, "|" + "---|" * (4 + len(args.sizes))]
        for name in args.inputs:
            description, base, _ = INPUTS[name]
            size = max(1, math.floor(base * args.scale))
            paths = [write_input(folder, name, size * m) for m in args.sizes]
            whats = list(args.commands) + ([] if args.no_baseline else ["punkt"])
            for what in whats:
                times = [best(args.mode, what, p, args.timeout, args.repeat) for p in paths]
                label = "nltk punkt (baseline)" if what == "punkt" else what
                cells = " | ".join(_cell(t) for t in times)
                row = (
                    f"| {name}: {description} | {size / 1000:g} k | {label} | {cells} | "
                    f"{_ratio(times[0], times[-1])} |"
                )
                rows.append(row)
                print(row, file=sys.stderr, flush=True)
    import nltk

    print(
        f"python {platform.python_version()}, nltk {nltk.__version__}, "
        f"{os.cpu_count()} cores, mode {args.mode}, best of {args.repeat}\n"
    )
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
