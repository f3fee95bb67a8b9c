"""The folder listing is the architecture: each stage imports only the stages before it.

The rules live in each package's ``__init__`` docstring; this test reads every module's imports
with ``ast`` (module-level and lazy ones alike) and fails on a forbidden edge, on any cycle, and on
a module that re-exports names it does not use.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import jetx_diag

PACKAGE = Path(jetx_diag.__file__).parent

#: The stages in data-flow order; the base is the package's own top-level modules.
STAGES = (
    "base",
    "i18n",
    "history",
    "artifacts",
    "inputs",
    "predictions",
    "scoring",
    "skill",
    "training",
    "evaluation",
    "compare",
    "report",
    "demo",
    "cli",
)
#: Stages a stage may import besides the base and itself, when it is not "every earlier one".
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "i18n": set(),
    "history": {"i18n"},
    "artifacts": {"i18n"},
    "scoring": {"i18n"},
    "skill": {"i18n", "scoring"},
    "training": {"i18n", "artifacts", "scoring"},
    "compare": {"i18n", "scoring", "skill", "evaluation"},
    "report": {"i18n", "scoring", "skill", "training", "evaluation", "compare"},
}
#: Modules at the top of the package that start a program rather than sit in the base.
ENTRY_POINTS = {"jetx_diag.__main__"}
#: The one upward edge, taken only inside a method when Jupyter asks a record to show itself
#: (``_repr_html_``, ``to_frame``): the notebook display of a record is the report's summary.
DISPLAY_EDGES = {
    ("jetx_diag.evaluation.record", "jetx_diag.report.notebook"),
    ("jetx_diag.compare.ranking", "jetx_diag.report.notebook"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def stage_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 2 and parts[1] not in STAGES:
        return "predictions" if parts[1] == "predictions" else "base"
    return parts[1] if len(parts) > 1 else "base"


def modules() -> dict[str, ast.Module]:
    return {module_name(p): ast.parse(p.read_text("utf-8")) for p in PACKAGE.rglob("*.py")}


def imported(tree: ast.Module, known: set[str]) -> Iterator[str]:
    """Every jetx_diag module a module imports, at any depth of its code."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("jetx_diag"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if not node.module.startswith("jetx_diag"):
                continue
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                yield sub if sub in known else node.module


def graph() -> dict[str, set[str]]:
    trees = modules()
    known = set(trees)
    return {
        m: {t for t in imported(tree, known) if t != m and (m, t) not in DISPLAY_EDGES}
        for m, tree in trees.items()
    }


def allowed(source: str, target: str) -> bool:
    if target == "jetx_diag":  # the package itself: __version__ and the lazy public API
        return source in ENTRY_POINTS or stage_of(source) in (
            "evaluation",
            "compare",
            "report",
            "demo",
            "cli",
        )
    src, dst = stage_of(source), stage_of(target)
    if source in ENTRY_POINTS or src == dst or dst == "base":
        return True
    if src in ALLOWED:
        return dst in ALLOWED[src]
    return STAGES.index(dst) < STAGES.index(src)


def test_every_import_goes_to_an_earlier_stage() -> None:
    forbidden = sorted(
        f"{source} -> {target}"
        for source, targets in graph().items()
        for target in targets
        if not allowed(source, target)
    )
    assert not forbidden, "\n".join(forbidden)


def test_no_import_cycles() -> None:
    edges = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in edges:
                continue
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_nothing_but_the_command_line_imports_cli_or_demo() -> None:
    offenders = sorted(
        f"{source} -> {target}"
        for source, targets in graph().items()
        for target in targets
        if stage_of(target) in ("cli", "demo")
        and stage_of(source) not in ("cli", stage_of(target))
        and source not in ENTRY_POINTS
    )
    assert not offenders, "\n".join(offenders)


def test_no_module_re_exports_names_it_does_not_use() -> None:
    """A name imported from jetx_diag must be used by the importing module itself."""
    shims = []
    for module, tree in modules().items():
        names = set()
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("jetx_diag"):
                names |= {a.asname or a.name for a in node.names}
        body = [
            n
            for n in tree.body
            if not isinstance(n, ast.ImportFrom | ast.Import)
            and not (
                isinstance(n, ast.Assign)
                and any(getattr(t, "id", "") == "__all__" for t in n.targets)
            )
        ]
        used = {n.id for b in body for n in ast.walk(b) if isinstance(n, ast.Name)}
        used |= {
            n.value.id
            for b in body
            for n in ast.walk(b)
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
        }
        strings = " ".join(
            n.value
            for b in body
            for n in ast.walk(b)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
        )
        unused = sorted(n for n in names - used if n not in strings)
        if unused:
            shims.append(f"{module}: {', '.join(unused)}")
    assert not shims, "\n".join(shims)


def test_every_package_states_its_import_rules() -> None:
    missing = [
        module_name(init)
        for init in PACKAGE.rglob("__init__.py")
        if init.parent != PACKAGE
        and "Import rules:" not in (ast.get_docstring(ast.parse(init.read_text("utf-8"))) or "")
    ]
    assert not missing, missing


def test_package_inits_hold_no_code() -> None:
    """A package's __init__ is its docstring: importing a stage never drags in its modules."""
    busy = [
        module_name(init)
        for init in PACKAGE.rglob("__init__.py")
        if init.parent != PACKAGE and len(ast.parse(init.read_text("utf-8")).body) > 1
    ]
    assert not busy, busy
