/* Opspor scenario player.
 *
 * Reads the scenario the compiler embedded as JSON (#opspor-scenario-data; step and feedback
 * HTML is already escaped and rendered at build time), and plays it in #opspor-player: one
 * step at a time as a radio group with a submit button, feedback announced through an
 * aria-live region, the path so far, and at an ending a summary compared with the best path.
 * The path is saved after every choice, so a reload continues where the learner was.
 * Without JavaScript, and in print, the page shows the whole scenario as text instead.
 */
(function () {
  "use strict";
  var O = window.Opspor;
  if (!O || !O.course || !O.store || !O.progress) return;
  var t = O.t;
  var el = O.el;

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

  function Player(root, scenario) {
    this.root = root;
    this.scenario = scenario;
    this.numbers = {};
    var n = 0;
    for (var id in scenario.steps) if (Object.prototype.hasOwnProperty.call(scenario.steps, id)) this.numbers[id] = ++n;
    this.uid = "opspor-" + scenario.id;
  }

  Player.prototype.saved = function () {
    var entry = O.store.get().s[this.scenario.id];
    return entry ? entry[0] : "";
  };

  Player.prototype.save = function (path, ending) {
    var id = this.scenario.id;
    O.progress.update(function (r) {
      var before = r.s[id] || ["", ""];
      r.s[id] = [path, ending || before[1]];
    });
  };

  Player.prototype.ratingText = function (rating) {
    return t("rating_" + rating);
  };

  Player.prototype.start = function () {
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
    var state = walk(this.scenario, this.saved());
    while (this.stage.firstChild) this.stage.removeChild(this.stage.firstChild);
    if (state.ending) this.renderEnding(state);
    else this.renderStep(state);
    if (moveFocus) {
      var heading = this.stage.querySelector("h3");
      if (heading) heading.focus();
    }
  };

  Player.prototype.pathSoFar = function (state) {
    var self = this;
    if (!state.choices.length) return null;
    return el("div", { class: "opspor-player-path" }, [
      el("h3", { class: "opspor-small-heading", text: t("player_path_so_far") }),
      el("ol", {}, state.choices.map(function (c) {
        return el("li", {}, [
          t("step") + " " + self.numbers[c.stepId] + ": " + c.option.text + " ",
          el("span", { class: "opspor-rating opspor-rating--" + c.option.rating, text: "(" + self.ratingText(c.option.rating) + ")" }),
        ]);
      })),
    ]);
  };

  Player.prototype.restartButton = function () {
    var self = this;
    return el("button", { type: "button", class: "opspor-button opspor-button--plain", text: t("player_restart"),
      onclick: function () {
        self.save("", "");
        self.feedback.textContent = "";
        self.render(true);
      } });
  };

  Player.prototype.renderStep = function (state) {
    var self = this;
    var step = this.scenario.steps[state.stepId];
    var name = this.uid + "-choice";
    var legendId = this.uid + "-legend";
    var radios = step.options.map(function (option, index) {
      var id = name + "-" + index;
      return el("div", { class: "opspor-option" }, [
        el("input", { type: "radio", name: name, id: id, value: String(index) }),
        el("label", { for: id, text: option.text }),
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
      this.pathSoFar(state),
      el("h3", { tabindex: "-1", class: "opspor-step-heading",
        text: t("step") + " " + this.numbers[state.stepId] + " " + t("player_of") + " " + Object.keys(this.numbers).length }),
      el("div", { class: "opspor-step-text", html: step.html }),
      form,
      message,
      this.feedback,
    ];
    if (state.choices.length) children.push(el("p", {}, [this.restartButton()]));
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
    this.save(path, option.ending || "");
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
    var rows = state.choices.map(function (c) {
      return el("tr", {}, [
        el("td", { text: String(self.numbers[c.stepId]) }),
        el("td", { text: c.option.text }),
        el("td", {}, [el("span", { class: "opspor-rating opspor-rating--" + c.option.rating,
          text: self.ratingText(c.option.rating) })]),
        el("td", { html: c.option.feedback_html }),
      ]);
    });
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
    [
      el("h3", { tabindex: "-1", class: "opspor-step-heading", text: t("ending") + ": " + ending.title }),
      el("p", {}, [el("strong", { text: t("player_rating") + ": " }),
        el("span", { class: "opspor-rating opspor-rating--" + ending.rating, text: this.ratingText(ending.rating) })]),
      el("div", { class: "opspor-ending-text", html: ending.html }),
      el("h3", { text: t("player_summary") }),
      el("div", { class: "opspor-table-wrap" }, [el("table", { class: "opspor-summary-table" }, [
        el("caption", { text: t("player_summary_caption") }),
        el("thead", {}, [el("tr", {}, [
          el("th", { scope: "col", text: t("step") }),
          el("th", { scope: "col", text: t("player_your_choice") }),
          el("th", { scope: "col", text: t("player_rating") }),
          el("th", { scope: "col", text: t("feedback") }),
        ])]),
        el("tbody", {}, rows),
      ])]),
      el("h3", { text: t("player_best_path") }),
      el("p", { class: "opspor-comparison", text: comparison }),
      firstDifference < 0 ? null : bestList, // the same list twice says nothing new
      el("p", { class: "opspor-player-done" }, [this.restartButton(), " "].concat(
        trackLinks.length ? [el("a", { href: O.url(O.course.pages.progress), text: t("player_back_to_progress") })] : [])),
    ].forEach(function (node) { if (node) self.stage.appendChild(node); });
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
