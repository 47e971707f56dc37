/* Opspor LMS adapter: the launch page's SCORM session, shared with the course pages in its frame.
 *
 * A SCO may call Initialize once per launch, so this page (not each course page) owns the
 * session. It finds the LMS's API the standard way (this window and its parents, up to 500
 * levels, then the opener), initializes, marks a first launch "incomplete", and then offers
 *   window.OpsporLMS = { trackId, version, learnerId, load() -> suspend_data text, save(record), report(result) }
 * to the runtime in the frame (opspor-store.js / opspor-progress.js call window.parent.OpsporLMS).
 * On pagehide it sets the session time, commits and finishes. Without an LMS it defines no
 * OpsporLMS, so the pages keep progress in the browser's own storage, and says so.
 * Write-only elements (session_time, exit) are never read: reading them is an error.
 */
(function () {
  "use strict";
  // launch settings come as JSON data (the page's CSP allows no inline script)
  var launch = JSON.parse(document.getElementById("opspor-launch").textContent);
  var SPECS = {
    "1.2": {
      api: "API", initialize: "LMSInitialize", terminate: "LMSFinish", getValue: "LMSGetValue",
      setValue: "LMSSetValue", commit: "LMSCommit", lastError: "LMSGetLastError",
      status: "cmi.core.lesson_status", suspendData: "cmi.suspend_data", location: "cmi.core.lesson_location",
      sessionTime: "cmi.core.session_time", exit: "cmi.core.exit", suspendLimit: 4096, locationLimit: 255,
      learnerId: "cmi.core.student_id",
    },
    "2004": {
      api: "API_1484_11", initialize: "Initialize", terminate: "Terminate", getValue: "GetValue",
      setValue: "SetValue", commit: "Commit", lastError: "GetLastError",
      status: "cmi.completion_status", suspendData: "cmi.suspend_data", location: "cmi.location",
      sessionTime: "cmi.session_time", exit: "cmi.exit", suspendLimit: 64000, locationLimit: 1000,
      learnerId: "cmi.learner_id",
    },
  };
  var spec = SPECS[launch.version];
  var is12 = launch.version === "1.2";
  // A page of the course, relative to its root: nothing that could leave the package.
  var SAFE_PAGE = /^[a-z0-9][a-z0-9_\-]*(\/[a-z0-9][a-z0-9_\-]*)*\.html$/;

  var api = null;
  var active = false;
  var finished = false;
  var startedAt = Date.now();
  var lastSaved = null;
  var lastLocation = null;
  var lastReport = "";
  var passedBefore = false;
  var frame = null;

  function log(message) {
    if (window.console) console.error("Opspor LMS: " + message);
  }

  function apiIn(win) {
    for (var level = 0; win && level <= 500; level++) {
      try {
        if (win[spec.api]) return win[spec.api];
      } catch (e) {
        // a window of another origin: keep walking up
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  function findAPI() {
    var found = apiIn(window);
    if (!found && window.opener) {
      try { found = apiIn(window.opener); } catch (e) { found = null; }
    }
    return found;
  }

  function call(name, a, b) {
    try {
      return arguments.length > 2 ? api[spec[name]](a, b) : api[spec[name]](a);
    } catch (e) {
      log(spec[name] + " failed: " + e);
      return "false";
    }
  }

  function get(element) {
    var value = call("getValue", element);
    return value === null || value === undefined ? "" : String(value);
  }

  function set(element, value) {
    var ok = String(call("setValue", element, String(value))) === "true";
    if (!ok) log("could not set " + element + " (LMS error " + call("lastError", "") + ")");
    return ok;
  }

  function commit() {
    if (String(call("commit", "")) !== "true") log("commit failed (LMS error " + call("lastError", "") + ")");
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = "0" + s;
    return s;
  }

  /* 1.2: CMITimespan HHHH:MM:SS.SS; 2004: ISO 8601 duration such as PT1H2M3.45S. */
  function sessionTime(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var hours = Math.min(9999, Math.floor(cs / 360000));
    var minutes = Math.floor((cs % 360000) / 6000);
    var seconds = ((cs % 6000) / 100).toFixed(2);
    if (is12) return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(seconds, 5);
    return "PT" + hours + "H" + minutes + "M" + seconds + "S";
  }

  /* The page shown in the frame, relative to the course root, or null. */
  function framePage() {
    try {
      var base = new URL(launch.root, window.location.href).href;
      var href = frame.contentWindow.location.href.split("#")[0].split("?")[0];
      if (href.indexOf(base) !== 0) return null;
      var page = href.slice(base.length);
      return SAFE_PAGE.test(page) && page.length <= spec.locationLimit ? page : null;
    } catch (e) {
      return null;
    }
  }

  function storeLocation() {
    var page = framePage();
    if (!page || page === lastLocation) return false;
    if (set(spec.location, page)) lastLocation = page;
    return true;
  }

  /* --- what the course pages call ------------------------------------------------------ */

  /* The stored record as the LMS holds it (text, or null): the course pages judge it, and keep a
   * copy of one they cannot read (cut off, not JSON) before anything replaces it. */
  function load() {
    if (!active) return null;
    var text = get(spec.suspendData);
    if (!text) return null;
    lastSaved = text;
    return text;
  }

  function save(record) {
    if (!active || finished) return false;
    var text = typeof record === "string" ? record : JSON.stringify(record);
    if (text.length > spec.suspendLimit) {
      // A cut record is a corrupt record: keep the last one that fitted.
      log("progress record of " + text.length + " characters exceeds the LMS limit of " + spec.suspendLimit +
        "; the last saved record is kept");
      return false;
    }
    if (text !== lastSaved && set(spec.suspendData, text)) lastSaved = text;
    storeLocation();
    commit();
    return true;
  }

  function report(result) {
    if (!active || finished || !result) return;
    if (result.trackId && result.trackId !== launch.trackId) {
      log("ignored a report for track " + result.trackId + " in the package of " + launch.trackId);
      return;
    }
    var passed = !!result.passed;
    if (passedBefore && !passed) return; // the LMS keeps a pass; erasing local data does not undo it
    var completed = passed || !!result.completed;
    var score = Math.round(Math.max(0, Math.min(100, Number(result.scoreRaw) || 0)) * 100) / 100;
    var key = [passed, completed, completed ? score : ""].join("|");
    if (key === lastReport) return;
    if (is12) {
      // Status first, committed on its own: Moodle checks activity completion when the score
      // arrives, against the status it has stored at that moment (a status after the score in the
      // same commit is stored too late, and completion never ticks).
      set("cmi.core.lesson_status", passed ? "passed" : completed ? "failed" : "incomplete");
      commit();
      if (completed) {
        set("cmi.core.score.min", "0");
        set("cmi.core.score.max", "100");
        set("cmi.core.score.raw", score);
      }
    } else {
      if (completed) {
        set("cmi.score.min", "0");
        set("cmi.score.max", "100");
        set("cmi.score.raw", score);
        set("cmi.score.scaled", Math.round(score * 100) / 10000);
      }
      set("cmi.completion_status", completed ? "completed" : "incomplete");
      set("cmi.success_status", passed ? "passed" : completed ? "failed" : "unknown");
    }
    lastReport = key;
    if (passed) passedBefore = true;
    commit();
  }

  /* --- the launch ------------------------------------------------------------------------ */

  function finish() {
    if (!active || finished) return;
    storeLocation();
    set(spec.sessionTime, sessionTime(Date.now() - startedAt));
    set(spec.exit, "suspend"); // keep suspend_data for the next launch
    commit();
    finished = true;
    call("terminate", "");
  }

  function start() {
    frame = document.getElementById("opspor-lms-frame");
    var page = launch.start;
    api = findAPI();
    if (api) active = String(call("initialize", "")) === "true";
    if (active) {
      var status = get(spec.status);
      if (status === "" || status === "not attempted" || status === "unknown") {
        set(spec.status, "incomplete");
        commit();
      }
      passedBefore = is12 ? status === "passed" : get("cmi.success_status") === "passed";
      var stored = get(spec.location);
      if (SAFE_PAGE.test(stored)) {
        page = stored;
        lastLocation = stored;
      }
      window.OpsporLMS = { trackId: launch.trackId, version: launch.version, learnerId: get(spec.learnerId),
        load: load, save: save, report: report };
      window.addEventListener("pagehide", finish);
    } else {
      if (api) log("the LMS refused to start a session (error " + call("lastError", "") + ")");
      document.getElementById("opspor-lms-notice").hidden = false;
    }
    frame.addEventListener("load", function () {
      if (active && !finished && storeLocation()) commit();
      try {
        if (frame.contentDocument && frame.contentDocument.title) document.title = frame.contentDocument.title;
      } catch (e) {
        // not our page
      }
    });
    frame.src = launch.root + page;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
