"""``python -m helpers.load.rules``: regenerate the list of rules in ``data/README.md`` from the registry."""

from helpers.load.rules import write_readme

print("data/README.md: rule list " + ("updated" if write_readme() else "already up to date"))
