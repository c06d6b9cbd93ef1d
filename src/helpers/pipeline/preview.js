// Live preview (served by `make preview` only, never written into reports/): reload this page when the preview
// rebuilt it, keeping the reader's place; show a failed build's message in a banner over the page that stays.
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

  var events = new EventSource("/__preview/events?page=" + encodeURIComponent(here));  // its edition builds first
  events.addEventListener("reload", function (e) {
    var pages = JSON.parse(e.data);
    if (pages.indexOf(here) >= 0) {
      sessionStorage.setItem(key, window.scrollX + "," + window.scrollY);
      events.close();
      location.reload();
    }
  });
  events.addEventListener("failed", function (e) { showFailure(JSON.parse(e.data).message); });
  events.addEventListener("ok", clearFailure);
})();
