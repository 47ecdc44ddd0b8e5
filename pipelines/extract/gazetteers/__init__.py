"""Lists of places, nationalities, institutions, titles and keywords the entity rules rely on.

Data lives in the tab-separated files beside this module (lines starting with `#` are comments);
countries come from pycountry plus `country_aliases.tsv`. Everything is loaded once per process.
None of these lists names a person.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append([c.strip() for c in line.split("\t")])
    return out


def fold(text: str) -> str:
    """Accent- and case-insensitive lookup key ("Côte d'Ivoire" -> "cote d'ivoire")."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Folded country name -> ISO alpha-3 (ISO short, common and official names, plus aliases)."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            val = getattr(c, attr, None)
            if val:
                out[fold(val)] = c.alpha_3
                if "," in val:  # "Korea, Republic of" is never written so in prose
                    out.pop(fold(val))
    for name, code in _rows("country_aliases.tsv"):
        out[fold(name)] = code
    return out


@lru_cache(maxsize=1)
def cities() -> dict[str, str]:
    """Folded capital / large city -> ISO alpha-3 of its country."""
    return {fold(name): code for name, code in _rows("capitals.tsv")}


@lru_cache(maxsize=1)
def regions() -> set[str]:
    return {fold(r[0]) for r in _rows("regions.txt")}


@lru_cache(maxsize=1)
def subdivisions() -> dict[str, str]:
    """Folded first-level subdivision (state, province, county, ...) -> ISO alpha-3 of the country."""
    import pycountry

    out: dict[str, str] = {}
    for s in pycountry.subdivisions:
        name = s.name.split("[")[0].split(",")[0].strip()
        if len(name) > 2:
            code = pycountry.countries.get(alpha_2=s.country_code)
            out.setdefault(fold(name), code.alpha_3 if code else "")
    return out


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym (singular and plural) -> ISO alpha-3, as the entity rules use it (rows marked
    `roles` in the third column are left out: they were added for role bodies, see `all_demonyms`)."""
    return _demonyms(with_roles_only=False)


@lru_cache(maxsize=1)
def all_demonyms() -> dict[str, str]:
    """Every demonym of `demonyms.tsv`, including the rows marked `roles` (the role extractor's bodies)."""
    return _demonyms(with_roles_only=True)


def _demonyms(with_roles_only: bool) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in _rows("demonyms.tsv"):
        name, code = row[0], row[1]
        if len(row) > 2 and row[2] == "roles" and not with_roles_only:
            continue
        out[fold(name)] = code
        if not name.endswith(("ese", "ish", "ch", "s", "i", "ss")):
            out.setdefault(fold(name) + "s", code)
        elif name.endswith("i"):
            out.setdefault(fold(name) + "s", code)
    return out


def place_country(name: str) -> str | None:
    """ISO alpha-3 for a country, capital/city or demonym name, else None."""
    key = fold(name)
    return countries().get(key) or cities().get(key) or demonyms().get(key)


@dataclass(frozen=True)
class KnownOrg:
    name: str
    acronym: str | None
    org_type: str
    country_code: str | None
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def known_orgs() -> dict[str, KnownOrg]:
    """Folded name, acronym or alias -> the body it names."""
    out: dict[str, KnownOrg] = {}
    for row in _rows("organizations.tsv"):
        row = row + [""] * (5 - len(row))
        name, acronym, org_type, country, extra = row[:5]
        aliases = tuple(a for a in extra.split("|") if a)
        org = KnownOrg(name, acronym or None, org_type, country or None, aliases)
        for n in (name, acronym, *aliases):
            if n:
                out.setdefault(fold(n), org)
    return out


@lru_cache(maxsize=1)
def org_keywords() -> list[tuple[str, str]]:
    """(keyword, org_type) in priority order."""
    return [(k, t) for k, t in _rows("org_keywords.tsv")]


@lru_cache(maxsize=1)
def titles() -> set[str]:
    return {fold(r[0]) for r in _rows("titles.txt")}


@lru_cache(maxsize=1)
def portfolios() -> set[str]:
    return {fold(r[0]) for r in _rows("portfolios.txt")}


@lru_cache(maxsize=1)
def sports_words() -> set[str]:
    return {fold(r[0]) for r in _rows("sports.txt")}
