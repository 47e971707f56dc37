/* Opspor store: the one place learner progress is read and written.
 *
 * The record's format and every rule on it (what is valid, migration, merging an import, the
 * pass rule) live in opspor-record.js (window.OpsporRecord), which loads first; this file only
 * decides where the record lives and keeps it there.
 *
 * Where it lives:
 *   - inside an LMS frame (window.parent.OpsporLMS): OpsporLMS.load()/save()/report(); the LMS's
 *     suspend_data is the only source, and the one thing kept in the browser (the backup of a bad
 *     record) is keyed by the LMS learner id, so the next learner on the browser gets none of it;
 *   - "private mode": in every tab of this browser, nothing of the learner's progress is kept on the
 *     device. localStorage holds only the flag "<key>:private" (so every tab, and the next visit,
 *     knows); each open tab keeps the record in its own sessionStorage, and the open tabs share it
 *     over a BroadcastChannel (a new tab asks, the others answer; each change is sent to the rest).
 *     When the last tab closes, the progress is gone; the flag stays until private mode is switched
 *     off;
 *   - otherwise: localStorage[manifest.storage_key].
 * A record that cannot be read (not JSON or cut off, another course's, a newer version, a field of
 * the wrong form) is never overwritten silently: it is first copied to a backup in the browser
 * ("<key>:backup", then "<key>:backup:2" and on, each kept; "<key>:lms:<learner id>:backup" in an
 * LMS; sessionStorage in private mode), then a fresh record starts and the learner is told
 * (flag b, shown by opspor-safety.js). If no copy can be made, the unreadable record is left as it is
 * and nothing is saved on this page ("held"), and the learner is told that too.
 */
