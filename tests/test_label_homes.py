"""One home for the reader's word for a coded value (issue 19): ``data/labels.csv``, read through
``wording.label``. A dict in ``tables/`` or ``charts/`` that maps codes to their reader words is a second home that
drifts (08's own dict and labels.csv gave PAG two different names), so none may
exist; the check reads the source with ``ast`` as ``test_structure.py`` reads sizes."""

from __future__ import annotations

import ast
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELPERS = ROOT / "src" / "helpers"


#: The coded columns whose words must come from labels.csv alone: organisations, their kinds and statuses, the
#: kinds of paragraph tag.
CODED = ("org_id", "kind", "status", "tag_kind")


def _labels() -> dict[str, set[str]]:
    """Every coded value of ``CODED`` that labels.csv gives a word, with its words (English, lower case)."""
    out: dict[str, set[str]] = {}
    with open(ROOT / "data" / "labels.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["value"] != "*" and row["column"] in CODED:
                out.setdefault(row["value"], set()).add(row["label"].lower())
    return out


def second_homes(helpers: Path, labels: dict[str, set[str]]) -> list[str]:
    """``module:line`` of every dict literal in ``tables/`` and ``charts/`` whose keys are two or more coded
    values of labels.csv and which gives one of them a reader word: its label, or any text with a space in it."""
    found = []
    for path in sorted([*(helpers / "tables").glob("*.py"), *(helpers / "charts").glob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Dict):
                continue
            pairs = [(k.value, v.value) for k, v in zip(node.keys, node.values)
                     if isinstance(k, ast.Constant) and isinstance(k.value, str)
                     and isinstance(v, ast.Constant) and isinstance(v.value, str)]
            coded = [(k, v) for k, v in pairs if k in labels]
            if len(coded) >= 2 and any(v != k and (v.lower() in labels[k] or " " in v) for k, v in coded):
                found.append(f"{path.relative_to(helpers)}:{node.lineno}")
    return found


def test_no_table_or_chart_module_keeps_its_own_labels_for_coded_values():
    assert second_homes(HELPERS, _labels()) == [], "use wording.label (data/labels.csv) instead of these dicts"


def test_the_check_sees_a_copied_label_dict(tmp_path):
    (tmp_path / "tables").mkdir()
    (tmp_path / "charts").mkdir()
    (tmp_path / "tables" / "x.py").write_text(
        'ORG = {"PFP": "Partnership for Peace", "PAG": "NATO partners across the globe"}\n'
        'REGIONS = {"NATO": "north-atlantic", "SCO": "eurasia"}\n', encoding="utf-8")
    (tmp_path / "charts" / "y.py").write_text('KINDS = {"org": "organisation", "state": "state"}\n', encoding="utf-8")
    assert second_homes(tmp_path, _labels()) == ["charts/y.py:1", "tables/x.py:1"]


def test_organisations_and_statuses_read_as_labels_csv_words():
    from helpers import wording
    from helpers.tables import sco_states

    assert sco_states.org_word("PAG") == wording.label("PAG", "org_id") != "PAG"
    assert sco_states.status_word("participating_state") == "participating state"


#: The words for each kind of source (a reader word, not a second list): allowed beside the data package's list,
#: and checked to cover exactly its kinds.
KIND_WORDS_HOME = {("render/citations.py", "KIND_WORDS"), ("render/citations.py", "KIND_WORDS_AR")}


def kind_lists(roots: dict[str, Path], kinds: tuple[str, ...]) -> list[str]:
    """``file:line`` of every literal that lists the kinds of source again (three or more of them as the items of
    a tuple, list or set, or as the keys of a dict), outside :data:`KIND_WORDS_HOME`."""
    found = []
    for label, root in roots.items():
        for path in sorted(root.rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            tree = ast.parse(path.read_text(encoding="utf-8"))
            allowed = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Assign)
                       for t in n.targets if isinstance(t, ast.Name) and (rel, t.id) in KIND_WORDS_HOME}
            for node in ast.walk(tree):
                items = node.keys if isinstance(node, ast.Dict) else \
                    node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else []
                named = {k.value for k in items if isinstance(k, ast.Constant) and k.value in kinds}
                if len(named) >= 3 and id(node) not in allowed:
                    found.append(f"{label}/{rel}:{node.lineno}")
    return found


def test_the_kinds_of_source_have_one_home_the_data_package():
    from helpers.bibliography import source_kinds

    kinds = source_kinds()
    assert kinds[0] == "primary" and kinds[-1] == "copy"  # best first: the ranking reads this order
    roots = {"src/helpers": HELPERS, "scripts": ROOT / "scripts", "tests": ROOT / "tests"}
    assert kind_lists(roots, kinds) == [], "read the kinds with helpers.bibliography.source_kinds()"


def test_every_kind_of_source_has_its_reader_words_in_both_editions():
    from helpers.bibliography import source_kinds
    from helpers.render import citations

    assert set(citations.KIND_WORDS) == set(citations.KIND_WORDS_AR) == set(source_kinds())


def test_the_check_sees_a_second_list_of_kinds(tmp_path):
    (tmp_path / "a.py").write_text('KINDS = ("primary", "official", "news")\nONE = ("copy",)\n', encoding="utf-8")
    (tmp_path / "b.py").write_text('RANK = {"primary": 0, "reference": 2, "copy": 4}\n', encoding="utf-8")
    from helpers.bibliography import source_kinds

    assert kind_lists({"x": tmp_path}, source_kinds()) == ["x/a.py:1", "x/b.py:1"]
