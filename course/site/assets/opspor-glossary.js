/* Opspor glossary in place: a term linked from a module opens its definition right there.
 *
 * The compiler puts the definitions of the terms a page links to on that page
 * (#opspor-glossary-data, author Markdown already rendered and sanitised). Each such link in the
 * text becomes a disclosure button: Enter or Space opens the definition below the paragraph,
 * with a link to the full glossary; Escape or the button closes it and focus returns to the term.
 * Links to the glossary from a module or scenario carry ?fra=<kind>:<id>, so the glossary page
 * can offer "Tilbage til <module>": Back cannot (course links replace history, see opspor-safety.js).
 */
(function () {
  "use strict";
  var O = window.Opspor;
  if (!O || !O.course) return;
  var course = O.course;
  var t = O.t;
  var el = O.el;
  var GLOSSARY = /(^|\/)ordliste\.html$/;

  function glossaryTerm(anchor) {
    var url;
    try { url = new URL(anchor.href); } catch (e) { return null; }
    if (!GLOSSARY.test(url.pathname) || url.href.indexOf(O.root) !== 0) return null;
    return decodeURIComponent(url.hash.replace(/^#/, ""));
  }

  function fromHere() {
    var page = O.page;
    return page.kind === "module" || page.kind === "scenario" ? page.kind + ":" + page.id : "";
  }

  function withFrom(href) {
    var from = fromHere();
    if (!from) return href;
    var url = new URL(href);
    url.searchParams.set("fra", from);
    return url.href;
  }

  function pageData() {
    var node = document.getElementById("opspor-glossary-data");
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  var counter = 0;

  function disclose(anchor, term, entry) {
    counter += 1;
    var panelId = "opspor-term-" + counter;
    var button = el("button", { type: "button", class: "opspor-term", "aria-expanded": "false",
      "aria-controls": panelId, text: anchor.textContent });
    var panel = el("div", { class: "opspor-term-panel", id: panelId, role: "group",
      "aria-label": t("glossary_panel_label", { term: entry.term }), hidden: true }, [
      el("p", { class: "opspor-term-definition" }, [
        el("strong", { text: entry.term }), ": ", el("span", { html: entry.html }), // compiler-made, sanitised
      ]),
      el("p", { class: "opspor-term-actions" }, [
        el("a", { href: withFrom(anchor.href), text: t("glossary_full") }), " ",
        el("button", { type: "button", class: "opspor-button opspor-button--plain opspor-term-close",
          text: t("glossary_close"), onclick: function () { toggle(false); } }),
      ]),
    ]);
    function toggle(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      panel.hidden = !open;
      if (!open) button.focus();
    }
    button.addEventListener("click", function () { toggle(button.getAttribute("aria-expanded") !== "true"); });
    function onEscape(event) {
      if ((event.key === "Escape" || event.key === "Esc") && !panel.hidden) toggle(false);
    }
    button.addEventListener("keydown", onEscape);
    panel.addEventListener("keydown", onEscape);
    anchor.parentNode.replaceChild(button, anchor);
    var block = button.closest("p, li, td, dd, blockquote, h2, h3, h4") || button.parentNode;
    if (block.tagName === "LI" || block.tagName === "TD" || block.tagName === "DD") block.appendChild(panel);
    else block.parentNode.insertBefore(panel, block.nextSibling);
  }

  function upgradeTerms() {
    var data = pageData();
    if (!data) return;
    var area = document.querySelector("article") || document.body;
    Array.prototype.slice.call(area.querySelectorAll("a[href]")).forEach(function (anchor) {
      if (anchor.closest("#opspor-player, .opspor-term-panel, nav")) return;
      var term = glossaryTerm(anchor);
      if (term && Object.prototype.hasOwnProperty.call(data, term)) disclose(anchor, term, data[term]);
    });
  }

  /* Any other link to the glossary from a module or scenario says where it came from. */
  function markGlossaryLinks() {
    if (!fromHere()) return;
    document.addEventListener("click", function (event) {
      var anchor = event.target.closest ? event.target.closest("a[href]") : null;
      if (anchor && glossaryTerm(anchor) !== null && anchor.href.indexOf("fra=") < 0) anchor.href = withFrom(anchor.href);
    }, true);
  }

  function itemFrom(value) {
    var parts = (value || "").split(":");
    var table = parts[0] === "module" ? course.modules : parts[0] === "scenario" ? course.scenarios : null;
    return table && Object.prototype.hasOwnProperty.call(table, parts[1]) ? table[parts[1]] : null;
  }

  /* On the glossary page: the way back to the module the learner came from. */
  function offerWayBack() {
    if (O.page.kind !== "glossary") return;
    var item = itemFrom(new URLSearchParams(window.location.search).get("fra"));
    if (!item) return;
    var box = el("aside", { class: "opspor-way-back", "aria-label": t("glossary_back_label") }, [
      el("p", {}, [el("a", { class: "opspor-button", href: O.url(item.url), text: t("glossary_back", { title: item.title }) })]),
      el("p", { class: "opspor-hint", text: t("glossary_back_why") }),
    ]);
    var target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    if (target) {
      var next = target.nextElementSibling;
      while (next && !/^H[12]$/.test(next.tagName)) next = next.nextElementSibling;
      target.parentNode.insertBefore(box, next);
    } else {
      var heading = document.querySelector("article h1");
      if (heading) heading.parentNode.insertBefore(box, heading.nextSibling);
    }
  }

  O.onStart(upgradeTerms);
  O.onStart(markGlossaryLinks);
  O.onStart(offerWayBack);
})();
