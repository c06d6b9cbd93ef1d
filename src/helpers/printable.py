"""Characters a text may not hold, one rule for the data (:mod:`helpers.load.characters` reports them with file,
row and column) and for the section map (:mod:`helpers.params.specs`): control characters and line or paragraph
separators (they end a row in some readers, crash chart rendering in others and corrupt a terminal), characters
that hide text or mark text lost (byte-order mark, tag characters, U+FFFD), and bidirectional controls left open
(they reverse the text that follows the value on the page). A module of its own, importing nothing, so reading
the section map does not load the data loader."""

from __future__ import annotations

import unicodedata

#: Embeddings and overrides closed by PDF (U+202C); isolates closed by PDI (U+2069).
_OPEN_EMBED, _CLOSE_EMBED = "\u202a\u202b\u202d\u202e", "\u202c"
_OPEN_ISOLATE, _CLOSE_ISOLATE = "\u2066\u2067\u2068", "\u2069"
_ALLOWED_CONTROLS = "\n\r"  # a quoted value may run over lines
RULE_CONTROL = ("a value holds printable text only: no control characters (U+0000–U+001F, U+007F–U+009F other than "
                "a line break inside quotes) and no line or paragraph separators (U+2028, U+2029)")
RULE_INVISIBLE = ("a value holds no byte-order mark (U+FEFF), tag character (U+E0000–U+E007F) or replacement "
                  "character (U+FFFD): they hide text, or mark text lost in a conversion")
RULE_BIDI = ("a bidirectional control in a value is closed in the same value (U+202A–U+202E by U+202C, U+2066–U+2068 "
             "by U+2069), so it cannot reverse the text after it")


def _named(ch: str) -> str:
    return f"U+{ord(ch):04X}" + (f" ({unicodedata.name(ch)})" if unicodedata.name(ch, "") else "")


def _hidden(ch: str) -> bool:
    return ch in "\ufeff\ufffd" or "\U000e0000" <= ch <= "\U000e007f"


#: Letters and symbols that fonts draw as blanks: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the
#: blank Braille pattern (U+2800).
_BLANK_GLYPHS = "\u115f\u1160\u3164\uffa0\u2800"


def invisible(ch: str) -> bool:
    """A character that draws nothing in running text: a format character (U+200B–U+200F, U+2060–U+2064, U+180E,
    U+00AD …), the combining grapheme joiner (U+034F), a variation selector, or a letter drawn as a blank
    (:data:`_BLANK_GLYPHS`). Two texts that differ only by these read the same."""
    return (unicodedata.category(ch) == "Cf" or ch == "\u034f" or "\ufe00" <= ch <= "\ufe0f"
            or "\U000e0100" <= ch <= "\U000e01ef" or ch in _BLANK_GLYPHS)


def shows_nothing(value: str) -> bool:
    """True when ``value`` is not empty but has no visible character (only spaces, zero-width or format characters
    such as U+200B, characters drawn as blanks such as U+3164 or U+2800, or combining marks with nothing to sit
    on): a name like that reaches the page as a blank."""
    return bool(value) and all(unicodedata.category(ch)[0] in "ZCM" or ch in _BLANK_GLYPHS for ch in value)


def bad_character(value: str, line_breaks: bool = True) -> tuple[str, str] | None:
    """``(what is wrong, the rule)`` for ``value``'s characters, or None. ``line_breaks=False`` for a one-line value
    (a parameter given on the command line): a line break is then a control character like the others."""
    allowed = _ALLOWED_CONTROLS if line_breaks else ""
    for pos, ch in enumerate(value, 1):
        cat = unicodedata.category(ch)
        if (cat == "Cc" and ch not in allowed) or cat in ("Zl", "Zp"):
            return f"character {_named(ch)} at position {pos} is a control character", RULE_CONTROL
        if _hidden(ch):
            return f"character {_named(ch)} at position {pos} is not allowed", RULE_INVISIBLE
    embeds: list[str] = []
    for ch in value:
        if ch in _OPEN_EMBED or ch in _OPEN_ISOLATE:
            embeds.append(ch)
        elif ch == _CLOSE_EMBED or ch == _CLOSE_ISOLATE:
            opener = _OPEN_EMBED if ch == _CLOSE_EMBED else _OPEN_ISOLATE
            if not embeds or embeds[-1] not in opener:
                return f"{_named(ch)} closes nothing", RULE_BIDI
            embeds.pop()
    if embeds:
        return f"{_named(embeds[-1])} is never closed", RULE_BIDI
    return None


def look_alikes(text: str) -> str:
    """`` (character 1 is U+0406 CYRILLIC CAPITAL LETTER …, not ASCII)`` for the characters outside ASCII in
    ``text`` (at most three), so a Cyrillic letter or a typographic hyphen (U+2010) that looks like the ASCII one
    shows as different; ``""`` when every character is ASCII or a decimal digit (٢ and ２ are read as 2)."""
    odd = [(i, c) for i, c in enumerate(text, 1) if not c.isascii() and not c.isdecimal()]
    if not odd:
        return ""
    named = "; ".join(f"character {i} is U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for i, c in odd[:3])
    more = f" and {len(odd) - 3} more" if len(odd) > 3 else ""
    return f" ({named}{more}, not ASCII)"
