/* Draws every chart of the page with the local vega bundle (container width where the chart allows it, dark
   colours when the reader's system asks for them); sets data-charts-drawn on <html> when done. */
(function () {
  "use strict";
  var DARK = {background: null, title: {color: "#e8e8e8", subtitleColor: "#c8c8c8"},
              axis: {labelColor: "#d6d6d6", titleColor: "#e8e8e8", gridColor: "#3a3a3a", domainColor: "#9a9a9a",
                     tickColor: "#9a9a9a"},
              legend: {labelColor: "#d6d6d6", titleColor: "#e8e8e8"}, header: {labelColor: "#d6d6d6",
              titleColor: "#e8e8e8"}, text: {color: "#e8e8e8"}, view: {stroke: null}};
  function merge(target, extra) {
    Object.keys(extra).forEach(function (k) {
      var v = extra[k];
      if (v && typeof v === "object" && !Array.isArray(v)) {
        target[k] = merge(target[k] && typeof target[k] === "object" ? target[k] : {}, v);
      } else { target[k] = v; }
    });
    return target;
  }
  /* marks drawn in very dark colours (black, dark grey) are lightened on a dark page, keeping their hue */
  function lighten(hex) {
    if (hex.length === 4) { hex = "#" + hex[1] + hex[1] + hex[2] + hex[2] + hex[3] + hex[3]; }
    var n = parseInt(hex.slice(1), 16), rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    var lum = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
    if (lum >= 0.4) { return hex; }
    return "#" + rgb.map(function (c) { var v = Math.round(c + (255 - c) * 0.55);
      return (v < 16 ? "0" : "") + v.toString(16); }).join("");
  }
  function lightenMarks(node, key) {
    if (Array.isArray(node)) { return node.map(function (v) { return lightenMarks(v, key); }); }
    if (node && typeof node === "object") {
      Object.keys(node).forEach(function (k) {
        if (k !== "config" && k !== "datasets" && k !== "data") { node[k] = lightenMarks(node[k], k); }
      });
      return node;
    }
    return (typeof node === "string" && /^#(?:[0-9a-fA-F]{3}){1,2}$/.test(node)) ? lighten(node) : node;
  }
  function dark() { return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches; }
  function draw() {
    var root = document.documentElement;
    var containers = Array.prototype.slice.call(document.querySelectorAll(".report-chart[data-spec]"));
    if (typeof window.vegaEmbed !== "function") {
      if (containers.length) { console.error("report: the vega bundle (assets/vega-bundle.js) did not load"); }
      root.setAttribute("data-charts-drawn", containers.length ? "error" : "true");
      return;
    }
    var isDark = dark();
    var jobs = containers.map(function (el) {
      var spec = JSON.parse(document.getElementById(el.getAttribute("data-spec")).textContent);
      var mode = el.getAttribute("data-mode") || "vega-lite";
      if (isDark && mode === "vega-lite") { spec = lightenMarks(spec); spec.config = merge(spec.config || {}, DARK); }
      if (mode === "vega-lite" && el.clientWidth < 600) {
        /* on a phone the legend goes under the chart, so the plot keeps the width */
        spec.config = merge(spec.config || {}, {legend: {orient: "bottom", direction: "horizontal", columns: 1}});
      }
      if (isDark && mode === "vega") { spec.background = null; }
      var options = {mode: mode, renderer: "svg", actions: false, tooltip: {theme: isDark ? "dark" : "light"}};
      return window.vegaEmbed(el, spec, options).then(function (result) {
        var svg = el.querySelector("svg");
        if (svg) { svg.setAttribute("aria-hidden", "true"); svg.setAttribute("focusable", "false"); }
        el.setAttribute("data-drawn", "true");
        return result;
      });
    });
    Promise.all(jobs).then(function () {
      root.setAttribute("data-charts-drawn", "true");
    }, function (err) {
      console.error("report: a chart could not be drawn: " + err);
      root.setAttribute("data-charts-drawn", "error");
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
