"""Write the generated docs tree: one Markdown page per module, scenario, track and page.

This is shell-neutral: plain Markdown with callouts (``!!!``, ``???``), plus our quiz extension's
``<quiz>`` blocks. A shell (:mod:`course.site.shells`) turns it into HTML; the writer
also records which source each page comes from (``origins``), so a shell can report a broken
link at its ``path:line``. Course links (``modul:id``) are left as the author wrote them: the
shell's page extensions resolve them on the parsed page (:mod:`course.course_links`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2

from course import urls
from course.author_markdown import author_html
from course.markup_policy import CourseLink, audit, escape_markdown_html
from course.i18n.formats import format_hours, format_percent_mark
from course.model import Course, EndingNote, Link, Module, Page, Scenario, Source, Track, option_ref
from course.script_json import script_json
from course.site import edition_docs, verify_page
from course.site.materials import MATERIALS_DIR, Materials
from course.site.runtime import PAGE_SCRIPTS
from course.site.shell_input import PageOrigin
from course.site.text_render import shell_text
from course.templating import environment
from course.validation.scenario_graph import best_path

TEMPLATES = Path(__file__).parent / "templates"
ABOUT_PAGE = "om"  # "Om kurset": lists the printed materials in the offline copy


def _environment() -> jinja2.Environment:
    # the output is Markdown, not HTML: HTML-escaping would turn `>` quotes and `"` titles into
    # entities; author text goes through the `md` filter (escape_markdown_html) instead. Its course
    # links stay as written (`modul:id`): the shell's page extensions resolve them on the parsed
    # page (course.course_links), where a link shown in code is text
    env = environment(TEMPLATES, autoescape=False)

    def md(text: str) -> str:
        return escape_markdown_html(str(text)).strip()

    @jinja2.pass_context
    def doc_link(ctx: Any, target: str, scheme: str) -> str:
        return urls.relative(urls.scheme_target(scheme, target), ctx["doc"])

    @jinja2.pass_context
    def page_scripts(ctx: Any, kind: str) -> str:
        """The deferred script tags of the runtime files only this kind of page loads."""
        return "\n".join(
            f'<script src="{urls.relative(f"{urls.ASSET_DIR}/{name}", ctx["doc"])}" defer></script>'
            for name in PAGE_SCRIPTS.get(kind, ())
        )

    @jinja2.pass_context
    def source_line(ctx: Any, source: Source) -> str:
        text = escape_markdown_html(f"{source.title}. {source.publisher}, {source.year or ctx['t']['undated']}.")
        if source.url:
            # a real link (the text shown is the address); the URL is http(s) (checked), quoted so
            # that brackets, spaces or angle brackets in it cannot end the Markdown link early
            href = quote(source.url, safe=":/?#@!$&'*+,;=%~-._")
            text += f" [{escape_markdown_html(source.url).replace(']', '%5D').replace('[', '%5B')}](<{href}>)"
        return text

    env.filters.update(
        md=md,
        doc_link=doc_link,
        source_line=source_line,
        page_scripts=page_scripts,
        # a page title for the shell's front matter: the shell prints it as HTML, so escape it
        yaml_str=lambda s: json.dumps(shell_text(str(s)), ensure_ascii=False),
        cell=lambda s: str(s).replace("|", "\\|"),
        oneline=lambda s: " ".join(str(s).split()),
    )
    return env


class DocsTreeWriter:
    """Renders every page of a course into ``docs_dir`` and returns the navigation."""

    def __init__(self, course: Course, strings: dict[str, str], docs_dir: Path, materials: Materials | None = None):
        self.materials = materials
        self.course = course
        self.t = strings
        self.docs_dir = docs_dir
        self.env = _environment()
        self.origins: dict[str, PageOrigin] = {}  # docs path -> its source, for the shell's path:line

    def yaml_origin(self, folder: str, item_id: str) -> PageOrigin:
        """The YAML file (scenario, track) whose ``id`` is ``item_id``, with its strings."""
        path = next((t.path for t in self.course.yaml_texts
                     if t.key == ("id",) and t.text == item_id and t.path.startswith(folder)), "")
        return PageOrigin(path, 1, texts=tuple(t for t in self.course.yaml_texts if t.path == path))

    def body_origin(self, item: Module | Page) -> PageOrigin:
        return PageOrigin(_relative_to(item.path, self.course.root), item.body_line, item.links)

    def present(self, scheme: str, item_id: str) -> bool:
        """Is this module or scenario in the build (a track's package holds only that track)?"""
        return item_id in (self.course.modules if scheme == "modul" else self.course.scenarios)

    def write(self, doc: str, template: str, **context: Any) -> None:
        target = self.docs_dir / doc
        target.parent.mkdir(parents=True, exist_ok=True)
        text = self.env.get_template(template).render(doc=doc, t=self.t, **context)
        target.write_text(text, encoding="utf-8")

    def write_all(self) -> list[Any]:
        course = self.course
        for module in course.modules.values():
            self.write_module(module)
        for scenario in course.scenarios.values():
            self.write_scenario(scenario)
        for track in course.tracks.values():
            self.write_track(track)
        for page in course.pages.values():
            if page.meta.id != "index":
                doc = urls.page_doc(page.meta.id)
                body = page.body
                self.origins[doc] = self.body_origin(page)
                if course.edition is not None and page.meta.id == "hjaelp":
                    body = edition_docs.help_body(body, self.help_contacts(doc))
                materials = self.materials if page.meta.id == ABOUT_PAGE else None
                self.write(doc, "page.md.j2", page=page, body=body,
                           materials=materials, materials_dir=MATERIALS_DIR)
        self.origins[urls.GLOSSARY_DOC] = PageOrigin(
            "glossary.yml", 1, texts=tuple(t for t in course.yaml_texts if t.path == "glossary.yml"))
        if course.edition is not None:
            self.write_edition()
        self.write(urls.GLOSSARY_DOC, "glossary.md.j2", terms=course.glossary)
        self.write(urls.PROGRESS_DOC, "progress.md.j2", tracks=self.track_summaries(urls.PROGRESS_DOC))
        titles = {s.id: {e_id: e.title for e_id, e in s.endings.items()} for s in course.scenarios.values()}
        self.write(urls.CERTIFICATE_DOC, "certificate.md.j2", ending_titles=script_json(titles))
        self.write(urls.VERIFY_DOC, "verify.md.j2", verify_json=verify_page.verify_page_json(course, self.t),
                   styles=verify_page.VERIFY_STYLES, script=verify_page.VERIFY_SCRIPT)
        self.write_index()
        return self.navigation()

    def write_module(self, module: Module) -> None:
        doc = urls.module_doc(module.id)
        prerequisites = [self.course.modules[p] for p in module.meta.prerequisites if p in self.course.modules]
        self.origins[doc] = self.body_origin(module)
        body = module.body
        links: Sequence[Link | CourseLink] = module.links  # as the parser found them: none in code
        if self.course.edition is not None:
            body = edition_docs.filled_body(module, self.course.edition, self.t)
            if body != module.body:  # the edition's text is in a slot: the page links what the filled body does
                links = audit(body, module.body_line).links
        self.write(doc, "module.md.j2", module=module, prerequisites=prerequisites,
                   body=body,
                   glossary_json=self.glossary_json({link.target for link in links if link.scheme == "ordliste"}, doc))

    def glossary_json(self, linked: set[str], doc: str) -> str:
        """The definitions of the ``linked`` terms, for the glossary disclosure on the page that links them."""
        terms = {
            term.id: {"term": term.term, "html": author_html(term.definition, from_doc=doc, present=self.present)}
            for term in self.course.glossary if term.id in linked
        }
        return script_json(terms) if terms else ""

    def write_edition(self) -> None:
        """The edition's own pages: "Sådan gør vi i <name>" and the pages it adds."""
        edition = self.course.edition
        assert edition is not None
        tracks = self.course.tracks

        def track_titles(ids: list[str]) -> str:
            if "alle" in ids:
                return self.t["edition_all_tracks"]
            return ", ".join(tracks[i].title for i in ids if i in tracks)

        review = edition.spec.review_by
        self.write(edition_docs.LOCAL_PAGE_DOC, "edition.md.j2", page_id=edition_docs.LOCAL_PAGE_ID,
                   title=edition_docs.local_page_title(edition, self.t), spec=edition.spec,
                   track_titles=track_titles, phone=lambda n: edition_docs.phone_markdown(n, self.t),
                   review_line=self.t["edition_review_by"].format(date=f"{review.day}.{review.month}.{review.year}"))
        for page in edition.pages.values():
            doc = urls.page_doc(page.meta.id)
            self.write(doc, "page.md.j2", page=page, materials=None, materials_dir=MATERIALS_DIR,
                       body=escape_markdown_html(page.body))

    def help_contacts(self, doc: str) -> str:
        edition = self.course.edition
        assert edition is not None
        name = edition_docs.markdown_literal(edition.name)
        more = self.t["edition_contacts_more"].format(name=name, link=f"side:{edition_docs.LOCAL_PAGE_ID}")
        return self.env.get_template("help_contacts.md.j2").render(
            doc=doc, t=self.t, contacts=edition.spec.contacts, more=more,
            heading=self.t["edition_contacts_heading"].format(name=edition.name),
            phone=lambda n: edition_docs.phone_markdown(n, self.t))

    def write_scenario(self, scenario: Scenario) -> None:
        doc = urls.scenario_doc(scenario.id)
        numbers = {step_id: i for i, step_id in enumerate(scenario.steps, 1)}
        data = script_json(player_data(scenario, doc, self.present))
        self.origins[doc] = self.yaml_origin("scenarios/", scenario.id)
        conditions = {ending_id: [note_condition(note, numbers, self.t) for note in ending.notes]
                      for ending_id, ending in scenario.endings.items()}
        self.write(doc, "scenario.md.j2", scenario=scenario, step_numbers=numbers, player_json=data,
                   note_conditions=conditions, glossary_json="")

    def track_items(self, track: Track, from_doc: str) -> list[dict[str, Any]]:
        items = []
        for number, item_id in enumerate(track.items, 1):
            module = self.course.modules.get(item_id)
            if module:
                kind, title, level, doc = "module", module.meta.title, module.meta.level, urls.module_doc(item_id)
            else:
                scenario = self.course.scenarios[item_id]
                kind, title, level, doc = "scenario", scenario.title, scenario.level, urls.scenario_doc(item_id)
            items.append(dict(number=number, id=item_id, kind=kind, title=title, level=level,
                              minutes=self.course.minutes_of(item_id),
                              link=urls.relative(doc, from_doc)))
        return items

    def write_track(self, track: Track) -> None:
        doc = urls.track_doc(track.id)
        self.origins[doc] = self.yaml_origin("tracks/", track.id)
        # in track order, the level as a badge: the order is the track's, not the levels'
        self.write(doc, "track.md.j2", track=track, items=self.track_items(track, doc),
                   hours=format_hours(self.course.track_hours(track.id), self.course.meta.language),
                   pass_mark=format_percent_mark(track.pass_mark, self.course.meta.language),
                   minutes=self.course.track_minutes(track.id))

    def track_summaries(self, from_doc: str) -> list[dict[str, Any]]:
        return [
            dict(id=t.id, title=t.title, audience=t.audience, item_count=len(t.items),
                 hours=format_hours(self.course.track_hours(t.id), self.course.meta.language),
                 link=urls.relative(urls.track_doc(t.id), from_doc))
            for t in self.course.tracks.values()
        ]

    def write_index(self) -> None:
        intro_page = self.course.pages["index"]
        self.origins["index.md"] = self.body_origin(intro_page)
        self.write("index.md", "index.md.j2", meta=self.course.meta,
                   intro=intro_page.body,
                   tracks=self.track_summaries("index.md"))

    def navigation(self) -> list[Any]:
        """The course-wide pages only. Modules and scenarios are not in it: the runtime lists the
        learner's own track there, in order and with each item's state (opspor-track.js), and every
        track page lists its items for a reader without JavaScript. So a page carries the
        navigation of one track, not the whole course (a module page was about 118 KB)."""
        t, course = self.t, self.course
        nav: list[Any] = [
            {t["nav_home"]: "index.md"},
            {t["nav_progress"]: urls.PROGRESS_DOC},
            {t["nav_certificate"]: urls.CERTIFICATE_DOC},
            {t["nav_tracks"]: [{shell_text(tr.title): urls.track_doc(tr.id)} for tr in course.tracks.values()]},
        ]
        if course.edition is not None:
            local = [{shell_text(edition_docs.local_page_title(course.edition, t)): edition_docs.LOCAL_PAGE_DOC}]
            local += [{shell_text(p.meta.title): urls.page_doc(p.meta.id)} for p in course.edition.pages.values()]
            nav.insert(1, {shell_text(t["edition_nav_section"] + ": " + course.edition.name): local})
        nav.append({t["nav_glossary"]: urls.GLOSSARY_DOC})
        nav.append({t["verify_title"]: urls.VERIFY_DOC})
        for page_id, key in (("hjaelp", "nav_help"), ("om", "nav_about")):
            nav.append({t[key]: urls.page_doc(page_id)})
        return nav


def _relative_to(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def note_condition(note: EndingNote, numbers: dict[str, int], t: dict[str, str]) -> str:
    """When a path-dependent note applies, in words for the text version: "Hvis du valgte trin 2, valg 1:"."""
    def options(refs: list[str]) -> str:
        named = []
        for ref in refs:
            step_id, index = option_ref(ref)
            named.append(t["note_option"].format(step=numbers.get(step_id, step_id), option=index + 1))
        return t["note_or"].join(named)
    if note.if_chosen and note.unless_chosen:
        return t["note_if_unless"].format(options=options(note.if_chosen), others=options(note.unless_chosen))
    if note.if_chosen:
        return t["note_if_chosen"].format(options=options(note.if_chosen))
    return t["note_unless_chosen"].format(options=options(note.unless_chosen))


def player_data(scenario: Scenario, doc: str, present: urls.Present | None = None) -> dict[str, Any]:
    """What the browser's scenario player needs, with author Markdown pre-rendered to safe HTML."""
    return {
        "id": scenario.id,
        "title": scenario.title,
        "start": scenario.start,
        "steps": {
            step_id: {
                "html": author_html(step.text, from_doc=doc, present=present),
                "options": [
                    {
                        "text": option.text,
                        "next": option.next,
                        "ending": option.ending,
                        "rating": option.rating,
                        "feedback_html": author_html(option.feedback, from_doc=doc, present=present),
                        "source": option.source,
                    }
                    for option in step.options
                ],
            }
            for step_id, step in scenario.steps.items()
        },
        "endings": {
            ending_id: {
                "title": e.title,
                "rating": e.rating,
                "html": author_html(e.text, from_doc=doc, present=present),
                # path-dependent paragraphs: [step id, 0-based option index] pairs
                "notes": [
                    {
                        "html": author_html(note.text, from_doc=doc, present=present),
                        "if": [list(option_ref(ref)) for ref in note.if_chosen],
                        "unless": [list(option_ref(ref)) for ref in note.unless_chosen],
                    }
                    for note in e.notes
                ],
            }
            for ending_id, e in scenario.endings.items()
        },
        "best_path": [{"step": s, "option": i} for s, i in best_path(scenario)],
    }
