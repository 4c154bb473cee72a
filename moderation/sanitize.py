"""Author HTML made safe to show, and its visible text for the engine.

Everything that touches bleach is in this module, behind ``sanitize_html`` and
``html_to_text``: bleach is in maintenance mode, and another sanitiser can replace
it here without callers noticing.

The allowlist is small on purpose: paragraphs, line breaks, h2-h4, lists, bold and
italic, quotes and links. Scripts, styles, iframes, event handlers and every URL
scheme except http, https and mailto are removed; obfuscated schemes
(``java&#x09;script:``) are decoded before the check. The content of ``script``
and ``style`` elements is dropped, not shown as text. Every link gets
``rel="nofollow noopener ugc"``.
"""

from __future__ import annotations

import html
import re
import threading

ALLOWED_TAGS = frozenset(
    {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i", "blockquote", "a"}
)
ALLOWED_ATTRIBUTES = {"a": ["href"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener ugc"

# Elements whose whole content goes, not just the tags.
_DROPPED_WITH_CONTENT_RE = re.compile(
    r"<\s*(script|style|iframe|object|embed|template|noscript|svg|math|title|textarea|select)\b"
    r"[^>]*>.*?<\s*/\s*\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_UNCLOSED_DROPPED_RE = re.compile(
    r"<\s*(script|style|iframe|object|embed|template|noscript|svg|math)\b[^>]*>.*\Z",
    re.IGNORECASE | re.DOTALL,
)
# Block elements start and end a line, so words of neighbouring blocks never run together.
_BLOCK_TAG_RE = re.compile(r"<\s*/?\s*(?:p|h2|h3|h4|li|blockquote|ul|ol|br)\b[^>]*>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]*>")
_SPACES_RE = re.compile(r"[ \t]+")
_SCHEME_RE = re.compile(r"^\s*([a-z][a-z0-9+.\-]*)\s*:", re.IGNORECASE)
_CONTROL_RE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def sanitize_html(source: str) -> str:
    """Return ``source`` reduced to the allowlist, safe to insert into a page.

    Disallowed tags are removed (their text kept, except for script/style and
    similar, whose content is removed too); attributes other than ``href`` on
    links are removed; links with an unsafe scheme lose their ``href``; all links
    get ``rel="nofollow noopener ugc"``.
    """
    if not source:
        return ""
    # Removing one element can join the pieces of another ("<scr<script></script>ipt>"):
    # repeat until nothing changes. bleach below is what makes the result safe.
    previous = None
    text = source
    while text != previous:
        previous = text
        text = _UNCLOSED_DROPPED_RE.sub("", _DROPPED_WITH_CONTENT_RE.sub("", text))
    return _cleaner().clean(text)


def html_to_text(source: str) -> str:
    """The visible text of (sanitised) HTML: tags removed, entities decoded, one
    line per block element (p, h2-h4, li, blockquote, and a line per br).

    Use it to check a post body with the engine: the engine's offsets index this
    string, so mark findings in the same string. The result depends only on the
    input, so the same body always gives the same text and offsets."""
    if not source:
        return ""
    safe = sanitize_html(source)
    with_breaks = _BLOCK_TAG_RE.sub("\n", safe)
    text = html.unescape(_TAG_RE.sub("", with_breaks))
    lines = (_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def is_safe_url(url: str) -> bool:
    """True when a link target uses an allowed scheme (or none, i.e. a relative link).

    Entities and control characters are removed first, so ``java&#x09;script:``
    and ``jav&#97;script:`` are seen for what they are.
    """
    decoded = _CONTROL_RE.sub("", html.unescape(html.unescape(url)))
    match = _SCHEME_RE.match(decoded)
    if match is None:
        return not decoded.lower().startswith(("//", "\\\\"))  # protocol-relative: outside
    return match.group(1).lower() in ALLOWED_PROTOCOLS


def _filter_attributes(tag: str, name: str, value: str) -> bool:
    return tag == "a" and name == "href" and is_safe_url(value)


_per_thread = threading.local()


def _cleaner():
    # bleach's Cleaner keeps parser state, so it is not thread-safe: one per thread.
    cleaner = getattr(_per_thread, "cleaner", None)
    if cleaner is None:
        cleaner = _per_thread.cleaner = _new_cleaner()
    return cleaner


def _new_cleaner():
    # Imported here: bleach (with html5lib) takes a noticeable time to import, and
    # the engine itself never needs it.
    import bleach
    from bleach.html5lib_shim import Filter

    class RelFilter(Filter):
        """Gives every remaining link rel="nofollow noopener ugc"."""

        def __iter__(self):
            for token in Filter.__iter__(self):
                if token["type"] in ("StartTag", "EmptyTag") and token["name"] == "a":
                    attrs = dict(token.get("data", {}))
                    attrs[(None, "rel")] = LINK_REL
                    token["data"] = attrs
                yield token

    return bleach.sanitizer.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=_filter_attributes,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[RelFilter],
    )
