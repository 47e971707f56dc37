/* Opspor scenario player.
 *
 * Reads the scenario the compiler embedded as JSON (#opspor-scenario-data; step and feedback
 * HTML is already escaped and rendered at build time), and plays it in #opspor-player: one
 * step at a time as a radio group with a submit button, feedback announced through an
 * aria-live region, the path so far, and at an ending a debrief compared with the best path.
 *
 * The record keeps s[scenarioId] = [path, best ending, attempt] (opspor-progress.js):
 *   - path: the current attempt's choices as authored option digits, so a reload continues;
 *   - best ending: the best-rated ending ever reached; god or acceptabel passes the scenario;
 *   - attempt: how many times the learner started again (left out while 0).
 * Options are shown in a seeded shuffle (OpsporRecord.order) of (r, scenario, step, attempt), r
 * being the record's learner id that opspor-quiz.js also shuffles answers with: different for each learner and
 * attempt, the same after a reload. Radio values stay the authored indexes.
 * Endings are not shown before they are reached: the text version, which names them all, stays
 * hidden until the learner asks for it. Without JavaScript, and in print, the page shows the
 * whole scenario as text in authored order instead.
 */
(function () {
  "use strict";
  var O = window.Opspor;
  if (!O || !O.course || !O.store || !O.progress || !window.OpsporRecord) return;
  var t = O.t;
  var el = O.el;
  var RANK = window.OpsporRecord.RANK; // god 2, acceptabel 1, uhensigtsmaessig 0

  function readScenario() {
    var node = document.getElementById("opspor-scenario-data");
    if (!node) return null;
    try {
      return JSON.parse(node.textContent);
    } catch (e) {
      return null;
    }
  }

  /* Follow a path of option digits from the start: the choices made and where they lead. */
  function walk(scenario, path) {
    var choices = [];
    var stepId = scenario.start;
    var ending = "";
    for (var i = 0; i < path.length; i++) {
      var step = scenario.steps[stepId];
      var option = step && step.options[Number(path[i])];
      if (!option || ending) break; // content changed since the path was saved: keep the valid part
      choices.push({ stepId: stepId, index: Number(path[i]), option: option });
      if (option.ending) ending = option.ending;
      else stepId = option.next;
    }
    return {
      choices: choices,
      path: choices.map(function (c) { return c.index; }).join(""),
      stepId: ending ? "" : stepId,
      ending: ending,
    };
  }

  /* Where "try again from the step where it went wrong" starts: the last choice on the path
   * whose option is rated lower than the best option of its step (0, the start, if none is). */
  function wrongTurn(scenario, choices) {
    for (var i = choices.length - 1; i >= 0; i--) {
      var top = scenario.steps[choices[i].stepId].options.reduce(function (best, o) {
        return Math.max(best, RANK[o.rating]);
      }, 0);
      if (RANK[choices[i].option.rating] < top) return i;
    }
    return 0;
  }

  /* Is a path-dependent note shown for these choices? ([step, index] pairs, see docs_tree.py) */
  function noteApplies(note, choices) {
    function chose(ref) {
      return choices.some(function (c) { return c.stepId === ref[0] && c.index === ref[1]; });
    }
    return (!note["if"].length || note["if"].some(chose)) && !note.unless.some(chose);
  }

  function Player(root, scenario) {
    this.root = root;
    this.scenario = scenario;
    this.numbers = {};
    var n = 0;
    for (var id in scenario.steps) if (Object.prototype.hasOwnProperty.call(scenario.steps, id)) this.numbers[id] = ++n;
    this.uid = "opspor-" + scenario.id;
  }

  Player.prototype.entry = function () {
    return O.progress.scenarioEntry(this.scenario.id);
  };

  Player.prototype.save = function (path, ending, attempt) {
    var id = this.scenario.id;
    O.progress.update(function (r) { return O.progress.applyScenario(r, id, path, ending, attempt); });
  };

  /* The order options are shown in at one step of the current attempt (authored indexes). */
  Player.prototype.order = function (stepId, count) {
    var seed = [O.store.get().r || "", "scenario", this.scenario.id, stepId, this.entry().attempt].join("|");
    return window.OpsporRecord.order(count, seed);
  };

  /* The record's learner id (r), made and saved before the first step is drawn if the learner has
   * none yet (the quiz makes it the same way), so a reload draws the same order. */
  function ensureLearnerId() {
    if (O.store.get().r) return;
    var bytes = new Uint8Array(8);
    if (window.crypto && window.crypto.getRandomValues) window.crypto.getRandomValues(bytes);
    else for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    O.store.change(function (r) { r.r = window.OpsporRecord.newSeed(bytes); });
  }

  Player.prototype.ratingText = function (rating) {
    return t("rating_" + rating);
  };

  Player.prototype.start = function () {
    ensureLearnerId();
    document.body.classList.add("opspor-player-active");
    this.feedback = el("div", { class: "opspor-player-feedback", "aria-live": "polite" });
    this.stage = el("div", { class: "opspor-player-stage" });
    var self = this;
    this.textToggle = el("button", { type: "button", class: "opspor-button opspor-button--plain",
      "aria-expanded": "false", text: t("player_show_text"), onclick: function () { self.toggleText(); } });
    this.root.appendChild(el("h2", { id: this.uid + "-title", text: t("player_heading") }));
    this.root.appendChild(el("p", { class: "opspor-player-intro", text: t("player_intro") }));
    this.root.appendChild(this.stage);
    this.root.appendChild(el("p", { class: "opspor-player-tools" }, [this.textToggle]));
    this.render(false);
  };

  Player.prototype.toggleText = function () {
    var showing = document.body.classList.toggle("opspor-scenario-text-shown");
    this.textToggle.setAttribute("aria-expanded", showing ? "true" : "false");
    this.textToggle.textContent = t(showing ? "player_hide_text" : "player_show_text");
  };

  Player.prototype.render = function (moveFocus) {
    var state = walk(this.scenario, this.entry().path);
    while (this.stage.firstChild) this.stage.removeChild(this.stage.firstChild);
    if (state.ending) this.renderEnding(state);
    else this.renderStep(state);
    if (moveFocus) {
      var heading = this.stage.querySelector(".opspor-step-heading");
      if (heading) {
        // Focus without the browser's "just enough" scroll, then put the heading at the top,
        // below the sticky bars (scroll-margin-top in opspor.css).
        heading.focus({ preventScroll: true });
        heading.scrollIntoView({ block: "start" });
      }
    }
  };

  Player.prototype.pathSoFar = function (state) {
    var self = this;
    if (!state.choices.length) return null;
    return el("div", { class: "opspor-player-path" }, [
      el("h4", { class: "opspor-small-heading", text: t("player_path_so_far") }),
      el("ol", {}, state.choices.map(function (c) {
        return el("li", {}, [
          t("step") + " " + self.numbers[c.stepId] + ": " + c.option.text + " ",
          el("span", { class: "opspor-rating opspor-rating--" + c.option.rating, text: "(" + self.ratingText(c.option.rating) + ")" }),
        ]);
      })),
    ]);
  };

  /* Start again from the first step, or (``from`` > 0) from that choice on the path: a new attempt. */
  Player.prototype.restart = function (path, from) {
    this.save(path.slice(0, from || 0), "", this.entry().attempt + 1);
    this.feedback.textContent = "";
    this.render(true);
  };

  Player.prototype.restartButton = function (state) {
    var self = this;
    return el("button", { type: "button", class: "opspor-button opspor-button--plain opspor-restart",
      text: t("player_restart"), onclick: function () { self.restart(state.path, 0); } });
  };

  Player.prototype.renderStep = function (state) {
    var self = this;
    var step = this.scenario.steps[state.stepId];
    var name = this.uid + "-choice";
    var legendId = this.uid + "-legend";
    var radios = this.order(state.stepId, step.options.length).map(function (index) {
      var id = name + "-" + index;
      return el("div", { class: "opspor-option" }, [
        el("input", { type: "radio", name: name, id: id, value: String(index) }),
        el("label", { for: id, text: step.options[index].text }),
      ]);
    });
    var submit = el("button", { type: "submit", class: "opspor-button", text: t("player_choose") });
    var form = el("form", { class: "opspor-player-form", novalidate: true }, [
      el("fieldset", { "aria-labelledby": legendId }, [
        el("legend", { id: legendId, text: t("player_question") }),
      ].concat(radios)),
      el("p", {}, [submit]),
    ]);
    var message = el("p", { class: "opspor-player-message", role: "alert" });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input:checked");
      if (!chosen) {
        message.textContent = t("player_pick_first");
        var first = form.querySelector("input");
        if (first) first.focus();
        return;
      }
      self.choose(state, Number(chosen.value), form);
    });
    var children = [
      el("h3", { tabindex: "-1", class: "opspor-step-heading",
        text: t("step") + " " + this.numbers[state.stepId] + " " + t("player_of") + " " + Object.keys(this.numbers).length }),
      el("div", { class: "opspor-step-text", html: step.html }),
      form,
      message,
      this.feedback,
      this.pathSoFar(state),
    ];
    if (state.choices.length) children.push(el("p", {}, [this.restartButton(state)]));
    children.forEach(function (child) { if (child) self.stage.appendChild(child); });
  };

  Player.prototype.feedbackContent = function (option) {
    return [
      el("p", { class: "opspor-feedback-head" }, [
        el("strong", { text: t("player_your_choice") + ": " }), option.text,
      ]),
      el("p", {}, [
        el("strong", { text: t("player_rating") + ": " }),
        el("span", { class: "opspor-rating opspor-rating--" + option.rating, text: this.ratingText(option.rating) }),
      ]),
      el("div", { class: "opspor-feedback-text", html: option.feedback_html }),
      option.source ? el("p", { class: "opspor-source", text: t("source") + ": " + option.source }) : null,
    ];
  };

  Player.prototype.choose = function (state, index, form) {
    var self = this;
    var option = this.scenario.steps[state.stepId].options[index];
    var path = state.path + String(index);
    this.save(path, option.ending || "", this.entry().attempt);
    Array.prototype.forEach.call(form.querySelectorAll("input, button"), function (node) { node.disabled = true; });
    form.classList.add("opspor-player-form--answered");
    var box = el("div", { class: "opspor-feedback opspor-feedback--" + option.rating }, this.feedbackContent(option));
    while (this.feedback.firstChild) this.feedback.removeChild(this.feedback.firstChild);
    this.feedback.appendChild(box);
    var next = el("button", { type: "button", class: "opspor-button",
      text: t(option.ending ? "player_see_ending" : "player_continue"),
      onclick: function () {
        while (self.feedback.firstChild) self.feedback.removeChild(self.feedback.firstChild);
        self.render(true);
      } });
    this.feedback.parentNode.insertBefore(el("p", { class: "opspor-next" }, [next]), this.feedback.nextSibling);
    next.focus();
  };

  /* The debrief: every choice as one list item (reads on a phone; a table did not). */
  Player.prototype.debrief = function (state) {
    var self = this;
    return el("ol", { class: "opspor-debrief" }, state.choices.map(function (c) {
      return el("li", { class: "opspor-debrief-item opspor-debrief-item--" + c.option.rating }, [
        el("p", { class: "opspor-debrief-choice" }, [
          el("strong", { text: t("step") + " " + self.numbers[c.stepId] + ": " }), c.option.text,
        ]),
        el("p", { class: "opspor-debrief-rating" }, [
          t("player_rating") + ": ",
          el("span", { class: "opspor-rating opspor-rating--" + c.option.rating, text: self.ratingText(c.option.rating) }),
        ]),
        el("div", { class: "opspor-debrief-feedback", html: c.option.feedback_html }),
      ]);
    }));
  };

  /* Passed or not, what the best result so far is, and the ways to play again. */
  Player.prototype.outcome = function (state, ending) {
    var self = this;
    var passed = RANK[ending.rating] > 0;
    var bestId = this.entry().best;
    var best = bestId && bestId !== state.ending ? this.scenario.endings[bestId] : null;
    var lines = [el("p", { class: "opspor-outcome-verdict" }, [
      el("strong", { text: t(passed ? "player_passed" : "player_not_passed") }),
      passed ? null : " " + t("player_not_passed_why"),
    ])];
    if (best) {
      lines.push(el("p", { text: t(RANK[best.rating] > 0 ? "player_best_kept_passed" : "player_best_kept",
        { ending: best.title, rating: this.ratingText(best.rating) }) }));
    }
    var buttons = [];
    if (!passed) {
      var from = wrongTurn(this.scenario, state.choices);
      if (from > 0) {
        buttons.push(el("button", { type: "button", class: "opspor-button opspor-retry-step",
          text: t("player_retry_from", { step: this.numbers[state.choices[from].stepId] }),
          onclick: function () { self.restart(state.path, from); } }));
      }
      lines.push(el("p", { class: "opspor-hint", text: t(from > 0 ? "player_retry_hint" : "player_retry_hint_start") }));
    }
    buttons.push(this.restartButton(state));
    lines.push(el("p", { class: "opspor-outcome-actions" }, buttons));
    return el("div", { class: "opspor-outcome opspor-outcome--" + (passed ? "passed" : "not-passed") }, lines);
  };

  Player.prototype.renderEnding = function (state) {
    var self = this;
    var ending = this.scenario.endings[state.ending];
    var best = this.scenario.best_path || [];
    var firstDifference = -1;
    state.choices.forEach(function (c, i) {
      if (firstDifference >= 0) return;
      if (!best[i] || best[i].step !== c.stepId || best[i].option !== c.index) firstDifference = i;
    });
    if (firstDifference < 0 && best.length !== state.choices.length) firstDifference = state.choices.length;
    var bestList = el("ol", { class: "opspor-best-path" }, best.map(function (b) {
      var option = self.scenario.steps[b.step].options[b.option];
      var last = option.ending ? " → " + self.scenario.endings[option.ending].title : "";
      return el("li", {}, [t("step") + " " + self.numbers[b.step] + ": " + option.text + last + " ",
        el("span", { class: "opspor-rating opspor-rating--" + option.rating, text: "(" + self.ratingText(option.rating) + ")" })]);
    }));
    var comparison = firstDifference < 0
      ? t("player_followed_best")
      : t("player_differs_at", { step: state.choices[firstDifference]
          ? this.numbers[state.choices[firstDifference].stepId] : this.numbers[best[firstDifference].step] });
    var trackLinks = O.course.tracks.filter(function (tr) {
      return tr.items.some(function (i) { return i.id === self.scenario.id; });
    });
    var notes = (ending.notes || []).filter(function (note) { return noteApplies(note, state.choices); });
    [
      el("h3", { tabindex: "-1", class: "opspor-step-heading", text: t("ending") + ": " + ending.title }),
      el("p", {}, [el("strong", { text: t("player_rating") + ": " }),
        el("span", { class: "opspor-rating opspor-rating--" + ending.rating, text: this.ratingText(ending.rating) })]),
      el("div", { class: "opspor-ending-text", html: ending.html }),
      notes.length ? el("div", { class: "opspor-ending-notes" }, [
        el("h4", { class: "opspor-small-heading", text: t("player_your_path") }),
      ].concat(notes.map(function (note) {
        return el("div", { class: "opspor-ending-text opspor-ending-note", html: note.html });
      }))) : null,
    ].concat([
      this.outcome(state, ending),
      el("h3", { text: t("player_summary") }),
      this.debrief(state),
      el("h3", { text: t("player_best_path") }),
      el("p", { class: "opspor-comparison", text: comparison }),
      firstDifference < 0 ? null : bestList, // the same list twice says nothing new
      trackLinks.length ? el("p", { class: "opspor-player-done" }, [
        el("a", { href: O.url(O.course.pages.progress), text: t("player_back_to_progress") })]) : null,
    ]).forEach(function (node) { if (node) self.stage.appendChild(node); });
  };

  O.onStart(function () {
    var root = document.getElementById("opspor-player");
    var scenario = readScenario();
    if (!root || !scenario || !scenario.steps[scenario.start]) return; // the static text stays
    new Player(root, scenario).start();
  });

  // Printed, the text version must show every option's feedback, so its folded parts open.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll(".opspor-scenario-text details:not([open])"),
      function (d) { d.open = true; return true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
