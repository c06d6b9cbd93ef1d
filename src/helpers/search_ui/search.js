/* Search across every report, offline: the search box of helpers/search.py.
   On first use it loads assets/minisearch.js (MiniSearch 7.2.0, MIT) and assets/search-index.js (which sets
   window.NATO_SEARCH_INDEX) as scripts, because a page opened from file:// may load scripts but not fetch files.
   Keyboard: type to search; Down/Up move through the results; Enter opens one; Escape closes the list. */
(function () {
  "use strict";
  var LIMIT = 12;
  var engine = null, entries = {}, loading = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("search: could not load " + src)); };
      document.head.appendChild(s);
    });
  }

  // Arabic as readers type it (the twin of helpers.i18n.arabic.normalise): hamza forms of alef → alef, ta marbuta
  // → ha, alef maqsura → ya; diacritics and tatweel dropped. Applied to the index and to the query alike.
  var FOLD = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
              "\u0629": "\u0647", "\u0649": "\u064A"};
  function fold(text) {  // letters only, one for one: positions in the text stay where they were
    return text.replace(/[\u0623\u0625\u0622\u0671\u0629\u0649]/g, function (c) { return FOLD[c]; }).toLowerCase();
  }
  function normalise(text) { return fold(text.replace(/[\u064B-\u0655\u0670\u0640\u200e\u200f\u061c]/g, "")); }
  /* an Arabic word without its article and the one-letter words written onto it: «الناتو», «والناتو», «بالناتو»,
     «للناتو» are all found by «ناتو» (a reader types a noun with or without «ال»); the index keeps the word as
     written too, so a name that only looks like it starts so («ليبيا» in «لليبيا») is still found whole */
  var CLITICS = /^(?:[\u0648\u0641]?[\u0628\u0643\u0644]?\u0627\u0644|[\u0648\u0641]?\u0644\u0644)(?=[\u0621-\u064A]{2})/;
  function bare(term) { return normalise(term).replace(CLITICS, ""); }
  function indexTerms(term) { var n = normalise(term), b = n.replace(CLITICS, ""); return b === n ? n : [n, b]; }
  /* the names the reports use for a place or body a reader may call otherwise (left: as a reader may type it,
     folded as normalise does; right: the reports' own) */
  var SYNONYMS = {"turkey": "türkiye", "turkiye": "türkiye", "soviet union": "ussr", "great britain": "united kingdom",
                  "britain": "united kingdom", "usa": "united states", "burma": "myanmar",
                  "تركيه": "تركيا", "سوفياتي": "سوفيتي"};
  function expand(query) {
    var q = normalise(query), alts = [query];
    Object.keys(SYNONYMS).forEach(function (k) {
      var at = q.indexOf(k), word = at >= 0 && !/\w/.test(q.charAt(at - 1) || " ") && !/\w/.test(q.charAt(at + k.length) || " ");
      if (word && q.indexOf(SYNONYMS[k]) < 0) { alts.push(q.slice(0, at) + SYNONYMS[k] + q.slice(at + k.length)); }
    });
    /* each form's words all present (AND), any one form (OR) */
    return alts.length < 2 ? query : {combineWith: "OR", queries: alts.map(function (a) {
      return {combineWith: "AND", queries: [a]}; })};
  }

  function ready(assets) {
    if (engine) { return Promise.resolve(engine); }
    if (!loading) {
      loading = loadScript(assets + "minisearch.js").then(function () {
        return loadScript(assets + "search-index.js");
      }).then(function () {
        var docs = window.NATO_SEARCH_INDEX || [];
        engine = new window.MiniSearch({
          fields: ["title", "section", "text"],
          storeFields: ["title", "section", "page", "anchor"],
          processTerm: indexTerms,
          searchOptions: {boost: {section: 3, title: 2}, prefix: true, fuzzy: 0.15, combineWith: "AND",
                          processTerm: bare}
        });
        docs.forEach(function (d) { entries[d.id] = d; });
        engine.addAll(docs);
        return engine;
      });
    }
    return loading;
  }

  function snippet(text, terms) {
    var lower = fold(text), at = lower.indexOf(normalise(terms[0]));  // the words as typed first
    if (at >= 0) {
      terms = [terms[0]];
    } else {
      terms.forEach(function (t) {
        var i = lower.indexOf(normalise(t));
        if (i >= 0 && (at < 0 || i < at)) { at = i; }
      });
    }
    if (at < 0) { var lead = words(text, 0, 140); return {before: lead, hit: "", after: lead.length < text.length ? " …" : ""}; }
    var term = terms.filter(function (t) { return lower.indexOf(normalise(t), at) === at; })[0] || "";
    var start = at > 60 ? text.indexOf(" ", at - 60) + 1 : 0;  // from a word's start ("…sign the CSCE Fina" no more)
    if (start <= 0 || start > at) { start = Math.max(0, at - 60); }
    var end = at + term.length, tail = words(text, end, 90);
    return {before: (start > 0 ? "… " : "") + text.slice(start, at), hit: text.slice(at, end),
            after: tail + (end + tail.length < text.length ? " …" : "")};
  }
  /* up to n characters of text from a place, ending at a word's end (the rest of the word it starts in, if any) */
  function words(text, from, n) {
    if (from + n >= text.length) { return text.slice(from); }
    var cut = text.lastIndexOf(" ", from + n);
    return text.slice(from, cut > from ? cut : from + n);
  }

  function item(result, terms, index, root) {
    var doc = entries[result.id] || result;
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = root + doc.page + "#" + doc.anchor;  // root: "../" from a page one folder down
    a.className = "site-search-hit";
    a.id = "site-search-hit-" + index;
    var head = document.createElement("span");
    head.className = "site-search-hit-title";
    head.textContent = doc.title;
    var sec = document.createElement("span");
    sec.className = "site-search-hit-section";
    sec.textContent = doc.section;
    var snip = document.createElement("span");
    snip.className = "site-search-hit-snippet";
    var s = snippet(doc.text || "", terms);
    snip.appendChild(document.createTextNode(s.before));
    if (s.hit) { var m = document.createElement("mark"); m.textContent = s.hit; snip.appendChild(m); }
    snip.appendChild(document.createTextNode(s.after));
    a.appendChild(head); a.appendChild(sec); a.appendChild(snip);
    li.appendChild(a);
    return li;
  }

  function setup(box) {
    var input = box.querySelector("input");
    var list = box.querySelector(".site-search-results");
    var status = box.querySelector(".site-search-status");
    var assets = box.getAttribute("data-assets") || "assets/";
    var root = assets.slice(0, assets.length - "assets/".length);  // the reports folder, seen from this page
    var words = {none: "No section matches “{query}”.", count: "{sections} sections in {reports} reports match",
                 more: "; the first {limit} are listed.", end: ".", broken: "Search is not available:"};
    Object.keys(words).forEach(function (k) {  // the page's own words (the Arabic edition gives its own)
      var given = box.getAttribute("data-words-" + k);
      if (given !== null) { words[k] = given; }
    });
    var seq = 0;

    function close() { list.hidden = true; }
    /* in the narrow sidebar the results open beside the page's text, as wide as a reading column (in the
       sidebar's 15 rem a snippet ran to a dozen short lines); elsewhere they hang under the box */
    var side = box.closest(".report-sidebar");
    function place() {
      if (!side || list.hidden) { return; }
      var r = input.getBoundingClientRect(), rtl = getComputedStyle(box).direction === "rtl";
      var width = Math.min(36 * 16, window.innerWidth - 32);
      list.style.position = "fixed";
      var below = Math.max(r.bottom, status.getBoundingClientRect().bottom) + 4;  // the count stays in view
      list.style.top = Math.round(below) + "px";
      list.style.width = width + "px";
      list.style.maxHeight = Math.max(160, window.innerHeight - below - 16) + "px";
      list.style.left = rtl ? "auto" : Math.round(r.left) + "px";
      list.style.right = rtl ? Math.round(window.innerWidth - r.right) + "px" : "auto";
    }
    window.addEventListener("resize", place);
    if (side) { side.addEventListener("scroll", place, {passive: true}); }
    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

    function run() {
      var query = input.value.trim(), mine = ++seq;
      if (query.length < 2) { list.textContent = ""; close(); status.textContent = ""; return; }
      ready(assets).then(function (eng) {
        if (mine !== seq) { return; }
        var phrase = normalise(query);
        var exact = function (r) {
          var d = entries[r.id] || {};
          return normalise((d.section || "") + " " + (d.text || "")).indexOf(phrase) >= 0 ? 1 : 0;
        };
        // sections holding the words as typed ("Article 5") come first, then MiniSearch's ranking
        var results = eng.search(expand(query)).sort(function (a, b) { return (exact(b) - exact(a)) || (b.score - a.score); });
        var terms = Object.keys(results.reduce(function (acc, r) {
          r.terms.forEach(function (t) { acc[t] = true; }); return acc; }, {}));
        terms = [query].concat(terms.concat(query.split(/\s+/)).sort(function (a, b) { return b.length - a.length; }));
        var pages = {};
        results.forEach(function (r) { pages[r.page] = true; });
        list.textContent = "";
        results.slice(0, LIMIT).forEach(function (r, i) { list.appendChild(item(r, terms, i, root)); });
        list.hidden = results.length === 0;
        status.textContent = results.length === 0 ? words.none.replace("{query}", query) :
          words.count.replace("{sections}", results.length).replace("{reports}", Object.keys(pages).length) +
          (results.length > LIMIT ? words.more.replace("{limit}", LIMIT) : words.end);
        place();
      }, function (err) { status.textContent = words.broken + " " + err.message; console.error(err); });
    }

    input.addEventListener("input", run);
    input.addEventListener("focus", function () { ready(assets).catch(function () {}); });
    box.addEventListener("keydown", function (ev) {
      var all = links(), i = all.indexOf(document.activeElement);
      if (ev.key === "ArrowDown" && all.length) {
        ev.preventDefault(); list.hidden = false; place(); all[Math.min(i + 1, all.length - 1)].focus();
      } else if (ev.key === "ArrowUp" && all.length) {
        ev.preventDefault(); if (i <= 0) { input.focus(); } else { all[i - 1].focus(); }
      } else if (ev.key === "Escape") {
        close(); input.focus();
      } else if (ev.key === "Enter" && document.activeElement === input && all.length) {
        ev.preventDefault(); all[0].click();
      }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".site-search"), setup);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();

/* Explorer maps (helpers/charts/maps.py): a chart whose spec binds a parameter to a range input prints at the
   value the spec starts with (the report's own date), then returns to where the reader left it. */
(function () {
  "use strict";
  var moved = [];
  function rangeInputs() {
    var out = [];
    Array.prototype.forEach.call(document.querySelectorAll(".report-chart[data-spec]"), function (el) {
      var script = document.getElementById(el.getAttribute("data-spec"));
      var input = el.querySelector("input[type=range]");
      if (!script || !input) { return; }
      var params = (JSON.parse(script.textContent).params || []).filter(function (p) {
        return p.bind && p.bind.input === "range" && p.value !== undefined; });
      if (params.length) { out.push({input: input, start: String(params[0].value)}); }
    });
    return out;
  }
  function set(input, value) {
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
  }
  window.addEventListener("beforeprint", function () {
    moved = rangeInputs().filter(function (r) { return r.input.value !== r.start; }).map(function (r) {
      var now = r.input.value; set(r.input, r.start); return {input: r.input, value: now};
    });
  });
  window.addEventListener("afterprint", function () {
    moved.forEach(function (r) { set(r.input, r.value); });
    moved = [];
  });
})();
