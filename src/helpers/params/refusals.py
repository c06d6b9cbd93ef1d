"""What a refused parameter, a malformed section map or unreadable data raises (each message is one line)."""

from __future__ import annotations


class ParameterError(ValueError):
    """A parameter value (or declaration) is not allowed. The message is one line: notebook, parameter, value,
    and what is allowed."""


class CollectionError(ValueError):
    """``collection.toml`` itself is malformed (the message names the file and the entry)."""


class DataFileError(ParameterError):
    """A data file the checks read (for the data's span or its known ids) cannot be used: the message names the
    file, the row where it can, and what is needed. A ``ParameterError``, so the build refuses it the same way,
    before any kernel starts."""
