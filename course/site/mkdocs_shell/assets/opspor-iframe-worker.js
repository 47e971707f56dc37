/* Web workers from file:// (where browsers refuse `new Worker`), without inline script.
 *
 * The theme's search runs in a web worker. From disk we run the worker script in a hidden
 * frame instead, as the iframe-worker package does; but that package writes an inline <script>
 * into the frame, which the pages' Content-Security-Policy (script-src 'self') forbids. Here the
 * frame gets only script files: opspor-iframe-worker-bridge.js (postMessage/importScripts for the
 * worker) and the worker itself. Loaded in <head>, before the theme's bundle.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  var bridge = document.currentScript.src.replace(/opspor-iframe-worker\.js(\?.*)?$/, "opspor-iframe-worker-bridge.js");

  function FileWorker(url) {
    var self = this;
    var target = document.createElement("div");
    ["addEventListener", "removeEventListener", "dispatchEvent"].forEach(function (name) {
      self[name] = target[name].bind(target);
    });
    self.url = String(url);
    var frame = document.createElement("iframe");
    frame.hidden = true;
    document.body.appendChild(frame);
    self.iframe = frame;
    self.onMessage = function (event) {
      if (event.source !== frame.contentWindow) return;
      var message = new MessageEvent("message", { data: event.data });
      self.dispatchEvent(message);
      if (self.onmessage) self.onmessage(message);
    };
    window.addEventListener("message", self.onMessage);
    var doc = frame.contentWindow.document;
    doc.open();
    var scriptTag = function (src, worker) {
      var tag = doc.createElement("script");
      tag.src = src;
      if (worker) tag.setAttribute("data-worker", worker);
      tag.async = false;
      return tag;
    };
    doc.close();
    self.ready = new Promise(function (resolve, reject) {
      var worker = scriptTag(self.url + "?" + Date.now());
      worker.onload = resolve;
      worker.onerror = reject;
      doc.body.appendChild(scriptTag(bridge, self.url));
      doc.body.appendChild(worker);
    });
  }
  FileWorker.prototype.postMessage = function (data) {
    var frame = this.iframe;
    this.ready.catch(function () {}).then(function () {
      frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
    });
  };
  FileWorker.prototype.terminate = function () {
    window.removeEventListener("message", this.onMessage);
    this.iframe.remove();
  };
  // the theme's search worker looks for IFrameWorker in its parent to find its language files
  window.IFrameWorker = FileWorker;
  window.Worker = FileWorker;
})();
