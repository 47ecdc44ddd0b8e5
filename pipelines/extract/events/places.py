"""Country codes (ISO 3166-1 alpha-3) for place names: pycountry plus `plover/places.tsv` (short names, cities)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PLACES_PATH = Path(__file__).resolve().parent.parent / "plover" / "places.tsv"


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in PLACES_PATH.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, code = line.split("\t")
            table[name.strip().lower()] = code.strip()
    return table


@lru_cache(maxsize=4096)
def country_code(name: str | None) -> str | None:
    """alpha-3 code of a country or a listed city named `name`, or None."""
    if not name:
        return None
    n = " ".join(name.replace("’", "'").split()).strip(" .,")
    for prefix in ("the ", "The "):
        if n.startswith(prefix):
            n = n[len(prefix):]
    if n.endswith("'s"):
        n = n[:-2]
    if not n:
        return None
    hit = _places().get(n.lower())
    if hit:
        return hit
    import pycountry

    try:
        return pycountry.countries.lookup(n).alpha_3
    except LookupError:
        pass
    for c in pycountry.countries:
        if getattr(c, "common_name", "").lower() == n.lower():
            return c.alpha_3
    return None
