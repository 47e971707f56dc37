// Unit tests of the learner record's pure rules (course/site/assets/opspor-record.js).
// Run: node --test tests/js   (also by `make test` and by tests/js/test_node_units.py)
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const R = require(path.join(__dirname, "..", "..", "course", "site", "assets", "opspor-record.js"));

const KEY = "opspor:testkursus";
const COURSE = {
  storage_key: KEY,
  modules: { grundmodul: { questions: 2 }, "modul-2": { questions: 3 }, laesning: { questions: 0 } },
  scenarios: {
    "test-scenarie": { endings: {
      "god-slutning": { rating: "god" }, "ok-slutning": { rating: "acceptabel" },
      "daarlig-slutning": { rating: "uhensigtsmaessig" } } },
    "uden-slutninger": {}, // a manifest from before endings were listed: any slug is taken
  },
  tracks: [{ id: "laerer" }, { id: "sygeplejerske" }],
};
const HOSTILE_IDS = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "isPrototypeOf"];

/* A complete, valid record with every field used. */
function full() {
  return {
    v: 1, c: KEY,
    m: { grundmodul: [100, 2], "modul-2": [-1, 1] },
    s: { "test-scenarie": ["01", "god-slutning"] },
    k: { laerer: "2026-11-27" },
    q: { grundmodul: ["12", "11"] },
    r: "k3j9z0",
    n: 1, b: 0, u: 1764240000,
  };
}

function withField(name, value) {
  const r = full();
  r[name] = value;
  return r;
}

function exportOf(record) {
  return JSON.stringify({ format: "opspor-progress", course: "Testkursus", exported: "2026-12-01", record });
}

/* JSON text as a browser or an LMS would hold it, with raw JSON spliced in (1e999, __proto__ keys). */
function rawRecord(fieldsJson) {
  return `{"v":1,"c":"${KEY}","s":{},"k":{},${fieldsJson}}`;
}

test("a complete record is valid and read back field for field", () => {
  const result = R.read(JSON.stringify(full()), KEY);
  assert.ok(result.record, JSON.stringify(result));
  assert.equal(result.migrated, false);
  assert.deepEqual(JSON.parse(JSON.stringify(result.record)), full());
  assert.ok(R.valid(full(), KEY));
});

test("a fresh record is valid, empty, and its maps have no prototype", () => {
  const r = R.fresh(KEY);
  assert.ok(R.valid(r, KEY));
  assert.deepEqual(JSON.parse(JSON.stringify(r)), { v: 1, c: KEY, m: {}, s: {}, k: {}, q: {}, n: 0, b: 0, u: 0 });
  for (const name of ["m", "s", "k", "q"]) assert.equal(Object.getPrototypeOf(r[name]), null, name);
  for (const id of HOSTILE_IDS) assert.equal(r.m[id], undefined, id);
});

test("a version-1 record written before q, r, n, b and u existed is still read", () => {
  const result = R.read({ v: 1, c: KEY, m: { grundmodul: [50, 2] }, s: {}, k: {} }, KEY);
  assert.ok(result.record);
  assert.deepEqual(result.record.m.grundmodul, [50, 2]);
  assert.equal(result.record.n, 0);
  assert.equal(result.record.r, undefined);
});

test("fields the record does not declare are dropped, not kept", () => {
  const result = R.read(withField("x", { evil: 1 }), KEY);
  assert.ok(result.record);
  assert.equal("x" in result.record, false);
});

test("strictly checked (after a change in the store), an undeclared field is an error", () => {
  assert.deepEqual(R.check(withField("x", 1), KEY, true), { reason: "undeclared", field: "x" });
  assert.ok(R.check(full(), KEY, true).record);
  assert.ok(R.check(withField("x", 1), KEY).record, "leniently, it is only dropped");
});

