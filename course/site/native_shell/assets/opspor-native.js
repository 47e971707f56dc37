/* The native shell's own script: the phone menu and search.
 *
 * Search loads nothing until it is first opened: then lunr.js, the stemmer of the course
 * language (lunr-languages) and the search index (a script that sets window.OPSPOR_SEARCH)
 * are added as classic <script>s one after the other, which works from file:// where fetching
 * JSON does not, and the index is built in the browser. Results are built with DOM calls and
 * textContent only: page text never becomes markup. Every string comes from the page
 * (data-* attributes written from course/i18n).
 */
(function () {
  "use strict";
  var MIN_LENGTH = 2;
  var MAX_RESULTS = 30;
  document.documentElement.classList.add("on-js");

  function toggle(button, panel, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    panel.classList.toggle("on-open", open);
  }

  /* --- Phone menu ----------------------------------------------------------------------- */
  var menuButton = document.querySelector(".on-menu-button");
  var nav = document.getElementById("on-nav");
  if (menuButton && nav) {
    menuButton.hidden = false;
    menuButton.addEventListener("click", function () {
      var open = menuButton.getAttribute("aria-expanded") !== "true";
      toggle(menuButton, nav, open);
      if (open) {
        var current = nav.querySelector("[aria-current=page]") || nav.querySelector("a");
        if (current) current.focus();
      }
    });
  }

  /* --- Search --------------------------------------------------------------------------- */
  var searchButton = document.querySelector(".on-search-button");
  var panel = document.getElementById("on-search");
  if (!searchButton || !panel) return;
  var input = document.getElementById("on-search-input");
  var status = document.getElementById("on-search-status");
  var list = document.getElementById("on-search-results");
  var root = panel.getAttribute("data-root") || "";
  var state = "idle"; // idle -> loading -> ready | failed
  var index = null;
  var docs = [];

  function say(name, n) {
    status.textContent = (panel.getAttribute("data-" + name) || "").replace("{n}", String(n));
  }

  function loadScripts(sources, done, failed) {
    if (!sources.length) { done(); return; }
    var script = document.createElement("script");
    script.src = root + sources[0];
    script.onload = function () { loadScripts(sources.slice(1), done, failed); };
    script.onerror = failed;
    document.body.appendChild(script);
  }

  function buildIndex() {
    var data = window.OPSPOR_SEARCH || { docs: [] };
    var language = data.lang;
    docs = data.docs;
    index = window.lunr(function () {
      if (language && language !== "en" && window.lunr[language]) this.use(window.lunr[language]);
      this.ref("i");
      this.field("t", { boost: 10 });
      this.field("x");
      this.metadataWhitelist = ["position"];
      for (var i = 0; i < docs.length; i++) this.add({ i: String(i), t: docs[i].t, x: docs[i].x });
    });
  }

  function ensureLoaded() {
    if (state !== "idle") return;
    state = "loading";
    say("loading");
    var sources = (panel.getAttribute("data-scripts") || "").split(" ").filter(Boolean);
    loadScripts(sources, function () {
      try {
        buildIndex();
        state = "ready";
        search();
      } catch (e) {
        state = "failed";
        say("failed");
        if (window.console) console.error("Opspor search:", e);
      }
    }, function () {
      state = "failed";
      say("failed");
    });
  }

  function words(text) {
    return window.lunr.tokenizer(text).map(function (token) { return token.toString(); })
      .filter(function (word) { return word.length > 0; });
  }

  function excerpt(text, terms) {
    var lower = text.toLowerCase();
    var at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) at = lower.indexOf(terms[i].slice(0, Math.max(3, terms[i].length - 2)));
    var start = Math.max(0, at - 60);
    var cut = text.slice(start, start + 180);
    return (start > 0 ? "… " : "") + cut + (start + 180 < text.length ? " …" : "");
  }

  function search() {
    if (state !== "ready") return;
    var query = input.value.trim();
    list.textContent = "";
    if (query.length < MIN_LENGTH) { say("prompt"); return; }
    var terms = words(query);
    var results = index.query(function (q) {
      terms.forEach(function (term) {
        q.term(term, { boost: 10 }); // stemmed by the language's pipeline: "voldens" finds "vold"
        q.term(term, { usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING, boost: 1 });
      });
    });
    if (!results.length) { say("none"); return; }
    say(results.length === 1 ? "one" : "many", results.length);
    results.slice(0, MAX_RESULTS).forEach(function (result) {
      var doc = docs[Number(result.ref)];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + doc.u;
      link.className = "on-search__link";
      link.textContent = doc.t === doc.p ? doc.p : doc.p + ": " + doc.t;
      var text = document.createElement("p");
      text.className = "on-search__excerpt";
      text.textContent = excerpt(doc.x, terms);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  searchButton.hidden = false;
  searchButton.addEventListener("click", function () {
    var open = searchButton.getAttribute("aria-expanded") !== "true";
    panel.hidden = !open;
    toggle(searchButton, panel, open);
    if (open) {
      input.focus();
      ensureLoaded();
    }
  });
  input.addEventListener("focus", ensureLoaded);
  input.addEventListener("input", search);
})();
