/* Opspor store: the one place learner progress is read and written.
 *
 * One versioned record per course, kept compact (an LMS gives us 4096 characters):
 *   { v: version, c: course storage key,
 *     m: { moduleId: [best score of a fully answered quiz (-1 = none yet), most questions answered] },
 *     s: { scenarioId: [path of the current attempt as authored option digits, e.g. "01",
 *                       id of the best-rated ending reached ("" = none), attempt (left out while 0)] },
 *     k: { trackId: "YYYY-MM-DD" the track was first complete },
 *     q: { moduleId: [chosen answers, attempts] } (opspor-quiz.js: one character per question),
 *     r: a random id made once per record, the seed of the learner's answer order,
 *     n: 1 once the first-visit content note was shown,
 *     b: 1 while the learner has not yet been told a bad record was set aside,
 *     u: last change, seconds since 1970 }
 *
 * Where it lives:
 *   - inside an LMS frame (window.parent.OpsporLMS): OpsporLMS.load()/save()/report(); the LMS's
 *     suspend_data is the only source, and the one thing kept in the browser (the backup of a bad
 *     record) is keyed by the LMS learner id, so the next learner on the browser gets none of it;
 *   - "private mode": sessionStorage only, gone when the tab closes;
 *   - otherwise: localStorage[manifest.storage_key].
 * A record that cannot be read (corrupt, another course's, a newer version) is copied to
 * "<key>:backup", a fresh record starts, and the learner is told (flag b).
 */