/* Every field, and every part of every map entry, refused when malformed. */
const MALFORMED = {
  "v is a string": ["v", "1"],
  "c is missing its course": ["c", 7],
  "m is a list": ["m", []],
  "m is null": ["m", null],
  "m entry is a string": ["m", { grundmodul: "lots" }],
  "m entry has three parts": ["m", { grundmodul: [1, 2, 3] }],
  "m score is a string": ["m", { grundmodul: ["100", 2] }],
  "m score is NaN": ["m", { grundmodul: [NaN, 2] }],
  "m score is Infinity": ["m", { grundmodul: [Infinity, 2] }],
  "m score is 101": ["m", { grundmodul: [101, 2] }],
  "m score is -2": ["m", { grundmodul: [-2, 2] }],
  "m score is a fraction": ["m", { grundmodul: [87.5, 2] }],
  "m score is null (how JSON writes NaN)": ["m", { grundmodul: [null, 2] }],
  "m count is -1": ["m", { grundmodul: [100, -1] }],
  "m count is a string": ["m", { grundmodul: [100, "2"] }],
  "m count is huge": ["m", { grundmodul: [100, 1e12] }],
  "s is a string": ["s", "01"],
  "s path has letters": ["s", { "test-scenarie": ["0a", ""] }],
  "s ending is a number": ["s", { "test-scenarie": ["01", 3] }],
  "s entry has one part": ["s", { "test-scenarie": ["01"] }],
  "s entry has four parts": ["s", { "test-scenarie": ["01", "", 1, 1] }],
  "s attempt is 0 (left out while 0, never written)": ["s", { "test-scenarie": ["01", "", 0] }],
  "s attempt is a string": ["s", { "test-scenarie": ["01", "", "2"] }],
  "s attempt is a fraction": ["s", { "test-scenarie": ["01", "", 1.5] }],
  "s attempt is negative": ["s", { "test-scenarie": ["01", "", -1] }],
  "s attempt is huge": ["s", { "test-scenarie": ["01", "", 1e12] }],
  "s attempt is Infinity": ["s", { "test-scenarie": ["01", "", Infinity] }],
  "k date is a number": ["k", { laerer: 20261127 }],
  "k date is not a date": ["k", { laerer: "yesterday" }],
  "k date is impossible": ["k", { laerer: "2026-02-30" }],
  "q is a list": ["q", []],
  "q answers and attempts differ in length": ["q", { grundmodul: ["12", "1"] }],
  "q answers hold markup": ["q", { grundmodul: ["<b", "11"] }],
  "q attempts hold a dot": ["q", { grundmodul: ["12", "1."] }],
  "q entry is a string": ["q", { grundmodul: "12" }],
  "r is a number": ["r", 5],
  "r is too long": ["r", "a".repeat(17)],
  "r has capitals": ["r", "ABC"],
  "r is empty": ["r", ""],
  "n is true": ["n", true],
  "n is 2": ["n", 2],
  "b is a string": ["b", "1"],
  "u is negative": ["u", -1],
  "u is a string": ["u", "now"],
  "u is NaN": ["u", NaN],
};

for (const [name, [field, value]] of Object.entries(MALFORMED)) {
  test(`refused: ${name}`, () => {
    const r = withField(field, value);
    assert.equal(R.valid(r, KEY), false);
    const result = R.read(r, KEY);
    assert.equal(result.record, undefined);
    assert.ok(["shape", "foreign"].includes(result.reason), result.reason);
  });
}

for (const name of ["v", "c", "m", "s", "k"]) {
  test(`refused: a record without ${name}`, () => {
    const r = full();
    delete r[name];
    assert.equal(R.valid(r, KEY), false);
    if (name !== "v" && name !== "c") assert.equal(R.read(r, KEY).record, undefined);
  });
}

test("text that is not JSON, or is cut off, is reason json", () => {
  const text = JSON.stringify(full());
  for (const raw of ["{this is not json", text.slice(0, text.length - 7), text.slice(0, 20), "\u0000"]) {
    assert.deepEqual(R.read(raw, KEY), { reason: "json" }, raw);
  }
});

test("another course's record is reason foreign; a newer one is reason newer", () => {
  assert.equal(R.read(withField("c", "opspor:another-course"), KEY).reason, "foreign");
  assert.equal(R.read(withField("v", 2), KEY).reason, "newer");
  assert.equal(R.read(withField("v", 99), KEY).reason, "newer");
  assert.equal(R.read("[1, 2, 3]", KEY).reason, "shape");
  assert.equal(R.read("null", KEY).reason, "shape");
  assert.equal(R.read('"text"', KEY).reason, "shape");
});

