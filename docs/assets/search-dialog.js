/* The site's search dialog (theme/partials/search.html) with Pagefind's index (pagefind/).
 * search.js, on every page, fetches this file when the reader first opens the search (a click or
 * tap on it, or the keys /, s, Ctrl+K or Cmd+K); then Pagefind fetches only the chunks a query needs.
 * Results are in the page's language; "also search the other language" is remembered for the visit.
 * No inline script or handler: this file and search.js are all there is, so the site's
 * Content-Security-Policy holds.
 */
(function () {
  "use strict";
  var shared = window.siteSearch;  // search.js's, which fetched this file
  if (!shared) { return; }
  var dialog = shared.dialog, toggle = shared.toggle, input = shared.input, close = shared.close;
  var form = dialog.querySelector("form");
  var meta = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  var both = dialog.querySelector(".site-search__both");
  var texts = JSON.parse(dialog.getAttribute("data-texts"));
  var translations = JSON.parse(document.getElementById("__config").textContent).translations;
  var lang = (document.documentElement.lang || "ja").slice(0, 2);
  var otherLang = dialog.getAttribute("data-other-lang");
  var bundle = new URL(dialog.getAttribute("data-bundle"), window.location.href);
  var root = new URL(dialog.getAttribute("data-root"), window.location.href);
  var SCOPE_KEY = "site-search-both";
  var PAGES = 10;      // result pages shown
  var SECTIONS = 3;    // sections shown per page
  var engines = {};    // "own" | "both": a promise of a Pagefind instance
  var ticket = 0;      // the latest query; older answers are dropped

  // -- The index, loaded on first use.

  function pagefind() {
    return import(bundle.href + "pagefind.js");
  }

  function engine(scope) {
    if (!engines[scope]) {
      var options = { basePath: bundle.pathname, baseUrl: root.pathname, excerptLength: 24 };
      engines[scope] = pagefind().then(function (pf) {
        // An instance on the page's language; init() resolves once its index is ready.
        var instance = pf.createInstance(options);
        return instance.init().then(function () {
          // Both languages: the same index's other language merged in (named by its full
          // address: Pagefind skips a merge of its own path).
          return scope === "both" ? instance.mergeIndex(bundle.href, { language: otherLang, baseUrl: root.pathname }) : null;
        }).then(function () { return instance; });
      });
      engines[scope].catch(function () { delete engines[scope]; });
    }
    return engines[scope];
  }

  function scope() { return both.checked ? "both" : "own"; }

  // -- Opening and closing (Material's search toggle, #__search, shows the dialog; search.js opens and
  // closes it, and gives the focus back).

  function isOpen() { return toggle.checked; }

  function opened() {
    if (!input.value) { say(texts.loading); }
    engine(scope()).then(function () {
      if (!input.value.trim()) { say(translations["search.result.placeholder"]); }
    }, failed);
  }

  // Tab out of the dialog closes it, as Material's search does (the focus goes on where Tab took it).
  dialog.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (isOpen() && next && !dialog.contains(next)) {
      shared.opener = null;
      close();
    }
  });

  toggle.addEventListener("change", function () {
    if (isOpen()) { opened(); }
  });

  // -- Searching.

  function say(text) { meta.textContent = text; }

  function failed() {
    list.textContent = "";
    say(texts.failed);
  }

  function count(n) {
    if (n === 0) { return translations["search.result.none"]; }
    if (n === 1) { return translations["search.result.one"]; }
    return translations["search.result.other"].replace("#", String(n));
  }

  function run() {
    var query = input.value.trim();
    var narrowed = narrowing();  // the topic, pillar and slide chosen (null: none; see "Narrowing" below)
    var mine = ++ticket;
    remember(query, narrowed);
    if (!query && !narrowed) {
      list.textContent = "";
      say(translations["search.result.placeholder"]);
      return;
    }
    var filters = scoped(narrowed);
    engine(scope()).then(function (pf) {
      return pf.search(query || null, filters ? { filters: filters } : {});
    }).then(function (search) {
      if (mine !== ticket || !search) { return null; }
      // The first pages' data, put in order by the words typed (ranked, below), then shown; the
      // count says how many links are shown.
      return Promise.all(search.results.slice(0, PAGES).map(function (r) { return r.data(); })).then(function (data) {
        if (mine !== ticket) { return; }
        list.textContent = "";
        show(ranked(query, data));
        say(count(list.querySelectorAll("a").length));
      });
    }).catch(function () { if (mine === ticket) { failed(); } });
  }

  input.addEventListener("input", run);
  form.addEventListener("reset", function () {
    window.setTimeout(function () { run(); input.focus(); }, 0);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) { window.location.href = first.href; }
  });

  try { both.checked = window.sessionStorage.getItem(SCOPE_KEY) === "1"; } catch (e) { /* storage blocked */ }
  both.addEventListener("change", function () {
    try { window.sessionStorage.setItem(SCOPE_KEY, both.checked ? "1" : "0"); } catch (e) { /* storage blocked */ }
    run();
  });

  // -- Showing results: text from the index stays text (only Pagefind's <mark> becomes markup).

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text) { e.textContent = text; }
    return e;
  }

  // Pagefind's text, with its character references decoded (a <textarea> parses what it is given
  // as text only: no element is made and no script runs).
  var decoder = document.createElement("textarea");
  function plain(html) {
    decoder.innerHTML = html;
    return decoder.value;
  }

  function excerpt(html) {
    var p = element("p", "site-search__excerpt");
    html.split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
      if (part === "<mark>") { return true; }
      if (part === "</mark>") { return false; }
      if (part) {
        var text = document.createTextNode(plain(part));
        if (marked) { var m = element("mark"); m.appendChild(text); p.appendChild(m); } else { p.appendChild(text); }
      }
      return marked;
    }, false);
    return p;
  }

  // A section's address: the nearest element with an id at or before 'at', the word the section is
  // shown for (a measure, a box item, a progress item, a figure, or else the heading), so the reader
  // lands on what matched.
  function landing(data, section, at) {
    var best = anchorBefore(data, at);
    var page = data.url.split("#")[0];
    return best ? page + "#" + encodeURIComponent(best.id) : (section.url || data.url);
  }

  function anchorBefore(data, at) {
    var best = null;
    (data.anchors || []).forEach(function (a) {
      if (a.id && a.location <= at && (!best || a.location >= best.location)) { best = a; }
    });
    return best;
  }

  function langOf(url) {
    var path = new URL(url, window.location.href).pathname;
    return path.indexOf(root.pathname + "en/") === 0 ? "en" : "ja";
  }

  function show(pages) {
    pages.forEach(function (page) {
      var data = page.data;
      var title = plain(data.meta.title || "");
      var item = element("li", "md-search-result__item");
      var itemLang = langOf(data.url);
      if (itemLang !== lang) { item.lang = itemLang; }
      page.sections.slice(0, SECTIONS).forEach(function (found, i) {
        var section = found.section;
        var link = element("a", "md-search-result__link");
        link.href = landing(data, section, found.at);
        var article = element("article", "md-search-result__article md-typeset");
        if (i === 0) {
          var heading = element("h1", null, title);
          var edition = editionOf(data);
          if (edition) { heading.appendChild(element("span", "site-search__edition", edition)); }
          if (itemLang !== lang) { heading.appendChild(element("span", "site-search__lang", texts.other_lang)); }
          article.appendChild(heading);
        }
        var name = plain(section.title || "");
        if (name && name !== title) { article.appendChild(element(i === 0 ? "p" : "h2", "site-search__section", name)); }
        article.appendChild(found.excerpt ? excerptOf(found.excerpt) : excerpt(section.excerpt || data.excerpt || ""));
        link.appendChild(article);
        item.appendChild(link);
      });
      list.appendChild(item);
    });
  }

  function excerptOf(pieces) {
    var p = element("p", "site-search__excerpt");
    pieces.forEach(function (piece) {
      var text = document.createTextNode(piece.text);
      if (piece.marked) { var m = element("mark"); m.appendChild(text); p.appendChild(m); } else { p.appendChild(text); }
    });
    return p;
  }

  // -- Ranking: the words typed, whole. Pagefind's segmenter cuts 研究セキュリティ into 研究 and セキュリティ,
  // and ranks first the pages and sections with most of either (Pagefind's issue #1237). Of the first
  // pages, those that hold what was typed as typed come first, then those that hold each word typed
  // whole, then the rest, each in Pagefind's order; within a page, its sections likewise. Such a
  // section is shown from the item that holds what was typed (its excerpt made here from the page's
  // indexed text, with what was typed marked), and its link leads to that item; any other section is
  // shown likewise from the item of the first word Pagefind matched, those words marked.

  var LATIN = /[a-z0-9]/;
  var JAPANESE = /[\u3005\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;
  var BEFORE = 40;     // characters of an item shown before what matched, at most
  var LENGTH = 80;     // characters of an excerpt, about

  function fold(text) { return text.normalize("NFKC").toLowerCase(); }

  // What was typed, as one phrase and as its words: split at spaces, and where Latin letters meet
  // Japanese (Kプログラム: K and プログラム), as the index splits them.
  function typed(query) {
    var phrase = fold(query).trim().replace(/\s+/g, " ");
    var words = [];
    phrase.split(" ").forEach(function (w) {
      var word = "";
      for (var i = 0; i < w.length; i++) {
        if (word && JAPANESE.test(w[i]) !== JAPANESE.test(w[i - 1]) && (LATIN.test(w[i]) || LATIN.test(w[i - 1]))) {
          words.push(word);
          word = "";
        }
        word += w[i];
      }
      if (word) { words.push(word); }
    });
    return { phrase: phrase, words: words };
  }

  // A page's indexed text as Pagefind counts its words (its locations count words split at spaces and
  // at the zero-width spaces it puts between Japanese words, which are left in raw_content, with < and >
  // as character references): each word, where it starts in 'flat' (the words folded and joined, with
  // a space where the text has one), and whether a space comes before.
  function wordsOf(data) {
    var raw = data.raw_content || "";
    var parts = raw.replace(/&lt;/g, "<").replace(/&gt;/g, ">").split(/([\s\u200b]+)/);
    var words = [], starts = [], spaced = [], flat = "";
    for (var i = 0; i < parts.length; i += 2) {
      if (!parts[i]) { continue; }
      var space = i > 0 && /\s/.test(parts[i - 1]) && words.length > 0;
      if (space) { flat += " "; }
      starts.push(flat.length);
      spaced.push(space);
      words.push(parts[i]);
      flat += fold(parts[i]);
    }
    return { words: words, starts: starts, spaced: spaced, flat: flat };
  }

  function wordAt(text, offset) {
    var lo = 0, hi = text.starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (text.starts[mid] <= offset) { lo = mid; } else { hi = mid - 1; }
    }
    return lo;
  }

  // Where a needle stands whole in the text: [first word, last word] of each place. Whole: a needle
  // that starts or ends with a Latin letter or digit does not continue a longer Latin word (AI is not
  // found in "maintain"); Japanese has no spaces to say where its words end.
  function places(text, needle) {
    var found = [], from = 0, at;
    while (needle && (at = text.flat.indexOf(needle, from)) >= 0) {
      var end = at + needle.length;
      var whole = !(LATIN.test(needle[0]) && LATIN.test(text.flat[at - 1] || "")) &&
        !(LATIN.test(needle[needle.length - 1]) && LATIN.test(text.flat[end] || ""));
      if (whole) { found.push([wordAt(text, at), wordAt(text, end - 1)]); }
      from = at + 1;
    }
    return found;
  }

  // Each page with its sections (Pagefind's sub-results: the page cut at its headings) in order, each
  // section with how well it holds what was typed (2: as typed, 1: every word, 0: neither), the word
  // it is shown from and, where it holds them, its excerpt.
  function ranked(query, datas) {
    var want = typed(query);
    var pages = datas.map(function (data, order) {
      var text = wordsOf(data);
      var phrase = places(text, want.phrase);
      var words = want.words.map(function (w) { return places(text, w); });
      var headings = (data.anchors || []).filter(function (a) { return /^h[1-6]$/i.test(a.element); })
        .map(function (a) { return a.location; });
      var subs = data.sub_results && data.sub_results.length ? data.sub_results : [data];
      var sections = subs.map(function (section, n) {
        var start = section.anchor ? section.anchor.location : 0;
        var end = headings.reduce(function (e, l) { return l > start && l < e ? l : e; }, Infinity);
        var inside = function (p) { return p[0] >= start && p[0] < end; };
        var hits = phrase.filter(inside);
        var everyWord = words.every(function (w) { return w.some(inside); });
        var score = hits.length ? 2 : everyWord ? 1 : 0;
        var locations = section.locations || [];
        var marks = score === 2 ? hits : score === 1 ? [].concat.apply([], words).filter(inside)
          : locations.map(function (l) { return [l, l]; });  // the words Pagefind matched
        var at = least(marks.map(function (p) { return p[0]; }), start);
        return {
          section: section, score: score, at: at, n: n, matches: locations.length,
          excerpt: marks.length && text.words.length ? excerptAround(data, text, at, marks) : null
        };
      }).sort(function (a, b) { return b.score - a.score || b.matches - a.matches || a.n - b.n; });
      return { data: data, sections: sections, score: sections.length ? sections[0].score : 0, order: order };
    });
    return pages.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
  }

  // The smallest number of a list, however long (Math.min.apply would take each as an argument).
  function least(numbers, otherwise) {
    return numbers.length ? numbers.reduce(function (a, b) { return b < a ? b : a; }) : otherwise;
  }

  // An excerpt from the item that holds word 'at' (from its start, if that is near), about LENGTH
  // characters long, with the places in 'marks' marked.
  function excerptAround(data, text, at, marks) {
    var item = anchorBefore(data, at);
    var from = item ? item.location : 0;
    var cut = false;
    while (from < at && text.starts[at] - text.starts[from] > BEFORE) { from++; cut = true; }
    var marked = {};
    marks.forEach(function (p) { for (var w = p[0]; w <= p[1]; w++) { marked[w] = true; } });
    var pieces = cut ? [{ text: "\u2026", marked: false }] : [];
    // at least to the end of the place shown (a long official name is shown whole)
    var through = marks.reduce(function (e, p) { return p[0] === at && p[1] > e ? p[1] : e; }, at);
    var w = from;
    for (; w < text.words.length && (w <= through || text.starts[w] - text.starts[from] < LENGTH); w++) {
      var space = w > from && text.spaced[w];
      var last = pieces[pieces.length - 1];
      if (space && (!last || last.marked || marked[w])) { pieces.push({ text: " ", marked: false }); last = null; }
      if (last && last.marked === !!marked[w]) {
        last.text += (space ? " " : "") + text.words[w];
      } else {
        pieces.push({ text: text.words[w], marked: !!marked[w] });
      }
    }
    if (w < text.words.length) { pieces.push({ text: "\u2026", marked: false }); }
    return pieces;
  }

  // -- The keyboard, while the search is open (search.js opens it, and closes it on Esc): arrows move
  // through results.

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  document.addEventListener("keydown", function (event) {
    var key = event.key;
    if (!isOpen() || (key !== "ArrowDown" && key !== "ArrowUp")) { return; }
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (document.activeElement !== input && at < 0) { return; }
    event.preventDefault();
    var next = key === "ArrowDown" ? at + 1 : at - 1;
    if (next >= all.length) { next = all.length - 1; }
    if (next < 0) { input.focus(); } else if (all[next]) { all[next].focus(); }
  }, true);

  // A click on a result on this page closes the search (the page does not reload for a #anchor).
  list.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a")) { close(); }
  });

  // -- Narrowing (issue 26): by topic, pillar and slide, with Pagefind's filters (each page carries its
  // values: rendering/render.py). The choices' names come from search-filters.json, in the page's
  // language. What is searched and how it is narrowed stands in the page's address (?q=…&topic=…&
  // pillar=…&slide=…), so it can be shared; an address with them opens the search (search.js).

  var FILTERS = ["topic", "pillar", "slide"];
  var filterBox = dialog.querySelector(".site-search__filters");
  var selects = {};
  FILTERS.forEach(function (key) { selects[key] = filterBox && filterBox.querySelector("select[data-filter=" + key + "]"); });
  var asked = new URLSearchParams(window.location.search);  // the address the page was opened at

  function narrowing() {
    var chosen = null;
    FILTERS.forEach(function (key) {
      var select = selects[key];
      if (select && select.value) { chosen = chosen || {}; chosen[key] = select.value; }
    });
    return chosen;
  }

  // -- Editions (issue 27): with several, the search covers the current edition unless "also search the
  // other editions" is ticked (kept in the address as editions=all), and each result names its edition.
  var editionBox = dialog.querySelector(".site-search__editions");
  var allEditions = editionBox && editionBox.querySelector("input");
  var editions = null;  // {current: "2026", names: {"2025": "2025年版", ...}} once search-filters.json is in

  function scoped(narrowed) {
    if (!editions || allEditions.checked) { return narrowed; }
    var out = { edition: editions.current };
    if (narrowed) { Object.keys(narrowed).forEach(function (key) { out[key] = narrowed[key]; }); }
    return out;
  }

  function editionOf(data) {
    var found = data.filters && data.filters.edition;
    return editions && found && found.length ? editions.names[found[0]] || "" : "";
  }

  function addressWith(query, narrowed) {
    var url = new URL(window.location.href);
    ["q", "editions"].concat(FILTERS).forEach(function (key) { url.searchParams.delete(key); });
    if (query) { url.searchParams.set("q", query); }
    if (query && editions && allEditions.checked) { url.searchParams.set("editions", "all"); }
    FILTERS.forEach(function (key) { if (narrowed && narrowed[key]) { url.searchParams.set(key, narrowed[key]); } });
    return url.href;
  }

  function remember(query, narrowed) {
    if (!isOpen()) { return; }
    var href = addressWith(query, narrowed);
    if (href !== window.location.href) { window.history.replaceState(window.history.state, "", href); }
  }

  function fillChoices(names) {
    FILTERS.forEach(function (key) {
      var select = selects[key];
      if (!select || !names[key]) { return; }
      names[key].forEach(function (pair) {
        var option = element("option", null, pair[1]);
        option.value = pair[0];
        select.appendChild(option);
      });
      var wanted = asked.get(key);
      if (wanted && names[key].some(function (pair) { return pair[0] === wanted; })) { select.value = wanted; }
      select.addEventListener("change", run);
    });
    filterBox.hidden = false;
  }

  if (filterBox) {
    if (asked.has("q") && !input.value) { input.value = asked.get("q"); }
    window.fetch(new URL(filterBox.getAttribute("data-names"), window.location.href).href)
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (names) {
        var mine = names[lang] || {};
        if (editionBox && mine.edition && mine.current_edition) {
          editions = { current: mine.current_edition, names: {} };
          mine.edition.forEach(function (pair) { editions.names[pair[0]] = pair[1]; });
          allEditions.checked = asked.get("editions") === "all";
          allEditions.addEventListener("change", run);
          editionBox.hidden = false;
        }
        fillChoices(mine);
        if (isOpen() && (narrowing() || editions)) { run(); }
      })
      .catch(function () { /* without the names the search still works, unnarrowed */ });
    // Closed, the page's address is the page's again; not when a result leads to another page (the
    // address changing under it would be one more step in the browser's history of this page).
    var leaving = false;
    list.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a");
      leaving = !!link && link.pathname !== window.location.pathname;
    }, true);
    toggle.addEventListener("change", function () {
      if (!isOpen() && !leaving) {
        var href = addressWith("", null);
        if (href !== window.location.href) { window.history.replaceState(window.history.state, "", href); }
      }
    });
  }

  // The search search.js opened while this file was on its way gets what opening it gives, and the
  // results of what was typed.
  if (isOpen()) {
    opened();
    if (input.value.trim()) { run(); }
  }
})();
