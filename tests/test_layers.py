"""The import layers of ``src/helpers`` (issue 19), read from the source with ``ast`` as ``test_structure.py``
reads sizes: no import cycle between modules (lazy imports inside functions count: they hide a cycle, they do not
remove it), and no module reaching into a layer above its own. CONTRIBUTING's "Architecture" section names the
layers."""

from __future__ import annotations

import ast
from pathlib import Path

HELPERS = Path(__file__).resolve().parents[1] / "src" / "helpers"

#: Layer → the top-level parts of ``helpers`` it must never import.
FORBIDDEN = {
    # frames and charts take data as arguments: the notebook loads it; they never display, render or build
    "tables": {"load", "params", "present", "render", "pipeline", "bibliography"},
    "charts": {"load", "params", "present", "render", "pipeline", "bibliography"},
    # the foundations know nothing of what is built on them
    **{base: {"tables", "charts", "present", "render", "pipeline", "bibliography"}
       for base in ("paths", "cache", "models", "section_map", "load", "params", "membership", "limits",
                    "coded_scales", "wording", "data_text", "printable")},
    # the loader owns the data's facts (its text, its date window): it never asks the parameter checks
    "load": {"tables", "charts", "present", "render", "pipeline", "bibliography", "params"},
    # the renderer turns an executed notebook into a page; the build calls it, never the other way round
    "render": {"pipeline"},
}