test("a score of 1e999 in the JSON text (Infinity once parsed) is refused", () => {
  assert.equal(R.read(rawRecord('"m":{"grundmodul":[1e999,2]}'), KEY).record, undefined);
  assert.equal(R.read(rawRecord('"m":{"grundmodul":[100,1e999]}'), KEY).record, undefined);
});

test("ids such as constructor, toString, __proto__ and hasOwnProperty are ordinary keys", () => {
  const entries = HOSTILE_IDS.map((id) => `"${id}":[50,1]`).join(",");
  const result = R.read(rawRecord(`"m":{${entries}},"q":{"__proto__":["1","1"]}`), KEY);
  assert.ok(result.record, JSON.stringify(result));
  const m = result.record.m;
  for (const id of HOSTILE_IDS) {
    assert.deepEqual(m[id], [50, 1], id);
    assert.ok(Object.prototype.hasOwnProperty.call(m, id), id);
  }
  assert.equal(Object.getPrototypeOf(m), null, "no prototype to reach through __proto__");
  assert.deepEqual(Object.keys(m).sort(), [...HOSTILE_IDS].sort());
  assert.equal({}.polluted, undefined);
  // and they survive the round trip through storage
  const again = R.read(JSON.stringify(result.record), KEY);
  assert.deepEqual(Object.keys(again.record.m).sort(), [...HOSTILE_IDS].sort());
  assert.deepEqual(again.record.q.__proto__, ["1", "1"]);
});

test("an inherited name is not mistaken for an entry of a fresh record", () => {
  const r = R.fresh(KEY);
  for (const id of HOSTILE_IDS) {
    assert.equal(R.moduleStatus(r.m[id], 2, 80).state, "not_started", id);
    assert.equal(r.s[id], undefined);
  }
});

test("a __proto__ key in a record cannot pollute Object.prototype", () => {
  const result = R.read('{"v":1,"c":"' + KEY + '","m":{},"s":{},"k":{},"__proto__":{"polluted":1}}', KEY);
  assert.ok(result.record);
  assert.equal({}.polluted, undefined);
  assert.equal(result.record.polluted, undefined);
});

/* --- migration ------------------------------------------------------------------------ */

test("a version-0 record (before versioning) is migrated to version 1", () => {
  const result = R.read(JSON.stringify({ m: { grundmodul: [100, 2] }, s: { "test-scenarie": ["0", ""] }, k: {}, n: 1 }), KEY);
  assert.ok(result.record, JSON.stringify(result));
  assert.equal(result.migrated, true);
  assert.equal(result.record.v, 1);
  assert.equal(result.record.c, KEY);
  assert.deepEqual(result.record.m.grundmodul, [100, 2]);
  assert.deepEqual(result.record.s["test-scenarie"], ["0", ""]);
  assert.equal(result.record.n, 1);
  assert.equal(result.record.b, 0);
  assert.ok(R.valid(result.record, KEY));
});

test("a version-0 record without s and k gets empty ones", () => {
  const result = R.read({ m: {} }, KEY);
  assert.ok(result.record);
  assert.deepEqual(Object.keys(result.record.s), []);
  assert.deepEqual(Object.keys(result.record.k), []);
});

test("a version-0 record without a module map, or with a bad entry, is refused", () => {
  assert.equal(R.read({ s: {}, k: {} }, KEY).record, undefined);
  assert.equal(R.read({ m: [] }, KEY).record, undefined);
  assert.equal(R.read({ m: { grundmodul: [NaN, 2] } }, KEY).record, undefined);
  assert.equal(R.read({ m: {}, s: "x" }, KEY).record, undefined);
  assert.equal(R.read({ v: -1, m: {} }, KEY).reason, "shape");
  assert.equal(R.read({ v: 0.5, m: {} }, KEY).reason, "shape");
});

test("a version-0 record of another course is foreign", () => {
  assert.equal(R.read({ c: "opspor:another", m: {} }, KEY).reason, "foreign");
});

/* --- imports ----------------------------------------------------------------------------- */

test("our own export is accepted and fitted to the course", () => {
  const result = R.fromExport(exportOf(full()), COURSE);
  assert.ok(result.record, JSON.stringify(result));
  assert.deepEqual(result.record.m.grundmodul, [100, 2]);
});

