"""How to cite the collection, read from the one place each fact lives: the version from ``pyproject.toml``, the
title, authors, release date and licences from ``CITATION.cff``, the data's licence from ``data/datapackage.json``.
``tests/test_citation.py`` checks that ``CITATION.cff`` and the data package state the same version."""

from __future__ import annotations

import json
import tomllib

from helpers import paths


def version() -> str:
    """The collection's version: ``[project] version`` in ``pyproject.toml`` ("" when it cannot be read)."""
    try:
        with (paths.ROOT / "pyproject.toml").open("rb") as fh:
            return str(tomllib.load(fh).get("project", {}).get("version") or "")
    except (OSError, tomllib.TOMLDecodeError):
        return ""


def cff() -> dict:
    """``CITATION.cff`` as parsed YAML ({} when it is missing or unreadable)."""
    import yaml

    try:
        data = yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _data_licence() -> dict:
    try:
        pkg = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    first = (pkg.get("licenses") or [{}])[0]
    return first if isinstance(first, dict) else {}


def _bibtex(authors: list[str], title: str, year: str, number: str, licence: str) -> str:
    key = "neutralizing-nato-notebooks" + (f"-{year}" if year else "")
    fields = [("author", " and ".join("{" + a + "}" for a in authors)), ("title", "{" + title + "}"),
              ("year", year), ("version", number), ("note", licence)]
    body = ",\n".join(f"  {name:<7} = {{{value}}}" for name, value in fields if value)
    return f"@software{{{key},\n{body}\n}}"


def about() -> dict[str, str]:
    """What every page's About block and the index's footer say: ``version``, ``citation`` (one line),
    ``bibtex``, ``code_licence`` (the first licence of ``CITATION.cff``, which covers the code), ``data_licence``
    and ``data_licence_url`` (the data package's, which covers the prose and the data, as ``LICENSE`` says) and
    ``licence`` (the whole line in English). Read afresh on each call: a live preview sees a new version."""
    meta = cff()
    number = version()
    authors = [str(a.get("name") or " ".join(p for p in (a.get("given-names"), a.get("family-names")) if p))
               for a in meta.get("authors") or [] if isinstance(a, dict)]
    title = str(meta.get("title") or "")
    year = str(meta.get("date-released") or "")[:4]
    licences = meta.get("license") or []
    licences = [licences] if isinstance(licences, str) else [str(x) for x in licences]
    data = _data_licence()
    code_licence = licences[0] if licences else ""
    data_licence = str(data.get("title") or data.get("name") or "")
    licence = "; ".join(p for p in (f"Code: {code_licence} licence" if code_licence else "",
                                    f"prose and data: {data_licence}" if data_licence else "") if p)
    citation = ". ".join(p for p in (f"{', '.join(authors)} ({year})" if authors else "", title,
                                       f"Version {number}" if number else "") if p) + "." if title else ""
    return {"version": number, "citation": citation, "licence": f"{licence}." if licence else "",
            "code_licence": code_licence, "data_licence": data_licence,
            "data_licence_url": str(data.get("path") or ""),
            "bibtex": _bibtex(authors, title, year, number, licence) if title else ""}
