/* Opspor record: what a learner record may hold, and the pure rules on it.
 *
 * No storage, no page, no window state: opspor-store.js reads and writes the record and calls
 * this file to judge, upgrade and merge it; node's test runner requires it directly
 * (tests/js/*.test.js). Loaded on every page before the store, as window.OpsporRecord.
 *
 * One versioned record per course, kept compact (an LMS may give us only 4096 characters):
 *   { v: version (1),
 *     c: the course's storage key (manifest storage_key),
 *     m: { moduleId: [best score of a fully answered quiz, 0..100 (-1 = none yet), most questions answered] },
 *     s: { scenarioId: [path of the current attempt as authored option digits, e.g. "01",
 *                       id of the best-rated ending ever reached ("" = none; its rating is in the
 *                       manifest, scenarios[id].endings[ending].rating),
 *                       attempt: how often the learner started again, 1..1000000, left out while 0] },
 *     k: { trackId: "YYYY-MM-DD" the track was first complete },
 *     q: { moduleId: [chosen answers, attempts] } (opspor-quiz.js: one character per question),
 *     r: a random id made once per record (1-16 of 0-9a-z), the seed of the learner's answer order,
 *     t: the learner's own track id, once one is chosen (opspor-track.js; absent before),
 *     n: 1 once the first-visit content note was shown (else 0),
 *     b: 1 while the learner has not yet been told a bad record was set aside (else 0),
 *     u: last change, whole seconds since 1970 }
 * m, s, k and q are maps keyed by id. They are made with Object.create(null), so an id such as
 * "constructor" or "__proto__" is an ordinary key and never reaches Object.prototype; code that
 * looks an id up in any other object (the manifest) uses has().
 *
 * Every field is declared once in FIELDS: its fresh value, how a stored value is judged and
 * copied (read), how an imported value is judged against the course (fit) and how it is merged
 * into the learner's own record (merge). A field not in FIELDS is dropped when a record is read,
 * and a page script that writes one gets an error from OpsporStore.change: a new field is added
 * here (with a test in tests/js), or it would not survive a reload.
 * A change of meaning bumps VERSION and adds MIGRATIONS[old version].
 */