test("an import naming ids the course does not have is refused, and says which", () => {
  for (const id of HOSTILE_IDS) {
    const result = R.fromExport(exportOf(withField("m", { [id]: [100, 2] })), COURSE);
    assert.equal(result.record, undefined, id);
    assert.equal(result.reason, "unfit");
    assert.deepEqual(result.problems, [{ kind: "unknown_module", id }]);
  }
  const raw = `{"format":"opspor-progress","record":${rawRecord('"m":{"__proto__":[100,2]}')}}`;
  assert.deepEqual(R.fromExport(raw, COURSE).problems, [{ kind: "unknown_module", id: "__proto__" }]);
  const cases = [
    ["s", { constructor: ["0", ""] }, "unknown_scenario"],
    ["k", { toString: "2026-01-01" }, "unknown_track"],
    ["k", { grundmodul: "2026-01-01" }, "unknown_track"],
    ["q", { hasOwnProperty: ["1", "1"] }, "unknown_module"],
    ["m", { "test-scenarie": [100, 1] }, "unknown_module"],
  ];
  for (const [field, value, kind] of cases) {
    const result = R.fromExport(exportOf(withField(field, value)), COURSE);
    assert.equal(result.reason, "unfit", field);
    assert.equal(result.problems[0].kind, kind);
  }
});

test("an import with a score that is not a whole number from 0 to 100 is refused", () => {
  const scores = ['1e999', '-1e999', '101', '-2', '"100"', '50.5', 'null', 'true', '"NaN"'];
  for (const score of scores) {
    const raw = `{"format":"opspor-progress","record":${rawRecord(`"m":{"grundmodul":[${score},2]}`)}}`;
    const result = R.fromExport(raw, COURSE);
    assert.equal(result.record, undefined, score);
    assert.equal(result.reason, "shape", score);
  }
  for (const score of [0, 100, -1]) { // -1: answered part of the quiz, no score yet
    assert.ok(R.fromExport(exportOf(withField("m", { grundmodul: [score, 1] })), COURSE).record, String(score));
  }
});

test("an import whose ending the scenario does not have is refused", () => {
  for (const ending of ["x onfocus=alert(1)", "anden-slutning", "constructor", "__proto__", "toString"]) {
    const result = R.fromExport(exportOf(withField("s", { "test-scenarie": ["0", ending] })), COURSE);
    assert.equal(result.reason, "unfit", ending);
    assert.deepEqual(result.problems, [{ kind: "ending", id: "test-scenarie" }]);
  }
  // a manifest that lists no endings: the ending must at least be a slug
  assert.ok(R.fromExport(exportOf(withField("s", { "uden-slutninger": ["0", "en-slutning"] })), COURSE).record);
  assert.equal(R.fromExport(exportOf(withField("s", { "uden-slutninger": ["0", "En slutning"] })), COURSE).reason,
    "unfit");
});

test("a scenario entry may carry its attempt number", () => {
  const result = R.fromExport(exportOf(withField("s", { "test-scenarie": ["10", "ok-slutning", 3] })), COURSE);
  assert.deepEqual(result.record.s["test-scenarie"], ["10", "ok-slutning", 3]);
});

test("files that are not an export, another course's or a newer one are refused by reason", () => {
  assert.equal(R.fromExport("{not json", COURSE).reason, "file");
  assert.equal(R.fromExport(JSON.stringify({ hello: "world" }), COURSE).reason, "file");
  assert.equal(R.fromExport(JSON.stringify({ format: "opspor-progress" }), COURSE).reason, "file");
  assert.equal(R.fromExport(exportOf(withField("c", "opspor:other")), COURSE).reason, "foreign");
  assert.equal(R.fromExport(exportOf(withField("v", 2)), COURSE).reason, "newer");
  assert.equal(R.fromExport(exportOf([1, 2]), COURSE).reason, "shape");
});

test("an imported answer count is capped at the module's questions; stale quiz answers are left out", () => {
  const r = full();
  r.m.grundmodul = [100, 9];
  r.q["modul-2"] = ["12", "11"]; // the module now has 3 questions
  const result = R.fromExport(exportOf(r), COURSE);
  assert.deepEqual(result.record.m.grundmodul, [100, 2]);
  assert.equal(result.record.q["modul-2"], undefined);
  assert.deepEqual(result.record.q.grundmodul, ["12", "11"]);
});

