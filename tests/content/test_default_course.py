"""The default course keeps its promised shape, and every number a learner might act on is vetted.

Counts are read from the validated content model, so they cannot silently drop.
Phone numbers and paragraph references must appear in the allow-lists below,
each kept with its source in ../shared/content-brief.md (section numbers given).
"""

from __future__ import annotations

import re

from course.model import TRACK_IDS, Course

# Phone numbers: number -> (service, source in the content brief)
PHONE_ALLOW = {
    "112": ("Alarm, akut fare", "brief §7 [V]"),
    "114": ("Politiet, ikke-akut", "brief §7 [V]"),
    "1888": ("Lev Uden Vold, døgnåben, også for fagpersoner", "brief §7 [V], addendum §7"),
    "116 006": ("Offerrådgivningen", "brief §7 [V], addendum §7"),
    "116 111": ("BørneTelefonen", "brief §7 [V], addendum §7"),
    "31 18 44 41": ("Lev Uden Vold, juridisk rådgivning", "addendum §7 (P -> V)"),
    "25 17 73 74": ("Dansk Stalking Center", "addendum §7 (P -> V)"),
    "35 30 17 17": ("Dialog mod Vold", "addendum §7 (U -> V, 2021)"),
}

# Paragraph references: "§ N" -> (law, source in the content brief)
PARAGRAPH_ALLOW = {
    "§ 2": ("tilholdsloven § 2 stk. 2", "addendum §3.2"),
    "§ 8": ("databeskyttelsesloven § 8 (strafbare forhold)", "brief Corrections (2026-12)"),
    "§ 12 a": ("serviceloven § 12 a", "addendum §3.3"),
    "§ 12 c": ("serviceloven § 12 c (SIRIs sikkerhedskonsulenter)", "brief Corrections (2026-12)"),
    "§ 15": ("barnets lov § 15 stk. 3 (beredskab)", "brief §3.6 [P]"),
    "§ 27": ("forvaltningsloven § 27", "brief §3.5"),
    "§ 28": ("forvaltningsloven § 28", "brief §3.5"),
    "§ 43": ("sundhedsloven § 43 stk. 2 nr. 2", "brief §3.5"),
    "§ 107": ("serviceloven §§ 107-110", "addendum §3.3"),
    "§ 109": ("serviceloven § 109 (krisecentre)", "brief §3.3, addendum §3.3"),
    "§ 110": ("serviceloven § 110", "addendum §3.3"),
    "§ 115": ("retsplejeloven § 115 (PSP)", "addendum §3.5"),
    "§ 133": ("barnets lov § 133 (underretningspligt)", "brief §3.4, addendum §3.4"),
    "§ 137": ("barnets lov § 137", "addendum §3.4"),
    "§ 141": ("serviceloven § 141 (handleplan)", "addendum §3.3"),
    "§ 142": ("serviceloven § 142", "addendum §3.3"),
    "§ 152": ("straffeloven § 152 (tavshedspligt)", "brief §3.5"),
    "§ 152 c": ("straffeloven §§ 152 c-f", "brief §3.5"),
    "§ 152 e": ("straffeloven § 152 e nr. 2", "addendum §3.5"),
    "§ 153": ("serviceloven § 153 (tidligere underretningspligt)", "brief §3.4"),
    "§ 242": ("straffeloven § 242 (stalking, 2022)", "brief §3.2"),
    "§ 243": ("straffeloven § 243 (psykisk vold, 2019)", "brief §3.1"),
    "§ 260": ("straffeloven § 260 (tvangsægteskab)", "addendum §3.1"),
    "§ 265": ("straffeloven § 265, only as 'not § 265' (stalking moved to § 242)", "brief §10"),
    "§ 741 a": ("retsplejeloven § 741 a (bistandsadvokat)", "addendum §3.1"),
    "§ 742": ("retsplejeloven § 742 stk. 2", "addendum §3.1"),
}

PHONE_RE = re.compile(r"\b\d{2} \d{2} \d{2} \d{2}\b|\b116 ?\d{3}\b|\b\d{8}\b|\b(?:112|114|1888)\b")
URL_RE = re.compile(r"https?://[^\s\")>]+")
PARAGRAPH_RE = re.compile(r"§§? ?(\d+(?: ?[a-z]\b)?)")