(function () {
  "use strict";
  var O = window.Opspor;
  var R = window.OpsporRecord;
  if (!O || !O.course || !R) return;
  var course = O.course;
  var KEY = course.storage_key;
  var PRIVATE_FLAG = KEY + ":private";
  var LEGACY_QUIZ_PREFIX = "quiz_progress_"; // the retired quiz plugin's per-URL keys
  var MAX_BACKUPS = 9;

  var listeners = [];
  var record = null;
  var backend = null;
  var setAsideNow = false;
  var migratedNow = false;
  var held = false; // an unreadable record could not be copied: it stays, and nothing is written

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

  /* Every key of ``storage``, read once; a key that cannot be read is skipped, never thrown on. */
  function keysOf(storage) {
    var keys = [];
    try {
      for (var i = 0; i < storage.length; i++) {
        var key = storage.key(i);
        if (typeof key === "string") keys.push(key);
      }
    } catch (e) {
      // storage went away while we looked: what we have is all we can act on
    }
    return keys;
  }

  function removeKeys(storage, keys) {
    keys.forEach(function (key) {
      try { storage.removeItem(key); } catch (e) { /* already gone */ }
    });
  }

  function findLMS() {
    try {
      if (window.parent && window.parent !== window && window.parent.OpsporLMS) return window.parent.OpsporLMS;
    } catch (e) {
      // another origin: not our launcher
    }
    return null;
  }

  /* Where a bad record is copied: per LMS learner in an LMS (never shown to the next one, nor
   * mixed with the browser's own backups, even when the LMS names no learner). */
  function backupKey() {
    var lms = findLMS();
    return lms ? KEY + ":lms:" + R.encodeKey(String(lms.learnerId || "")) + ":backup" : KEY + ":backup";
  }

  /* The backups kept in ``storage`` under ``base`` (the first one, then base:2 ... base:9). */
  function backupsIn(storage, base) {
    return keysOf(storage).filter(function (key) { return R.isBackupKey(key, base); });
  }

  /* Copy an unreadable record into the first free backup slot; true once a copy exists. */
  function keepBackup(storage, raw) {
    if (!storage) return false;
    var text = typeof raw === "string" ? raw : JSON.stringify(raw);
    var base = backupKey();
    for (var n = 1; n <= MAX_BACKUPS; n++) {
      var slot = n === 1 ? base : base + ":" + n;
      var there;
      try { there = storage.getItem(slot); } catch (e) { return false; }
      if (there === text) return true; // kept already (the same bad record met again)
      if (there !== null) continue;
      try {
        storage.setItem(slot, text);
        return storage.getItem(slot) === text;
      } catch (e) {
        return false; // no room for the copy
      }
    }
    return false; // every slot taken: keep the unreadable record where it is
  }

  function setAside(raw) {
    setAsideNow = true;
    held = !keepBackup(backend.backups, raw);
    var r = R.fresh(KEY);
    r.b = 1;
    return r;
  }

  function chooseBackend() {
    var lms = findLMS();
    if (lms) {
      return {
        kind: "lms",
        lms: lms,
        backups: safeStorage("localStorage"),
        read: function () { var r = lms.load(); return r === undefined ? null : r; },
        write: function (r) { lms.save(r); },
        clear: function () { lms.save(R.fresh(KEY)); },
      };
    }
    var session = safeStorage("sessionStorage");
    var local = safeStorage("localStorage");
    var isPrivate = !!(session && (session.getItem(PRIVATE_FLAG) === "1" ||
      (local && local.getItem(PRIVATE_FLAG) === "1")));
    if (isPrivate) {
      try {
        session.setItem(PRIVATE_FLAG, "1");
        if (local) local.setItem(PRIVATE_FLAG, "1"); // a tab from before private mode covered every tab
      } catch (e) { /* storage full: this tab stays private anyway */ }
    }
    var storage = isPrivate ? session : local;
    return {
      kind: isPrivate ? "private" : storage ? "local" : "memory",
      backups: storage,
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
    if (raw === null || raw === undefined || raw === "") return R.fresh(KEY);
    var result = R.read(raw, KEY);
    if (!result.record) return setAside(raw);
    migratedNow = result.migrated; // write the new form back at once
    return result.record;
  }

  function ensure() {
    if (!record) {
      record = load();
      if (setAsideNow || migratedNow) persist();
    }
    return record;
  }

  function persist() {
    if (held) return; // the unreadable record stays until the learner erases it
    try {
      backend.write(record);
    } catch (e) {
      // full or blocked storage: progress lives on for this page only
    }
  }

  /* --- private mode across tabs ------------------------------------------------------------ */

  var channel = null;

  function broadcast() {
    if (channel && backend && backend.kind === "private") {
      try { channel.postMessage({ type: "record", record: JSON.stringify(record) }); } catch (e) { /* closed */ }
    }
  }

  /* Another private tab's record: merged into ours (the best of each counts), saved, shown. */
  function receive(text) {
    var result = R.read(text, KEY);
    if (!result.record || held) return;
    ensure();
    var before = JSON.stringify(record);
    R.merge(record, result.record, course);
    if (JSON.stringify(record) === before) return;
    persist();
    broadcast();
    tell(); // not sent on: the sender has it already
  }

  function openChannel() {
    if (channel || typeof BroadcastChannel === "undefined") return;
    try {
      channel = new BroadcastChannel(KEY);
    } catch (e) {
      return;
    }
    channel.onmessage = function (event) {
      var data = event.data || {};
      if (!backend || backend.kind !== "private") return;
      if (data.type === "hello") broadcast();
      else if (data.type === "erase") forget();
      else if (data.type === "record" && typeof data.record === "string") receive(data.record);
    };
  }

  /* "Slet mine data" in another private tab: this tab lets go of the same progress. */
  function forget() {
    held = false;
    record = R.fresh(KEY);
    record.n = 1;
    persist();
    tell();
  }

  function joinPrivateTabs() {
    openChannel();
    if (channel) channel.postMessage({ type: "hello" });
  }

  /* Private mode switched on or off in another tab (its flag in localStorage changed). */
  function followOtherTab(event) {
    if (event.key !== PRIVATE_FLAG || !backend || backend.kind === "lms") return;
    var session = safeStorage("sessionStorage");
    var local = safeStorage("localStorage");
    if (!session || !local) return;
    var mine = JSON.stringify(ensure());
    try {
      if (event.newValue === "1" && backend.kind !== "private") {
        session.setItem(PRIVATE_FLAG, "1");
        session.setItem(KEY, mine);
        backend = chooseBackend();
        joinPrivateTabs();
      } else if (event.newValue !== "1" && backend.kind === "private") {
        session.removeItem(PRIVATE_FLAG);
        session.removeItem(KEY);
        backend = chooseBackend();
        record = null;
        receive(mine); // what this tab had joins what the other tab saved on the device
      }
    } catch (e) {
      if (window.console) console.error("Opspor: could not follow private mode from another tab:", e);
    }
    tell();
  }

  function tell() {
    listeners.forEach(function (fn) {
      try { fn(record); } catch (e) { if (window.console) console.error("Opspor:", e); }
    });
  }

  /* Apply a change, save it, and tell every listener (page widgets, the LMS). A change that
   * would leave a record the next page cannot read is undone (and thrown, so it is seen). */
  function change(mutator) {
    ensure();
    var before = JSON.stringify(record);
    var changed = mutator(record);
    if (changed === false) return;
    record.u = Math.floor(Date.now() / 1000);
    var judged = R.check(record, KEY, true);
    if (!judged.record) {
      record = R.read(before, KEY).record || R.fresh(KEY);
      throw new Error("Opspor: a change left field " + judged.field + " of the record " +
        (judged.reason === "undeclared" ? "undeclared (add it to FIELDS in opspor-record.js)" : "invalid") +
        "; the change was undone");
    }
    persist();
    tell();
  }

  /* Our keys in ``storage``: the record, its backups here and the retired quiz plugin's keys. */
  function ownKeys(storage) {
    var moduleUrls = Object.keys(course.modules).map(function (id) { return "/" + course.modules[id].url; });
    return R.ownKeys(keysOf(storage), { key: KEY, backup: backupKey(), legacyPrefix: LEGACY_QUIZ_PREFIX,
      moduleUrls: moduleUrls });
  }

  /* Move the record's backups (not an LMS learner's) from one storage to the other. */
  function moveBackups(from, to) {
    backupsIn(from, KEY + ":backup").forEach(function (key) {
      try {
        to.setItem(key, from.getItem(key));
        from.removeItem(key);
      } catch (e) {
        // no room there: the backup stays where it was
      }
    });
  }

  var Store = {
    VERSION: R.VERSION,
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
    /* Could the bad record not be copied, so that it stays and nothing is saved? */
    held: function () { ensure(); return held; },
    acknowledgeSetAside: function () { change(function (r) { if (!r.b) return false; r.b = 0; }); },
    backupExists: function () {
      ensure();
      return !!(backend.backups && backupsIn(backend.backups, backupKey()).length);
    },
    /* "Slet mine data": our record, its backups and the old quiz plugin's keys, in both storages,
     * whatever other keys the browser holds. Private mode stays on if it was. */
    eraseAll: function () {
      ensure();
      held = false;
      try { backend.clear(); } catch (e) { /* nothing stored */ }
      ["localStorage", "sessionStorage"].forEach(function (name) {
        var storage = safeStorage(name);
        if (storage) removeKeys(storage, ownKeys(storage));
      });
      var keepPrivate = backend.kind === "private";
      record = R.fresh(KEY);
      record.n = 1; // the learner has seen the note; erasing should not bring it back at once
      if (keepPrivate || backend.kind === "lms") persist();
      if (keepPrivate && channel) channel.postMessage({ type: "erase" }); // or another tab sends it back
      tell();
    },
    isPrivate: function () { return Store.mode() === "private"; },
    /* Switch private mode on (move everything to this tab only, leave nothing on the device) or
     * off (save it on the device again). */
    setPrivate: function (on) {
      var session = safeStorage("sessionStorage");
      var local = safeStorage("localStorage");
      if (!session || !local || Store.mode() === "lms") return false;
      var current = JSON.stringify(ensure());
      try {
        if (on) {
          local.setItem(PRIVATE_FLAG, "1"); // every tab follows (storage event); holds no progress
          session.setItem(PRIVATE_FLAG, "1");
          session.setItem(KEY, current);
          moveBackups(local, session);
          removeKeys(local, ownKeys(local));
        } else {
          local.setItem(KEY, current);
          moveBackups(session, local);
          session.removeItem(PRIVATE_FLAG);
          session.removeItem(KEY);
          local.removeItem(PRIVATE_FLAG);
        }
      } catch (e) {
        if (window.console) console.error("Opspor: private mode could not move the record:", e);
      }
      backend = chooseBackend();
      if (on) { openChannel(); broadcast(); }
      return true;
    },
    /* Parse and judge an exported file against this course: { record } or { reason, problems }
     * (see OpsporRecord.fromExport). Nothing is changed. */
    fromExport: function (text) {
      return R.fromExport(text, course);
    },
    /* The kept copies of unreadable records, as a file for the learner (or whoever helps them). */
    backupExport: function () {
      ensure();
      var storage = backend.backups;
      var copies = storage ? backupsIn(storage, backupKey()).sort().map(function (key) {
        try { return storage.getItem(key); } catch (e) { return null; }
      }) : [];
      return JSON.stringify({ format: "opspor-backup", course: course.title, exported: O.today(),
        copies: copies.filter(function (text) { return typeof text === "string"; }) }, null, 1);
    },
    toExport: function () {
      return JSON.stringify({ format: "opspor-progress", course: course.title, exported: O.today(),
        record: ensure() }, null, 1);
    },
    /* Merge a judged import into ours: the best result of each item counts. */
    merge: function (incoming) {
      change(function (r) { R.merge(r, incoming, course); });
    },
  };

  window.addEventListener("storage", followOtherTab);
  O.onStart(function () {
    ensure();
    if (backend.kind === "private") joinPrivateTabs();
  });

  window.OpsporStore = Store;
  O.store = Store;
})();