/* --- merge --------------------------------------------------------------------------------- */

function imported(record) {
  const result = R.fromExport(exportOf(record), COURSE);
  assert.ok(result.record, JSON.stringify(result));
  return result.record;
}

test("merge keeps the best of each module, the ended scenario and the earliest track date", () => {
  const mine = R.read({
    v: 1, c: KEY, m: { grundmodul: [50, 2], "modul-2": [100, 3] }, s: { "test-scenarie": ["0", ""] },
    k: { laerer: "2026-12-01" }, q: { grundmodul: ["21", "12"] }, r: "mine", n: 0, b: 1, u: 5,
  }, KEY).record;
  const theirs = imported({
    v: 1, c: KEY, m: { grundmodul: [100, 1], "modul-2": [-1, 1], laesning: [100, 0] },
    s: { "test-scenarie": ["01", "god-slutning"] }, k: { laerer: "2026-11-01", sygeplejerske: "2026-11-02" },
    q: { grundmodul: ["12", "11"], "modul-2": ["123", "111"] }, r: "theirs", n: 1, b: 0, u: 9,
  });
  const merged = R.merge(mine, theirs);
  assert.equal(merged, mine, "merged in place");
  assert.deepEqual(merged.m.grundmodul, [100, 2]);
  assert.deepEqual(merged.m["modul-2"], [100, 3]);
  assert.deepEqual(merged.m.laesning, [100, 0]);
  assert.deepEqual(merged.s["test-scenarie"], ["01", "god-slutning"]);
  assert.deepEqual(merged.k, Object.assign(Object.create(null), { laerer: "2026-11-01", sygeplejerske: "2026-11-02" }));
  assert.deepEqual(merged.q.grundmodul, ["21", "12"], "answers given here stay");
  assert.deepEqual(merged.q["modul-2"], ["123", "111"], "answers come along for modules not answered here");
  assert.equal(merged.r, "mine", "the answer order stays ours");
  assert.equal(merged.n, 1);
  assert.equal(merged.b, 1, "a pending notice is not cleared by an import");
  assert.equal(merged.u, 5, "the store sets u when it saves");
  assert.ok(R.valid(merged, KEY), "the merged record is one the next page can read");
});

test("merge keeps the better-rated of two endings, with our own path and attempt", () => {
  const mine = R.read({ v: 1, c: KEY, m: {}, s: { "test-scenarie": ["1", "daarlig-slutning", 2] }, k: {} }, KEY).record;
  R.merge(mine, imported({ v: 1, c: KEY, m: {}, s: { "test-scenarie": ["00", "ok-slutning"] }, k: {} }), COURSE);
  assert.deepEqual(mine.s["test-scenarie"], ["1", "ok-slutning", 2]);
  R.merge(mine, imported({ v: 1, c: KEY, m: {}, s: { "test-scenarie": ["11", "daarlig-slutning"] }, k: {} }), COURSE);
  assert.deepEqual(mine.s["test-scenarie"], ["1", "ok-slutning", 2], "a worse ending never replaces a better one");
  R.merge(mine, imported({ v: 1, c: KEY, m: {}, s: { "test-scenarie": ["0", "god-slutning"] }, k: {} }));
  assert.deepEqual(mine.s["test-scenarie"], ["1", "ok-slutning", 2], "without the course's ratings ours stays");
  assert.ok(R.valid(mine, KEY));
});

test("endingRank reads the manifest's ratings and never an inherited name", () => {
  assert.equal(R.endingRank(COURSE, "test-scenarie", "god-slutning"), 2);
  assert.equal(R.endingRank(COURSE, "test-scenarie", "daarlig-slutning"), 0);
  for (const id of HOSTILE_IDS) {
    assert.equal(R.endingRank(COURSE, "test-scenarie", id), -1, id);
    assert.equal(R.endingRank(COURSE, id, "god-slutning"), -1, id);
  }
  assert.equal(R.endingRank(undefined, "test-scenarie", "god-slutning"), -1);
});