(function () {
  "use strict";
  var O = window.Opspor;
  if (!O || !O.course) return;
  var course = O.course;
  var KEY = course.storage_key;
  var BACKUP_KEY = KEY + ":backup";
  var PRIVATE_FLAG = KEY + ":private";
  var LEGACY_QUIZ_PREFIX = "quiz_progress_"; // the retired mkdocs-quiz plugin's per-URL keys
  var VERSION = 1;
  /* MIGRATIONS[n] turns a version-n record into a version-(n+1) record. Add one per format change. */
  var MIGRATIONS = {
    0: function (old) {
      // A record without "v" predates versioning: accept it only if it has our module map.
      if (!isPlainObject(old.m)) return null;
      return { v: 1, c: KEY, m: old.m || {}, s: old.s || {}, k: old.k || {}, n: old.n ? 1 : 0, b: 0, u: old.u || 0 };
    },
  };

  var listeners = [];
  var record = null;
  var backend = null;
  var setAsideNow = false;
  var migratedNow = false;

  function safeStorage(name) {
    try {
      var storage = window[name];
      var probe = KEY + ":probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (e) {
      return null; // storage disabled: everything still works for this page
    }
  }

  function findLMS() {
    try {
      if (window.parent && window.parent !== window && window.parent.OpsporLMS) return window.parent.OpsporLMS;
    } catch (e) {
      // another origin: not our launcher
    }
    return null;
  }

  function fresh() {
    return { v: VERSION, c: KEY, m: {}, s: {}, k: {}, n: 0, b: 0, u: 0 };
  }

  function isPlainObject(x) {
    return typeof x === "object" && x !== null && !Array.isArray(x);
  }

  /* A record is trusted only if every part has the expected shape. */
  function valid(r) {
    if (!isPlainObject(r) || r.v !== VERSION || r.c !== KEY) return false;
    if (!isPlainObject(r.m) || !isPlainObject(r.s) || !isPlainObject(r.k)) return false;
    var ok = true;
    Object.keys(r.m).forEach(function (id) {
      var e = r.m[id];
      if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== "number" || typeof e[1] !== "number") ok = false;
    });
    Object.keys(r.s).forEach(function (id) {
      var e = r.s[id];
      if (!Array.isArray(e) || e.length < 2 || e.length > 3 || typeof e[0] !== "string" || typeof e[1] !== "string" ||
          !/^[0-9]*$/.test(e[0])) ok = false;
      else if (e.length === 3 && !(typeof e[2] === "number" && e[2] >= 1 && e[2] <= 1e6 && Math.floor(e[2]) === e[2])) ok = false;
    });
    Object.keys(r.k).forEach(function (id) {
      if (typeof r.k[id] !== "string") ok = false;
    });
    if (r.r !== undefined && (typeof r.r !== "string" || !/^[0-9a-z]{1,16}$/.test(r.r))) ok = false;
    if (r.q !== undefined) {
      if (!isPlainObject(r.q)) return false;
      Object.keys(r.q).forEach(function (id) {
        var e = r.q[id];
        if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== "string" || typeof e[1] !== "string" ||
            e[0].length !== e[1].length || !/^[0-9a-zA-Z_.-]*$/.test(e[0]) || !/^[0-9a-zA-Z_-]*$/.test(e[1])) ok = false;
      });
    }
    return ok;
  }

  /* Bring an older record up to date; null if it cannot be (foreign, newer, corrupt). */
  function upgrade(r) {
    if (!isPlainObject(r)) return null;
    if (r.c !== undefined && r.c !== KEY) return null;
    var version = typeof r.v === "number" ? r.v : 0;
    while (r && version < VERSION && MIGRATIONS[version]) {
      r = MIGRATIONS[version](r);
      version = r ? r.v : VERSION;
    }
    return valid(r) ? r : null;
  }

  /* Where a bad record is copied: per LMS learner in an LMS (never shown to the next one). */
  function backupKey() {
    var lms = findLMS();
    return lms && lms.learnerId ? KEY + ":lms:" + encodeURIComponent(lms.learnerId) + ":backup" : BACKUP_KEY;
  }

  function setAside(raw) {
    setAsideNow = true;
    var local = safeStorage("localStorage");
    if (local && raw !== null && raw !== undefined) {
      try {
        local.setItem(backupKey(), typeof raw === "string" ? raw : JSON.stringify(raw));
      } catch (e) {
        // no room for the copy; the fresh record still protects every page
      }
    }
    var r = fresh();
    r.b = 1;
    return r;
  }

  function chooseBackend() {
    var lms = findLMS();
    if (lms) {
      return {
        kind: "lms",
        lms: lms,
        read: function () { var r = lms.load(); return r === undefined ? null : r; },
        write: function (r) { lms.save(r); },
        clear: function () { lms.save(fresh()); },
      };
    }
    var session = safeStorage("sessionStorage");
    var local = safeStorage("localStorage");
    var isPrivate = !!(session && session.getItem(PRIVATE_FLAG) === "1");
    var storage = isPrivate ? session : local;
    return {
      kind: isPrivate ? "private" : storage ? "local" : "memory",
      read: function () { return storage ? storage.getItem(KEY) : null; },
      write: function (r) { if (storage) storage.setItem(KEY, JSON.stringify(r)); },
      clear: function () { if (storage) storage.removeItem(KEY); },
    };
  }

  function load() {
    backend = chooseBackend();
    var raw = null;
    try {
      raw = backend.read();
    } catch (e) {
      raw = null;
    }
    if (raw === null || raw === undefined || raw === "") return fresh();
    var parsed = raw;
    if (typeof raw === "string") {
      try {
        parsed = JSON.parse(raw);
      } catch (e) {
        return setAside(raw);
      }
    }
    var upgraded = upgrade(parsed);
    if (upgraded && parsed.v !== upgraded.v) migratedNow = true; // write the new form back at once
    return upgraded || setAside(raw);
  }

  function ensure() {
    if (!record) {
      record = load();
      if (setAsideNow || migratedNow) persist();
    }
    return record;
  }

  function persist() {
    try {
      backend.write(record);
    } catch (e) {
      // full or blocked storage: progress lives on for this page only
    }
  }

  /* Apply a change, save it, and tell every listener (page widgets, the LMS). */
  function change(mutator) {
    ensure();
    var changed = mutator(record);
    if (changed === false) return;
    record.u = Math.floor(Date.now() / 1000);
    persist();
    listeners.forEach(function (fn) {
      try { fn(record); } catch (e) { if (window.console) console.error("Opspor:", e); }
    });
  }

  /* Keys the retired quiz plugin left under page URLs (older versions of the site): "Slet mine
   * data" removes them too. Nothing reads them any more. */
  function removeLegacyQuizKeys() {
    var moduleUrls = Object.keys(course.modules).map(function (id) { return "/" + course.modules[id].url; });
    ["localStorage", "sessionStorage"].forEach(function (name) {
      var storage = safeStorage(name);
      if (!storage) return;
      var keys = [];
      for (var i = 0; i < storage.length; i++) {
        var key = storage.key(i);
        if (key && key.indexOf(LEGACY_QUIZ_PREFIX) === 0) {
          var path = decodeURIComponent(key.slice(LEGACY_QUIZ_PREFIX.length));
          if (moduleUrls.some(function (u) { return path.slice(-u.length) === u; })) keys.push(key);
        }
      }
      keys.forEach(function (key) { storage.removeItem(key); });
    });
  }

  var Store = {
    VERSION: VERSION,
    key: KEY,
    backupKey: backupKey,
    get: ensure,
    change: change,
    mode: function () { ensure(); return backend.kind; },
    lms: function () { ensure(); return backend.kind === "lms" ? backend.lms : null; },
    onChange: function (fn) { listeners.push(fn); },
    /* The persisted form (what an LMS keeps in suspend_data). */
    serialize: function () { return JSON.stringify(ensure()); },
    /* Was a bad record set aside and the learner not told yet? */
    setAsidePending: function () { return ensure().b === 1; },
    acknowledgeSetAside: function () { change(function (r) { if (!r.b) return false; r.b = 0; }); },
    backupExists: function () {
      var local = safeStorage("localStorage");
      return !!(local && local.getItem(backupKey()) !== null);
    },
    /* "Slet mine data": our record, its backup, the private flag and the old quiz plugin's keys. */
    eraseAll: function () {
      ensure();
      try { backend.clear(); } catch (e) { /* nothing stored */ }
      ["localStorage", "sessionStorage"].forEach(function (name) {
        var storage = safeStorage(name);
        if (!storage) return;
        [KEY, backupKey()].forEach(function (k) { storage.removeItem(k); });
      });
      removeLegacyQuizKeys();
      var keepPrivate = backend.kind === "private";
      record = fresh();
      record.n = 1; // the learner has seen the note; erasing should not bring it back at once
      if (keepPrivate || backend.kind === "lms") persist();
      listeners.forEach(function (fn) { fn(record); });
    },
    isPrivate: function () { return Store.mode() === "private"; },
    /* Switch private mode on (move everything to this tab only) or off (save it on the device). */
    setPrivate: function (on) {
      var session = safeStorage("sessionStorage");
      var local = safeStorage("localStorage");
      if (!session || !local || Store.mode() === "lms") return false;
      var current = ensure();
      if (on) {
        session.setItem(PRIVATE_FLAG, "1");
        session.setItem(KEY, JSON.stringify(current));
        local.removeItem(KEY);
        local.removeItem(BACKUP_KEY);
      } else {
        session.removeItem(PRIVATE_FLAG);
        local.setItem(KEY, JSON.stringify(current));
        session.removeItem(KEY);
      }
      backend = chooseBackend();
      return true;
    },
    /* Parse, check and upgrade a record from an exported file; null if it is not ours. */
    fromExport: function (text) {
      var data;
      try { data = JSON.parse(text); } catch (e) { return null; }
      if (!isPlainObject(data) || data.format !== "opspor-progress" || !isPlainObject(data.record)) return null;
      return upgrade(data.record);
    },
    toExport: function () {
      return JSON.stringify({ format: "opspor-progress", course: course.title, exported: O.today(),
        record: ensure() }, null, 1);
    },
    /* Merge an imported record into ours: the best result of each item counts. */
    merge: function (incoming) {
      change(function (r) {
        Object.keys(incoming.m).forEach(function (id) {
          var mine = r.m[id] || [-1, 0];
          var theirs = incoming.m[id];
          r.m[id] = [Math.max(mine[0], theirs[0]), Math.max(mine[1], theirs[1])];
        });
        Object.keys(incoming.s).forEach(function (id) {
          var mine = r.s[id];
          var theirs = incoming.s[id];
          if (!mine || (!mine[1] && theirs[1])) { r.s[id] = theirs.slice(); return; }
          // both reached an ending: the better-rated one is kept (the path and attempt stay ours)
          var rank = { god: 2, acceptabel: 1, uhensigtsmaessig: 0 };
          var endings = (course.scenarios[id] && course.scenarios[id].endings) || {};
          var a = endings[mine[1]], b = endings[theirs[1]];
          if (b && (!a || rank[b.rating] > rank[a.rating])) r.s[id][1] = theirs[1];
        });
        Object.keys(incoming.k).forEach(function (id) {
          if (!r.k[id] || incoming.k[id] < r.k[id]) r.k[id] = incoming.k[id];
        });
        if (incoming.n) r.n = 1;
        // Chosen answers come along for modules not answered here; the answer order stays ours.
        if (incoming.q) {
          r.q = r.q || {};
          Object.keys(incoming.q).forEach(function (id) { if (!r.q[id]) r.q[id] = incoming.q[id].slice(); });
        }
        if (!r.r && incoming.r) r.r = incoming.r;
      });
    },
  };

  window.OpsporStore = Store;
  O.store = Store;

})();
