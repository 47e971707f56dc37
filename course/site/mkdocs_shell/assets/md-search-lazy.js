/* The theme's search index, loaded only when the learner first opens search.
 *
 * The theme starts its search worker on every page and hands it the whole index (hundreds of KB)
 * at once. The build leaves the theme only a stub index (the search settings, no documents) and
 * writes the real one to search/opspor-search-index.js; this wrapper around Worker answers the
 * theme's "set up" message itself, and starts the real worker with the real index when search is
 * first opened (the search field focused or the search toggle ticked) or first queried. A script
 * file, not a fetch, so it works from file:// as on a server or in an LMS, under the pages' CSP.
 * Loaded in <head>, after opspor-iframe-worker.js (which replaces Worker on file://) and before
 * the theme's bundle. Message types are the theme's: 0 set up, 1 ready, 2 query, 3 result.
 */
(function () {
  "use strict";
  var BaseWorker = window.Worker;
  if (!BaseWorker) return;
  var indexUrl = document.currentScript.src.replace(/assets\/opspor-shell\/md-search-lazy\.js(\?.*)?$/,
    "search/opspor-search-index.js");
  var SETUP = 0;
  var READY = 1;
  var QUERY = 2;
  var RESULT = 3;
  var waiting = [];
  var opened = false;

  function loadIndex() {
    return new Promise(function (resolve, reject) {
      if (window.__opsporSearchIndex) { resolve(window.__opsporSearchIndex); return; }
      var tag = document.createElement("script");
      tag.src = indexUrl;
      tag.onload = function () { resolve(window.__opsporSearchIndex); };
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function LazySearchWorker(url) {
    if (!/search[^/]*\.js/.test(String(url))) return new BaseWorker(url);
    var self = this;
    var target = document.createElement("div");
    ["addEventListener", "removeEventListener", "dispatchEvent"].forEach(function (name) {
      self[name] = target[name].bind(target);
    });
    self.url = String(url);
    self.real = null;
    self.setup = null;
    self.queue = [];
    self.started = false;
    waiting.push(self);
    if (opened) self.start();
  }

  LazySearchWorker.prototype.emit = function (data) {
    var message = new MessageEvent("message", { data: data });
    this.dispatchEvent(message);
    if (this.onmessage) this.onmessage(message);
  };

  LazySearchWorker.prototype.postMessage = function (message) {
    if (message && message.type === SETUP && !this.setup) {
      this.setup = message;
      var self = this;
      setTimeout(function () { self.emit({ type: READY }); }, 0); // the stub is all the theme needs now
      if (this.started) this.start();
      return;
    }
    if (this.real && this.real.opsporReady) { this.real.postMessage(message); return; }
    if (!opened && message && message.type === QUERY && !String(message.data || "").trim()) {
      // the theme asks once at start with an empty query: nothing to find, and no reason to load
      var self2 = this;
      setTimeout(function () { self2.emit({ type: RESULT, data: { items: [] } }); }, 0);
      return;
    }
    this.queue.push(message);
    this.start();
  };

  LazySearchWorker.prototype.start = function () {
    this.started = true;
    if (this.real || !this.setup) return;
    var self = this;
    var worker = new BaseWorker(self.url);
    self.real = worker;
    worker.addEventListener("message", function (event) {
      if (event.data && event.data.type === READY) {
        worker.opsporReady = true; // the theme was told "ready" already, at set-up
        self.queue.splice(0).forEach(function (m) { worker.postMessage(m); });
        return;
      }
      self.emit(event.data);
    });
    worker.addEventListener("error", function (event) { self.dispatchEvent(new ErrorEvent("error", event)); });
    loadIndex().then(function (index) {
      var data = {};
      Object.keys(self.setup.data || {}).forEach(function (k) { data[k] = self.setup.data[k]; });
      data.docs = index.docs; // the theme already adjusted config and options for the language
      worker.postMessage({ type: SETUP, data: data });
    }, function () {
      if (window.console) console.error("Opspor: the search index could not be loaded");
    });
  };

  LazySearchWorker.prototype.terminate = function () {
    if (this.real) this.real.terminate();
  };

  function openSearch() {
    if (opened) return;
    opened = true;
    waiting.forEach(function (w) { w.start(); });
  }

  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches("[data-md-component=search-query]")) openSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) openSearch();
  });

  window.Worker = LazySearchWorker;
})();
