"""What author Markdown may turn into: the one policy that `check`, the site and the runtime share.

Author text is rendered by Python-Markdown (through the HTML shell, and directly for the scenario
player and the content note). Rather than guessing with regular expressions what that parser will
make of a text, we let the same parser, with the same extensions, build its element tree and walk
it: every link, image, attribute and piece of raw HTML it would emit is seen exactly as it would
reach the page. Two uses:

- ``audit`` (for ``check``): report each thing the policy refuses, with the source line;
- :class:`GuardExtension` (for every render): a last line of defence that drops unsafe attributes
  and URLs, so a gap in the audit can never become script in the site.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import HtmlInlineProcessor
from markdown.treeprocessors import Treeprocessor

from course.callouts import KINDS, CalloutExtension
from course.diagnostics import did_you_mean

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLOT_KIND = "lokal"  # `!!! lokal "name"` is a local slot (course.loading.slot_syntax), not a callout
COURSE_SCHEMES = ("modul", "scenarie", "ordliste", "side")
WEB_SCHEMES = ("https", "mailto", "tel")
# The Markdown extensions every shell renders author text with (course/site/page_markdown.py;
# a test keeps the two lists in step). `toc` is left out: it only adds heading ids. Callouts
# (`!!!` and `???` blocks) are our own extension (course/callouts.py), which subclasses the
# libraries' parsers, so no page carries a library's class names.
AUTHOR_EXTENSIONS = (
    "course.callouts", "attr_list", "md_in_html", "tables", "sane_lists", "pymdownx.superfences",
)
# Attributes Markdown itself produces; attr_list lists may add only `#id` and `.class`.
MARKDOWN_ATTRIBUTES = {"id", "class", "href", "title", "alt", "src", "start", "open"}
CLASS_RE = re.compile(r"^[A-Za-z0-9_-]+( [A-Za-z0-9_-]+)*$")
TABLE_ALIGN_RE = re.compile(r"^text-align: (left|right|center);$")
# Attributes that can run script or steal focus, whatever element carries them (for the guard,
# which also sees the shell's own template elements with their data-/aria- attributes).
DANGEROUS_ATTRIBUTE_RE = re.compile(r"^(on.*|style|tabindex|autofocus|formaction|srcdoc|contenteditable|accesskey"
                                    r"|popover.*|xmlns.*|xlink:.*|action|form|is)$", re.IGNORECASE)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "background", "poster", "cite", "data")
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see in ``url`` (entities decoded, whitespace and controls dropped)."""
    cleaned = _INVISIBLE_RE.sub("", html.unescape(html.unescape(url)))
    match = _SCHEME_RE.match(cleaned)
    return match.group(1).lower() if match else None


def rendered_url_is_safe(url: str, *, image: bool = False) -> bool:
    """A URL in rendered HTML: relative (course links are resolved by then) or an allowed web scheme."""
    scheme = url_scheme(url)
    if scheme is None:
        return not _INVISIBLE_RE.sub("", url).startswith("//")  # "//host" leaves the site
    return not image and scheme in WEB_SCHEMES