test("merge never replaces an ending reached here with a walk in progress", () => {
  const mine = R.read({ v: 1, c: KEY, m: {}, s: { "test-scenarie": ["1", "daarlig-slutning"] }, k: {} }, KEY).record;
  R.merge(mine, imported({ v: 1, c: KEY, m: {}, s: { "test-scenarie": ["0", ""] }, k: {} }));
  assert.deepEqual(mine.s["test-scenarie"], ["1", "daarlig-slutning"]);
});

test("merge into a fresh record takes the seed; hostile ids in the learner's own record stay apart", () => {
  const mine = R.read(rawRecord('"m":{"constructor":[10,1],"__proto__":[20,1]}'), KEY).record;
  R.merge(mine, imported(full()));
  assert.equal(mine.r, "k3j9z0");
  assert.deepEqual(mine.m.constructor, [10, 1]);
  assert.deepEqual(mine.m.__proto__, [20, 1]);
  assert.deepEqual(mine.m.grundmodul, [100, 2]);
  assert.ok(R.valid(mine, KEY));
});

test("merging any accepted import leaves a valid record (the bug: constructor ids made NaN)", () => {
  const imports = [
    full(),
    { v: 1, c: KEY, m: { laesning: [100, 0] }, s: {}, k: {} },
    { m: { grundmodul: [0, 2] } }, // version 0, migrated on import
  ];
  for (const record of imports) {
    const mine = R.fresh(KEY);
    R.merge(mine, imported(record));
    const text = JSON.stringify(mine);
    assert.ok(R.read(text, KEY).record, text);
  }
});

/* --- the pass rule -------------------------------------------------------------------------- */

test("the pass rule: best score against the pass mark; no questions passes by reading", () => {
  assert.equal(R.moduleStatus(undefined, 2, 80).state, "not_started");
  assert.deepEqual(R.moduleStatus([-1, 1], 2, 80), { state: "in_progress", score: null, answered: 1, questions: 2 });
  assert.equal(R.moduleStatus([80, 2], 2, 80).state, "passed");
  assert.equal(R.moduleStatus([79, 2], 2, 80).state, "not_passed");
  assert.equal(R.moduleStatus([100, 0], 0, 80).state, "passed");
  assert.equal(R.moduleStatus([0, 2], 2, 0).state, "passed");
});

/* --- storage keys ------------------------------------------------------------------------ */

const KEY_OPTIONS = {
  key: KEY, backup: KEY + ":backup", legacyPrefix: "quiz_progress_",
  moduleUrls: ["/moduler/grundmodul.html", "/moduler/modul-2.html"],
};
const ODD_KEYS = [
  "%E0%A4%A", "%", "opspor%zz", "%zz%", "\uD800", "", "__proto__", "constructor", "x".repeat(5000),
  "quiz_progress_%E0%A4%A", "quiz_progress_%", "quiz_progress_/a%zz/b.html", "quiz_progress_\uD800",
  KEY + ":backupx", KEY + ":backup:", KEY + ":backup:0", KEY + ":backup:2x", KEY + "x", KEY + ":private",
  KEY + ":lms:u1:backup", "opspor:another-course", "opspor:another-course:backup",
];

test("ownKeys picks exactly our keys out of any set of odd keys, without throwing", () => {
  const ours = [
    KEY, KEY + ":probe", KEY + ":backup", KEY + ":backup:2", KEY + ":backup:9",
    "quiz_progress_/moduler/grundmodul.html", "quiz_progress_%2Fsite%2Fmoduler%2Fgrundmodul.html",
    "quiz_progress_/site%zz/moduler/modul-2.html", "quiz_progress_file:///home/x/site/moduler/modul-2.html",
  ];
  const found = R.ownKeys([...ODD_KEYS, ...ours, null, undefined, 7], KEY_OPTIONS);
  assert.deepEqual(found.sort(), [...ours].sort());
});

test("in an LMS only that learner's backup is ours", () => {
  const options = { ...KEY_OPTIONS, backup: KEY + ":lms:u1:backup" };
  const found = R.ownKeys([KEY + ":lms:u1:backup", KEY + ":lms:u1:backup:2", KEY + ":lms:u2:backup",
    KEY + ":backup"], options);
  assert.deepEqual(found, [KEY + ":lms:u1:backup", KEY + ":lms:u1:backup:2"]);
});

