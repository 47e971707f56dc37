/* Opspor survivor safety: quick exit, no history trail, the first-visit content note,
 * and telling the learner when unreadable progress was set aside.
 *
 * A learner may be at risk at home. "Luk siden" replaces the page with a neutral site in
 * the same tab (location.replace), and Escape pressed twice does the same. Links inside the
 * course also use location.replace, so the course only ever holds one entry in the tab's
 * history and Back after a quick exit cannot bring it back.
 */
(function () {
  "use strict";
  var O = window.Opspor;
  if (!O) return;
  var t = O.t;
  var el = O.el;
  var ESCAPE_WINDOW_MS = 1500;

  function exitLink() {
    return document.querySelector(".opspor-quick-exit");
  }

  function quickExit(event) {
    if (event) event.preventDefault();
    var link = exitLink();
    var target = link ? link.href : "https://www.dr.dk/";
    document.body.style.visibility = "hidden"; // hide the course at once, before the next page loads
    try {
      if (window.top !== window && window.top.location.href) {
        window.top.location.replace(target);
        return;
      }
    } catch (e) {
      // framed by another origin: leave from our own frame
    }
    window.location.replace(target);
  }

  function installQuickExit() {
    var link = exitLink();
    if (link) {
      var bar = link.closest("[data-opspor-safety-bar]") || link;
      bar.classList.add("opspor-safety-bar--active");
      document.body.classList.add("opspor-has-bar");
      document.documentElement.classList.add("opspor-has-bar"); // scroll-padding lives on the root
      // The shell's template may hold the bar in a wrapper of its own (data-opspor-bar-holder
      // names it); once the bar has moved out, an empty wrapper is removed.
      var holder = bar.getAttribute("data-opspor-bar-holder");
      var banner = holder ? bar.closest(holder) : null;
      document.body.insertBefore(bar, document.body.firstChild); // first in keyboard order
      if (banner && !banner.textContent.trim()) banner.parentNode.removeChild(banner);
      link.addEventListener("click", quickExit);
    }
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" && event.key !== "Esc") return;
      var now = Date.now();
      if (now - lastEscape <= ESCAPE_WINDOW_MS) quickExit(event);
      lastEscape = now;
    }, true);
  }

  function sameCourse(anchor) {
    if (!anchor.href || anchor.target || anchor.hasAttribute("download")) return false;
    if (anchor.classList.contains("opspor-quick-exit")) return false;
    if (anchor.protocol !== window.location.protocol) return false;
    return anchor.href.indexOf(O.root) === 0;
  }

  function installHistoryFreeLinks() {
    document.addEventListener("click", function (event) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
          event.shiftKey || event.altKey) return;
      var anchor = event.target.closest ? event.target.closest("a[href]") : null;
      if (!anchor || !sameCourse(anchor)) return;
      event.preventDefault();
      window.location.replace(anchor.href);
    });
  }

  function contentArea() {
    // Each shell's template marks its content region with data-opspor-content.
    return document.querySelector("[data-opspor-content]") || document.querySelector("main") || document.body;
  }

  /* Right under the page heading: "skip to content" lands on the heading, the note comes next. */
  function insertAtTop(node) {
    var area = contentArea();
    var heading = area.querySelector("h1");
    var marker = area.querySelector(".opspor-page");
    if (heading && heading.parentNode === area) area.insertBefore(node, heading.nextSibling);
    else area.insertBefore(node, marker ? marker.nextSibling : area.firstChild);
  }

  /* Relative links in manifest HTML are relative to the site root; fix them for this page. */
  function rootLinks(node) {
    Array.prototype.forEach.call(node.querySelectorAll("a[href]"), function (a) {
      var href = a.getAttribute("href");
      if (!/^([a-z]+:|#|\/)/i.test(href)) a.setAttribute("href", O.url(href));
    });
    return node;
  }

  function showContentNote() {
    var store = O.store;
    if (!store || store.get().n) return;
    var onPage = document.querySelector(".opspor-content-note");
    if (!onPage) {
      var body = rootLinks(el("div", { html: O.course.content_note_html || "" }));
      var note = el("section", { class: "opspor-callout opspor-callout--warning opspor-first-visit-note", "aria-labelledby": "opspor-note-title" }, [
        el("p", { class: "opspor-callout__title", id: "opspor-note-title", text: t("content_note") }),
        body,
        el("p", {}, [el("a", { href: O.url(O.course.pages.help), text: t("content_note_help") })]),
        el("button", { type: "button", class: "opspor-button", text: t("content_note_ok"), onclick: function () {
          note.remove();
          var heading = contentArea().querySelector("h1");
          if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
        } }),
      ]);
      insertAtTop(note);
    }
    store.change(function (r) { r.n = 1; });
  }

  function showSetAsideNotice() {
    var store = O.store;
    if (!store || !store.setAsidePending()) return;
    // A status region, put on the page first and filled after, so screen readers announce it.
    var notice = el("section", { class: "opspor-callout opspor-callout--failure opspor-set-aside", role: "status",
      "aria-labelledby": "opspor-set-aside-title" });
    insertAtTop(notice);
    setTimeout(function () {
      [
        el("p", { class: "opspor-callout__title", id: "opspor-set-aside-title", text: t("set_aside_title") }),
        el("p", { text: t(store.held() ? "set_aside_held_text" : "set_aside_text") }),
        el("p", {}, [el("a", { href: O.url(O.course.pages.progress) + "#opspor-data", text: t("set_aside_where") })]),
        el("button", { type: "button", class: "opspor-button", text: t("set_aside_ok"), onclick: function () {
          store.acknowledgeSetAside();
          notice.remove();
          var heading = contentArea().querySelector("h1");
          if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
        } }),
      ].forEach(function (child) { notice.appendChild(child); });
    }, 0);
  }

  function showPrivateBadge() {
    var store = O.store;
    var bar = document.querySelector(".opspor-safety-bar");
    if (!store || !bar || !store.isPrivate()) return;
    // After the quick exit and the help link: the quick exit stays first in keyboard order.
    bar.appendChild(el("a", { class: "opspor-private-badge", href: O.url(O.course.pages.progress) + "#opspor-data",
      text: t("private_badge") }));
  }

  // The quick exit is installed at once, not after start-up, so it works as early as possible.
  try {
    installQuickExit();
    installHistoryFreeLinks();
  } catch (e) {
    if (window.console) console.error("Opspor:", e);
  }
  O.onStart(showSetAsideNotice);
  O.onStart(showContentNote);
  O.onStart(showPrivateBadge);
})();