def _name(path: Path) -> str:
    parts = list(path.relative_to(HELPERS.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """``{module: the helpers modules it imports}`` (a name imported from a package counts as its submodule when
    there is one)."""
    paths = {_name(p): p for p in HELPERS.rglob("*.py") if "__pycache__" not in p.parts}

    def owner(name: str) -> str | None:
        while name and name not in paths:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for mod, path in paths.items():
        package = mod.split(".") if path.name == "__init__.py" else mod.split(".")[:-1]
        found: set[str | None] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {owner(a.name) for a in node.names if a.name.startswith("helpers")}
            elif isinstance(node, ast.ImportFrom):
                base = ".".join(package[:len(package) - node.level + 1] + [node.module or ""]).strip(".") \
                    if node.level else node.module or ""
                if base.startswith("helpers"):
                    found |= {owner(f"{base}.{a.name}") for a in node.names}
        graph[mod] = {m for m in found if m and m != mod}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _part(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def test_the_helpers_import_graph_has_no_cycle():
    assert not _cycles(_graph()), f"import cycles in src/helpers: {_cycles(_graph())}"


def test_no_module_imports_a_layer_above_its_own():
    wrong = sorted(f"{mod} imports {dep}" for mod, deps in _graph().items() for dep in deps
                   if _part(dep) in FORBIDDEN.get(_part(mod), set()))
    assert not wrong, "layer violations (see CONTRIBUTING, Architecture):\n" + "\n".join(wrong)


#: The foundations a frame or chart may reach the loader through, lazily, and why: the two readers of words.
GATEWAYS = {
    "helpers.wording": "the reader's words for coded values: labels.csv and the data's own label columns",
    "helpers.i18n": "the Arabic edition's words: the catalogs and data/prose_ar.csv",
}


def _reached(graph: dict[str, set[str]], module: str, forbidden: set[str]) -> list[str]:
    """Each chain of imports (``a > b > c``) from ``module`` to a forbidden part that passes through no gateway:
    a frame that calls a helper that loads data depends on the data folder as if it loaded it itself."""
    found, seen, stack = [], {module}, [[module]]
    while stack:
        chain = stack.pop()
        for dep in sorted(graph.get(chain[-1], ())):
            if dep in seen or dep in GATEWAYS:
                continue
            seen.add(dep)
            (found if _part(dep) in forbidden else stack).append(chain + [dep])
    return sorted(" > ".join(c) for c in found)


def test_frames_and_charts_reach_the_loader_only_through_the_readers_of_words():
    """What ``tables/`` and ``charts/`` may not import directly they may not import through another module either,
    save through ``GATEWAYS`` (CONTRIBUTING, Layers): ``wording.label`` reads the label files, so a frame that
    asks it for a word reads ``data/``; no other path does."""
    graph = _graph()
    wrong = [c for mod in sorted(graph) if _part(mod) in ("tables", "charts")
             for c in _reached(graph, mod, FORBIDDEN[_part(mod)])]
    assert not wrong, "frames or charts reaching a layer above through another module:\n" + "\n".join(wrong)


def test_the_transitive_check_sees_a_load_behind_a_helper():
    graph = {"helpers.tables.x": {"helpers.membership"}, "helpers.membership": {"helpers.load.readers"},
             "helpers.tables.y": {"helpers.wording"}, "helpers.wording": {"helpers.load"}}
    assert _reached(graph, "helpers.tables.x", FORBIDDEN["tables"]) == [
        "helpers.tables.x > helpers.membership > helpers.load.readers"]
    assert _reached(graph, "helpers.tables.y", FORBIDDEN["tables"]) == []  # a gateway
    assert "helpers.load" in _graph()["helpers.wording"]  # the lazy import the gateway stands for is seen


def test_the_checker_sees_a_cycle_and_a_violation():
    """The two checks above would catch what they are for: a two-module cycle, a table that loads its data."""
    assert _cycles({"helpers.a": {"helpers.b"}, "helpers.b": {"helpers.a"}}) == [["helpers.a", "helpers.b"]]
    graph = _graph()
    assert "helpers.load" in graph and "helpers.tables.geo" in graph  # the names the rules speak of exist
    assert "helpers.membership" in graph["helpers.tables.geo"]  # a lazy or top-level import is seen


def test_frames_and_charts_read_no_environment_variable():
    """``paths`` is the one place that reads the ``NATO_*`` variables (CONTRIBUTING's layout table): a frame or a
    chart whose output followed ``os.environ`` (``tables/geo_memo`` read ``NATO_LANG`` so) would depend on state
    its arguments do not show. Neither ``os.environ`` nor ``os.getenv`` appears in ``tables/`` or ``charts/``."""
    found = []
    for layer in ("tables", "charts"):
        for path in sorted((HELPERS / layer).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
                if name in ("environ", "getenv", "putenv", "unsetenv"):
                    found.append(f"{layer}/{path.name}:{node.lineno} {name}")
    assert not found, f"environment read outside paths: {found}"



def _gives_text(annotation: ast.expr | None) -> bool:
    """Whether a return annotation is text: ``str``, or a ``list``/``tuple`` holding ``str``."""
    if isinstance(annotation, ast.Name):
        return annotation.id == "str"
    if isinstance(annotation, ast.Subscript) and ast.unparse(annotation.value) in ("list", "tuple"):
        inner = annotation.slice.elts if isinstance(annotation.slice, ast.Tuple) else [annotation.slice]
        return any(_gives_text(e) for e in inner)
    return False


def _sentence_builders(source: str) -> list[str]:
    """The public functions of a module that return text and hold a phrase of four words or more (outside their
    docstring and any ``raise``): reader sentences, which belong in a ``*_words`` module."""
    found = []
    for fn in ast.parse(source).body:
        if not isinstance(fn, ast.FunctionDef) or fn.name.startswith("_") or not _gives_text(fn.returns):
            continue
        doc = fn.body[0].value if isinstance(fn.body[0], ast.Expr) else None
        raised = {id(n) for r in ast.walk(fn) if isinstance(r, ast.Raise) for n in ast.walk(r)}
        if any(isinstance(n, ast.Constant) and isinstance(n.value, str) and n is not doc and id(n) not in raised
               and len(n.value.split()) >= 4 for n in ast.walk(fn)):
            found.append(fn.name)
    return found


def test_frame_modules_build_no_reader_sentence():
    """CONTRIBUTING (Layout, ``tables/``): frames in one module, the reader sentences built from them in its
    ``*_words`` module beside it. ``alignment_denominators``, ``translation`` and ``euroatlantic`` built titles and
    findings among their frames; a frame module (any ``tables/`` module not named ``*_words`` or ``*_view``) now
    returns no text that holds a phrase — the names of codes and ids are words, not sentences."""
    wrong = [f"tables/{p.name}: {name}" for p in sorted((HELPERS / "tables").glob("*.py"))
             if not p.stem.endswith(("_words", "_view"))
             for name in _sentence_builders(p.read_text(encoding="utf-8"))]
    assert not wrong, "reader sentences built in frame modules (move them to the area's *_words module):\n" + \
        "\n".join(wrong)


def _is_header(value: object) -> bool:
    """A reader's header: text that starts with a capital and holds a lower-case letter ("Claim", "The Arabic (our
    paraphrase)"); a code (``claim_id``, ``P10``, ``NATO``) is not one."""
    return isinstance(value, str) and value[:1].isupper() and any(c.islower() for c in value)


def _reader_headers(source: str) -> list[str]:
    """The reader headers and cells a module builds into a frame: the capitalised keys of a dict handed to
    ``DataFrame(...)`` or appended as a row, the capitalised names ``rename(columns=...)`` gives, and the words a
    ``map({True: ..., False: ...})`` turns a flag into ("yes", "not yet"). Such frames belong in a ``*_view``
    module (CONTRIBUTING's Layout); a frame module's columns are codes."""
    found = []
    for call in ast.walk(ast.parse(source)):
        if not isinstance(call, ast.Call):
            continue
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        args = [a for a in call.args if isinstance(a, ast.Dict)]
        if name in ("DataFrame", "append"):
            found += [k.value for d in args for k in d.keys if isinstance(k, ast.Constant) and _is_header(k.value)]
        if name == "rename":
            found += [v.value for kw in call.keywords if kw.arg == "columns" and isinstance(kw.value, ast.Dict)
                      for v in kw.value.values if isinstance(v, ast.Constant) and _is_header(v.value)]
        if name == "map":
            found += [v.value for d in args if d.keys and all(isinstance(k, ast.Constant) and isinstance(k.value, bool)
                                                              for k in d.keys)
                      for v in d.values if isinstance(v, ast.Constant) and isinstance(v.value, str) and v.value]
    return found


def test_frame_modules_build_no_reader_table():
    """CONTRIBUTING (Layout, ``tables/``): the tables a reader reads in words live in the area's ``*_view`` module.
    ``translation`` and ``claims`` built their reader tables ("The Arabic (our paraphrase)", "Later evidence" with
    "yes" and "not yet") among their frames, which the sentence check above does not see (they return a frame, not
    text); ``article`` built the lineage's. A frame module now builds no frame with reader headers or cells."""
    wrong = [f"tables/{p.name}: {', '.join(dict.fromkeys(found))}" for p in sorted((HELPERS / "tables").glob("*.py"))
             if not p.stem.endswith(("_words", "_view")) and (found := _reader_headers(p.read_text(encoding="utf-8")))]
    assert not wrong, "reader tables built in frame modules (move them to the area's *_view module):\n" + \
        "\n".join(wrong)


def test_the_reader_table_check_sees_headers_and_cells_not_codes():
    source = """
def view(d):
    rows = []
    rows.append({"Paragraph": "P1", "code": 1})
    out = pd.DataFrame({"Later evidence": d["later"].map({True: "yes", False: "not yet"}), "claim_id": d["id"]})
    return out.rename(columns={"voice": "Whose words", "a": "b"})
def frame(d):
    blocs = {"Russia": ["RUS"]}
    return pd.DataFrame({"claim_id": d["id"], "P10": 1, "NATO": 2}).rename(columns={"x": "paragraph"})
"""
    assert sorted(_reader_headers(source)) == sorted(["Paragraph", "Later evidence", "yes", "not yet", "Whose words"])


def test_the_sentence_check_sees_a_title_beside_a_frame():
    """The check above would catch what it is for: a frame returned with its title, a finding, a list of lines;
    not an id, an error message or a frame."""
    source = '''
def rows_and_title(df) -> tuple[pd.DataFrame, str]:
    return df, f"{len(df)} recorded steps on the track"
def finding(df) -> str:
    """A docstring of many words is not a sentence the function returns."""
    return f"{len(df)} of them hold ties on both sides"
def lines(df) -> list[str]:
    return ["The share is one in three"]
def short_name(code) -> str:
    if not code:
        raise ValueError("the code is empty; give one")
    return code.split("-")[0]
def frame(df) -> pd.DataFrame:
    return df.assign(note="every state between the poles")
'''
    assert _sentence_builders(source) == ["rows_and_title", "finding", "lines"]
