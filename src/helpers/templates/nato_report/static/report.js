/* Draws every chart of the page with the local vega bundle (container width where the chart allows it, dark
   colours when the reader's system asks for them); sets data-charts-drawn on <html> when done. */
(function () {
  "use strict";
  var DARK = {background: null, title: {color: "#e8e8e8", subtitleColor: "#c8c8c8"},
              axis: {labelColor: "#d6d6d6", titleColor: "#e8e8e8", gridColor: "#3a3a3a", domainColor: "#9a9a9a",
                     tickColor: "#9a9a9a"},
              legend: {labelColor: "#d6d6d6", titleColor: "#e8e8e8"}, header: {labelColor: "#d6d6d6",
              titleColor: "#e8e8e8"}, text: {color: "#e8e8e8"}, view: {stroke: null}};
  /* a map's non-members (near white) become a dark grey on a dark page, so the members stand out; an inset
     map's ground (theme.INSET_PAPER) becomes the page's */
  var DARK_SWAP = {"#eeeeee": "#3b4149", "#fdfdfd": "#16181b"};
  /* a chart's own dark colours (its spec's usermeta.dark, from helpers.theme: a ramp that must keep its order) */
  var chartSwap = {};
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
    if (chartSwap[hex.toLowerCase()]) { return chartSwap[hex.toLowerCase()]; }
    if (DARK_SWAP[hex.toLowerCase()]) { return DARK_SWAP[hex.toLowerCase()]; }
    if (lum >= 0.4) { return hex; }
    return "#" + rgb.map(function (c) { var v = Math.round(c + (255 - c) * 0.55);
      return (v < 16 ? "0" : "") + v.toString(16); }).join("");
  }
  function lightenMarks(node, key) {
    if (Array.isArray(node)) { return node.map(function (v) { return lightenMarks(v, key); }); }
    if (node && typeof node === "object") {
      Object.keys(node).forEach(function (k) {
        if (k !== "config" && k !== "datasets" && k !== "data" && k !== "usermeta") {
          node[k] = lightenMarks(node[k], k);
        }
      });
      return node;
    }
    return (typeof node === "string" && /^#(?:[0-9a-fA-F]{3}){1,2}$/.test(node)) ? lighten(node) : node;
  }
  /* a chart's own legend placement (two or three columns, beside the plot) gives way to the phone's: one column
     under the plot */
  function phoneLegends(node) {
    if (Array.isArray(node)) { node.forEach(phoneLegends); return; }
    if (!node || typeof node !== "object") { return; }
    Object.keys(node).forEach(function (k) {
      if (k === "datasets" || k === "data" || k === "config") { return; }
      var v = node[k];
      if (k === "legend" && v && typeof v === "object") {
        delete v.columns; delete v.orient; delete v.direction;
      } else { phoneLegends(v); }
    });
  }
  /* ... and a long legend label goes on two lines rather than past the screen's edge: every encoding of a channel
     gets the same label expression (layers that disagree on a legend's properties make Vega-Lite warn), and a
     channel whose legend some layer turns off is left alone */
  var LEGEND_CHANNELS = ["color", "fill", "stroke", "shape", "size", "opacity", "strokeDash"];
  function encodings(node, out) {
    if (Array.isArray(node)) { node.forEach(function (n) { encodings(n, out); }); return out; }
    if (!node || typeof node !== "object") { return out; }
    Object.keys(node).forEach(function (k) {
      if (k === "datasets" || k === "data" || k === "config") { return; }
      if (k === "encoding" && node[k] && typeof node[k] === "object") { out.push(node[k]); }
      encodings(node[k], out);
    });
    return out;
  }
  /* an axis title longer than the phone's plot goes on as many lines as it needs; a title set right to left
     (the Arabic edition's: inside RLI ... PDI, see helpers.i18n.chart_words) keeps that on every line */
  var RLI = "\u2067", PDI = "\u2069";
  function lines(text, chars) {
    var out = [], line = "", rtl = text.charAt(0) === RLI;
    if (rtl) { text = text.slice(1, text.charAt(text.length - 1) === PDI ? -1 : undefined); }
    text.split(" ").forEach(function (w) {
      if (line && (line + " " + w).length > chars) { out.push(line); line = w; } else { line = line ? line + " " + w : w; }
    });
    if (line) { out.push(line); }
    return rtl ? out.map(function (l) { return RLI + l + PDI; }) : out;
  }
  function wrapAxisTitles(spec, chars) {
    encodings(spec, []).forEach(function (e) {
      ["x", "y"].forEach(function (ch) {
        var d = e[ch];
        if (d && typeof d === "object" && typeof d.title === "string" && d.title.length > chars) {
          d.title = lines(d.title, chars);
        }
      });
    });
  }
  function wrapLegends(spec) {
    var all = encodings(spec, []);
    /* the edition's own label expression (the Arabic one isolates right-to-left labels) is where a legend starts */
    var byDefault = (spec.config && spec.config.legend && spec.config.legend.labelExpr) || "datum.label";
    LEGEND_CHANNELS.forEach(function (ch) {
      var defs = all.map(function (e) { return e[ch]; }).filter(function (d) { return d && typeof d === "object" && d.field; });
      if (!defs.length || defs.some(function (d) { return d.legend === null; })) { return; }
      var exprs = defs.map(function (d) { return (d.legend && d.legend.labelExpr) || byDefault; });
      if (exprs.some(function (x) { return x !== exprs[0]; })) { return; }
      var l = "(" + exprs[0] + ")";
      /* a label set right to left stays so on both lines (each line its own isolate) */
      var cut = "replace(" + l + ", /^(.{8,20}) /, indexof(" + l + ", '" + RLI + "') === 0 ? '$1" + PDI + "\\n" + RLI +
                "' : '$1\\n')";
      var wrapped = "length(" + l + ") > 20 ? split(" + cut + ", '\\n') : " + l;
      defs.forEach(function (d) { d.legend = d.legend || {}; d.legend.labelExpr = wrapped; });
    });
  }
  /* a dataset kept in a file beside the page ({"$script": path}: a map's boundaries) is loaded before the chart
     is drawn; a page opened from file:// may load scripts, not fetch files */
  var scripts = {};
  function loadScript(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (ok, fail) {
        var s = document.createElement("script");
        s.src = src;
        s.onload = ok;
        s.onerror = function () { fail(new Error("could not load " + src)); };
        document.head.appendChild(s);
      });
    }
    return scripts[src];
  }
  function withData(spec) {
    var sets = spec.datasets || {}, waits = [];
    Object.keys(sets).forEach(function (name) {
      var v = sets[name];
      if (v && typeof v === "object" && !Array.isArray(v) && typeof v.$script === "string") {
        waits.push(loadScript(v.$script).then(function () { sets[name] = (window.NATO_DATA || {})[name]; }));
      }
    });
    return Promise.all(waits).then(function () { return spec; });
  }
  /* how far a drawn chart runs past its box on each side (its text, or the whole drawing) */
  function spill(el) {
    var box = (el.closest(".report-chart-scroll") || el).getBoundingClientRect(), svg = el.querySelector("svg");
    var out = {left: 0, right: 0};
    if (!svg) { return out; }
    [svg].concat(Array.prototype.slice.call(svg.querySelectorAll("text"))).forEach(function (t) {
      var r = t.getBoundingClientRect();
      if (!r.width) { return; }
      out.right = Math.max(out.right, Math.ceil(r.right - box.right));
      out.left = Math.max(out.left, Math.ceil(box.left - r.left));
    });
    return out;
  }
  /* a chart never runs past its box (on a phone above all): a chart that fits its container gives its plot the width its
     overhanging labels need (padding, which Vega's fit takes off the plot); a chart of fixed-width views (stacked
     or faceted) is drawn again with views that much narrower; a few rounds, since labels move with the plot */
  function narrower(spec, by) {
    var changed = false;
    [spec].concat(spec.vconcat || [], spec.spec ? [spec.spec] : []).forEach(function (v) {
      if (typeof v.width === "number" && v.width > 80) { v.width = Math.max(80, v.width - by); changed = true; }
    });
    return changed;
  }
  function fitBox(el, spec, options, result, round) {
    var over = spill(el), by = Math.max(0, over.left) + Math.max(0, over.right);
    var box = el.closest(".report-chart-scroll") || el;
    /* views made narrower converge, so they go on to the last pixel a box would scroll by; padding added to a chart
       that fits its container moves its labels too, and stops within 2 px (its box then clips, it does not scroll) */
    if (by <= (spec.width === "container" ? 2 : 1) || round > 4) {
      /* views narrowed to fit may end short of the box: a chart's phone layout (labels inside its plot, 01's lanes)
         takes over only once its box is a phone's, after the first round; they then take the room left, once */
      var svg = el.querySelector("svg"), slack = svg ? box.clientWidth - svg.getBoundingClientRect().width : 0;
      if (round > 0 && round <= 4 && slack > 8 && !options.widened && narrower(spec, -(slack - 4))) {
        options.widened = true;
        result.finalize();
        return window.vegaEmbed(el, spec, options).then(function (again) {
          return fitBox(el, spec, options, again, round + 1);
        });
      }
      return Promise.resolve(result);
    }
    if (spec.width === "container" && (by > box.clientWidth / 3 || round === 4)) {
      /* labels that need most of the screen: the chart keeps its own width and its box scrolls (and says so) */
      delete spec.width; delete spec.autosize; delete spec.padding;
      box.classList.remove("report-chart-fits");
      box.setAttribute("tabindex", "0");
      round = 4;
    } else if (spec.width === "container") {
      var pad = typeof spec.padding === "object" ? spec.padding : {top: 5, bottom: 5, left: 5, right: 5};
      spec.padding = {top: pad.top, bottom: pad.bottom, left: pad.left + Math.max(0, over.left) + 4,
                      right: pad.right + Math.max(0, over.right) + 4};
    } else if (!narrower(spec, by + 2)) { return Promise.resolve(result); }
    result.finalize();
    return window.vegaEmbed(el, spec, options).then(function (again) {
      return fitBox(el, spec, options, again, round + 1);
    });
  }
  /* a matrix too wide for a phone (its usermeta.phone_split: the field that splits its columns, the values in order,
     px per column, each panel's height) is drawn as one panel per value, stacked, each with its own columns and
     the rows they fill */
  function phoneSplit(spec) {
    var m = spec.usermeta.phone_split, out = {};
    Object.keys(spec).forEach(function (k) {
      if (["layer", "width", "height", "autosize", "encoding", "mark", "transform"].indexOf(k) < 0) { out[k] = spec[k]; }
    });
    out.vconcat = m.values.map(function (v) {
      var layers = JSON.parse(JSON.stringify(spec.layer));
      layers.forEach(function (l) { l.transform = [{filter: {field: m.field, equal: v}}].concat(l.transform || []); });
      return {layer: layers, width: m.step * m.counts[v], height: (m.rows || {})[v] || spec.height};
    });
    out.resolve = {scale: {x: "independent", y: "independent"}};
    return out;
  }
  /* a tooltip lists only the fields a mark has: an empty one ("suspended ties" of a state with none) is left out */
  function tooltipFields(value, esc) {
    if (value === null || typeof value !== "object") return esc(String(value));
    if (Array.isArray(value)) return "[" + value.map(function (v) { return esc(String(v)); }).join(", ") + "]";
    var html = value.title ? "<h2>" + esc(String(value.title)) + "</h2>" : "", rows = "";
    Object.keys(value).forEach(function (key) {
      var v = value[key];
      if (key === "title" || v === undefined || v === null || v === "" || v === "null" || v === "undefined") return;
      if (typeof v === "object") v = JSON.stringify(v);
      /* a field's name as a label, in sentence case ("Bloc", not the data's "bloc") */
      var label = key.charAt(0).toUpperCase() + key.slice(1);
      rows += '<tr><td class="key">' + esc(label) + '</td><td class="value">' + esc(String(v)) + "</td></tr>";
    });
    return html + (rows ? "<table>" + rows + "</table>" : "") || "{}";
  }
  /* a tall chart whose columns are named at its top (08's matrix: 73 rows; its usermeta.sticky_head) keeps those
     names in view while the reader scrolls down its rows: a copy of the drawing's top band, down to the first row,
     stays at the top of the window (below the phone bar) until the last row has passed; in a box that scrolls
     sideways it stays at the top of the box instead, which then scrolls both ways; print shows the chart alone */
  function stickyHead(el, view) {
    var box = el.closest(".report-chart-scroll") || el.parentNode;
    function build() {
      var svg = el.querySelector("svg");
      var old = box.querySelector(".report-sticky-band");
      if (old) { old.remove(); }
      if (!svg) { return; }
      var head = view.origin()[1] + view.padding().top, plot = head + view.height();
      /* from the top of the highest column name: the blank above it would only hide rows */
      var top = svg.getBoundingClientRect().top, names = svg.querySelectorAll(".role-axis-label text");
      var from = Math.max(0, Math.floor(Math.min.apply(null, [head].concat(Array.prototype.map.call(names,
        function (t) { return t.getBoundingClientRect().top - top; })))) - 2);
      var band = document.createElement("div"), strip = document.createElement("div");
      band.className = "report-sticky-band";
      band.setAttribute("aria-hidden", "true");
      band.style.top = from + "px";
      band.style.height = (plot - from) + "px";
      band.style.width = svg.getBoundingClientRect().width + "px";
      strip.className = "report-sticky-head";
      strip.style.height = (head - from) + "px";
      var copy = svg.cloneNode(true);
      copy.style.marginTop = -from + "px";
      /* ids stay unique on the page: the copy's clip paths resolve to the chart's own, drawn the same */
      copy.removeAttribute("id");
      copy.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
      /* only the axes: a mark reaching into the band (a group's name beside the first row) would show cut in two */
      copy.querySelectorAll("g.role-mark, g.role-legend").forEach(function (n) { n.remove(); });
      strip.appendChild(copy);
      band.appendChild(strip);
      box.insertBefore(band, box.firstChild);
      box.classList.add("has-sticky-head");
      stuck();
    }
    function stuck() {
      var strip = box.querySelector(".report-sticky-head"), band = box.querySelector(".report-sticky-band");
      if (strip && band) {
        strip.classList.toggle("is-stuck", strip.getBoundingClientRect().top > band.getBoundingClientRect().top + 1);
      }
    }
    var bar = document.querySelector(".report-phonebar");
    box.style.setProperty("--report-sticky-top", (bar && bar.offsetHeight ? bar.offsetHeight : 0) + "px");
    build();
    view.addResizeListener(function () { window.requestAnimationFrame(build); });
    window.addEventListener("scroll", stuck, {passive: true});
    box.addEventListener("scroll", stuck, {passive: true});
  }
  /* a tap shows a mark's tooltip (a touch screen has no hover: Vega's tip follows the pointer's moves, and a tap
     ends with the pointer leaving, which hid it); a tap on no mark, or outside every chart, hides it */
  function tapTips(view) {
    view.addEventListener("click", function (ev, item) {
      var tip = view.tooltip();
      if (!tip || !view._handler) { return; }
      tip(view._handler, ev, item, item && item.tooltip !== undefined ? item.tooltip : null);
    });
  }
  document.addEventListener("click", function (ev) {
    var el = document.getElementById("vg-tooltip-element");
    if (el && !(ev.target && ev.target.closest && ev.target.closest(".report-chart"))) { el.classList.remove("visible"); }
  });
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
    var jobs = containers.map(function (el) { return drawOne(el, isDark); });
    Promise.all(jobs).then(function () {
      markScrollers();
      document.querySelectorAll(".report-timeline").forEach(timeline);
      root.setAttribute("data-charts-drawn", "true");
    }, function (err) {
      console.error("report: a chart could not be drawn: " + err);
      root.setAttribute("data-charts-drawn", "error");
    });
  }
  /* print draws every chart again at the paper's text width (A4 less 15 mm margins: 180 mm, 680 px), so its words
     print at the size the screen gives them: a chart drawn for a 972 px column and shrunk onto the paper printed
     its labels at about 5 pt. Vega draws within the print event (no timer in between); afterwards the screen's
     charts come back. */
  var PRINT_WIDTH = 680;
  function redraw(printing) {
    var els = Array.prototype.slice.call(document.querySelectorAll(".report-chart[data-drawn]"));
    if (!els.length || typeof window.vegaEmbed !== "function") { return; }
    document.documentElement.classList.toggle("is-printing", printing);
    els.forEach(function (el) {
      if (el.vegaView) { el.vegaView.finalize(); }
      (el.closest(".report-chart-scroll") || el).style.width = printing ? PRINT_WIDTH + "px" : "";
    });
    Promise.all(els.map(function (el) { return drawOne(el, dark()); })).then(markScrollers, function (err) {
      console.error("report: a chart could not be drawn for print: " + err);
    });
  }
  window.addEventListener("beforeprint", function () { redraw(true); });
  window.addEventListener("afterprint", function () { redraw(false); });
  function drawOne(el, isDark) {
    var spec = JSON.parse(document.getElementById(el.getAttribute("data-spec")).textContent);
    /* a config the page holds once for all its charts (render/exports.py, _config_apart) */
    if (spec.config && typeof spec.config.$page === "string") {
      spec.config = JSON.parse(document.getElementById(spec.config.$page).textContent);
    }
    var mode = el.getAttribute("data-mode") || "vega-lite";
    if (isDark && mode === "vega-lite") {
      chartSwap = Object.assign({}, (spec.usermeta && spec.usermeta.dark) || {});
      spec = lightenMarks(spec);
      chartSwap = {};
      spec.config = merge(spec.config || {}, DARK);
    }
    if (mode === "vega-lite" && el.clientWidth < 600) {
      /* on a phone the legend goes under the chart, so the plot keeps the width; two or more legends stack
         one under the other from the chart's start, never side by side past the screen's edge */
      spec.config = merge(spec.config || {}, {legend: {orient: "bottom", direction: "horizontal", columns: 1,
        layout: {bottom: {anchor: "start", direction: "vertical", margin: 8}}}});
      phoneLegends(spec);
      wrapLegends(spec);
      wrapAxisTitles(spec, Math.max(20, Math.floor(el.clientWidth / 8)));
    }
    if (isDark && mode === "vega") { spec.background = null; }
    if (mode === "vega-lite" && spec.usermeta && spec.usermeta.aspect && el.clientWidth > 0) {
      /* a map keeps its shape at every width: its height follows the container's width */
      var meta = spec.usermeta, phone = meta.phone_aspect && el.clientWidth < meta.phone_width;
      spec.height = Math.round(el.clientWidth * (phone ? meta.phone_aspect : meta.aspect));
    }
    /* a chart whose columns would be crushed on a phone (its usermeta.phone_plot: the plot's least width) keeps
       that width, and its box scrolls sideways and says so */
    if (mode === "vega-lite" && spec.usermeta && spec.usermeta.phone_split && el.clientWidth < 600) {
      spec = phoneSplit(spec);
    }
    var scrolls = mode === "vega-lite" && spec.usermeta && spec.usermeta.phone_plot && spec.width === "container" &&
      el.clientWidth < 600;
    if (scrolls) {
      var box = el.closest(".report-chart-scroll") || el;
      spec.width = spec.usermeta.phone_plot; delete spec.autosize;
      box.classList.remove("report-chart-fits");
      box.setAttribute("tabindex", "0"); box.setAttribute("role", "region");
      box.setAttribute("aria-label", el.getAttribute("aria-label") || "");
    }
    var options = {mode: mode, renderer: "svg", actions: false, tooltip: {theme: isDark ? "dark" : "light",
      formatTooltip: tooltipFields}};
    return withData(spec).then(function (ready) {
      return window.vegaEmbed(el, ready, options).then(function (result) {
        return scrolls ? result : fitBox(el, ready, options, result, 0);
      });
    }).then(function (result) {
      var svg = el.querySelector("svg");
      if (svg) { svg.setAttribute("aria-hidden", "true"); svg.setAttribute("focusable", "false"); }
      el.setAttribute("data-drawn", "true");
      el.vegaView = result.view;
      tapTips(result.view);
      if (spec.usermeta && spec.usermeta.sticky_head) { stickyHead(el, result.view); }
      return result;
    });
  }
  /* print and PDF show every folded section (tables folded for the screen, source notes), then fold them back */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.setAttribute("open", ""); d.setAttribute("data-print-opened", ""); });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-print-opened]").forEach(function (d) {
      d.removeAttribute("open"); d.removeAttribute("data-print-opened"); });
  });
  /* each numbered citation shows its source's publisher and title on hover and on keyboard focus; the tip is
     made here from the page's own list of sources (written once per page, not once per citation: a page cites
     its sources over a hundred times) */
  function citeTips() {
    document.querySelectorAll("a.cite[href^='#src-']").forEach(function (a) {
      if (a.querySelector(".cite-tip")) { return; }
      var entry = document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
      if (!entry) { return; }
      var publisher = entry.querySelector(".report-source-publisher"), title = entry.querySelector("cite");
      var words = [publisher, title].map(function (el) { return el ? el.textContent.trim() : ""; });
      if (words[1] === words[0]) { words[1] = ""; }
      var tip = document.createElement("span");
      tip.className = "cite-tip";
      tip.setAttribute("role", "tooltip");
      words.filter(Boolean).forEach(function (w, i) {
        if (i) { tip.appendChild(document.createTextNode(": ")); }
        var bdi = document.createElement("bdi");
        bdi.textContent = w;
        tip.appendChild(bdi);
      });
      if (tip.childNodes.length) { a.appendChild(tip); }
    });
  }
  /* phones (480 px or less): a table wider than the column reads as cards, one per row, each value beside its
     column's header (the header's words set on each cell as --card-label, which report.css shows); a table that
     fits stays a table, and a wider window gives every table back its columns */
  var CARDS_UP_TO = 480;
  function cssString(text) { return '"' + text.replace(/\s+/g, " ").trim().replace(/["\\]/g, "\\$&") + '"'; }
  function labelCells(table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead tr:last-child > th"),
                                         function (th) { return th.textContent; });
    table.querySelectorAll("tbody > tr:not(.report-row-detail):not(.report-group)").forEach(function (tr) {
      Array.prototype.forEach.call(tr.children, function (cell, i) {
        if (heads[i] && !cell.style.getPropertyValue("--card-label")) {
          cell.style.setProperty("--card-label", cssString(heads[i]));
        }
      });
    });
  }
  function cardTables() {
    var narrow = window.innerWidth <= CARDS_UP_TO;
    document.querySelectorAll(".report-table-scroll > table.report-table:not(.report-matrix)").forEach(function (t) {
      var wide = t.classList.contains("report-cards-wide");
      if (!narrow) { if (wide) { t.classList.remove("report-cards", "report-cards-wide"); } return; }
      if (wide || t.classList.contains("report-cards")) { return; }
      var box = t.parentElement;
      if (box.scrollWidth <= box.clientWidth + 1) { return; }
      labelCells(t);
      t.classList.add("report-cards", "report-cards-wide");
    });
  }
  /* a box that scrolls sideways (a wide table on a phone) says so */
  function markScrollers() {
    cardTables();
    document.querySelectorAll(".report-table-scroll, .report-chart-scroll").forEach(function (el) {
      el.classList.toggle("is-scrolling", el.scrollWidth > el.clientWidth + 1);
    });
  }
  /* the contents list marks the section being read (links and headings looked up again when the live preview
     put new parts of the page in place) */
  function followSections() {
    if (!("IntersectionObserver" in window)) { return; }
    var links = [], byId = {}, heads = [];
    function mark() {
      var current = null;
      heads.forEach(function (h) { if (h.getBoundingClientRect().top < 120) { current = h; } });
      links.forEach(function (a) { a.removeAttribute("aria-current"); });
      if (current) { byId[current.id].setAttribute("aria-current", "location"); }
    }
    var observer = new IntersectionObserver(mark, {rootMargin: "0px 0px -70% 0px"});
    function collect() {
      observer.disconnect();
      links = Array.prototype.slice.call(document.querySelectorAll(".report-toc a[href^='#']"));
      byId = {};
      links.forEach(function (a) { byId[decodeURIComponent(a.getAttribute("href").slice(1))] = a; });
      heads = Object.keys(byId).map(function (id) { return document.getElementById(id); }).filter(Boolean);
      heads.forEach(function (h) { observer.observe(h); });
      mark();
    }
    collect();
    window.addEventListener("scroll", mark, {passive: true});
    document.addEventListener("report:content", collect);
  }
  /* a map's timeline: the range input, the play button and the arrow keys move the map's year; the caption and
     the member list under the map follow it */
  function timeline(box) {
    var chart = document.getElementById(box.getAttribute("data-chart"));
    var data = JSON.parse(document.getElementById(box.getAttribute("data-timeline")).textContent);
    var input = box.querySelector(".report-timeline-input");
    var out = box.querySelector(".report-timeline-year");
    var play = box.querySelector(".report-timeline-play");
    var caption = document.getElementById("caption-" + input.id.slice(5));
    var list = document.querySelector('[data-members-for="' + chart.id + '"]');
    /* the figure's title states the report's own date; at another year it gives way to that year's caption, so
       the words over the map never disagree with it */
    var fig = box.closest("figure"), title = fig && fig.querySelector(".report-figure-title");
    var own = title ? title.innerHTML : "";
    var timer = null;
    function show(year) {
      out.textContent = String(year);
      if (caption) { caption.textContent = data.captions[String(year)] || ""; }
      if (title) {
        var away = year !== data.start && data.captions[String(year)];
        if (away) { title.textContent = data.captions[String(year)]; } else { title.innerHTML = own; }
        title.classList.toggle("is-year", !!away);
        /* ... and the line under the slider, which would repeat it, is left to screen readers */
        if (caption) { caption.classList.toggle("visually-hidden", !!away); }
      }
      if (list) {
        var names = data.members.filter(function (m) { return m[1] <= year && year < m[2]; })
          .map(function (m) { return m[0]; }).sort();
        list.querySelector(".report-timeline-members-year").textContent = String(year);
        var ul = list.querySelector("ul");
        ul.textContent = "";
        names.forEach(function (n) { var li = document.createElement("li"); li.textContent = n; ul.appendChild(li); });
      }
      if (chart.vegaView) { chart.vegaView.signal(data.param, year).runAsync(); }
    }
    function stop() {
      if (timer) { clearInterval(timer); timer = null; }
      play.textContent = play.getAttribute("data-play");
      play.setAttribute("aria-pressed", "false");
    }
    input.addEventListener("input", function () { show(parseInt(input.value, 10)); });
    play.addEventListener("click", function () {
      if (timer) { stop(); return; }
      if (parseInt(input.value, 10) >= data.last) { input.value = String(data.first); show(data.first); }
      play.textContent = play.getAttribute("data-pause");
      play.setAttribute("aria-pressed", "true");
      timer = setInterval(function () {
        var y = parseInt(input.value, 10) + 1;
        if (y > data.last) { stop(); return; }
        input.value = String(y);
        show(y);
      }, 180);
    });
    /* print and PDF show the report's own date; the reader's year comes back afterwards */
    window.addEventListener("beforeprint", function () {
      stop();
      box.setAttribute("data-print-year", input.value);
      input.value = String(data.start);
      show(data.start);
    });
    window.addEventListener("afterprint", function () {
      var year = box.getAttribute("data-print-year");
      if (year === null) { return; }
      box.removeAttribute("data-print-year");
      input.value = year;
      show(parseInt(year, 10));
    });
    box.setAttribute("data-ready", "true");
  }
  /* one switch shows or hides every code cell of the page */
  function codeSwitch() {
    document.querySelectorAll(".report-code-toggle").forEach(function (btn) {
      btn.addEventListener("click", function () {
        var on = !document.body.classList.contains("show-code");
        document.body.classList.toggle("show-code", on);
        document.querySelectorAll(".report-code-toggle").forEach(function (b) {
          b.setAttribute("aria-pressed", on ? "true" : "false");
          b.textContent = b.getAttribute(on ? "data-hide" : "data-show");
        });
      });
    });
  }
  /* Escape closes the phone's Contents panel, with the search results open inside it, and returns focus to its
     toggle: one key leaves the menu, wherever in it the reader is (the results closing alone left the panel open
     over the page) */
  function menuEscape() {
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape") { return; }
      document.querySelectorAll("details.report-menu[open]").forEach(function (menu) {
        menu.querySelectorAll(".site-search-results").forEach(function (list) { list.hidden = true; });
        menu.removeAttribute("open");
        var toggle = menu.querySelector("summary");
        if (toggle) { toggle.focus(); setTimeout(function () { toggle.focus(); }, 0); }
      });
    }, true);  /* capture: before the search box moves focus back to its input */
  }
  /* a link followed from the phone's Contents panel (a section, a search result on this page) closes the panel, so
     the reader sees the section rather than the menu */
  function menuFollow() {
    document.addEventListener("click", function (ev) {
      var link = ev.target && ev.target.closest ? ev.target.closest("details.report-menu a[href]") : null;
      if (link) { link.closest("details.report-menu").removeAttribute("open"); }
    });
  }
  function start() {
    citeTips();
    codeSwitch();
    menuEscape();
    menuFollow();
    /* charts measure their labels to fit the box: wait for the page's fonts (Noto Naskh Arabic on the Arabic pages),
       or a label measured in a fallback face can spill and push the chart to its own width */
    (document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve()).then(draw, draw);
    markScrollers();
    followSections();
    window.addEventListener("resize", markScrollers);
    /* a table in a section the reader unfolds is measured once it is shown */
    document.addEventListener("toggle", function (ev) { if (ev.target.open) { markScrollers(); } }, true);
    /* the live preview (make preview) put a new version's changed prose or tables in place */
    document.addEventListener("report:content", function () { citeTips(); markScrollers(); });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
