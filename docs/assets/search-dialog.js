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
  var FIRST = 3;       // shown as soon as they are there
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
    engine(scope()).then(function (pf) {
      return pf.search(query || null, narrowed ? { filters: narrowed } : {});
    }).then(function (search) {
      if (mine !== ticket || !search) { return null; }
      // The first few results as soon as they are there, then the rest.
      var results = search.results, data = results.slice(0, PAGES).map(function (r) { return r.data(); });
      return Promise.all(data.slice(0, FIRST)).then(function (first) {
        if (mine !== ticket) { return null; }
        list.textContent = "";
        show(first);
        say(count(results.length));
        return Promise.all(data.slice(FIRST));
      }).then(function (rest) {
        if (mine === ticket && rest) { show(rest); }
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

  // A section's address: the nearest element with an id before its first match (a measure, a box
  // item, a progress item, a figure, or else the heading), so the reader lands on what matched.
  function landing(data, section) {
    var first = Math.min.apply(null, section.locations && section.locations.length ? section.locations : [0]);
    var best = null;
    (data.anchors || []).forEach(function (a) {
      if (a.id && a.location <= first && (!best || a.location >= best.location)) { best = a; }
    });
    var page = data.url.split("#")[0];
    return best ? page + "#" + encodeURIComponent(best.id) : (section.url || data.url);
  }

  function langOf(url) {
    var path = new URL(url, window.location.href).pathname;
    return path.indexOf(root.pathname + "en/") === 0 ? "en" : "ja";
  }

  function show(results) {
    results.forEach(function (data) {
      var title = plain(data.meta.title || "");
      var sections = (data.sub_results && data.sub_results.length ? data.sub_results : [data]).slice()
        .sort(function (a, b) { return (b.locations || []).length - (a.locations || []).length; })
        .slice(0, SECTIONS);
      var item = element("li", "md-search-result__item");
      var itemLang = langOf(data.url);
      if (itemLang !== lang) { item.lang = itemLang; }
      sections.forEach(function (section, i) {
        var link = element("a", "md-search-result__link");
        link.href = landing(data, section);
        var article = element("article", "md-search-result__article md-typeset");
        if (i === 0) {
          var heading = element("h1", null, title);
          if (itemLang !== lang) { heading.appendChild(element("span", "site-search__lang", texts.other_lang)); }
          article.appendChild(heading);
        }
        var name = plain(section.title || "");
        if (name && name !== title) { article.appendChild(element(i === 0 ? "p" : "h2", "site-search__section", name)); }
        article.appendChild(excerpt(section.excerpt || data.excerpt || ""));
        link.appendChild(article);
        item.appendChild(link);
      });
      list.appendChild(item);
    });
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

  function addressWith(query, narrowed) {
    var url = new URL(window.location.href);
    ["q"].concat(FILTERS).forEach(function (key) { url.searchParams.delete(key); });
    if (query) { url.searchParams.set("q", query); }
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
        fillChoices(names[lang] || {});
        if (isOpen() && narrowing()) { run(); }
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
