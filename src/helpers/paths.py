"""The one place that knows where things are.

Every path is derived from this file's location, never from the working directory, so notebooks run the same
from JupyterLab, from the repository root, from `papermill` started elsewhere, and in the build's workers.
The environment variable ``NATO_REPORTS_DIR`` may point the build at another output folder (used by tests).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT: Path = Path(__file__).resolve().parents[2]
DATA: Path = ROOT / "data"
NOTEBOOKS: Path = ROOT / "notebooks"
COLLECTION: Path = NOTEBOOKS / "collection.toml"
REPORTS: Path = Path(os.environ.get("NATO_REPORTS_DIR", ROOT / "reports")).resolve()
BUILD: Path = ROOT / "build"          # executed notebooks, kept for debugging (git-ignored)
CACHE: Path = ROOT / ".cache" / "build"  # build cache, outside reports/ (git-ignored)
DATAPACKAGE: Path = DATA / "datapackage.json"


def data_file(name: str) -> Path:
    """Path of a data table by its file name (``"memberships.csv"``) or resource name (``"memberships"``)."""
    file = name if name.endswith(".csv") else f"{name}.csv"
    return DATA / file
