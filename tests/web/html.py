"""A tiny HTML tree (stdlib html.parser) with a small CSS selector subset, for tests.

Supported: ``tag``, ``#id``, ``.class``, ``[attr]``, ``[attr=value]``, their compounds
(``input.big[name=mood]``) and the descendant combinator (space).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text for c in self.children]
        return " ".join(" ".join(parts).split())

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def select(self, selector: str) -> list[Node]:
        steps = [_compile(part) for part in selector.split()]
        return [n for n in self.iter() if _matches_chain(n, steps)]

    def one(self, selector: str) -> Node:
        found = self.select(selector)
        assert len(found) == 1, f"{selector!r}: {len(found)} matches"
        return found[0]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


_TOKEN = re.compile(r"([#.]?[\w-]+)|\[([\w-]+)(?:=\"?([^\]\"]*)\"?)?\]")


def _compile(part: str):
    tests = []
    for m in _TOKEN.finditer(part):
        simple, attr, value = m.groups()
        if simple and simple.startswith("#"):
            tests.append(lambda n, v=simple[1:]: n.attrs.get("id") == v)
        elif simple and simple.startswith("."):
            tests.append(lambda n, v=simple[1:]: v in n.attrs.get("class", "").split())
        elif simple:
            tests.append(lambda n, v=simple: n.tag == v)
        elif value is None:
            tests.append(lambda n, a=attr: a in n.attrs)
        else:
            tests.append(lambda n, a=attr, v=value: n.attrs.get(a) == v)
    return lambda n: all(t(n) for t in tests)


def _matches_chain(node: Node, steps) -> bool:
    if not steps[-1](node):
        return False
    ancestor = node.parent
    for step in reversed(steps[:-1]):
        while ancestor is not None and not step(ancestor):
            ancestor = ancestor.parent
        if ancestor is None:
            return False
        ancestor = ancestor.parent
    return True