def escape_markdown_html(text: str) -> str:
    """Neutralise raw HTML in author text while keeping Markdown working.

    Not markupsafe's escape: that also turns ``>`` and quotes into entities, which would break
    Markdown block quotes and link titles. ``&`` and ``<`` are all HTML needs to stay text; what
    Markdown itself makes of the text is then judged by the markup policy (``check``) and guarded
    on render.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;")


@dataclass(frozen=True)
class Finding:
    line: int
    message: str


@dataclass(frozen=True)
class CourseLink:
    scheme: str
    target: str
    anchor: str | None
    line: int


@dataclass
class Audit:
    findings: list[Finding] = field(default_factory=list)
    links: list[CourseLink] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # heading and attr_list ids, in order
    phone_links: list[str] = field(default_factory=list)  # the number of every tel: link, as the parser read it


class _Locator:
    """Finds the source line of something the parser reported (the tree carries no lines)."""

    def __init__(self, text: str, first_line: int):
        self.text = text.expandtabs(4)  # as Python-Markdown sees it
        self.first_line = first_line

    def line_of(self, *needles: str) -> int:
        for needle in needles:
            if needle:
                offset = self.text.find(needle)
                if offset >= 0:
                    return self.first_line + self.text.count("\n", 0, offset)
        return self.first_line

    def line_of_attribute(self, name: str) -> int:
        match = re.search(r"\{[^}\n]*" + re.escape(name), self.text)
        return self.first_line + self.text.count("\n", 0, match.start()) if match else self.first_line


class _RawHtmlRecorder(HtmlInlineProcessor):
    def __init__(self, pattern: str, md: markdown.Markdown, seen: list[str]):
        super().__init__(pattern, md)
        self.seen = seen

    def handleMatch(self, m, data):
        self.seen.append(m.group(1))
        return super().handleMatch(m, data)


class _AuditTree(Treeprocessor):
    def __init__(self, md: markdown.Markdown, report: Callable[[Element], None]):
        super().__init__(md)
        self.report = report

    def run(self, root: Element) -> None:
        for element in root.iter():
            self.report(element)


class _Auditor:
    """One Markdown instance, reused (building one per text would dominate ``check``'s time)."""

    def __init__(self) -> None:
        self.raw: list[str] = []
        self.elements: list[Element] = []
        md = markdown.Markdown(extensions=list(AUTHOR_EXTENSIONS))
        md.inlinePatterns.register(_RawHtmlRecorder(md.inlinePatterns["html"].pattern, md, self.raw), "html", 90)
        md.treeprocessors.register(_AuditTree(md, self.elements.append), "opspor_audit", -100)
        html_block = md.preprocessors["html_block"]
        original_run = html_block.run

        def run_html_block(lines: list[str]) -> list[str]:
            before = len(md.htmlStash.rawHtmlBlocks)
            out = original_run(lines)
            for block in md.htmlStash.rawHtmlBlocks[before:]:
                # md_in_html keeps `<div markdown>` blocks as elements: report their tag
                self.raw.append(f"<{block.tag}" if isinstance(block, Element) else str(block))
            return out

        html_block.run = run_html_block  # type: ignore[method-assign]
        self.md = md
        self.callouts = next(e for e in md.registeredExtensions if isinstance(e, CalloutExtension))

    def parse(self, text: str) -> tuple[list[Element], list[str], list[str], list[str]]:
        """The parsed elements, the raw HTML seen, and the kinds of callouts of an unknown kind and with no title."""
        self.raw.clear()
        self.elements.clear()
        self.md.reset()
        self.md.convert(text)
        return list(self.elements), list(self.raw), list(self.callouts.unknown_kinds), list(self.callouts.untitled)


_AUDITOR: _Auditor | None = None
_MARKUP_HINT_RE = re.compile(r"[\[\]{<&]")


def audit(text: str, first_line: int, *, allow_raw_html: bool = False) -> Audit:
    """Parse ``text`` as the shell will and report what the policy refuses.

    ``allow_raw_html`` is for fields the templates escape before rendering (titles, summaries...):
    there a ``<`` is shown as text, so only links and attributes matter.
    """
    global _AUDITOR
    result = Audit()
    if allow_raw_html and not _MARKUP_HINT_RE.search(text):
        return result  # no link, image, attribute list or entity can be in it
    if _AUDITOR is None:
        _AUDITOR = _Auditor()
    where = _Locator(text, first_line)
    elements, raw_html, unknown_kinds, untitled = _AUDITOR.parse(text)
    for element in elements:
        _audit_element(element, where, result)
    _audit_callouts(unknown_kinds, untitled, where, result)
    _inline_course_links(result, where)
    if not allow_raw_html:
        for raw in raw_html:
            tag = re.match(r"\s*<\s*(/?[A-Za-z][\w:-]*|!--|!|\?)", raw)
            shown = tag.group(1) if tag else raw.strip()[:20]
            result.findings.append(Finding(where.line_of(raw.strip()[:40], raw.strip()[:8]),
                                           f"raw HTML <{shown}> is not allowed; use Markdown instead"))
    return result


def _audit_callouts(unknown_kinds: list[str], untitled: list[str], where: _Locator, result: Audit) -> None:
    """Callouts of an unknown kind, and callouts with no title (the page would show an English word).

    ``!!! lokal "name"`` is a local slot, course.slots' syntax, checked by the slot scan instead.
    """
    def line(word: str) -> int:
        return where.line_of(f"!!! {word}", f"??? {word}", f"???+ {word}", word)

    for word in unknown_kinds:
        if word != SLOT_KIND:
            result.findings.append(Finding(line(word), f"callout kind '{word}' is unknown"
                                           f"{did_you_mean(word, KINDS)}; the kinds are: {', '.join(KINDS)}"))
    for word in untitled:
        if word != SLOT_KIND:
            result.findings.append(Finding(
                line(word), f"callout '{word}' has no title, so the page would show the English word "
                f"'{word.capitalize()}'; write a title in quotes, e.g. !!! {word} \"Vigtigt\" (or \"\" for none)"))


def _audit_element(element: Element, where: _Locator, result: Audit) -> None:
    tag = element.tag
    if not isinstance(tag, str):
        return
    for name, value in element.attrib.items():
        if name in ("href", "src"):
            continue
        if name == "style" and tag in ("td", "th") and TABLE_ALIGN_RE.match(value):
            continue
        if name not in MARKDOWN_ATTRIBUTES:
            result.findings.append(Finding(
                where.line_of_attribute(name),
                f"attribute '{name}' is not allowed; an attribute list {{: ...}} may only set #id and .class"))
        elif name == "id":
            if not SLUG_RE.match(value):
                result.findings.append(Finding(where.line_of_attribute(value),
                                               f"id '{value}' is not a slug (a-z, 0-9 and '-')"))
            else:
                result.anchors.append(value)
        elif name == "class" and not CLASS_RE.match(value):
            result.findings.append(Finding(where.line_of_attribute(value), f"class '{value}' is not allowed"))
    if re.fullmatch(r"h[1-6]", tag) and "id" not in element.attrib:
        result.anchors.append(heading_slug("".join(element.itertext())))
    if tag == "img":
        src = element.get("src", "")
        result.findings.append(Finding(where.line_of(src, element.get("alt", "")),
                                       f"image '{src}': images are not supported; the site must work offline"))
    elif tag == "a":
        _audit_link(element.get("href", ""), where, result)


def _audit_link(href: str, where: _Locator, result: Audit) -> None:
    scheme = url_scheme(href)
    line = where.line_of(href)
    if scheme in COURSE_SCHEMES:
        target, _, anchor = href.split(":", 1)[1].partition("#")
        result.links.append(CourseLink(scheme, target, anchor or None, line))
    elif scheme is None:
        if href.startswith("#"):
            result.links.append(CourseLink("", "", href[1:], line))
        else:
            result.findings.append(Finding(line, f"link '{href}' is not a course link; use modul:ID, scenarie:ID, "
                                                 "ordliste:ID, side:ID or a full https:// address"))
    elif scheme == "tel":
        result.phone_links.append(href.split(":", 1)[1])
    elif scheme not in WEB_SCHEMES:
        result.findings.append(Finding(line, f"link '{href}': the scheme '{scheme}:' is not allowed; use "
                                             "modul:, scenarie:, ordliste:, side:, https:, mailto: or tel:"))


def _inline_course_links(result: Audit, where: _Locator) -> None:
    """Course links must be written ``[text](modul:id)``: that is the form the site rewrites to a path."""
    counts: dict[str, int] = {}
    for link in result.links:
        if link.scheme:
            href = f"{link.scheme}:{link.target}" + (f"#{link.anchor}" if link.anchor else "")
            counts[href] = counts.get(href, 0) + 1
    for href, count in counts.items():
        if where.text.count(f"]({href})") >= count:
            continue
        offsets = [m.start() for m in re.finditer(re.escape(href), where.text)]
        odd = next((o for o in offsets if where.text[max(0, o - 2) : o] != "]("), offsets[0] if offsets else 0)
        line = where.first_line + where.text.count("\n", 0, odd)
        result.findings.append(Finding(line, f"link '{href}': write course links inline, as [text]({href})"))


def heading_slug(text: str) -> str:
    """The id the shell's table of contents gives a heading (course.slugs, Danish letters kept)."""
    from course.slugs import slugify

    return slugify(text.strip(), "-")


class _GuardTree(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            for name in list(element.attrib):
                value = element.attrib[name]
                if name == "style" and element.tag in ("td", "th") and TABLE_ALIGN_RE.match(value):
                    continue
                if DANGEROUS_ATTRIBUTE_RE.match(name) or (
                    name in URL_ATTRIBUTES and not rendered_url_is_safe(value, image=element.tag == "img")
                ):
                    del element.attrib[name]


class GuardExtension(Extension):
    """Python-Markdown extension: strip event handlers, focus tricks and unsafe URLs from the tree.

    Runs last, after attr_list. It cannot see raw HTML (that is refused by ``check``), only what
    Markdown made; the shell's template elements keep their data-/aria- attributes.
    """

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_GuardTree(md), "opspor_guard", -1000)


def makeExtension(**kwargs) -> GuardExtension:
    return GuardExtension(**kwargs)
