/* Opspor quiz: runs the quiz forms that course/quiz renders, straight into the one learner record.
 *
 * State lives in the store's record (never under the page URL, never in a second store), so it
 * belongs to whoever the record belongs to: the browser's learner, the private tab, or in an LMS
 * the LMS learner (suspend_data). Per module the record keeps
 *   q[moduleId] = [chosen, attempts]
 * with one character per question: chosen is "." (not answered) or a base-64 digit whose bits are
 * the authored answer indexes picked; attempts is a base-64 digit counting tries of that question.
 * r is a random id made once per record. Answer order is a seeded shuffle of
 * (r, module, question, attempt): it differs between learners and between attempts and stays the
 * same on reload. Print, handouts and QTI keep the authored order (they never run this).
 * Scores go into m[moduleId] through opspor-progress.js, which keeps the best one. The scenario
 * player shuffles its options with the same order() (OpsporRecord.order) and learner id.
 */
(function () {
  "use strict";
  var O = window.Opspor;
  if (!O || !O.course || !O.store || !O.progress || !window.OpsporRecord) return;
  var course = O.course;
  var store = O.store;
  var t = O.t;
  var el = O.el;
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var NONE = ".";

  /* The seeded shuffle and the learner id are OpsporRecord's (the scenario player uses them too). */
  var order = window.OpsporRecord.order;

  function newLearnerId() {
    var bytes = new Uint8Array(8);
    if (window.crypto && window.crypto.getRandomValues) window.crypto.getRandomValues(bytes);
    else for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    return window.OpsporRecord.newSeed(bytes);
  }

  /* The record's learner id, made and saved the first time a page needs it (the scenario player too). */
  function ensureLearnerId() {
    if (!store.get().r) store.change(function (r) { r.r = newLearnerId(); });
    return store.get().r;
  }

  /* --- the page's questions ---------------------------------------------------------- */

  var moduleId = O.page.kind === "module" ? O.page.id : "";
  var boxes = [];
  var questions = [];

  function readQuestion(box) {
    var items = Array.prototype.slice.call(box.querySelectorAll(".opspor-quiz-answer"));
    items.sort(function (a, b) { return Number(a.getAttribute("data-answer")) - Number(b.getAttribute("data-answer")); });
    var key = 0;
    items.forEach(function (item, i) {
      if (item.querySelector("input").getAttribute("data-correct") === "true") key |= 1 << i;
    });
    return {
      box: box,
      number: Number(box.getAttribute("data-quiz")) + 1,
      items: items,
      key: key,
      list: box.querySelector(".opspor-quiz-answers"),
      result: box.querySelector(".opspor-quiz-result"),
      submit: box.querySelector(".opspor-quiz-submit"),
      retry: box.querySelector(".opspor-quiz-retry"),
      explanation: box.querySelector(".opspor-quiz-explanation"),
      text: (box.querySelector(".opspor-quiz-question") || box).textContent.trim(),
    };
  }

  /* This module's entry, fitted to the page (a changed module starts its questions afresh). */
  function entryOf(r) {
    var total = questions.length;
    var e = r.q && r.q[moduleId];
    var chosen = e && typeof e[0] === "string" && e[0].length === total ? e[0] : repeat(NONE, total);
    var attempts = e && typeof e[1] === "string" && e[1].length === total ? e[1] : repeat("0", total);
    return [chosen, attempts];
  }

  function repeat(ch, n) {
    var s = "";
    for (var i = 0; i < n; i++) s += ch;
    return s;
  }

  function maskAt(chosen, i) {
    var ch = chosen.charAt(i);
    if (ch === NONE) return 0;
    var mask = DIGITS.indexOf(ch);
    return mask > 0 && mask < 1 << questions[i].items.length ? mask : 0;
  }

  function setChar(text, i, ch) {
    return text.slice(0, i) + ch + text.slice(i + 1);
  }

  function counts(chosen) {
    var answered = 0;
    var correct = 0;
    questions.forEach(function (q, i) {
      var mask = maskAt(chosen, i);
      if (mask) answered++;
      if (mask && mask === q.key) correct++;
    });
    return { answered: answered, correct: correct };
  }

  /* One change of the record: the quiz state and the module's score together. */
  function save(chosen, attempts) {
    var c = counts(chosen);
    O.progress.update(function (r) {
      if (!r.q) r.q = {};
      r.q[moduleId] = [chosen, attempts];
      O.progress.applyQuiz(r, moduleId, c.answered, c.correct);
    });
  }

  /* --- showing a question ------------------------------------------------------------ */

  function arrange(q, i, r, attempts) {
    var seed = [r.r || "", moduleId, i, DIGITS.indexOf(attempts.charAt(i))].join("|");
    if (q.seed === seed) return; // moving nodes would drop the focus for nothing
    q.seed = seed;
    order(q.items.length, seed).forEach(function (authored) { q.list.appendChild(q.items[authored]); });
  }

  /* Show the question answered with ``mask``, or unanswered (0); ``clear`` unticks an unanswered one. */
  function show(q, mask, clear) {
    var answered = mask > 0;
    q.items.forEach(function (item, index) {
      var input = item.querySelector("input");
      var picked = (mask & (1 << index)) !== 0;
      var right = input.getAttribute("data-correct") === "true";
      if (answered || clear) input.checked = picked;
      input.disabled = answered;
      item.classList.toggle("opspor-quiz-answer--right", answered && picked && right);
      item.classList.toggle("opspor-quiz-answer--wrong", answered && picked && !right);
      var mark = item.querySelector(".opspor-quiz-mark");
      mark.hidden = !(answered && picked);
      mark.textContent = answered && picked ? t(right ? "quiz_mark_right" : "quiz_mark_wrong") : "";
      var feedback = item.querySelector(".opspor-quiz-feedback");
      if (feedback) feedback.hidden = !(answered && picked);
    });
    var state = !answered ? "" : mask === q.key ? "right" : (mask & ~q.key) === 0 ? "missing" : "wrong";
    q.box.classList.toggle("opspor-quiz--right", state === "right");
    q.box.classList.toggle("opspor-quiz--wrong", state === "wrong" || state === "missing");
    q.result.textContent = state ? t("quiz_" + state) : "";
    q.submit.hidden = answered;
    q.retry.hidden = !answered;
    if (q.explanation) q.explanation.hidden = !answered;
  }

  function renderSummary(chosen) {
    var box = document.querySelector(".opspor-quiz-summary");
    if (!box) return;
    var body = box.querySelector(".opspor-quiz-summary-body");
    var c = counts(chosen);
    var total = questions.length;
    var parts = [];
    if (c.answered < total) {
      parts.push(el("p", { text: t("quiz_summary_pending", { answered: c.answered, total: total }) }));
    } else {
      var score = Math.round((c.correct / total) * 100);
      parts.push(el("p", { class: "opspor-quiz-summary-score" },
        [el("strong", { text: t("quiz_summary_score", { correct: c.correct, total: total, score: score }) })]));
      passMarks().forEach(function (mark) {
        var passed = score >= mark.mark;
        parts.push(el("p", { class: "opspor-quiz-summary-verdict opspor-quiz-summary-verdict--" + (passed ? "passed" : "not-passed") },
          [t("quiz_summary_mark", { mark: mark.mark, tracks: mark.tracks }) + " ",
           el("strong", { text: t(passed ? "quiz_summary_passed" : "quiz_summary_not_passed") })]));
      });
      var best = (store.get().m[moduleId] || [-1])[0];
      if (best > score) parts.push(el("p", { text: t("quiz_summary_best", { score: best }) }));
      var wrong = questions.filter(function (q, i) { return maskAt(chosen, i) !== q.key; });
      if (wrong.length) {
        parts.push(el("p", { text: t("quiz_summary_retry_intro") }));
        parts.push(el("ul", { class: "opspor-quiz-summary-list" }, wrong.map(function (q) {
          return el("li", {}, [el("a", { href: "#quiz-" + q.number,
            text: t("quiz_question_label", { n: q.number, total: total }) + ": " + q.text })]);
        })));
      }
    }
    while (body.firstChild) body.removeChild(body.firstChild);
    parts.forEach(function (p) { body.appendChild(p); });
    box.querySelector(".opspor-quiz-retry-all").hidden = c.answered === 0;
    box.hidden = false;
  }

  /* The pass marks of the tracks this module is in (one line per distinct mark). */
  function passMarks() {
    var marks = {};
    course.tracks.forEach(function (track) {
      if (!track.items.some(function (i) { return i.id === moduleId; })) return;
      (marks[track.pass_mark] = marks[track.pass_mark] || []).push(track.title);
    });
    var keys = Object.keys(marks);
    return keys.map(function (mark) {
      return { mark: Number(mark), tracks: keys.length > 1 ? " (" + marks[mark].join(", ") + ")" : "" };
    });
  }

  function renderAll(clear) {
    var r = store.get();
    var entry = entryOf(r);
    questions.forEach(function (q, i) {
      arrange(q, i, r, entry[1]);
      show(q, maskAt(entry[0], i), clear || q.submit.hidden);
    });
    renderSummary(entry[0]);
  }

  /* --- what the learner does --------------------------------------------------------- */

  function onSubmit(q, i, event) {
    event.preventDefault();
    var mask = 0;
    q.items.forEach(function (item, index) { if (item.querySelector("input").checked) mask |= 1 << index; });
    if (!mask) {
      q.result.textContent = t("quiz_choose_first");
      return;
    }
    var entry = entryOf(store.get());
    save(setChar(entry[0], i, DIGITS.charAt(mask)), entry[1]);
    show(q, mask);
    renderSummary(entryOf(store.get())[0]);
    q.retry.focus();
  }

  function bump(attempts, i) {
    return setChar(attempts, i, DIGITS.charAt((DIGITS.indexOf(attempts.charAt(i)) + 1) % DIGITS.length));
  }

  function onRetry(q, i) {
    var entry = entryOf(store.get());
    save(setChar(entry[0], i, NONE), bump(entry[1], i));
    renderAll(false);
    q.result.textContent = t("quiz_retry_done");
    q.list.querySelector("input").focus();
  }

  function onRetryAll() {
    var entry = entryOf(store.get());
    var attempts = entry[1];
    questions.forEach(function (q, i) { attempts = bump(attempts, i); });
    save(repeat(NONE, questions.length), attempts);
    renderAll(true);
    var first = questions[0];
    first.result.textContent = t("quiz_retry_all_done");
    first.box.querySelector("input").focus();
  }

  function start() {
    boxes = Array.prototype.slice.call(document.querySelectorAll(".opspor-quiz[data-quiz]"));
    if (!boxes.length || !moduleId || !course.modules[moduleId]) return;
    questions = boxes.map(readQuestion);
    ensureLearnerId();
    questions.forEach(function (q, i) {
      q.box.querySelector("form").addEventListener("submit", function (event) { onSubmit(q, i, event); });
      q.retry.addEventListener("click", function () { onRetry(q, i); });
      q.box.querySelector(".opspor-quiz-actions").hidden = false;
      q.box.classList.add("opspor-quiz--active");
    });
    var retryAll = document.querySelector(".opspor-quiz-retry-all");
    if (retryAll) retryAll.addEventListener("click", onRetryAll);
    renderAll(true);
    // Another tab or an import changed the record: show what it now says.
    store.onChange(function () {
      var active = document.activeElement;
      renderAll(false);
      if (active && document.contains(active) && !active.disabled) active.focus();
    });
  }

  O.quiz = { order: order, ensureLearnerId: ensureLearnerId };
  O.onStart(start);
})();
