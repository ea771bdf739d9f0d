"""The package's layers, as its folders show them, and the direction of its imports.

strategy_site/ has five layers, each a folder, each importing only from itself and the layers below:

    reading     the data files into located values, their problems, reading values of unknown shape
    structure   the model of the strategy, the one table of pages and items, the addresses
    rendering   the site's words, formats, escaping, templates, chart, exports, provenance, CSP
    checking    every rule the data must meet (it knows the pages and the chart it protects)
    publishing  the pipeline, the MkDocs plugin, the command line, the build's safety, search, serving

No module imports the package's own modules inside a function (such an import hides a circle),
there is no circle at module level, and no name starting with '_' is imported from another module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "scripts" / "strategy_site"
LAYERS = ("reading", "structure", "rendering", "checking", "publishing")
NAME = "strategy_site"


def _module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, package: Path) -> list[tuple[str, list[str], int, bool]]:
    """(module imported, names imported, line, at module level) for each import of the package's own
    modules in a file; imports under `if TYPE_CHECKING:` are left out (they never run)."""
    tree = ast.parse(path.read_text("utf-8"))
    here = _module_name(path, package).split(".") if path.is_relative_to(package) else []
    is_package = path.name == "__init__.py"
    found = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.ImportFrom):
                if child.level:
                    base = here[: len(here) - child.level + (1 if is_package else 0)]
                    module = ".".join(base + ([child.module] if child.module else []))
                else:
                    module = child.module or ""
                if module.split(".")[0] == NAME:
                    names = [a.name for a in child.names]
                    for name in names:  # `from strategy_site.x import y` may import the module x.y
                        sub = f"{module}.{name}"
                        target = (
                            sub
                            if (package.parent / Path(*sub.split("."))).exists()
                            or (package.parent / Path(*sub.split("."))).with_suffix(".py").exists()
                            else module
                        )
                        found.append((target, [name], child.lineno, top))
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.split(".")[0] == NAME:
                        found.append((alias.name, [], child.lineno, top))
            inner = top and not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef))
            visit(child, inner)

    visit(tree, True)
    return found


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else len(LAYERS)


def layering_problems(package: Path) -> list[str]:
    """Every breach of the rules above in the package folder, as 'file:line: what'."""
    problems = []
    graph: dict[str, set[str]] = {}
    files = sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)
    for path in files:
        module = _module_name(path, package)
        shown = path.relative_to(package.parent)
        graph.setdefault(module, set())
        parts = module.split(".")
        if len(parts) > 1 and parts[1] not in LAYERS and path.name not in ("__init__.py", "__main__.py"):
            problems.append(f"{shown}: a module outside the layers' folders {LAYERS}")
        for target, names, line, top in _imports(path, package):
            if not top:
                problems.append(f"{shown}:{line}: imports {target} inside a function or class")
                continue
            if _layer(target) > _layer(module):
                problems.append(f"{shown}:{line}: imports {target}, a layer above its own")
            private = [n for n in names if n.startswith("_")]
            if private:
                problems.append(f"{shown}:{line}: imports the private name(s) {private} from {target}")
            if target != module:
                graph[module].add(target)
    # a circle at module level: depth-first search for an edge back to a module on the path
    state: dict[str, int] = {}

    def walk(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                problems.append("a circle of imports: " + " -> ".join([*path[path.index(nxt) :], nxt]))
            elif nxt not in state:
                walk(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            walk(node, [node])
    return problems


def test_the_package_keeps_its_layers() -> None:
    assert layering_problems(PACKAGE) == []
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(LAYERS)


def test_no_private_helper_is_imported_by_the_tests() -> None:
    found = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        for target, names, line, _ in _imports(path, PACKAGE):
            if any(n.startswith("_") for n in names):
                found.append(f"{path.name}:{line}: {names} from {target}")
        text = path.read_text("utf-8")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                base = ast.unparse(node.value)
                if base in {m.stem for m in PACKAGE.rglob("*.py")}:
                    found.append(f"{path.name}:{node.lineno}: {base}.{node.attr}")
    assert found == []


def _package(tmp_path: Path, modules: dict[str, str]) -> Path:
    package = tmp_path / NAME
    for name, text in modules.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    for layer in LAYERS:
        (package / layer).mkdir(exist_ok=True)
        (package / layer / "__init__.py").touch()
    (package / "__init__.py").touch()
    return package


@pytest.mark.parametrize(
    ("modules", "expected"),
    [
        ({"reading/load.py": "from strategy_site.rendering import ui\n", "rendering/ui.py": ""}, "a layer above"),
        ({"reading/load.py": "from ..rendering import ui\n", "rendering/ui.py": ""}, "a layer above"),
        ({"reading/a.py": "from strategy_site.reading import b\n", "reading/b.py": "from . import a\n"}, "a circle"),
        (
            {"reading/a.py": "def f():\n    from strategy_site.reading import b\n", "reading/b.py": ""},
            "inside a function",
        ),
        ({"rendering/a.py": "from strategy_site.reading.b import _helper\n", "reading/b.py": ""}, "private"),
        ({"helpers.py": "", "reading/a.py": ""}, "outside the layers"),
    ],
)
def test_the_layer_check_catches_each_breach(tmp_path: Path, modules: dict[str, str], expected: str) -> None:
    """The check itself fails on an upward import, a circle, an import in a function, a private name
    and a module outside the layers' folders (each in a small package made for the test)."""
    problems = layering_problems(_package(tmp_path, modules))
    assert any(expected in p for p in problems), problems


def test_the_layer_check_passes_a_clean_package(tmp_path: Path) -> None:
    modules = {"reading/a.py": "", "rendering/b.py": "from strategy_site.reading import a\nfrom ..reading.a import x\n"}
    assert layering_problems(_package(tmp_path, modules)) == []


def test_a_module_in_a_subfolder_is_seen_by_the_preview_and_the_id_scan(tmp_path: Path) -> None:
    """The preview's fingerprint (what makes it render again) and the scan for ids the site's own
    pages use both read every folder of the package, however deep."""
    from strategy_site.checking import ids
    from strategy_site.publishing import pipeline

    package = _package(tmp_path, {"rendering/deep/er/widget.py": "MARKUP = '<p id=\"zz-made-here\">'\n"})
    assert "zz-made-here" in ids.reserved_ids(package)[0]
    before = pipeline.fingerprint(tmp_path, package)
    (package / "rendering" / "deep" / "er" / "widget.py").write_text("MARKUP = '<p id=\"zz-made-there\">'\n")
    assert pipeline.fingerprint(tmp_path, package) != before
