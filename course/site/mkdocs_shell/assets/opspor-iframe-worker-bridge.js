/* Runs inside the hidden frame of opspor-iframe-worker.js: gives the worker script the worker API
 * it expects (postMessage to its owner, importScripts) before the worker script itself runs. */
(function () {
  "use strict";
  var workerUrl = document.currentScript.getAttribute("data-worker");
  // the theme's worker takes the first script[src] in its document to be itself
  document.currentScript.remove();
  window.postMessage = function (data) { parent.postMessage(data, "*"); };
  window.importScripts = function () {
    var urls = Array.prototype.slice.call(arguments);
    return urls.reduce(function (previous, src) {
      return previous.then(function () {
        return new Promise(function (resolve, reject) {
          var tag = document.createElement("script");
          tag.src = src;
          tag.onload = resolve;
          tag.onerror = reject;
          document.body.appendChild(tag);
        });
      });
    }, Promise.resolve());
  };
  window.addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: workerUrl, error: event.error }));
  });
})();
