"""Repair mojibake and normalise Unicode and whitespace, keeping paragraph structure."""

from __future__ import annotations

import re
import unicodedata

import ftfy

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
# A UTF-8 no-break space read as cp1252 is "Â" + nbsp; when the nbsp was lost on the way, a lone "Â"
# is left at the end of a line or between words. "Â" is never a word on its own.
_STRAY_A_CIRCUMFLEX = re.compile(r"(?:(?<=\s)|(?<=^))Â(?=\s|$)|(?<=[a-z,.;:!?])Â(?=\s|$)", re.M)


def repair(text: str) -> str:
    """Fix mojibake ("â€™" -> "’"), normalise to NFC and unify line endings."""
    text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _STRAY_A_CIRCUMFLEX.sub("", text)
    return unicodedata.normalize("NFC", text)


def lines_of(text: str) -> list[str]:
    """Lines with inner whitespace collapsed and ends stripped; blank lines kept as ''."""
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


def join_paragraphs(paragraphs: list[str]) -> str:
    """One paragraph per block, separated by exactly one blank line."""
    return "\n\n".join(p for p in paragraphs if p)