(function () {
  "use strict";

  var VERSION = 1;
  var MAX_SCORE = 100;
  var NO_SCORE = -1;
  var MAX_COUNT = 100000; // more questions than any module has; only a bound against nonsense
  var MAX_TEXT = 4000; // a path or an answer string longer than this is not one we wrote
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/; // course.model.SLUG: every id the course can have
  var DIGITS = /^[0-9]*$/;
  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var SEED = /^[0-9a-z]{1,16}$/;
  var ANSWERS = /^[0-9a-zA-Z_.-]*$/;
  var ATTEMPTS = /^[0-9a-zA-Z_-]*$/;
  var MAX_ATTEMPT = 1000000;
  var RANK = { god: 2, acceptabel: 1, uhensigtsmaessig: 0 }; // course.model.RATING_ORDER

  function has(object, key) {
    return object !== null && object !== undefined && Object.prototype.hasOwnProperty.call(object, key);
  }

  function isPlainObject(x) {
    return typeof x === "object" && x !== null && !Array.isArray(x);
  }

  function map() {
    return Object.create(null);
  }

  function isCount(x, min, max) {
    return typeof x === "number" && Math.floor(x) === x && x >= min && x <= max; // rejects NaN and Infinity
  }

  function isFlag(x) {
    return x === 0 || x === 1;
  }

  function isDate(x) {
    var parts = typeof x === "string" ? DATE.exec(x) : null;
    if (!parts) return false;
    var d = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
    return d.getUTCFullYear() === Number(parts[1]) && d.getUTCMonth() === Number(parts[2]) - 1 &&
      d.getUTCDate() === Number(parts[3]);
  }

  function pair(e) {
    return Array.isArray(e) && e.length === 2;
  }

  /* A map field: every entry judged by ``entry``; the copy is a fresh Object.create(null) map.
   * Undefined when the value or any entry is not of the shape. */
  function readMap(value, entry) {
    if (!isPlainObject(value)) return undefined;
    var copy = map();
    var keys = Object.keys(value);
    for (var i = 0; i < keys.length; i++) {
      var e = entry(value[keys[i]]);
      if (e === undefined) return undefined;
      copy[keys[i]] = e;
    }
    return copy;
  }

  /* --- the entries of each map -------------------------------------------------------- */

  function moduleEntry(e) {
    return pair(e) && isCount(e[0], NO_SCORE, MAX_SCORE) && isCount(e[1], 0, MAX_COUNT) ? [e[0], e[1]] : undefined;
  }

  /* [path, ending, attempt]: the attempt (a whole number from 1) is left out while it is 0. */
  function scenarioEntry(e) {
    if (!Array.isArray(e) || (e.length !== 2 && e.length !== 3)) return undefined;
    if (typeof e[0] !== "string" || typeof e[1] !== "string" || !DIGITS.test(e[0]) ||
        e[0].length > MAX_TEXT || e[1].length > MAX_TEXT) return undefined;
    if (e.length === 2) return [e[0], e[1]];
    return isCount(e[2], 1, MAX_ATTEMPT) ? [e[0], e[1], e[2]] : undefined;
  }

  /* --- scenario endings: the manifest's scenarios[id].endings = { endingId: {title, rating} } --- */

  /* The rating of an ending of ``scenario`` (a manifest entry), or null if it has no such ending. */
  function endingRating(scenario, endingId) {
    var endings = scenario && scenario.endings;
    if (!endingId || !has(endings, endingId) || !endings[endingId] || !has(RANK, endings[endingId].rating)) return null;
    return endings[endingId].rating;
  }

  /* The rank of a scenario's ending from the manifest (course.scenarios[id].endings), or -1. */
  function endingRank(course, scenarioId, endingId) {
    var scenario = course && has(course.scenarios, scenarioId) ? course.scenarios[scenarioId] : null;
    var rating = endingRating(scenario, endingId);
    return rating === null ? -1 : RANK[rating];
  }

  /* Of two ending ids, the better-rated one; ``kept`` on a tie, an unknown id counts as none. */
  function betterEnding(scenario, kept, reached) {
    var a = endingRating(scenario, kept);
    var b = endingRating(scenario, reached);
    if (b === null) return a === null ? "" : kept;
    return a === null || RANK[b] > RANK[a] ? reached : kept;
  }

  function trackEntry(e) {
    return isDate(e) ? e : undefined;
  }

  function quizEntry(e) {
    return pair(e) && typeof e[0] === "string" && typeof e[1] === "string" && e[0].length === e[1].length &&
      e[0].length <= MAX_TEXT && ANSWERS.test(e[0]) && ATTEMPTS.test(e[1]) ? [e[0], e[1]] : undefined;
  }

  /* --- the course an import must fit: ids from the manifest ---------------------------- */

  function trackIds(course) {
    var ids = map();
    (course.tracks || []).forEach(function (t) { if (t && typeof t.id === "string") ids[t.id] = true; });
    return ids;
  }

  function problem(list, kind, id) {
    list.push({ kind: kind, id: id });
  }

  /* Each imported map entry must name an id of this course; ``check`` may refuse it further. */
  function fitMap(value, known, kind, problems, check) {
    Object.keys(value).forEach(function (id) {
      if (!has(known, id)) problem(problems, "unknown_" + kind, id);
      else if (check) check(id, value[id]);
    });
  }

  /* --- the fields ------------------------------------------------------------------------ */

  var FIELDS = {
    v: { fresh: function () { return VERSION; }, read: function (x) { return x === VERSION ? x : undefined; } },
    c: { fresh: function (key) { return key; },
      read: function (x, key) { return x === key ? x : undefined; } },
    m: {
      fresh: map,
      read: function (x) { return readMap(x, moduleEntry); },
      fit: function (x, course, problems) {
        // (read() already refused a score that is not a whole number from 0 to 100, or -1)
        fitMap(x, course.modules, "module", problems, function (id, e) {
          // a module that now has fewer questions than when the file was saved
          e[1] = Math.min(e[1], Number(course.modules[id].questions) || 0);
        });
      },
      /* The best of each: a second try never lowers a result. */
      merge: function (mine, theirs) {
        Object.keys(theirs).forEach(function (id) {
          var before = mine[id] || [NO_SCORE, 0];
          mine[id] = [Math.max(before[0], theirs[id][0]), Math.max(before[1], theirs[id][1])];
        });
        return mine;
      },
    },
    s: {
      fresh: map,
      read: function (x) { return readMap(x, scenarioEntry); },
      fit: function (x, course, problems) {
        fitMap(x, course.scenarios, "scenario", problems, function (id, e) {
          var endings = course.scenarios[id] && course.scenarios[id].endings;
          if (e[1] !== "" && (!SLUG.test(e[1]) || (endings && !has(endings, e[1])))) problem(problems, "ending", id);
        });
      },
      /* An ending reached beats a walk in progress; of two endings the better-rated one is kept
       * (our path and attempt stay). */
      merge: function (mine, theirs, course) {
        Object.keys(theirs).forEach(function (id) {
          if (!mine[id] || (!mine[id][1] && theirs[id][1])) {
            mine[id] = theirs[id].slice();
            return;
          }
          var scenario = course && has(course.scenarios, id) ? course.scenarios[id] : null;
          mine[id][1] = betterEnding(scenario, mine[id][1], theirs[id][1]) || mine[id][1];
        });
        return mine;
      },
    },
    k: {
      fresh: map,
      read: function (x) { return readMap(x, trackEntry); },
      fit: function (x, course, problems) { fitMap(x, trackIds(course), "track", problems); },
      /* The earliest completion date is the one a certificate carries. */
      merge: function (mine, theirs) {
        Object.keys(theirs).forEach(function (id) {
          if (!mine[id] || theirs[id] < mine[id]) mine[id] = theirs[id];
        });
        return mine;
      },
    },
    q: {
      fresh: map,
      read: function (x) { return readMap(x, quizEntry); },
      fit: function (x, course, problems) {
        fitMap(x, course.modules, "module", problems, function (id, e) {
          // answers to another version of the module would be ignored by the quiz anyway
          if (e[0].length !== Number(course.modules[id].questions)) delete x[id];
        });
      },
      /* Chosen answers come along for modules not answered here. */
      merge: function (mine, theirs) {
        Object.keys(theirs).forEach(function (id) { if (!mine[id]) mine[id] = theirs[id].slice(); });
        return mine;
      },
    },
    r: {
      optional: true,
      read: function (x) { return typeof x === "string" && SEED.test(x) ? x : undefined; },
      /* The answer order stays ours once we have one. */
      merge: function (mine, theirs) { return mine || theirs; },
    },
    t: {
      // the learner's own track (opspor-track.js); absent until one is chosen
      optional: true,
      read: function (x) { return typeof x === "string" && SLUG.test(x) && x.length <= 64 ? x : undefined; },
      fit: function (x, course, problems) {
        if (x !== undefined && !has(trackIds(course), x)) problem(problems, "unknown_track", x);
      },
      /* The learner's own choice stays; an import brings one only if none was made here. */
      merge: function (mine, theirs) { return mine || theirs; },
    },
    n: { fresh: function () { return 0; }, read: function (x) { return isFlag(x) ? x : undefined; },
      merge: function (mine, theirs) { return mine || theirs ? 1 : 0; } },
    b: { fresh: function () { return 0; }, read: function (x) { return isFlag(x) ? x : undefined; },
      merge: function (mine) { return mine; } },
    u: { fresh: function () { return 0; }, read: function (x) { return isCount(x, 0, 1e11) ? x : undefined; },
      merge: function (mine) { return mine; } },
  };
  var FIELD_NAMES = Object.keys(FIELDS);
  /* Fields an older record may lack: they start fresh (q and r came after version 1 began). */
  var MAY_LACK = { q: true, r: true, t: true, n: true, b: true, u: true };

  /* A new, empty record of the course stored under ``key``. */
  function fresh(key) {
    var r = {};
    FIELD_NAMES.forEach(function (name) {
      if (FIELDS[name].fresh) r[name] = FIELDS[name].fresh(key);
    });
    return r;
  }

  /* MIGRATIONS[n] turns a version-n record into a version-(n+1) one (or null). One per format change. */
  var MIGRATIONS = {
    0: function (old, key) {
      // A record without "v" predates versioning: accept it only if it has our module map.
      if (!isPlainObject(old.m)) return null;
      return { v: 1, c: key, m: old.m, s: has(old, "s") ? old.s : {}, k: has(old, "k") ? old.k : {},
        n: old.n ? 1 : 0, b: 0, u: has(old, "u") ? old.u : 0 };
    },
  };

  /* Judge a record of this version: a trusted copy (fresh maps, declared fields only), or a reason. */
  /* ``strict`` (the store, after each change): a field not declared in FIELDS is an error rather than
   * dropped, so a page script that writes one learns at once that it would not survive a reload. */
  function check(r, key, strict) {
    if (!isPlainObject(r)) return { reason: "shape" };
    if (strict) {
      var undeclared = Object.keys(r).filter(function (name) { return !has(FIELDS, name); });
      if (undeclared.length) return { reason: "undeclared", field: undeclared[0] };
    }
    var copy = {};
    for (var i = 0; i < FIELD_NAMES.length; i++) {
      var name = FIELD_NAMES[i];
      if (!has(r, name) || r[name] === undefined) {
        if (!MAY_LACK[name]) return { reason: "shape", field: name };
        if (FIELDS[name].fresh) copy[name] = FIELDS[name].fresh(key);
        continue;
      }
      var value = FIELDS[name].read(r[name], key);
      if (value === undefined) return { reason: name === "c" ? "foreign" : "shape", field: name };
      copy[name] = value;
    }
    return { record: copy };
  }

  /* Read a stored or exported record (text or parsed JSON) of the course under ``key``.
   * Returns { record, migrated } or { reason }: "json" (not JSON), "shape" (not a record, or a
   * field of the wrong form), "foreign" (another course's), "newer" (a later version than ours). */
  function read(data, key) {
    var r = data;
    if (typeof data === "string") {
      try {
        r = JSON.parse(data);
      } catch (e) {
        return { reason: "json" };
      }
    }
    if (!isPlainObject(r)) return { reason: "shape" };
    if (has(r, "c") && r.c !== key) return { reason: "foreign" };
    var version = has(r, "v") ? r.v : 0;
    if (!isCount(version, 0, Number.MAX_SAFE_INTEGER)) return { reason: "shape" };
    if (version > VERSION) return { reason: "newer" };
    var migrated = version !== VERSION;
    while (version < VERSION) {
      if (!has(MIGRATIONS, version)) return { reason: "shape" };
      r = MIGRATIONS[version](r, key);
      if (!isPlainObject(r)) return { reason: "shape" };
      version += 1;
    }
    var result = check(r, key);
    if (result.record) result.migrated = migrated;
    return result;
  }

  function valid(r, key) {
    return !!check(r, key).record;
  }

  /* An exported file: { format: "opspor-progress", course: title, exported: date, record }.
   * Returns { record } fitted to ``course`` (the manifest), or { reason, problems }: "file" (not an
   * export), a reason of read() ("shape" covers a score that is not a whole number from 0 to 100),
   * or "unfit" with the problems: ids this course does not have (unknown_module, unknown_scenario,
   * unknown_track) or an ending id that is not a slug. Nothing of the learner's own is touched. */
  function fromExport(text, course) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { reason: "file" };
    }
    if (!isPlainObject(data) || data.format !== "opspor-progress" || !has(data, "record")) return { reason: "file" };
    var result = read(data.record, course.storage_key);
    if (!result.record) return { reason: result.reason };
    var problems = [];
    FIELD_NAMES.forEach(function (name) {
      if (FIELDS[name].fit) FIELDS[name].fit(result.record[name], course, problems);
    });
    if (problems.length) return { reason: "unfit", problems: problems };
    return { record: result.record };
  }

  /* Merge a fitted imported record into the learner's own ``mine`` (changed in place and returned):
   * the best result of each item counts, the learner's answer order and flags stay. ``course`` (the
   * manifest) rates scenario endings; without it, the learner's own ending stays. */
  function merge(mine, incoming, course) {
    FIELD_NAMES.forEach(function (name) {
      var field = FIELDS[name];
      if (!field.merge || !has(incoming, name) || incoming[name] === undefined) return;
      var merged = field.merge(has(mine, name) ? mine[name] : undefined, incoming[name], course);
      if (merged !== undefined) mine[name] = merged;
    });
    return mine;
  }

  /* The pass rule: a module's state from its entry (m[id] or undefined), its number of
   * questions and a track's pass mark. A module without questions passes by being opened. */
  function moduleStatus(entry, questions, passMark) {
    if (!entry) return { state: "not_started", score: null, answered: 0, questions: questions };
    var best = entry[0];
    var state;
    if (questions === 0) state = "passed";
    else if (best < 0) state = "in_progress";
    else state = best >= passMark ? "passed" : "not_passed";
    return { state: state, score: best < 0 ? null : best, answered: entry[1], questions: questions };
  }

  /* The scenario pass rule: a scenario's state from its entry (s[id] or undefined) and its manifest
   * entry. Passed when the best ending reached is rated god or acceptabel; not passed when it is
   * uhensigtsmaessig; an ending the course no longer has counts as none. */
  function scenarioStatus(entry, scenario) {
    var path = entry ? entry[0] : "";
    var attempt = entry && entry.length === 3 ? entry[2] : 0;
    var rating = entry ? endingRating(scenario, entry[1]) : null;
    if (rating === null) {
      return { state: path ? "in_progress" : "not_started", ending: "", path: path, attempt: attempt };
    }
    return { state: RANK[rating] > 0 ? "passed" : "not_passed", ending: entry[1], rating: rating, path: path,
      attempt: attempt };
  }

  /* The track rule, from its items' states in track order (each {kind, state, score, questions,
   * ending, minutes}, as moduleStatus/scenarioStatus give them plus the kind and minutes): complete
   * when every item passed; attempted when every module has a score (or passed without questions)
   * and every scenario reached an ending; the score an LMS compares with its mastery score is the
   * lowest score of the modules with questions (the track passes only when each module does, so a
   * mean would report a pass mark the learner did not reach). */
  function trackSummary(items) {
    var done = items.filter(function (i) { return i.state === "passed"; });
    var scored = items.filter(function (i) { return i.kind === "module" && i.questions > 0; });
    var lowest = scored.reduce(function (min, i) { return Math.min(min, i.score || 0); }, 100);
    return {
      done: done.length,
      total: items.length,
      complete: done.length === items.length,
      attempted: items.every(function (i) {
        return i.kind === "module" ? i.score !== null || i.state === "passed" : !!i.ending;
      }),
      minutesLeft: items.reduce(function (sum, i) { return sum + (i.state === "passed" ? 0 : i.minutes || 0); }, 0),
      scoreRaw: Math.round(lowest),
    };
  }

  /* A scenario's entry after a step of play: ``path`` and ``attempt`` as given, the best of the kept
   * ending and ``reached`` (an ending id or ""). Attempt 0 is left out (the compact 2-element form). */
  function scenarioAfter(entry, scenario, path, reached, attempt) {
    var best = betterEnding(scenario, entry ? entry[1] : "", reached);
    return attempt ? [path, best, attempt] : [path, best];
  }

  /* --- the learner's shuffle: r seeds the quiz's answer order and the scenario player's options --- */

  function hash(text) {
    var h = 2166136261; // FNV-1a, 32 bit
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    return h >>> 0;
  }

  function random(seed) {
    var a = seed; // mulberry32
    return function () {
      a = (a + 0x6d2b79f5) | 0;
      var x = Math.imul(a ^ (a >>> 15), 1 | a);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  }

  /* The indexes 0..count-1 in the order ``seedText`` shuffles them to (Fisher-Yates): the same
   * text always gives the same order, so a reload shows what the learner saw. */
  function order(count, seedText) {
    var next = random(hash(seedText));
    var list = [];
    for (var i = 0; i < count; i++) list.push(i);
    for (var j = count - 1; j > 0; j--) {
      var k = Math.floor(next() * (j + 1));
      var swap = list[j]; list[j] = list[k]; list[k] = swap;
    }
    return list;
  }

  /* A learner id (the record's r) from random bytes: one of 0-9a-z per byte. */
  function newSeed(bytes) {
    var digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    var id = "";
    for (var i = 0; i < bytes.length && i < 16; i++) id += digits.charAt(bytes[i] % 36);
    return id;
  }

  /* decodeURIComponent that never throws: a stray storage key such as "%E0%A4%A" stays as it is. */
  function decodeKey(text) {
    try {
      return decodeURIComponent(text);
    } catch (e) {
      return text;
    }
  }

  /* encodeURIComponent that never throws: a lone surrogate (from an LMS learner id) becomes U+FFFD. */
  function encodeKey(text) {
    try {
      return encodeURIComponent(text);
    } catch (e) {
      return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"));
    }
  }

  /* A backup slot of ``base``: base itself, or base:2, base:3 ... */
  function isBackupKey(name, base) {
    return name === base || (name.indexOf(base + ":") === 0 && /^[1-9][0-9]*$/.test(name.slice(base.length + 1)));
  }

  /* Which of the storage key ``names`` are ours to erase: the record (``key``), its probe, its
   * backups (``backup``) and the retired quiz plugin's keys (``legacyPrefix`` + a page URL that ends
   * with one of ``moduleUrls``). Any other key, however odd, is someone else's and left alone. */
  function ownKeys(names, options) {
    return names.filter(function (name) {
      if (typeof name !== "string") return false;
      if (name === options.key || name === options.key + ":probe" || isBackupKey(name, options.backup)) return true;
      if (name.indexOf(options.legacyPrefix) !== 0) return false;
      var path = decodeKey(name.slice(options.legacyPrefix.length));
      return options.moduleUrls.some(function (url) {
        return path.length >= url.length && path.slice(-url.length) === url;
      });
    });
  }

  var OpsporRecord = {
    VERSION: VERSION,
    FIELDS: FIELDS,
    MIGRATIONS: MIGRATIONS,
    SLUG: SLUG,
    has: has,
    map: map,
    fresh: fresh,
    read: read,
    check: check,
    valid: valid,
    fromExport: fromExport,
    merge: merge,
    moduleStatus: moduleStatus,
    RANK: RANK,
    endingRank: endingRank,
    endingRating: endingRating,
    betterEnding: betterEnding,
    scenarioStatus: scenarioStatus,
    scenarioAfter: scenarioAfter,
    trackSummary: trackSummary,
    hash: hash,
    order: order,
    newSeed: newSeed,
    decodeKey: decodeKey,
    encodeKey: encodeKey,
    isBackupKey: isBackupKey,
    ownKeys: ownKeys,
  };

  if (typeof module !== "undefined" && module.exports) module.exports = OpsporRecord;
  if (typeof window !== "undefined") window.OpsporRecord = OpsporRecord;
})();
