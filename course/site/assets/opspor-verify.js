/* Opspor: verify a trainer-issued certificate, offline, in the browser.
 *
 * A code is base64url(payload) "." base64url(Ed25519 signature); the payload is the JSON array
 * ["opspor1", keyId, id, name, trackId, trackTitle, date, hours, issuer] (course/certificates/signing.py).
 * A text that is not such a code is answered "not genuine" with a plain reason (the checks of
 * signing.decode, with its limits from the page data), never with an error text.
 * The issuer's public keys come with the page (opspor-verify-data). Verification uses the browser's
 * WebCrypto Ed25519 where it exists, else the vendored @noble/ed25519 bundle, loaded on demand as a
 * classic script (works from file:// and on plain-http intranets, where crypto.subtle is missing).
 * Nothing is sent anywhere: the code stays in the page (a QR link carries it after '#').
 */
(function () {
  "use strict";

  var VERSION = "opspor1";
  var form = document.getElementById("opspor-verify");
  var input = document.getElementById("opspor-verify-code");
  var output = document.getElementById("opspor-verify-result");
  var dataElement = document.getElementById("opspor-verify-data");
  if (!form || !input || !output || !dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var t = data.strings;
  var limits = data.limits;
  var SIGNATURE_BYTES = 64;
  var fallbackPromise = null;

  function bytesFromBase64url(text) {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error("bad base64url");
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /* A code that cannot be read; reason is a UI string, shown as it is (never an error text). */
  function Unreadable(reason) { this.reason = reason; }

  /* How deeply arrays and objects nest, counted without parsing (JSON.parse of a payload
     nested thousands deep would be asked to recurse that far). */
  function nesting(text) {
    var depth = 0, deepest = 0, inString = false, escaped = false;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === "\\") escaped = true;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === "[" || ch === "{") deepest = Math.max(deepest, ++depth);
      else if (ch === "]" || ch === "}") depth--;
    }
    return deepest;
  }

  function isText(value) {
    return typeof value === "string" && value.trim() !== "" && value.length <= limits.text;
  }

  /* The label of the first field that has the wrong type, or null; the rules of signing.py. */
  function fieldProblem(fields) {
    if (typeof fields[1] !== "string" || !/^[0-9a-f]{8}$/.test(fields[1])) return t.verify_field_key;
    var texts = [[2, t.verify_id], [3, t.verify_name], [4, t.verify_track], [5, t.verify_track], [8, t.verify_issuer]];
    for (var i = 0; i < texts.length; i++) if (!isText(fields[texts[i][0]])) return texts[i][1];
    var date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof fields[6] === "string" ? fields[6] : "");
    if (!date) return t.verify_date;
    var day = new Date(Date.UTC(+date[1], +date[2] - 1, +date[3]));
    if (day.getUTCFullYear() !== +date[1] || day.getUTCMonth() !== +date[2] - 1 || day.getUTCDate() !== +date[3]) {
      return t.verify_date;
    }
    var hours = fields[7];
    if (typeof hours !== "number" || !isFinite(hours) || hours < 0 || hours > limits.hours) return t.verify_hours;
    return null;
  }

  /* The code from pasted text or a QR link; throws Unreadable with the reason when it is not a code. */
  function parse(text) {
    var code = String(text);
    if (code.length > limits.input) throw new Unreadable(t.verify_reason_too_long);
    code = code.trim();
    var hash = code.lastIndexOf("#");
    if (hash >= 0) code = code.slice(hash + 1);
    code = code.replace(/\s+/g, "");
    var parts = code.split(".");
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new Unreadable(t.verify_unreadable);
    if (!/^[A-Za-z0-9_-]+$/.test(parts[0] + parts[1])) throw new Unreadable(t.verify_reason_characters);
    var payload, signature, json, fields;
    try {
      payload = bytesFromBase64url(parts[0]);
      signature = bytesFromBase64url(parts[1]);
      json = new TextDecoder("utf-8", { fatal: true }).decode(payload);
    } catch (error) {
      throw new Unreadable(t.verify_unreadable);
    }
    if (signature.length !== SIGNATURE_BYTES) throw new Unreadable(t.verify_unreadable);
    if (nesting(json) > 1) throw new Unreadable(t.verify_reason_nested);
    try {
      fields = JSON.parse(json);
    } catch (error) {
      throw new Unreadable(t.verify_unreadable);
    }
    if (!Array.isArray(fields) || fields.length !== 9 || fields[0] !== VERSION) {
      throw new Unreadable(t.verify_reason_format);
    }
    var bad = fieldProblem(fields);
    if (bad) throw new Unreadable(t.verify_reason_field.replace("{field}", bad));
    return {
      payload: payload,
      signature: signature,
      keyId: fields[1],
      certificate: {
        id: fields[2], name: fields[3], trackId: fields[4], trackTitle: fields[5], date: fields[6],
        hours: fields[7], issuer: fields[8]
      }
    };
  }

  /* object[key] only when it is the object's own entry: a key id "constructor" finds nothing. */
  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  function loadFallback() {
    if (window.OpsporEd25519) return Promise.resolve(window.OpsporEd25519);
    if (!fallbackPromise) {
      fallbackPromise = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = data.fallback;
        script.onload = function () {
          if (window.OpsporEd25519) resolve(window.OpsporEd25519);
          else reject(new Error("fallback verifier missing"));
        };
        script.onerror = function () { reject(new Error("fallback verifier did not load")); };
        document.head.appendChild(script);
      });
    }
    return fallbackPromise;
  }

  /* Resolves {genuine, engine}; WebCrypto first, the vendored library only if WebCrypto cannot do Ed25519. */
  function checkSignature(publicKey, signature, payload) {
    var subtle = window.crypto && window.crypto.subtle;
    var viaFallback = function () {
      return loadFallback().then(function (lib) {
        return { genuine: lib.verify(signature, payload, publicKey), engine: "fallback" };
      });
    };
    if (!subtle) return viaFallback();
    return subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"])
      .then(function (key) { return subtle.verify({ name: "Ed25519" }, key, signature, payload); })
      .then(function (genuine) { return { genuine: genuine, engine: "webcrypto" }; }, viaFallback);
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function formatDate(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!parts) return iso;
    try {
      return new Intl.DateTimeFormat(data.language, { dateStyle: "long", timeZone: "UTC" })
        .format(new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3])));
    } catch (error) {
      return iso;
    }
  }

  function show(state, heading, detail, certificate, engine) {
    output.textContent = "";
    output.className = "opspor-verify-result opspor-verify-result--" + state;
    output.setAttribute("data-result", state);
    if (engine) output.setAttribute("data-engine", engine); else output.removeAttribute("data-engine");
    output.appendChild(element("h2", heading));
    output.appendChild(element("p", detail));
    if (!certificate) return;
    var list = document.createElement("dl");
    var title = own(data.tracks, certificate.trackId) || certificate.trackTitle;
    [
      [t.verify_name, certificate.name],
      [t.verify_track, title],
      [t.verify_hours, String(certificate.hours).replace(".", data.language === "da" ? "," : ".")],
      [t.verify_date, formatDate(certificate.date)],
      [t.verify_issuer, certificate.issuer],
      [t.verify_id, certificate.id]
    ].forEach(function (row) {
      list.appendChild(element("dt", row[0]));
      list.appendChild(element("dd", row[1]));
    });
    output.appendChild(list);
  }

  function verify(text) {
    if (!String(text).trim()) return Promise.resolve();
    if (!Object.keys(data.keys).length) {
      show("info", t.verify_title, t.verify_no_keys);
      return Promise.resolve();
    }
    var parsed;
    try {
      parsed = parse(text);
    } catch (error) {
      show("not-genuine", t.verify_not_genuine, error instanceof Unreadable ? error.reason : t.verify_unreadable);
      return Promise.resolve();
    }
    var key = own(data.keys, parsed.keyId);
    if (!key) {
      show("not-genuine", t.verify_not_genuine, t.verify_not_genuine_detail);
      return Promise.resolve();
    }
    return checkSignature(bytesFromBase64url(key), parsed.signature, parsed.payload).then(function (result) {
      if (result.genuine) show("genuine", t.verify_genuine, t.verify_genuine_detail, parsed.certificate, result.engine);
      else show("not-genuine", t.verify_not_genuine, t.verify_not_genuine_detail, null, result.engine);
    }, function () {
      show("info", t.verify_title, t.verify_unsupported);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    verify(input.value);
  });

  function fromLocation() {
    var code = window.location.hash.slice(1);
    try { code = decodeURIComponent(code); } catch (error) { /* keep it as it is */ }
    if (code) {
      input.value = code;
      verify(code);
    }
  }
  window.addEventListener("hashchange", fromLocation);
  fromLocation();
})();
