"""E-mail addresses, social-media handles and profile links (guideline 1), other links (6).

* E-mail: ordinary addresses and spelled-out ones ("anna dot jensen at gmail dot
  com", "anna snabel-a gmail punktum com", "anna[at]gmail[.]com").
* Social: profile links (instagram.com/..., discord.gg/...), a platform word
  followed by a handle ("min snap er anna_j03", "insta: @anna.j"), a handle followed
  by a platform ("@anna.j on insta") and Discord tags ("anna#1234"). Requests
  without a handle ("add me on snap") are phrase rules in ``rules.toml``.
* Links: any other URL or bare domain whose host is not on the allowlist of
  helplines and public health sites (``allowlist_domains.txt``).
"""

from __future__ import annotations

import re
from pathlib import Path

from moderation.loader import DataSource
from moderation.normalise import TextView
from moderation.phrases import Hit, Meaning

_EMAIL_RE = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,}(?![\w])")

_DOT = r"(?:\s*\.\s*|\s*[(\[{<]\s*(?:dot|punktum|prik|\.)\s*[)\]}>]\s*|\s+(?:dot|punktum|prik)\s+)"
_JOIN = rf"(?:{_DOT}|\s+(?:underscore|understreg|bundstreg)\s+|\s*[_\-]\s*)"
_AT = r"(?:\s*@\s*|\s*[(\[{<]\s*(?:at|snabel[- ]?a|@)\s*[)\]}>]\s*|\s+(?:at|snabel[- ]?a)\s+)"
_TLD = r"(?:com|dk|net|org|se|no|de|uk|eu|io|info|me|nu)"
_PROVIDER = (
    r"(?:gmail|googlemail|hotmail|outlook|live|yahoo|icloud|me|protonmail|proton|mail|jubii|ofir)"
)
_SPELLED_EMAIL_RE = re.compile(
    rf"(?<![\w.+\-])(?P<local>[a-z0-9][\w+\-]*(?:{_JOIN}[\w+\-]+)*){_AT}"
    rf"(?:[a-z0-9][\w\-]*(?:{_DOT}[\w\-]+)*{_DOT}{_TLD}\b|(?P<provider>{_PROVIDER})\b)"
)
_SPELLED_HINT_RE = re.compile(
    r"\b(?:dot|punktum|prik|snabel|underscore|understreg)\b|[(\[{<]\s*(?:\.|at|@)\s*[)\]}>]|\s@|@\s"
    r"|\bat\s+(?:gmail|hotmail|outlook|yahoo|icloud|live)\b"
)
# "vimeo dot com slash 123": a web address spelled out.
_SPELLED_URL_RE = re.compile(
    rf"(?<![\w.@])[a-z0-9][\w\-]*(?:{_DOT}[\w\-]+)*\s+(?:dot|punktum|prik)\s+{_TLD}\b"
    r"(?:\s+(?:slash|skråstreg)\s+[\w\-]+)*"
)

_URL_RE = re.compile(
    r"(?:\b(?:https?|ftp)://|(?<![\w.@\-])www\.)[^\s<>\"'()\[\]{}]+"
    r"|(?<![\w.@/\-])(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+"
    r"(?:com|dk|org|net|io|co|uk|de|se|no|eu|info|biz|me|ly|gg|tv|app|dev|xyz|ru|nu|fm|be|to|"
    r"online|site|shop|store|link|click|live|top|club)"
    r"(?::\d+)?(?:/[^\s<>\"'()\[\]{}]*)?(?![\w@])",
    re.IGNORECASE,
)
_TLD_HINT_RE = re.compile(
    r"\.(?:com|dk|org|net|io|co|uk|de|se|no|eu|info|biz|me|ly|gg|tv|app|dev|xyz|ru|nu|fm|be|to|"
    r"online|site|shop|store|link|click|live|top|club)\b"
)
_HOST_RE = re.compile(r"^(?:[a-z]+://)?(?:[^@/\s]*@)?([^/:?#\s]+)", re.IGNORECASE)
_TRAILING_PUNCTUATION = ".,;:!?"