test("decodeKey and encodeKey never throw", () => {
  for (const key of ODD_KEYS) {
    assert.equal(typeof R.decodeKey(key), "string");
    assert.equal(typeof R.encodeKey(key), "string");
  }
  assert.equal(R.decodeKey("%E0%A4%A"), "%E0%A4%A");
  assert.equal(R.decodeKey("a%2Fb"), "a/b");
  assert.equal(R.encodeKey("Ærø 1"), "%C3%86r%C3%B8%201");
  assert.equal(R.encodeKey("a\uD800b"), "a%EF%BF%BDb");
});

/* --- scenarios: [path, best ending, attempt] and their pass rule (issue 12) ------------------- */

const SCENARIO = { endings: {
  "god-slutning": { title: "Ida får hjælp", rating: "god" },
  "middel": { title: "Ida tager folderen", rating: "acceptabel" },
  "daarlig-slutning": { title: "Samtalen lukker sig", rating: "uhensigtsmaessig" },
} };
const RATED = Object.assign({}, COURSE, { scenarios: { "test-scenarie": SCENARIO } });

test("a scenario entry may carry an attempt number, read back as it was", () => {
  const r = withField("s", { "test-scenarie": ["01", "god-slutning", 3] });
  const result = R.read(r, KEY);
  assert.ok(result.record, JSON.stringify(result));
  assert.deepEqual(result.record.s["test-scenarie"], ["01", "god-slutning", 3]);
  assert.deepEqual(R.read(withField("s", { "test-scenarie": ["", "", 1000000] }), KEY).record.s["test-scenarie"],
    ["", "", 1000000]);
});

test("the scenario pass rule: god or acceptabel passes, uhensigtsmaessig does not, no ending is in progress", () => {
  assert.equal(R.scenarioStatus(undefined, SCENARIO).state, "not_started");
  assert.equal(R.scenarioStatus(["0", ""], SCENARIO).state, "in_progress");
  const good = R.scenarioStatus(["00", "god-slutning", 2], SCENARIO);
  assert.deepEqual(good, { state: "passed", ending: "god-slutning", rating: "god", path: "00", attempt: 2 });
  assert.equal(R.scenarioStatus(["01", "middel"], SCENARIO).state, "passed");
  assert.equal(R.scenarioStatus(["1", "daarlig-slutning"], SCENARIO).state, "not_passed");
  // an ending the course no longer has counts as none; so do inherited names
  assert.equal(R.scenarioStatus(["1", "fjernet"], SCENARIO).state, "in_progress");
  assert.equal(R.scenarioStatus(["1", "constructor"], SCENARIO).state, "in_progress");
  assert.equal(R.scenarioStatus(["1", "toString"], { endings: Object.create(null) }).state, "in_progress");
});

test("playing on keeps the best-rated ending ever reached; attempt 0 keeps the compact form", () => {
  assert.deepEqual(R.scenarioAfter(undefined, SCENARIO, "1", "daarlig-slutning", 0), ["1", "daarlig-slutning"]);
  assert.deepEqual(R.scenarioAfter(["1", "daarlig-slutning"], SCENARIO, "", "", 1), ["", "daarlig-slutning", 1]);
  assert.deepEqual(R.scenarioAfter(["", "daarlig-slutning", 1], SCENARIO, "00", "god-slutning", 1),
    ["00", "god-slutning", 1]);
  assert.deepEqual(R.scenarioAfter(["00", "god-slutning", 1], SCENARIO, "1", "daarlig-slutning", 2),
    ["1", "god-slutning", 2], "a worse replay never undoes a pass");
  assert.deepEqual(R.scenarioAfter(["01", "middel"], SCENARIO, "01", "middel", 0), ["01", "middel"]);
  assert.deepEqual(R.scenarioAfter(["01", "middel"], SCENARIO, "00", "god-slutning", 0), ["00", "god-slutning"]);
});

