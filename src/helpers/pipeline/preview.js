// Live preview (served by `make preview` only, never written into reports/): when the preview rebuilt this page,
// put the new version's changed parts in place (an edited paragraph, heading or table), or reload the page, keeping
// the reader's place, when a changed part holds a chart or a script; show a failed build's message in a banner
// over the page that stays.
(function () {
  "use strict";
  var here = decodeURIComponent(location.pathname.replace(/^\/+/, "")) || "index.html";
  if (/\/$/.test(here)) here += "index.html";
  var key = "nato-preview-scroll:" + here;

  // Back where the reader was: now, once the page has loaded, and once its charts are drawn (they change heights).
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    if ("scrollRestoration" in history) history.scrollRestoration = "manual";
    var xy = saved.split(",").map(Number);
    var restore = function () { window.scrollTo(xy[0], xy[1]); };
    restore();
    window.addEventListener("load", restore);
    var root = document.documentElement;
    if (!root.hasAttribute("data-charts-drawn")) {
      var watch = new MutationObserver(function () {
        if (root.hasAttribute("data-charts-drawn")) { watch.disconnect(); restore(); }
      });
      watch.observe(root, { attributes: true, attributeFilter: ["data-charts-drawn"] });
    }
  }

  var banner = null;
  function showFailure(message) {
    if (!banner) {
      banner = document.createElement("div");
      banner.id = "nato-preview-banner";
      banner.setAttribute("role", "alert");
      banner.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:2147483647;margin:0;padding:.6em 1em;" +
        "background:#8b1a1a;color:#fff;font:15px/1.4 system-ui,sans-serif;white-space:pre-wrap;" +
        "box-shadow:0 2px 6px rgba(0,0,0,.35)";
      document.body.appendChild(banner);
    }
    banner.textContent = "Preview: the last build failed; this page is the last good one. " + message;
  }
  function clearFailure() {
    if (banner) { banner.remove(); banner = null; }
  }

  // The page as the build wrote it, before its own (deferred) scripts draw charts and add tooltips: this script
  // runs at the end of the body, before them. The next version is compared with it, not with the live page.
  var ME = "/__preview/live.js";
  function trimmed(root) {  // what follows this script (the text after </body>) is not parsed yet in the copy
    var me = root.querySelector('script[src="' + ME + '"]');
    while (me && me.nextSibling) { me.parentNode.removeChild(me.nextSibling); }
    return root;
  }
  var shown = trimmed(document.documentElement.cloneNode(true));
  var HEAVY = "script, .report-chart, .report-timeline, [data-spec]";
  function heavy(el) { return el.matches(HEAVY) || el.querySelector(HEAVY) !== null; }
  function sameAttributes(a, b) {
    if (a.attributes.length !== b.attributes.length) { return false; }
    for (var i = 0; i < a.attributes.length; i++) {
      if (b.getAttribute(a.attributes[i].name) !== a.attributes[i].value) { return false; }
    }
    return true;
  }
  // The smallest elements of `a` that differ from `b`, as [old, new] pairs (an element whose own attributes or
  // number of children changed is one pair).
  function changed(a, b) {
    if (a.isEqualNode(b)) { return []; }
    if (a.tagName !== b.tagName || !sameAttributes(a, b) || a.childNodes.length !== b.childNodes.length) {
      return [[a, b]];
    }
    var pairs = [];
    for (var i = 0; i < a.childNodes.length; i++) {
      var x = a.childNodes[i], y = b.childNodes[i];
      if (x.nodeType !== y.nodeType || (x.nodeType !== 1 && !x.isEqualNode(y))) { return [[a, b]]; }
      if (x.nodeType === 1) { pairs = pairs.concat(changed(x, y)); }
    }
    return pairs;
  }
  // Where `el` (in the copy) is in the live page: its nearest ancestor with an id of its own, then child positions.
  function inPage(el) {
    var steps = [];
    while (el.parentElement && !(el.id && shown.querySelectorAll('[id="' + CSS.escape(el.id) + '"]').length === 1)) {
      var i = Array.prototype.indexOf.call(el.parentElement.children, el);
      steps.unshift(i);
      el = el.parentElement;
    }
    var live = el.parentElement ? document.getElementById(el.id) : document.documentElement;
    for (var s = 0; live && s < steps.length; s++) { live = live.children[steps[s]]; }
    return live;
  }
  function words(el) {  // the text a reader sees in `el` as the build wrote it (without the tooltips added since)
    var copy = el.cloneNode(true);
    copy.querySelectorAll(".cite-tip").forEach(function (t) { t.remove(); });
    return copy.textContent;
  }
  // Put the new version's changed parts in place; false (nothing touched) when that cannot be done safely.
  function patch(next) {
    var pairs = changed(shown, next), plan = [];
    for (var i = 0; i < pairs.length; i++) {
      var was = pairs[i][0], now = pairs[i][1];
      if (was === shown || heavy(was) || heavy(now) || shown.querySelector("head").contains(was)) { return false; }
      var live = inPage(was);
      if (!live || live.tagName !== was.tagName || words(live) !== was.textContent) { return false; }
      plan.push([live, now]);
    }
    plan.forEach(function (p) { p[0].replaceWith(document.importNode(p[1], true)); });
    shown = next;
    var html = document.documentElement;  // counted, for the bench and the tests
    html.setAttribute("data-preview-updates", String(Number(html.getAttribute("data-preview-updates") || 0) + 1));
    document.dispatchEvent(new CustomEvent("report:content"));  // report.js: tooltips and contents for the new parts
    return true;
  }
  function reload() {
    sessionStorage.setItem(key, window.scrollX + "," + window.scrollY);
    events.close();
    location.reload();
  }
  var queue = Promise.resolve();  // one update at a time, in the order the builds announced them
  function update() {
    queue = queue.then(fetchAndPatch);
  }
  function fetchAndPatch() {
    return fetch(location.pathname, {cache: "no-store"}).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.text();
    }).then(function (html) {
      var next = trimmed(new DOMParser().parseFromString(html, "text/html").documentElement);
      if (!patch(next)) { reload(); }
    }).catch(reload);
  }

  var events = new EventSource("/__preview/events?page=" + encodeURIComponent(here));  // its edition builds first
  events.addEventListener("reload", function (e) {
    if (JSON.parse(e.data).indexOf(here) >= 0) { update(); }
  });
  events.addEventListener("failed", function (e) { showFailure(JSON.parse(e.data).message); });
  events.addEventListener("ok", clearFailure);
})();
