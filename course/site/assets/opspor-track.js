/* Opspor track context: the learner's own track, kept in the record (field t).
 *
 * Chosen on the front page (a track card), on a track page (a button) or with the switcher in
 * the navigation; opening a page never changes it; in an LMS it is the package's track. With it, the navigation
 * hook the shell provides ([data-opspor-track-nav]) lists that track's items in order, each with
 * its state; module and scenario pages say where they are in it ("Modul 3 af 16"); once an item
 * is passed, "Næste i dit spor" appears next to the result; the front page's track cards show
 * progress and which one is the learner's.
 */
(function () {
  "use strict";
  var O = window.Opspor;
  if (!O || !O.course || !O.store || !O.progress) return;
  var course = O.course;
  var store = O.store;
  var progress = O.progress;
  var t = O.t;
  var el = O.el;
  var TICKS = { passed: "\u2713", completed: "\u2713", in_progress: "\u25d0", not_passed: "\u25d0", not_started: "\u25cb" };

  function currentTrack() {
    var lms = store.lms();
    if (lms && progress.trackById(lms.trackId)) return progress.trackById(lms.trackId);
    if (course.tracks.length === 1) return course.tracks[0];
    return progress.trackById(store.get().t || "") || null;
  }

  function chooseTrack(id) {
    if (!progress.trackById(id)) return;
    store.change(function (r) {
      if (r.t === id) return false;
      r.t = id;
    });
  }

  function contains(track, id) {
    return track.items.some(function (i) { return i.id === id; });
  }

  /* The track an item is read in: the learner's own if it holds the item, else none. */
  function contextFor(id) {
    var track = currentTrack();
    return track && contains(track, id) ? track : null;
  }

  function stateText(s, track) {
    if (s.kind === "module" && s.state === "not_passed") {
      return t("status_not_passed_score", { score: s.score, mark: track.pass_mark });
    }
    return t(s.state);
  }

  function replaceChildren(node, children) {
    while (node.firstChild) node.removeChild(node.firstChild);
    children.forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
  }

  function switcher(track) {
    if (course.tracks.length < 2 || store.lms()) return null;
    var select = el("select", { id: "opspor-track-switch", class: "opspor-track-switch" },
      (track ? [] : [el("option", { value: "", text: t("track_choose_prompt") })]).concat(
        course.tracks.map(function (tr) {
          return el("option", { value: tr.id, selected: track && tr.id === track.id, text: tr.title });
        })));
    select.addEventListener("change", function () {
      if (select.value) chooseTrack(select.value);
      var again = document.getElementById("opspor-track-switch");
      if (again) again.focus(); // the list was drawn anew; keep the learner where they were
    });
    return el("p", { class: "opspor-track-switcher" }, [
      el("label", { for: "opspor-track-switch", text: t("track_switch_label") }), " ", select,
    ]);
  }

  function renderNav() {
    var hooks = document.querySelectorAll("[data-opspor-track-nav]");
    if (!hooks.length) return;
    var track = currentTrack();
    var here = O.page.id;
    Array.prototype.forEach.call(hooks, function (hook) {
      var children = [];
      if (!track) {
        children.push(el("p", { class: "opspor-track-nav-title", text: t("track_nav_none") }));
        children.push(el("ul", { class: "opspor-track-nav-items" }, course.tracks.map(function (tr) {
          return el("li", {}, [el("a", { href: O.url(tr.url), text: tr.title })]);
        })));
      } else {
        var state = progress.trackState(track);
        children.push(el("p", { class: "opspor-track-nav-title", id: "opspor-track-nav-title" }, [
          t("track_nav_heading") + ": ", el("a", { href: O.url(track.url), text: track.title }),
          el("span", { class: "opspor-track-nav-count", text: " (" + t("progress_x_of_y", { done: state.done, total: state.total }) + ")" }),
        ]));
        children.push(el("ol", { class: "opspor-track-nav-items", "aria-labelledby": "opspor-track-nav-title" },
          state.items.map(function (s) {
            var current = O.page.kind === s.kind && here === s.id;
            return el("li", { class: "opspor-track-nav-item opspor-track-nav-item--" + s.state }, [
              el("a", { href: O.url(s.url), "aria-current": current ? "page" : null }, [
                el("span", { class: "opspor-tick opspor-tick--" + s.state, "aria-hidden": "true", text: TICKS[s.state] || "" }),
                el("span", { class: "opspor-track-nav-label", text: s.title }),
                el("span", { class: "opspor-visually-hidden", text: " (" + stateText(s, track) + ")" }),
              ]),
            ]);
          })));
      }
      children.push(switcher(track));
      replaceChildren(hook, children);
      hook.hidden = false;
    });
  }

  function positionOf(track, id) {
    var index = -1;
    track.items.forEach(function (item, i) { if (item.id === id) index = i; });
    return index;
  }

  function itemLabel(s, track) {
    return t("item_position", { kind: t("kind_" + s.kind), n: positionOf(track, s.id) + 1, total: track.items.length });
  }

  function renderPosition() {
    var box = document.querySelector(".opspor-track-position[data-item]");
    if (!box) return;
    var id = box.getAttribute("data-item");
    var track = contextFor(id);
    if (!track) { box.hidden = true; return; }
    var s = progress.trackState(track).items[positionOf(track, id)];
    replaceChildren(box, [
      el("span", { class: "opspor-track-position-where", text: itemLabel(s, track) }), " · ",
      t("track_position_in") + " ", el("a", { href: O.url(track.url), text: track.title }),
    ]);
    box.hidden = false;
  }

  /* "Næste i dit spor", next to the result, once this item is passed or completed. */
  function renderNext() {
    var box = document.querySelector(".opspor-next-in-track[data-item]");
    if (!box) return;
    var id = box.getAttribute("data-item");
    var track = contextFor(id);
    var state = track ? progress.trackState(track) : null;
    var here = state ? state.items[positionOf(track, id)] : null;
    if (!here || !here.done) { replaceChildren(box, []); return; } // empty, but kept as a live region
    var next = state.items.slice(positionOf(track, id) + 1).filter(function (i) { return !i.done; })[0] || state.next;
    var children = [];
    if (next) {
      children.push(el("a", { class: "opspor-button opspor-next-button", href: O.url(next.url) }, [
        t("next_in_track") + ": ", el("span", { text: itemLabel(next, track) + ", " + next.title }),
      ]));
    } else {
      children.push(el("p", {}, [el("strong", { text: t("track_complete") }), " ",
        el("a", { class: "opspor-button", href: O.url(course.pages.certificate) + "#" + track.id,
          text: t("certificate_print") })]));
    }
    replaceChildren(box, children);
  }

  /* On a track page: opening it chooses it if nothing is chosen yet; a button makes it the learner's. */
  function renderTrackChoice() {
    var box = document.querySelector(".opspor-track-choice[data-track]");
    if (!box) return;
    var id = box.getAttribute("data-track");
    var track = progress.trackById(id);
    if (!track || store.lms() || course.tracks.length < 2) { box.hidden = true; return; }
    var mine = currentTrack();
    if (mine && mine.id === id) {
      replaceChildren(box, [el("p", { class: "opspor-track-choice-mine", text: t("track_is_current") })]);
    } else {
      replaceChildren(box, [
        mine ? el("p", { text: t("track_other_current", { track: mine.title }) }) : null,
        el("button", { type: "button", class: "opspor-button", text: t("track_choose"), onclick: function () {
          chooseTrack(id);
          var said = box.querySelector(".opspor-track-choice-mine");
          if (said) { said.setAttribute("tabindex", "-1"); said.focus(); }
        } }),
      ]);
    }
    box.hidden = false;
  }

  function renderCards() {
    var mine = currentTrack();
    Array.prototype.forEach.call(document.querySelectorAll(".opspor-track-card-state[data-track]"), function (node) {
      var track = progress.trackById(node.getAttribute("data-track"));
      if (!track) return;
      var state = progress.trackState(track);
      var parts = [];
      if (mine && mine.id === track.id) { // only the learner's own: shared modules would tick every card
        parts.push(" · " + t("progress_x_of_y", { done: state.done, total: state.total }), " ",
          el("strong", { class: "opspor-badge", text: t("track_nav_heading") }));
      }
      replaceChildren(node, parts);
      var card = node.closest(".opspor-home-track");
      if (card) card.classList.toggle("opspor-home-track--mine", !!(mine && mine.id === track.id));
    });
  }

  function renderAll() {
    renderNav();
    renderPosition();
    renderNext();
    renderTrackChoice();
    renderCards();
  }

  O.track = { current: currentTrack, choose: chooseTrack };

  store.onChange(renderAll);
  /* Choosing a track on the front page is choosing it (before the link is followed). */
  function chooseFromCards() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest(".opspor-home-track[data-track] a[href]") : null;
      if (link && !store.lms()) chooseTrack(link.closest(".opspor-home-track").getAttribute("data-track"));
    }, true);
  }

  O.onStart(function () {
    chooseFromCards();
    renderAll();
  });
})();