def course_texts(course: Course) -> list[tuple[str, str]]:
    texts = [(m.path.name, m.path.read_text("utf-8")) for m in course.modules.values()]
    texts += [(p.path.name, p.path.read_text("utf-8")) for p in course.pages.values()]
    for scenario in course.scenarios.values():
        texts.append((scenario.id, scenario.model_dump_json()))
    texts += [("glossary", " ".join(t.model_dump_json() for t in course.glossary))]
    return [(name, URL_RE.sub(" ", text)) for name, text in texts]  # digits in URLs are not phone numbers


def test_every_phone_number_is_vetted(default_course: Course) -> None:
    unknown = {(name, n) for name, text in course_texts(default_course) for n in PHONE_RE.findall(text)
               if n.replace("116006", "116 006").replace("116111", "116 111") not in PHONE_ALLOW}
    assert unknown == set()


def test_every_paragraph_reference_is_vetted(default_course: Course) -> None:
    found = {(name, "§ " + re.sub(r" ?([a-z])$", r" \1", p)) for name, text in course_texts(default_course)
             for p in PARAGRAPH_RE.findall(text)}
    assert {f for f in found if f[1] not in PARAGRAPH_ALLOW} == set()


def test_lokk_old_hotline_is_never_given(default_course: Course) -> None:
    for name, text in course_texts(default_course):
        assert "70 20 30 82" not in text, name


def test_shared_core_and_role_modules(default_course: Course) -> None:
    shared = [m for m in default_course.modules.values() if m.meta.tracks == ["alle"]]
    assert len(shared) >= 11
    for track in TRACK_IDS:
        own = [m for m in default_course.modules.values() if track in m.meta.tracks and "alle" not in m.meta.tracks]
        assert len(own) >= 2, track




def test_every_module_has_objectives_quiz_feedback_and_sources(default_course: Course) -> None:
    for module in default_course.modules.values():
        assert 10 <= module.meta.minutes <= 25, module.id
        assert module.meta.objectives, module.id
        assert module.meta.sources, module.id
        assert len(module.questions) >= 6, module.id
        kinds = {q.kind for q in module.questions}
        assert kinds == {"single", "multiple"}, (module.id, kinds)
        for question in module.questions:
            assert all(a.feedback for a in question.answers), (module.id, question.text)
        assert "Sådan kan det lyde" in module.body, module.id
        assert "I praksis" in module.body, module.id


def test_scenarios_per_track_and_their_shape(default_course: Course) -> None:
    scenarios = list(default_course.scenarios.values())
    assert len(scenarios) >= 8
    for track in TRACK_IDS:
        assert sum(1 for s in scenarios if track in s.tracks or "alle" in s.tracks) >= 2, track
    for s in scenarios:
        assert s.invented_for_training is True
        assert s.content_note.strip()
        decision_points = [step for step in s.steps.values() if len(step.options) >= 2]
        assert len(decision_points) >= 4, s.id
        assert len(s.endings) >= 3, s.id
        for step in s.steps.values():
            for option in step.options:
                assert option.feedback.strip() and option.source, (s.id, option.text)
        plan = sum(item.minutes for item in s.facilitator.timing)
        assert 45 <= plan <= 60, (s.id, plan)
        assert s.facilitator.goals and s.facilitator.debrief and s.facilitator.variants, s.id


def test_best_path_passes_four_decisions(default_course: Course) -> None:
    from course.validation.scenario_graph import best_path

    for s in default_course.scenarios.values():
        assert len(best_path(s)) >= 4, s.id


def test_every_track_totals_two_and_a_half_to_four_hours(default_course: Course) -> None:
    assert set(default_course.tracks) == set(TRACK_IDS)
    for track_id in TRACK_IDS:
        minutes = default_course.track_minutes(track_id)
        assert 150 <= minutes <= 240, (track_id, minutes)
        levels = {default_course.modules[i].meta.level for i in default_course.tracks[track_id].items
                  if i in default_course.modules}
        assert levels == {1, 2}, track_id


def test_glossary_is_linked_from_modules(default_course: Course) -> None:
    linked = {link.target for m in default_course.modules.values() for link in m.links if link.scheme == "ordliste"}
    assert len(linked) >= 10
