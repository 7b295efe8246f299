"""The message catalogue (``kithkin.messages``): no key a user could meet is missing, none is
defined twice, so an unknown key never turns silently into "Something went wrong"."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections import Counter
from pathlib import Path

import kithkin
from kithkin import messages
from kithkin.domain.errors import KithkinError

SRC = Path(kithkin.__file__).resolve().parent
TEMPLATES = SRC / "web" / "templates"
TEXT_CALLS = {"text", "error_text"}


def _all_subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | _all_subclasses(sub)
    return found


def _import_everything() -> None:
    for info in pkgutil.walk_packages([str(SRC)], prefix="kithkin."):
        if ".migrations" not in info.name and not info.name.endswith("__main__"):
            importlib.import_module(info.name)


def _python_files() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if "migrations" not in p.parts]


def _keys_used_in_source() -> dict[str, set[str]]:
    """Literal keys passed to text()/error_text() (also as attributes, messages.text), to a
    Reason (rendered through text()), and ``key = "..."`` on classes: key -> files."""
    used: dict[str, set[str]] = {}
    for path in _python_files():
        tree = ast.parse(path.read_text("utf-8"))
        # text() here is the catalogue's (not SQLAlchemy's, nor a vCard's) when imported from it
        imported = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "kithkin.messages"
            for alias in node.names
        }
        for node in ast.walk(tree):
            key = None
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                if isinstance(func, ast.Name):
                    ours = func.id == "Reason" or func.id in imported & TEXT_CALLS
                else:
                    ours = (
                        isinstance(func, ast.Attribute)
                        and func.attr in TEXT_CALLS
                        and getattr(func.value, "id", None) == "messages"
                    )
                first = node.args[0]
                if ours and isinstance(first, ast.Constant):
                    key = first.value
            elif isinstance(node, ast.ClassDef):
                for stmt in node.body:
                    if (
                        isinstance(stmt, ast.Assign)
                        and [getattr(t, "id", None) for t in stmt.targets] == ["key"]
                        and isinstance(stmt.value, ast.Constant)
                    ):
                        used.setdefault(stmt.value.value, set()).add(f"{path.name}:{node.name}")
            if isinstance(key, str):
                used.setdefault(key, set()).add(path.name)
    return used


def test_every_error_class_has_its_sentence() -> None:
    _import_everything()
    classes = _all_subclasses(KithkinError) | {KithkinError}
    assert len(classes) > 50
    missing = sorted(
        f"{c.__module__}.{c.__name__}: {c.key}" for c in classes if c.key not in messages.ERRORS
    )
    assert missing == []


def test_every_key_used_in_the_source_exists() -> None:
    used = _keys_used_in_source()
    assert len(used) > 200  # the scan finds the keys (a broken scan cannot pass quietly)
    known = messages.ERRORS.keys() | messages.TEXT.keys()
    missing = {k: sorted(files) for k, files in used.items() if k not in known}
    assert missing == {}


def test_every_key_used_in_the_templates_exists() -> None:
    call = re.compile(r"""\b(?:text|error_text)\(\s*["']([^"']+)["']""")
    used = {
        key: path.name
        for path in TEMPLATES.rglob("*.html")
        for key in call.findall(path.read_text("utf-8"))
    }
    assert len(used) > 20
    known = messages.TEXT.keys() | messages.ERRORS.keys()
    # text("status." ~ power.status): a prefix, completed in the template
    missing = {
        k: f
        for k, f in used.items()
        if k not in known and not (k.endswith(".") and any(n.startswith(k) for n in known))
    }
    assert missing == {}


def test_no_key_is_defined_twice() -> None:
    counts: Counter[str] = Counter()
    package = Path(messages.__file__).parent
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Dict):
                counts.update(k.value for k in node.keys if isinstance(k, ast.Constant))
    assert sum(counts.values()) == len(messages.ERRORS) + len(messages.TEXT)
    assert [k for k, n in counts.items() if n > 1] == []


def test_the_stragglers_live_in_the_catalogue() -> None:
    """The command line's unexpected-error line and the navigation labels."""
    errors_py = (SRC / "cli" / "errors.py").read_text("utf-8")
    assert "something unexpected" not in errors_py
    base = (TEMPLATES / "base.html").read_text("utf-8")
    assert "Skip to content" not in base and ">More<" not in base
    from kithkin.web.render import CORE_NAV

    labels = {item.label for item in CORE_NAV}
    assert labels <= {v for k, v in messages.TEXT.items() if k.startswith("nav.")}


def test_areas_are_loaded_when_a_sentence_needs_them() -> None:
    """text() imports areas in order only until the key is found; the catalogue stays whole."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from kithkin import messages\n"
        "assert messages.text('status.met')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('kithkin.messages.'))\n"
        "assert loaded == ['kithkin.messages.today'], loaded\n"
        "assert messages.error_text('no such key') == messages.error_text('error')\n"
        "assert 'kithkin.messages.errors' in sys.modules\n"
        "assert messages.text('nav.today') == messages.TEXT['nav.today']\n"
        "try:\n"
        "    messages.text('no.such.key')\n"
        "except KeyError:\n"
        "    pass\n"
        "else:\n"
        "    raise AssertionError('an unknown key must raise')\n"
        "assert len(messages.AREAS) == len(messages.AREA_NAMES)\n"
        "print(len(messages.TEXT))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    merged: dict[str, str] = {}
    for area in messages.AREAS:
        merged.update(area.TEXT)
    assert int(out) == len(merged) == len(messages.TEXT)
    assert merged == messages.TEXT


def test_no_sentence_hedges_a_plural_with_s_in_brackets() -> None:
    """ "1 record(s)" reads as a machine talking: every count picks its word (#14)."""
    hedged = {k for k, v in {**messages.TEXT, **messages.ERRORS}.items() if "(s)" in v}
    assert hedged == set()


def test_counts_pick_the_singular_or_the_plural() -> None:
    assert "1 feed token." in messages.text("feed.revoked", count=1)
    assert "using it stop" in messages.text("feed.revoked", count=1)
    assert "3 feed tokens." in messages.text("feed.revoked", count=3)
    assert "0 feed tokens." in messages.text("feed.revoked", count=0)
    assert messages.text("web.data.notify_count", count=1).startswith("1 notification destination ")
    assert "1 record could" in messages.text("import.refused", count=1)
    assert "2 records could" in messages.text("web.import.refused", count=2)
    assert messages.text("plan.reason.birthday_soon", days=1) == "birthday tomorrow"
    assert messages.text("plan.reason.birthday_soon", days=5) == "birthday in 5 days"
    weekly = {"weekday": "Mon", "user_time": "18:00", "other_time": "09:00", "name": "Ada"}
    assert messages.text("call.proposal", every=1, minutes=30, count=26, **weekly).startswith(
        "Every week on Mon"
    )
    assert messages.text("call.proposal", every=2, minutes=30, count=26, **weekly).startswith(
        "Every 2 weeks on Mon"
    )
    assert "(1 row)" in messages.text("backup.restored", rows=1)
    assert messages.error_text("ladder_size", low=2, high=24, value=1)  # plain templates unchanged
