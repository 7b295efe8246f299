"""Whether two names can belong to the same person, for merging imported contacts.

A shared phone number or e-mail address alone never makes two cards one person: a family shares
a landline, colleagues share a switchboard and an office address. The names must be compatible
too: after folding case and accents (Zoe / Zoë), dropping titles and punctuation, and reading
``Family, Given`` the other way round, every word of the shorter name must stand for a different
word of the longer one: the same word, an initial (``J.`` for John), or a known short form from
the small table below (Jon / Jonathan, Bill / William). Pure: no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "sir",
        "dame",
        "rev",
        "jr",
        "sr",
        "ii",
        "iii",
        "iv",
        "phd",
        "md",
        "esq",
        "herr",
        "frau",
    }
)

# Short forms and nicknames: each line is one group of names that may stand for each other.
# A word may appear in several groups ("jon" is short for John and for Jonathan).
_GROUPS: tuple[tuple[str, ...], ...] = (
    ("jonathan", "jon", "jonny", "johnny", "nathan"),
    ("john", "jon", "johnny", "jack", "johann", "johannes", "hans", "jan", "juan", "giovanni"),
    ("william", "bill", "billy", "will", "willy", "liam", "wilhelm", "willi"),
    ("robert", "rob", "robbie", "bob", "bobby", "bert", "roberto"),
    ("richard", "rick", "ricky", "dick", "rich", "richie"),
    ("james", "jim", "jimmy", "jamie"),
    ("thomas", "tom", "tommy", "tomas", "thom"),
    ("michael", "mike", "mikey", "mick", "micha", "michel", "miguel"),
    ("christopher", "chris", "kit", "topher", "christoph"),
    ("christine", "chris", "christina", "tina", "kristina", "kristin"),
    ("alexander", "alex", "alec", "sasha", "sandy", "alexandre", "alejandro"),
    ("alexandra", "alex", "sasha", "sandra", "lexi"),
    ("elizabeth", "liz", "lizzie", "beth", "betty", "eliza", "lisa", "elisabeth", "bettina"),
    ("katherine", "kate", "katie", "kathy", "kat", "catherine", "kathryn", "katharina", "katrin"),
    ("margaret", "maggie", "meg", "peggy", "greta", "margarete", "marge"),
    ("jennifer", "jen", "jenny"),
    ("rebecca", "becky", "becca"),
    ("samantha", "sam", "sammy"),
    ("samuel", "sam", "sammy"),
    ("daniel", "dan", "danny"),
    ("david", "dave", "davy"),
    ("edward", "ed", "eddie", "ted", "ned"),
    ("benjamin", "ben", "benny"),
    ("joseph", "joe", "joey", "jose", "josef", "sepp"),
    ("josephine", "jo", "josie"),
    ("anthony", "tony", "antonio", "anton"),
    ("andrew", "andy", "drew", "andreas", "andre"),
    ("matthew", "matt", "matty", "matthias", "mathias"),
    ("nicholas", "nick", "nicky", "nico", "nikolaus", "klaus"),
    ("patrick", "pat", "paddy"),
    ("patricia", "pat", "patty", "trish"),
    ("peter", "pete", "pedro", "pierre"),
    ("stephen", "steve", "steven", "stefan", "stephan"),
    ("susan", "sue", "susie", "suzanne", "susanne"),
    ("theodore", "theo", "ted", "teddy"),
    ("timothy", "tim", "timmy"),
    ("victoria", "vicky", "tori"),
    ("zoe", "zoey"),
    ("gregory", "greg"),
    ("charles", "charlie", "chuck", "karl", "carl"),
    ("henry", "harry", "hank", "heinrich", "heinz"),
    ("frederick", "fred", "freddie", "friedrich", "fritz"),
    ("francis", "frank", "franz", "francesco", "francisco", "paco"),
    ("lawrence", "larry", "laurie", "lorenz"),
    ("deborah", "debbie", "deb"),
    ("dorothy", "dot", "dottie", "dora"),
    ("eleanor", "ellie", "nell", "nora", "elly"),
    ("abigail", "abby", "abi"),
    ("amanda", "mandy"),
    ("jessica", "jess", "jessie"),
    ("kimberly", "kim"),
    ("leonard", "leo", "len", "lenny"),
    ("ronald", "ron", "ronnie"),
    ("donald", "don", "donnie"),
    ("raymond", "ray"),
    ("philip", "phil", "philipp"),
    ("gabriel", "gabe"),
    ("gabrielle", "gabi", "gaby", "gabriele"),
    ("isabella", "bella", "izzy", "isabel", "isabelle"),
    ("olivia", "liv", "livvy"),
    ("maria", "mary", "marie", "mia", "mimi"),
    ("wolfgang", "wolf"),
)


def _build_index() -> dict[str, frozenset[int]]:
    index: dict[str, set[int]] = {}
    for number, group in enumerate(_GROUPS):
        for name in group:
            index.setdefault(name, set()).add(number)
    return {name: frozenset(groups) for name, groups in index.items()}


_GROUP_OF = _build_index()


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_words(name: str) -> tuple[str, ...]:
    """The words of a name, folded, without titles; ``Doe, John`` is read as ``John Doe``."""
    folded = _fold(name)
    if folded.count(",") == 1:
        family, given = folded.split(",")
        if _WORD.search(family) and _WORD.search(given):
            folded = f"{given} {family}"
    words = [w.replace("’", "'") for w in _WORD.findall(folded)]
    return tuple(w for w in words if w not in _TITLES)


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if "-" in a or "-" in b:  # a double name matches either of its halves
        return bool(set(a.split("-")) & set(b.split("-")))
    return bool(_GROUP_OF.get(a, frozenset()) & _GROUP_OF.get(b, frozenset()))


def _fits(short: tuple[str, ...], long: tuple[str, ...], used: frozenset[int]) -> bool:
    if not short:
        return True
    head, rest = short[0], short[1:]
    for position, word in enumerate(long):
        if position not in used and _same(head, word) and _fits(rest, long, used | {position}):
            return True
    return False


def _compatible_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(long) > 8:
        long = long[:8]
        short = short[:8]
    if not any(len(word) > 1 for word in short):  # initials alone say too little
        return all(len(word) == 1 for word in long) and short == long
    return _fits(short, long, frozenset())


def names_compatible(first: Iterable[str], second: Iterable[str]) -> bool:
    """Whether any name of ``first`` (a name, a nickname ...) may be the same person as any of
    ``second``. A side with no name made of letters (only an address or a number, as some
    exporters write) says nothing against the other, so it is compatible."""
    first, second = list(first), list(second)
    left = [words for name in first if (words := name_words(name))]
    right = [words for name in second if (words := name_words(name))]
    if not left or not right or _looks_like_address(first) or _looks_like_address(second):
        return True
    return any(_compatible_words(a, b) for a in left for b in right)


def _looks_like_address(names: Iterable[str]) -> bool:
    values = [n.strip() for n in names if n.strip()]
    return bool(values) and all("@" in value for value in values)
