/* Opspor certificate page: a self-issued record of completion, printed by the browser.
 *
 * The learner picks a complete track and types their name (the name is never stored).
 * The sheet shows name, track, level, completion date, module scores, scenarios, total
 * hours and a completion reference, and prints on one A4 landscape page (see opspor.css).
 * It says plainly that it is self-issued: nothing here is verified by anyone.
 */
(function () {
  "use strict";
  var O = window.Opspor;
  if (!O || !O.course || !O.store || !O.progress) return;
  var course = O.course;
  var t = O.t;
  var el = O.el;

  /* A short, stable reference for one completion (FNV-1a over what the sheet states). */
  function reference(state) {
    var text = [course.storage_key, state.track.id, state.completedOn].concat(state.items.map(function (i) {
      return i.id + ":" + (i.score === null || i.score === undefined ? i.state : i.score);
    })).join("|");
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    var code = ("000000" + hash.toString(36).toUpperCase()).slice(-7);
    return state.track.id.slice(0, 3).toUpperCase() + "-" + state.completedOn.replace(/-/g, "") + "-" + code;
  }

  function levels(state) {
    var seen = {};
    state.items.forEach(function (i) { seen[i.level] = true; });
    return Object.keys(seen).sort().map(function (level) { return t("level_" + level); }).join(" · ");
  }

  function sheet(state, name) {
    var modules = state.items.filter(function (i) { return i.kind === "module"; });
    var scenarios = state.items.filter(function (i) { return i.kind === "scenario"; });
    var moduleItems = modules.map(function (m) {
      return el("li", {}, [
        el("span", { class: "opspor-sheet-item-title", text: m.title }),
        el("span", { class: "opspor-num", text: m.questions ? m.score + " %" : t("passed") }),
      ]);
    });
    return el("section", { class: "opspor-certificate-sheet", "aria-labelledby": "opspor-sheet-title" }, [
      el("p", { class: "opspor-sheet-course", text: course.title + (course.subtitle ? ": " + course.subtitle : "") }),
      el("h2", { id: "opspor-sheet-title", class: "opspor-sheet-title", text: t("certificate_sheet_title") }),
      el("p", { class: "opspor-sheet-name", text: name || t("certificate_no_name") }),
      el("p", { class: "opspor-sheet-statement", text: t("certificate_statement", { track: state.track.title }) }),
      el("dl", { class: "opspor-sheet-facts" }, [
        el("dt", { text: t("track_label") }), el("dd", { class: "opspor-sheet-track", text: state.track.title }),
        el("dt", { text: t("level_label") }), el("dd", { text: levels(state) }),
        el("dt", { text: t("certificate_date") }), el("dd", { text: O.formatDate(state.completedOn) }),
        el("dt", { text: t("certificate_hours") }),
        el("dd", { class: "opspor-sheet-hours", text: O.formatHours(state.track.hours) + " " + t("hours") }),
        el("dt", { text: t("certificate_reference") }), el("dd", { class: "opspor-sheet-reference", text: reference(state) }),
      ]),
      el("div", { class: "opspor-sheet-items" }, [
        el("p", { class: "opspor-sheet-subheading", id: "opspor-sheet-modules",
          text: t("certificate_modules_caption", { mark: state.track.pass_mark }) }),
        el("ul", { class: "opspor-sheet-modules", "aria-labelledby": "opspor-sheet-modules" }, moduleItems),
        scenarios.length ? el("p", { class: "opspor-sheet-subheading", id: "opspor-sheet-scenarios",
          text: t("certificate_scenarios") }) : null,
        scenarios.length ? el("ul", { class: "opspor-sheet-scenarios", "aria-labelledby": "opspor-sheet-scenarios" },
          scenarios.map(function (s) { return el("li", { text: s.title }); })) : null,
      ]),
      el("p", { class: "opspor-sheet-disclaimer", text: t("certificate_self_issued") }),
      el("p", { class: "opspor-sheet-publisher", text: t("certificate_publisher", { publisher: course.publisher }) }),
    ]);
  }

  function render(root) {
    var requested = decodeURIComponent(window.location.hash.replace(/^#/, ""));
    var states = course.tracks.map(O.progress.trackState);
    var chosen = O.progress.trackById(requested) ? requested
      : (states.filter(function (s) { return s.complete; })[0] || states[0]).track.id;
    var select = el("select", { id: "opspor-cert-track" }, states.map(function (s) {
      return el("option", { value: s.track.id, selected: s.track.id === chosen,
        text: s.track.title + (s.complete ? "" : " (" + t("progress_x_of_y", { done: s.done, total: s.total }) + ")") });
    }));
    var nameInput = el("input", { type: "text", id: "opspor-cert-name", autocomplete: "name", maxlength: "80" });
    var nameMissing = el("p", { class: "opspor-cert-name-missing", id: "opspor-cert-name-missing",
      text: t("certificate_name_required") });
    // Refused until a name is typed (a sheet without a name documents no one); the reason stays
    // next to the button. aria-disabled, not disabled, so the button and its reason stay in reach.
    var printButton = el("button", { type: "button", class: "opspor-button", text: t("certificate_print"),
      "aria-describedby": "opspor-cert-name-missing",
      onclick: function () {
        if (!nameInput.value.trim()) { nameInput.focus(); return; }
        window.print();
      } });
    var holder = el("div", { class: "opspor-sheet-holder" });
    var controls = el("div", { class: "opspor-cert-controls" }, [
      el("p", {}, [el("label", { for: "opspor-cert-track", text: t("track_label") }), " ", select]),
      el("p", {}, [el("label", { for: "opspor-cert-name", text: t("certificate_name_label") }), " ", nameInput]),
      el("p", { class: "opspor-hint", id: "opspor-cert-name-hint", text: t("certificate_name_hint") }),
      el("div", { class: "opspor-cert-print" }, [printButton, nameMissing]),
    ]);
    nameInput.setAttribute("aria-describedby", "opspor-cert-name-hint");

    function draw() {
      var state = O.progress.trackState(O.progress.trackById(select.value));
      while (holder.firstChild) holder.removeChild(holder.firstChild);
      var name = nameInput.value.trim();
      printButton.hidden = !state.complete;
      nameMissing.hidden = !state.complete || !!name;
      printButton.setAttribute("aria-disabled", name ? "false" : "true");
      holder.classList.toggle("opspor-sheet-holder--unnamed", !name);
      if (state.complete) {
        holder.appendChild(sheet(state, name));
        // what paper shows if the browser's own print command is used before a name is typed
        holder.appendChild(el("p", { class: "opspor-cert-print-refusal", text: t("certificate_name_required") }));
      } else {
        holder.appendChild(el("p", { class: "opspor-cert-locked" }, [
          t("certificate_not_yet", { done: state.done, total: state.total }) + " ",
          el("a", { href: O.url(state.track.url), text: t("certificate_go_to_track", { track: state.track.title }) }),
        ]));
      }
    }
    select.addEventListener("change", function () {
      window.location.replace("#" + select.value); // keep the choice on reload without a history entry
      draw();
    });
    nameInput.addEventListener("input", draw);
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(controls);
    root.appendChild(holder);
    draw();
  }

  O.onStart(function () {
    var root = document.getElementById("opspor-certificate-page");
    if (root) {
      document.body.classList.add("opspor-certificate-active");
      // Only this page prints in landscape, so the rule is added here rather than in opspor.css.
      document.head.appendChild(el("style", { text: "@page { size: A4 landscape; margin: 10mm; }" }));
      render(root);
    }
  });
})();
