/* Opspor browser runtime: shared core.
 *
 * The runtime is split by job (store, safety, progress, player, certificate); each file
 * adds itself to window.Opspor and registers a start-up function. Everything it knows about
 * the course comes from the manifest (window.OPSPOR_COURSE), including every UI string.
 * Works from file://, a web server and inside an LMS frame; no network, no build step.
 */
(function () {
  "use strict";
  var course = window.OPSPOR_COURSE || null;
  var script = document.currentScript;
  // The site root, derived from this script's own address (assets/opspor/opspor.js).
  var root = script ? script.src.replace(/assets\/opspor\/opspor\.js(\?.*)?$/, "") : "";
  var starters = [];

  function t(key, params) {
    var text = (course && course.strings && course.strings[key]) || key;
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return params && params[name] !== undefined ? String(params[name]) : all;
    });
  }

  /* Build an element: el("p", {class: "x", text: "..."}, [children]). Text is never parsed as HTML. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name === "html") node.innerHTML = value; // only compiler-made, pre-escaped HTML
      else if (name.indexOf("on") === 0) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function url(sitePath) {
    return root + sitePath;
  }

  function pageInfo() {
    var marker = document.querySelector(".opspor-page");
    return marker ? { kind: marker.getAttribute("data-kind"), id: marker.getAttribute("data-id") } : { kind: "", id: "" };
  }

  function formatMinutes(minutes) {
    if (minutes < 60) return t("duration_minutes", { m: minutes });
    var h = Math.floor(minutes / 60);
    var m = minutes % 60;
    return m ? t("duration_hours_minutes", { h: h, m: m }) : t("duration_hours", { h: h });
  }

  function formatHours(hours) {
    return String(hours).replace(".", course && course.language === "en" ? "." : ",");
  }

  function formatDate(isoDate) {
    var parts = (isoDate || "").split("-");
    if (parts.length !== 3) return isoDate || "";
    var date = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
    try {
      return date.toLocaleDateString(course.language || "da", { year: "numeric", month: "long", day: "numeric" });
    } catch (e) {
      return isoDate;
    }
  }

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  window.Opspor = {
    course: course,
    root: root,
    t: t,
    el: el,
    url: url,
    page: pageInfo(),
    formatMinutes: formatMinutes,
    formatHours: formatHours,
    formatDate: formatDate,
    today: today,
    /* Register a start-up function; all run in order once the page is parsed. */
    onStart: function (fn) { starters.push(fn); },
  };

  function start() {
    if (!course) return; // a page without the manifest (e.g. 404 far from the root) stays static
    starters.forEach(function (fn) {
      try {
        fn();
      } catch (e) {
        // One broken feature must never take the others (or the quick exit) down with it.
        if (window.console) console.error("Opspor:", e);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else setTimeout(start, 0);
})();
