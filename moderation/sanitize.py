"""The one sanitiser for HTML written by authors, and the text inside it.

Everything goes through :func:`sanitize_html`, so bleach (in maintenance mode)
can be swapped for another allowlist sanitiser in this one file. The allowlist:
paragraphs, line breaks, headings, lists, emphasis, quotes and links (http,
https, mailto only). Script, style, frames and their contents are removed;
event handlers and other attributes are dropped; every link gets
``rel="nofollow noopener ugc"``.
"""

from html.parser import HTMLParser

import bleach
from bleach.html5lib_shim import Filter

ALLOWED_TAGS = frozenset(
    {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i", "blockquote", "a"}
)
ALLOWED_ATTRIBUTES = {"a": ["href"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener ugc"
# Elements whose content is code or foreign markup, never text for readers.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math",
     "textarea", "select", "head", "title", "frameset", "frame", "noframes", "xmp",
     "noembed", "plaintext"}
)
BLOCK_TAGS = frozenset({"p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                        "blockquote", "div", "section", "article", "tr"})


class _LinkRel(Filter):
    """Give every link the rel that stops search credit and window access."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] in ("StartTag", "EmptyTag") and token["name"] == "a":
                attributes = dict(token["data"])
                attributes[(None, "rel")] = LINK_REL
                token["data"] = attributes
            yield token


_CLEANER = bleach.sanitizer.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[_LinkRel],
)


class _ContentDropper(HTMLParser):
    """Rebuilds HTML without dangerous elements and everything inside them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in DROPPED_WITH_CONTENT:
            self.depth += 1
        elif not self.depth:
            self.parts.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if not self.depth and tag not in DROPPED_WITH_CONTENT:
            self.parts.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_WITH_CONTENT:
            self.depth = max(0, self.depth - 1)
        elif not self.depth:
            self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data.replace("<", "&lt;").replace(">", "&gt;"))

    def handle_entityref(self, name: str) -> None:
        if not self.depth:
            self.parts.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if not self.depth:
            self.parts.append(f"&#{name};")


def sanitize_html(html: str) -> str:
    """Safe HTML from an author's HTML: only the allowlist survives."""
    dropper = _ContentDropper()
    dropper.feed(html)
    dropper.close()
    return _CLEANER.clean("".join(dropper.parts)).strip()


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in DROPPED_WITH_CONTENT:
            self.depth += 1
        elif tag in BLOCK_TAGS and self.parts and not self.depth:
            self.parts.append("\n" if tag == "br" else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_WITH_CONTENT:
            self.depth = max(0, self.depth - 1)
        elif tag in BLOCK_TAGS and tag != "br" and not self.depth:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of (sanitised) HTML, paragraphs separated by blank lines."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = "".join(collector.parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    collapsed = "\n".join(lines)
    while "\n\n\n" in collapsed:
        collapsed = collapsed.replace("\n\n\n", "\n\n")
    return collapsed.strip()
