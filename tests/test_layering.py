"""The package's modules follow the data: a stage imports only from stages before it."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib import resources

import pytest

import claimtrack

#: Stages in data-flow order; each module may import only from modules listed before it.
ORDER = [
    "startup",
    "exceptions",
    "heap",
    "spans",
    "lexicon",
    "normalize",
    "places",
    "quantities",
    "articles",
    "sentences",
    "names",
    "attributions",
    "quotes",
    "speakers",
    "analysis",
    "claims",
    "statement_model",
    "claimtext",
    "minhash",
    "workers",
    "changes",
    "relations",
    "matching",
    "clusters",
    "blocking",
    "stories",
    "tracker",
    "store",
    "dask",
    "report",
    "document",
    "page",
    "cli",
]


#: The modules of the ``attributions`` package in data-flow order; each imports only
#: those before it (its ``__init__`` re-exports the public names).
ATTRIBUTIONS = [
    "values",
    "tokens",
    "quoting",
    "cues",
    "sentence",
    "phrases",
    "contents",
    "patterns",
    "extract",
]


def _imported(source: str) -> set[str]:
    """The ``claimtrack`` modules ``source`` imports, as dotted names below the package."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("claimtrack")
        ):
            found.add(node.module.partition(".")[2] or "__init__")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("claimtrack."):
                    found.add(alias.name.partition(".")[2])
    return found


def imports_of(module: str) -> set[str]:
    """The stages a module imports; for a package, what any of its files imports
    outside it."""
    path = resources.files("claimtrack").joinpath(module)
    if path.is_dir():
        sources = [f.read_text(encoding="utf-8") for f in path.iterdir() if f.name.endswith(".py")]
    else:
        sources = [resources.files("claimtrack").joinpath(f"{module}.py").read_text("utf-8")]
    stages = {name.split(".")[0] for source in sources for name in _imported(source)}
    return stages - {module}


@pytest.mark.parametrize("module", ORDER)
def test_imports_only_earlier_stages(module: str) -> None:
    """No module imports a later stage (the CLI may use the package's version)."""
    allowed = set(ORDER[: ORDER.index(module)])
    if module == "cli":
        allowed.add("__init__")
    assert imports_of(module) <= allowed


def test_attributions_package_is_every_module_in_order() -> None:
    """ATTRIBUTIONS lists every module of the package."""
    package = resources.files("claimtrack").joinpath("attributions")
    found = {f.name[:-3] for f in package.iterdir() if f.name.endswith(".py")}
    assert found == {*ATTRIBUTIONS, "__init__"}


@pytest.mark.parametrize("module", ATTRIBUTIONS)
def test_attributions_modules_import_only_earlier_ones(module: str) -> None:
    """Inside the package too, a module imports only the modules before it."""
    source = (
        resources.files("claimtrack").joinpath("attributions", f"{module}.py").read_text("utf-8")
    )
    inside = {n.split(".", 1)[1] for n in _imported(source) if n.startswith("attributions.")}
    assert inside <= set(ATTRIBUTIONS[: ATTRIBUTIONS.index(module)])
    outside = {n.split(".")[0] for n in _imported(source) if not n.startswith("attributions")}
    assert outside <= set(ORDER[: ORDER.index("attributions")])


def test_public_api_is_sorted_and_importable() -> None:
    """__all__ is sorted and every name in it exists."""
    assert list(claimtrack.__all__) == sorted(claimtrack.__all__)
    for name in claimtrack.__all__:
        assert hasattr(claimtrack, name)


def test_sentences_and_claims_start_without_the_later_stages() -> None:
    """The command line imports the linking stages, the store and the HTML page only
    for the commands that use them: ``sentences`` and ``claims`` start faster."""
    code = (
        "import sys, claimtrack.cli; "
        "print(sorted(m for m in sys.modules if m.startswith('claimtrack.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    for later in ("clusters", "matching", "tracker", "store", "document", "page"):
        assert f"'claimtrack.{later}'" not in loaded


def test_core_never_imports_dask() -> None:
    """Importing claimtrack, its command line and its store loads no Dask: only
    claimtrack.dask uses it, and only when called."""
    code = (
        "import sys, claimtrack, claimtrack.cli, claimtrack.store, claimtrack.dask\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"
