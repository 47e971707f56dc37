/* Opspor progress: quiz and scenario results in, track status out.
 *
 * Quiz results come from opspor-quiz.js (through applyQuiz, in the same change as its answers),
 * scenario paths and endings from opspor-player.js (through applyScenario); both are stored by
 * module or scenario id (URLs differ between file://, a server and an LMS). Pass marks belong to tracks,
 * so the store keeps each module's best score and answered count, and "passed" is worked
 * out per track here. Renders the track pages, "Mit forløb" (with the data controls) and
 * the module status line, and reports to an LMS after every change.
 */
(function () {
  "use strict";
  var O = window.Opspor;
  if (!O || !O.course || !O.store) return;
  var course = O.course;
  var store = O.store;
  var R = window.OpsporRecord;
  var t = O.t;
  var el = O.el;

  /* The pass rule itself is OpsporRecord.moduleStatus (pure, unit-tested). */
  function moduleState(id, passMark) {
    var info = R.has(course.modules, id) ? course.modules[id] : null;
    var entry = store.get().m[id];
    return R.moduleStatus(entry, info ? info.questions : 0, passMark);
  }

  /* --- scenarios: s[id] = [path, best ending, attempt]; the rules are OpsporRecord's ------- */

  function scenarioInfo(id) {
    return R.has(course.scenarios, id) ? course.scenarios[id] : null;
  }

  /* One scenario's entry as named parts (attempt 0 while the record leaves it out). */
  function scenarioEntry(id) {
    var status = R.scenarioStatus(store.get().s[id], scenarioInfo(id));
    var e = store.get().s[id];
    return { path: status.path, best: e ? e[1] : "", attempt: status.attempt };
  }

  /* Put a scenario's path into record ``r`` (inside an update). The best-rated ending ever reached
   * is kept, so replaying to a worse ending never undoes a pass. False when nothing changed. */
  function applyScenario(r, id, path, endingId, attempt) {
    var before = r.s[id];
    var entry = R.scenarioAfter(before, scenarioInfo(id), path, endingId, attempt);
    if (before && before.length === entry.length && before.every(function (x, i) { return x === entry[i]; })) return false;
    r.s[id] = entry;
    return true;
  }

  /* A scenario passes when its best ending is rated god or acceptabel (OpsporRecord.scenarioStatus). */
  function scenarioState(id) {
    return R.scenarioStatus(store.get().s[id], scenarioInfo(id));
  }

  function itemState(item, track) {
    var s = item.kind === "module" ? moduleState(item.id, track.pass_mark) : scenarioState(item.id);
    s.done = s.state === "passed";
    s.id = item.id;
    s.kind = item.kind;
    var info = item.kind === "module" ? course.modules[item.id] : course.scenarios[item.id];
    s.title = info.title;
    s.minutes = info.minutes;
    s.url = info.url;
    s.level = info.level;
    return s;
  }

  function trackState(track) {
    var items = track.items.map(function (item) { return itemState(item, track); });
    var summary = R.trackSummary(items); // the track rule (pass, score for the LMS) is OpsporRecord's
    return {
      track: track,
      items: items,
      done: summary.done,
      total: summary.total,
      complete: summary.complete,
      attempted: summary.attempted, // every item tried to the end
      minutesLeft: summary.minutesLeft,
      scoreRaw: summary.scoreRaw,
      next: items.filter(function (i) { return !i.done; })[0] || null,
      completedOn: store.get().k[track.id] || "",
    };
  }

  function trackById(id) {
    return course.tracks.filter(function (tr) { return tr.id === id; })[0] || null;
  }

  /* Record the date each track was first complete (the certificate's date). */
  function markCompletions(r) {
    course.tracks.forEach(function (track) {
      if (!r.k[track.id] && trackState(track).complete) r.k[track.id] = O.today();
    });
  }

  function update(mutator) {
    store.change(function (r) {
      var result = mutator(r);
      if (result === false) return false;
      markCompletions(r);
    });
  }

  /* --- quiz results ------------------------------------------------------------------ */

  /* Put one module's quiz count into record ``r`` (inside an update): the best score of a fully
   * answered quiz is kept, so trying again never lowers a result. False when nothing changed. */
  function applyQuiz(r, moduleId, answeredCount, correctCount) {
    var info = course.modules[moduleId];
    if (!info) return false;
    var questions = info.questions;
    var answered = Math.min(Number(answeredCount) || 0, questions);
    var correct = Math.min(Number(correctCount) || 0, questions);
    var before = r.m[moduleId] || null;
    var best = before ? before[0] : -1;
    var most = before ? before[1] : 0;
    if (questions > 0 && answered === questions) best = Math.max(best, Math.round((correct / questions) * 100));
    if (questions === 0) best = 100;
    most = Math.max(most, answered);
    if (before && before[0] === best && before[1] === most) return false;
    if (!before && answered === 0 && questions > 0) return false; // opening a page is not progress
    r.m[moduleId] = [best, most];
    return true;
  }

  function recordQuiz(moduleId, answered, correct) {
    update(function (r) { return applyQuiz(r, moduleId, answered, correct); });
  }

  /* --- what the learner sees --------------------------------------------------------- */

  function statusText(s, track) {
    if (s.kind === "scenario") {
      if (s.state === "passed") return t("status_scenario_passed", { rating: t("rating_" + s.rating) });
      if (s.state === "not_passed") return t("status_scenario_not_passed");
      return t(s.state);
    }
    if (s.state === "passed") return s.questions ? t("status_passed_score", { score: s.score }) : t("passed");
    if (s.state === "not_passed") return t("status_not_passed_score", { score: s.score, mark: track.pass_mark });
    if (s.state === "in_progress") return t("status_answered", { answered: s.answered, questions: s.questions });
    return t("not_started");
  }

  function itemLink(s, prefix) {
    return el("a", { href: O.url(s.url) }, [(prefix ? prefix + " " : "") + t("kind_" + s.kind) + ": " + s.title]);
  }

  function summary(state, headingLevel) {
    var track = state.track;
    var parts = [
      el("p", { class: "opspor-summary-line" }, [
        el("strong", { text: t("progress_x_of_y", { done: state.done, total: state.total }) }),
        state.complete ? "" : " · " + t("time_left", { time: O.formatMinutes(state.minutesLeft) }),
      ]),
      el("progress", { max: String(state.total), value: String(state.done),
        "aria-label": t("progress_bar_label", { track: track.title }) }),
    ];
    if (state.complete) {
      parts.push(el("p", { class: "opspor-complete" }, [
        el("strong", { text: t("track_complete") }), " ",
        el("a", { class: "opspor-button", href: O.url(course.pages.certificate) + "#" + track.id,
          text: t("certificate_print") }),
      ]));
    } else if (state.next) {
      parts.push(el("p", {}, [t("continue_with") + " ", itemLink(state.next)]));
    }
    if (headingLevel) {
      parts.unshift(el("h" + headingLevel, {}, [el("a", { href: O.url(track.url), text: track.title })]));
    }
    return parts;
  }

  function replaceChildren(node, children) {
    while (node.firstChild) node.removeChild(node.firstChild);
    children.forEach(function (child) { if (child) node.appendChild(child); });
  }

  function renderTrackPage() {
    var box = document.querySelector(".opspor-track-progress[data-track]");
    if (!box) return;
    var track = trackById(box.getAttribute("data-track"));
    if (!track) return;
    var state = trackState(track);
    replaceChildren(box, summary(state, 0));
    state.items.forEach(function (s) {
      var cell = document.querySelector('.opspor-status[data-item="' + s.id + '"]');
      if (!cell) return;
      cell.textContent = statusText(s, track);
      cell.className = "opspor-status opspor-status--" + s.state;
    });
    var certificate = document.querySelector(".opspor-certificate[data-track]");
    if (certificate) {
      replaceChildren(certificate, [
        el("h2", { text: t("certificate_heading") }),
        state.complete
          ? el("p", {}, [el("a", { class: "opspor-button", href: O.url(course.pages.certificate) + "#" + track.id,
              text: t("certificate_print") })])
          : el("p", { text: t("certificate_locked") }),
      ]);
    }
  }

  function renderModuleStatus() {
    var box = document.querySelector(".opspor-module-status[data-id]");
    if (!box) return;
    var id = box.getAttribute("data-id");
    var info = course.modules[id];
    if (!info || !info.questions) return;
    var tracks = course.tracks.filter(function (tr) {
      return tr.items.some(function (i) { return i.id === id; });
    });
    var marks = {};
    tracks.forEach(function (tr) { marks[tr.pass_mark] = (marks[tr.pass_mark] || []).concat(tr.title); });
    var lines = [];
    var any = moduleState(id, 100);
    if (any.state === "not_started") {
      lines.push(t("module_status_intro", { questions: info.questions }));
    } else if (any.score === null) {
      lines.push(t("status_answered", { answered: any.answered, questions: any.questions }));
    } else {
      lines.push(t("module_best_score", { score: any.score }));
    }
    Object.keys(marks).forEach(function (mark) {
      var s = moduleState(id, Number(mark));
      var names = Object.keys(marks).length > 1 ? " (" + marks[mark].join(", ") + ")" : "";
      if (s.state === "passed") lines.push(t("module_passed", { mark: mark }) + names);
      else if (s.state === "not_passed") lines.push(t("module_not_passed", { mark: mark }) + names);
      else lines.push(t("module_pass_rule", { mark: mark }) + names);
    });
    box.classList.add("opspor-module-status--" + (any.state === "not_started" ? "new" : "active"));
    replaceChildren(box, lines.map(function (line) { return el("p", { text: line }); }));
  }

  /* --- Mit forløb ------------------------------------------------------------------ */

  var announcer = null;
  function announce(message) {
    if (announcer) {
      announcer.textContent = "";
      setTimeout(function () { announcer.textContent = message; }, 50);
    }
  }

  function download(filename, text) {
    var blob = new Blob([text], { type: "application/json" });
    var link = el("a", { href: URL.createObjectURL(blob), download: filename, hidden: true });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  /* Why an import was refused, in the learner's words; ids from the file go in as text only. */
  function importRefusal(result) {
    var unknown = (result.problems || []).filter(function (p) { return p.kind.indexOf("unknown_") === 0; });
    if (unknown.length) {
      var ids = [];
      unknown.forEach(function (p) {
        var id = p.id.length > 40 ? p.id.slice(0, 40) + "…" : p.id;
        if (ids.indexOf(id) < 0) ids.push(id);
      });
      var shown = ids.slice(0, 3).concat(ids.length > 3 ? ["…"] : []);
      return t("import_unknown_ids", { ids: shown.join(", ") });
    }
    var keys = { foreign: "import_foreign", newer: "import_newer", shape: "import_damaged", unfit: "import_damaged" };
    return t(keys[result.reason] || "import_failed");
  }

  /* The copies of unreadable records this browser keeps for the learner: theirs to save as a file. */
  var backupBox = null;
  function showBackups() {
    if (backupBox) backupBox.hidden = !store.backupExists();
  }

  function dataControls() {
    var mode = store.mode();
    var section = el("section", { id: "opspor-data", class: "opspor-data", "aria-labelledby": "opspor-data-title" });
    var confirmBox = el("div", { class: "opspor-confirm", hidden: true }, [
      el("p", { text: t("erase_confirm") }),
      el("button", { type: "button", class: "opspor-button opspor-button--danger", text: t("erase_yes"),
        onclick: function () {
          store.eraseAll();
          confirmBox.hidden = true;
          eraseButton.focus();
          announce(t("erase_done"));
        } }),
      " ",
      el("button", { type: "button", class: "opspor-button opspor-button--plain", text: t("erase_no"),
        onclick: function () { confirmBox.hidden = true; eraseButton.focus(); } }),
    ]);
    var eraseButton = el("button", { type: "button", class: "opspor-button opspor-button--danger",
      text: t("erase_button"), onclick: function () {
        confirmBox.hidden = false;
        confirmBox.querySelector("button").focus();
      } });
    var fileInput = el("input", { type: "file", id: "opspor-import-file", accept: ".json,application/json",
      onchange: function () {
        var file = fileInput.files && fileInput.files[0];
        if (!file) return;
        var reader = new FileReader();
        reader.onload = function () {
          var result = store.fromExport(String(reader.result));
          if (result.record) {
            store.merge(result.record);
            announce(t("import_done"));
          } else {
            announce(importRefusal(result));
          }
          fileInput.value = "";
        };
        reader.readAsText(file);
      } });
    var privateBox = el("input", { type: "checkbox", id: "opspor-private", checked: mode === "private",
      onchange: function () {
        store.setPrivate(privateBox.checked);
        announce(t(privateBox.checked ? "private_on" : "private_off"));
        describeMode();
      } });
    var modeText = el("p", { class: "opspor-mode" });
    function describeMode() {
      modeText.textContent = store.held() ? t("storage_held") : t("storage_" + store.mode());
    }
    describeMode();
    announcer = el("p", { class: "opspor-announcer", role: "status", "aria-live": "polite" });
    backupBox = el("div", { class: "opspor-backups", hidden: true }, [
      el("p", { text: t("backup_kept") }),
      el("p", {}, [el("button", { type: "button", class: "opspor-button opspor-button--plain",
        text: t("backup_button"), onclick: function () {
          download("opspor-kopi-" + O.today() + ".json", store.backupExport());
          announce(t("backup_saved"));
        } })]),
    ]);
    showBackups();
    var children = [
      el("h2", { id: "opspor-data-title", text: t("data_heading") }),
      modeText,
      el("div", { class: "opspor-data-actions" }, [
        el("button", { type: "button", class: "opspor-button", text: t("export_button"), onclick: function () {
          download("opspor-forloeb-" + O.today() + ".json", store.toExport());
          announce(t("export_done"));
        } }),
        el("label", { for: "opspor-import-file", class: "opspor-file-label" }, [t("import_label")]),
        fileInput,
      ]),
    ];
    if (mode !== "lms") {
      children.push(el("p", { class: "opspor-private" }, [privateBox, " ",
        el("label", { for: "opspor-private", text: t("private_label") })]));
      children.push(el("p", { class: "opspor-hint", text: t("private_hint") }));
    }
    children.push(backupBox, el("p", {}, [eraseButton]), confirmBox, announcer);
    replaceChildren(section, children);
    return section;
  }

  function renderProgressPage() {
    var overview = document.getElementById("opspor-progress-overview");
    if (!overview) return;
    var fallback = document.querySelector(".opspor-static-tracks");
    if (fallback) fallback.hidden = true;
    var cards = course.tracks.map(function (track) {
      return el("section", { class: "opspor-track-card" }, summary(trackState(track), 2));
    });
    replaceChildren(overview, cards);
    if (!document.getElementById("opspor-data")) overview.parentNode.insertBefore(dataControls(), overview.nextSibling);
    showBackups();
  }

  function renderAll() {
    renderTrackPage();
    renderModuleStatus();
    renderProgressPage();
  }

  /* --- LMS -------------------------------------------------------------------------- */

  function reportToLMS() {
    var lms = store.lms();
    if (!lms || typeof lms.report !== "function") return;
    var track = trackById(lms.trackId) || course.tracks[0];
    if (!track) return;
    var state = trackState(track);
    lms.report({ trackId: track.id, completed: state.attempted || state.complete, passed: state.complete,
      scoreRaw: state.scoreRaw });
  }

  O.progress = {
    moduleState: moduleState,
    scenarioState: scenarioState,
    scenarioEntry: scenarioEntry,
    applyScenario: applyScenario,
    trackState: trackState,
    trackById: trackById,
    update: update,
    applyQuiz: applyQuiz,
  };

  store.onChange(function () {
    renderAll();
    reportToLMS();
  });
  O.onStart(function () {
    if (O.page.kind === "module" && course.modules[O.page.id] && !course.modules[O.page.id].questions) {
      recordQuiz(O.page.id, 0, 0); // a module without questions passes by reading it
    }
    renderAll();
  });
})();