test("merge keeps the better-rated ending of the two, and our own path and attempt", () => {
  const mine = R.read({ v: 1, c: KEY, m: {}, s: { "test-scenarie": ["1", "daarlig-slutning", 4] }, k: {} }, KEY).record;
  const theirs = R.fromExport(exportOf({ v: 1, c: KEY, m: {}, s: { "test-scenarie": ["01", "middel"] }, k: {} }), RATED);
  assert.ok(theirs.record, JSON.stringify(theirs));
  R.merge(mine, theirs.record, RATED);
  assert.deepEqual(mine.s["test-scenarie"], ["1", "middel", 4]);
  // a worse import changes nothing
  R.merge(mine, R.fromExport(exportOf({ v: 1, c: KEY, m: {}, s: { "test-scenarie": ["1", "daarlig-slutning"] },
    k: {} }), RATED).record, RATED);
  assert.deepEqual(mine.s["test-scenarie"], ["1", "middel", 4]);
  assert.ok(R.valid(mine, KEY));
});

test("an import naming an ending the scenario does not have is refused", () => {
  const result = R.fromExport(exportOf({ v: 1, c: KEY, m: {}, s: { "test-scenarie": ["0", "ukendt"] }, k: {} }), RATED);
  assert.equal(result.reason, "unfit");
  assert.deepEqual(result.problems, [{ kind: "ending", id: "test-scenarie" }]);
});

test("the learner's own track (t) is kept when it is a slug, refused otherwise, absent when not chosen", () => {
  const chosen = R.read(JSON.stringify(withField("t", "sygeplejerske")), KEY);
  assert.equal(chosen.record.t, "sygeplejerske");
  for (const bad of ["", "Sygeplejerske", "../x", 7, null, ["laerer"], "a".repeat(65)]) {
    assert.equal(R.read(JSON.stringify(withField("t", bad)), KEY).reason, "shape", JSON.stringify(bad));
  }
  assert.equal(Object.prototype.hasOwnProperty.call(R.read(JSON.stringify(full()), KEY).record, "t"), false);
  assert.equal(Object.prototype.hasOwnProperty.call(R.fresh(KEY), "t"), false);
});

test("an imported track choice must be a track of the course; the learner's own choice wins a merge", () => {
  assert.equal(R.fromExport(exportOf(withField("t", "laerer")), COURSE).record.t, "laerer");
  const foreign = R.fromExport(exportOf(withField("t", "politi")), COURSE);
  assert.equal(foreign.reason, "unfit");
  assert.deepEqual(foreign.problems, [{ kind: "unknown_track", id: "politi" }]);
  const mine = R.read(JSON.stringify(withField("t", "sygeplejerske")), KEY).record;
  assert.equal(R.merge(mine, R.fromExport(exportOf(withField("t", "laerer")), COURSE).record).t, "sygeplejerske");
  assert.equal(R.merge(R.fresh(KEY), R.fromExport(exportOf(withField("t", "laerer")), COURSE).record).t, "laerer");
});

test("trackSummary: complete only when every item passed; the LMS score is the lowest module score", () => {
  const items = [
    { kind: "module", state: "passed", score: 100, questions: 2, minutes: 10 },
    { kind: "module", state: "not_passed", score: 50, questions: 3, minutes: 15 },
    { kind: "module", state: "passed", score: null, questions: 0, minutes: 5 }, // a reading: no score
    { kind: "scenario", state: "passed", ending: "god-slutning", minutes: 20 },
  ];
  const summary = R.trackSummary(items);
  assert.deepEqual(summary, { done: 3, total: 4, complete: false, attempted: true, minutesLeft: 15, scoreRaw: 50 });
  items[1] = { kind: "module", state: "passed", score: 83.4, questions: 3, minutes: 15 };
  assert.equal(R.trackSummary(items).complete, true);
  assert.equal(R.trackSummary(items).scoreRaw, 83);
});

test("trackSummary: not attempted while a module has no score or a scenario has no ending", () => {
  const module = { kind: "module", state: "in_progress", score: null, questions: 2, minutes: 10 };
  const scenario = { kind: "scenario", state: "in_progress", ending: "", minutes: 20 };
  assert.equal(R.trackSummary([module]).attempted, false);
  assert.equal(R.trackSummary([scenario]).attempted, false);
  assert.equal(R.trackSummary([module, scenario]).minutesLeft, 30);
  assert.equal(R.trackSummary([module]).scoreRaw, 0); // nothing answered counts as 0, never as a pass
});