_DISCORD_TAG_RE = re.compile(r"(?<![\w#])[a-z][\w.]{1,31}#\d{4}(?!\w)", re.IGNORECASE)
_AT_HANDLE_RE = re.compile(r"(?<![\w@])@[a-z0-9_][\w.\-]{1,29}")
_HANDLE_AFTER_RE = re.compile(
    r"\s*[?!:,]*\s*(?:(?:user ?name|brugernavn|navn|name|handle|konto|account|id)\s*)?"
    r"(?:(?:er|is|=|:|-|–|->|på|on|at|hedder|called)\s*)?[:=]?\s*"
    r"(?P<handle>@?[a-z0-9][\w.\-]{1,29}[a-z0-9_])",
    re.IGNORECASE,
)
_HANDLE_BEFORE_RE = re.compile(
    r"(?P<handle>@[\w.\-]{2,30}|[a-z][\w.\-]{1,29}(?:\d|_)[\w.\-]*)\s*(?:på|on|via|i|in|@)\s*$",
    re.IGNORECASE,
)


class ContactDetector:
    """Finds e-mail addresses, social handles and links."""

    def __init__(self, source: DataSource, view_of, phrase_index_factory):
        root = source.root
        self._allowed_domains = _domains(source, root / "allowlist_domains.txt")
        self._social_domains = _domains(source, root / "social_domains.txt")
        self._platforms = phrase_index_factory()
        self._not_handles: set[str] = set()
        platform_meaning = Meaning("pii.social", "high", False, "social.platform")
        for folder in source.languages():
            path = folder / "social_platforms.txt"
            for entry in source.entries(path):
                try:
                    for keys in self._platforms.entry_keys(entry.text, ()):
                        self._platforms.add(keys, platform_meaning)
                except ValueError as error:
                    source.problem(path, entry.line, str(error))
            for entry in source.entries(folder / "social_not_handles.txt"):
                self._not_handles.update(view_of(entry.text).keys)
        self._view_of = view_of
        self._email = Meaning("pii.email", "high", False, "email")
        self._email_spelled = Meaning("pii.email", "high", False, "email.spelled")
        self._social_link = Meaning("pii.social", "high", False, "social.link")
        self._social_handle = Meaning("pii.social", "high", False, "social.handle")
        self._discord = Meaning("pii.social", "high", False, "social.discord_tag")
        self._link = Meaning("link.external", "medium", False, "link")

    def find(self, view: TextView) -> list[Hit]:
        """All e-mail addresses, social handles and links of the text."""
        hits: list[Hit] = []
        plain, lower = view.plain, view.lower
        has_at = "@" in plain
        if has_at:
            hits.extend(Hit(m.start(), m.end(), self._email) for m in _EMAIL_RE.finditer(plain))
        if _may_spell_an_address(lower) and _SPELLED_HINT_RE.search(lower):
            for match in _SPELLED_EMAIL_RE.finditer(lower):
                if self._is_spelled_email(match):
                    hits.append(Hit(match.start(), match.end(), self._email_spelled))
            for match in _SPELLED_URL_RE.finditer(lower):
                hits.append(Hit(match.start(), match.end(), self._link))
        if "://" in lower or "www." in lower or _TLD_HINT_RE.search(lower):
            hits.extend(self._links(lower))
        if "#" in plain:
            hits.extend(
                Hit(m.start(), m.end(), self._discord) for m in _DISCORD_TAG_RE.finditer(lower)
            )
        hits.extend(self._handles(view))
        return hits

    @staticmethod
    def _is_spelled_email(match: re.Match) -> bool:
        if "@" in match.group() and not any(c.isspace() for c in match.group()):
            return False  # an ordinary address: _EMAIL_RE has it
        if match.group("provider") is None:
            return True
        # "... at gmail" without a domain ending: only when the name part looks like one
        # ("ellie underscore b", "sofie.k07") or the @ is spelled unmistakably.
        local = match.group("local")
        at_spelled = re.search(r"@|snabel", match.group()) is not None
        return at_spelled or any(c.isdigit() or c in "._" for c in local) or " " in local

    def platforms_in(self, view: TextView) -> list[Hit]:
        """Every social platform named in the text, as a pii.social hit (used for aliases)."""
        return self._platforms.find(view)

    def _links(self, lower: str) -> list[Hit]:
        hits = []
        for match in _URL_RE.finditer(lower):
            url = match.group().rstrip(_TRAILING_PUNCTUATION)
            end = match.start() + len(url)
            host_match = _HOST_RE.match(url)
            host = host_match.group(1).lower() if host_match else url
            host = host.removeprefix("www.")
            if not any(c.isalpha() for c in host.rsplit(".", 1)[0]):
                continue  # "2.tv" (a floor in an address), "1.dk": not a site
            if _on_list(host, self._social_domains):
                # A profile link is both a way to find the person and an outside link.
                hits.append(Hit(match.start(), end, self._social_link))
                hits.append(Hit(match.start(), end, self._link))
            elif not _on_list(host, self._allowed_domains):
                hits.append(Hit(match.start(), end, self._link))
        return hits

    def _handles(self, view: TextView) -> list[Hit]:
        platform_hits = self._platforms.find(view)
        if not platform_hits:
            return []
        hits = []
        lower = view.lower
        for platform in platform_hits:
            after = _HANDLE_AFTER_RE.match(lower, platform.end, min(len(lower), platform.end + 60))
            if after and self._is_handle(after.group("handle"), lower, after.start("handle")):
                hits.append(Hit(platform.start, after.end("handle"), self._social_handle))
                continue
            before = _HANDLE_BEFORE_RE.search(lower, max(0, platform.start - 40), platform.start)
            if before:
                hits.append(Hit(before.start("handle"), platform.end, self._social_handle))
                continue
            # "på instagram under navnet @blyant.og.taarer", "on insta as @ink.rain"
            near = _AT_HANDLE_RE.search(lower, platform.end, min(len(lower), platform.end + 40))
            if near:
                hits.append(Hit(platform.start, near.end(), self._social_handle))
        return hits

    def _is_handle(self, candidate: str, lower: str, position: int) -> bool:
        """Whether a word after a platform name looks like a user name, not prose."""
        if candidate.startswith("@"):
            return True
        if any(c.isdigit() or c in "_." for c in candidate):
            return not candidate.replace(".", "").isdigit()
        keys = self._view_of(candidate).keys
        if not keys or any(key in self._not_handles for key in keys):
            return False
        # A plain word counts only when introduced as a name: "min snap er annaj".
        lead = lower[max(0, position - 12) : position]
        return re.search(r"(?:\ber|\bis|:|=|->|\bhedder|\bcalled)\s*$", lead) is not None


_SPELLING_WORDS = (
    "@", "dot", "punktum", "prik", "snabel", "underscore", "understreg", "(", "[",
    "gmail", "hotmail", "outlook", "yahoo", "icloud",
)  # fmt: skip


def _may_spell_an_address(lower: str) -> bool:
    """A cheap substring test before the spelled-address patterns run."""
    return any(word in lower for word in _SPELLING_WORDS)


def _on_list(host: str, domains: set[str]) -> bool:
    parts = host.split(".")
    return any(".".join(parts[i:]) in domains for i in range(len(parts) - 1))


def _domains(source: DataSource, path: Path) -> set[str]:
    domains = set()
    for entry in source.entries(path):
        domain = entry.text.lower().removeprefix("www.").strip("/")
        if "." not in domain or " " in domain:
            source.problem(path, entry.line, "expected a domain such as example.dk")
            continue
        domains.add(domain)
    return domains
