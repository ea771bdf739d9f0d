/* Small enhancements; the site works without them.
 * 1. Copy-link controls (a.copy-link): copy the item's short permalink (/m/<id>/) and say "copied".
 * 2. The language switcher keeps the anchor: /pillars/x/#k-program -> /en/pillars/x/#k-program.
 * 3. Material does not fetch a sitemap.xml for the page's language alternates (see below).
 * 4. The menu button (theme/partials/header.html) opens and closes the navigation drawer.
 * 5. "Cite" buttons beside each copy-link control and the page's citation: copy a citation.
 * 6. The links between a page and its parallel view (a[data-keep-place]) keep the reader's place.
 * 7. The edition switch and an old edition's banner lead to the same measure in the other edition.
 */
(function () {
  "use strict";

  // The page's language alternates (<link rel="alternate" hreflang> in <head>) are absolute, for
  // search engines and validators. Material's script reads them once, when the document has loaded,
  // and fetches a sitemap.xml beside each (a missing file, or one on the site_url host: a request
  // to another host on a preview or closed network). It needs them only to take over clicks on the
  // language links, which carry target="_self" so that it leaves them alone. So they are out of its
  // sight for that one moment: this script runs before the document has loaded, after Material's
  // script, whose listener runs first; ours then puts them back.
  var alternates = Array.prototype.slice.call(document.querySelectorAll("link[rel=alternate][hreflang]"));
  alternates.forEach(function (link) { link.setAttribute("rel", "alternate-language"); });
  document.addEventListener("DOMContentLoaded", function () {
    alternates.forEach(function (link) { link.setAttribute("rel", "alternate"); });
  }, { once: true });

  function announce(link, text) {
    var status = link.querySelector(".copy-link__status");
    if (!status) {
      status = document.createElement("span");
      status.className = "copy-link__status";
      status.setAttribute("role", "status");
      link.appendChild(status);
    }
    status.textContent = text;
    link.classList.add("copy-link--copied");
    window.setTimeout(function () {
      status.textContent = "";
      link.classList.remove("copy-link--copied");
    }, 2500);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.copy-link");
    if (!link) { return; }
    event.preventDefault();
    var address = new URL(link.getAttribute("data-permalink"), window.location.href).href;
    link.setAttribute("data-copied-url", address);
    copyText(address).then(function () {
      announce(link, link.getAttribute("data-copied"));  // the site's word, in the page's language
    }, function () {
      window.location.hash = link.getAttribute("href");
    });
  });

  // Citations (rendering/cite.py): the page gives the patterns of an item's and of its own citation
  // in its language (#cite-data), lists of text pieces and the names of the values filled in here;
  // each copy-link control gives its item's words and slide. Every word comes from the page.
  var citeData = document.getElementById("cite-data");
  var cite = null;
  try { cite = citeData && JSON.parse(citeData.textContent); } catch (e) { cite = null; }
  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }
  // A citation on the page (its gaps marked <span data-gap="name">), filled in on a copy.
  function fill(shown, values) {
    var copy = shown.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("[data-gap]"), function (gap) {
      gap.textContent = values[gap.getAttribute("data-gap")];
    });
    return copy.textContent;
  }
  function citeButton(name) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-button";
    button.textContent = cite.words.cite;
    button.setAttribute("aria-label", name);
    return button;
  }
  function citeConfirm(button, text) {
    var status = button.nextElementSibling;
    if (!status || !status.classList.contains("cite-status")) {
      status = document.createElement("span");
      status.className = "cite-status";
      status.setAttribute("role", "status");
      button.parentNode.insertBefore(status, button.nextSibling);
    }
    window.setTimeout(function () { status.textContent = text; }, 50);  // a live region first, then its words
    window.clearTimeout(button.citeTimer);
    button.citeTimer = window.setTimeout(function () { status.textContent = ""; }, 5000);
  }
  // In the page's language only: a parallel view (対訳) holds both, and its patterns are its frame's.
  function inCiteLanguage(node) {
    var holder = node.closest("[lang]");
    return !holder || holder.getAttribute("lang").slice(0, 2) === cite.lang;
  }
  function first(selector) {
    return Array.prototype.filter.call(document.querySelectorAll(selector), inCiteLanguage)[0];
  }
  var pageLine = cite && first(".page-cite__line");
  var itemForm = cite && first(".page-cite__form");
  if (cite) {
    Array.prototype.forEach.call(document.querySelectorAll("a.copy-link[data-quote]"), function (link) {
      if (!itemForm || !inCiteLanguage(link)) { return; }
      var ident = link.getAttribute("href").slice(1);
      var button = citeButton(cite.words.cite_item_named + ident);
      button.setAttribute("data-cite", ident);
      link.parentNode.insertBefore(button, link.nextSibling);
    });
    if (pageLine) {
      var pageButton = citeButton(cite.words.cite_page_named + cite.title);
      pageButton.setAttribute("data-cite-page", "");
      pageLine.appendChild(pageButton);
    }
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button.cite-button");
      if (!button) { return; }
      var here = window.location.href.split("#")[0].split("?")[0];
      var text;
      if (button.hasAttribute("data-cite-page")) {
        text = fill(pageLine.querySelector(".page-cite__text"), { address: new URL(cite.address, here).href, accessed: today() });
      } else {
        var link = button.previousElementSibling;
        var ident = button.getAttribute("data-cite");
        text = fill(itemForm, {
          text: link.getAttribute("data-quote"),
          slide: link.getAttribute("data-slide"),
          address: new URL(cite.permalinks + ident + "/", here).href,
          accessed: today()
        });
      }
      button.setAttribute("data-cited", text);
      copyText(text).then(function () {
        citeConfirm(button, cite.words.cite_copied);
      }, function () {
        citeConfirm(button, text);  // no clipboard: the citation itself, to copy by hand
      });
    });
  }

  // Anchors that moved to another page (data/redirects.yaml) lead to where the item is now.
  function followMovedAnchor() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var moves = document.getElementById("anchor-moves");
    if (!hash || !moves || document.getElementById(hash)) { return; }
    var table;
    try { table = JSON.parse(moves.textContent); } catch (e) { return; }
    // Own properties only: "#constructor" or "#toString" must not find Object.prototype's.
    if (!table) { return; }
    if (!Object.prototype.hasOwnProperty.call(table, hash)) {
      // "*": this page lists its items elsewhere (the progress page as an index): an anchor that is
      // an item's id (reading/shape.py's pattern) leads to the item's permalink, if it has one.
      var permalinks = table["*"];
      if (typeof permalinks !== "string" || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(hash)) { return; }
      var address = new URL(permalinks + hash + "/", window.location.href).href;
      fetch(address, { method: "HEAD" }).then(function (answer) {
        if (answer.ok) { window.location.replace(address); }
      }, function () {});
      return;
    }
    var target = table[hash];
    if (typeof target === "string") { window.location.replace(new URL(target, window.location.href).href); }
  }
  followMovedAnchor();
  window.addEventListener("hashchange", followMovedAnchor);

  // Keep the anchor when switching language (Material's language selector links).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang].md-select__link");
    if (!link || !window.location.hash) { return; }
    var target = new URL(link.getAttribute("href"), window.location.href);
    target.hash = window.location.hash;
    link.setAttribute("href", target.href);
  }, true);

  // A page and its parallel view (rendering/parallel.py) carry the same items' ids. The link between
  // them goes to the #anchor in the address or, without one, to the item nearest the top of the view.
  function placeInView() {
    if (window.location.hash) { return window.location.hash; }
    var items = document.querySelectorAll("article [id]:not(script)");
    var found = "";
    for (var i = 0; i < items.length; i++) {
      if (items[i].offsetParent === null) { continue; }  // not shown (print only)
      var top = items[i].getBoundingClientRect().top;
      if (top > 96) { break; }
      if (top > -window.innerHeight && !/--en$/.test(items[i].id)) { found = "#" + items[i].id; }
    }
    return window.scrollY > 0 ? found : "";
  }
  function keepPlace(event) {
    var link = event.target.closest && event.target.closest("a[data-keep-place]");
    if (!link) { return; }
    var target = new URL(link.getAttribute("href"), window.location.href);
    target.hash = placeInView();
    link.setAttribute("href", target.href);
  }
  ["click", "auxclick", "contextmenu", "focusin"].forEach(function (name) {
    document.addEventListener(name, keepPlace, true);
  });

  // The edition bar (structure/editions.py): a link to another edition leads to the same measure there
  // where the crosswalk has one (the edition's editions.json: {"2026": {"<id here>": ["<id there>"]}},
  // fetched on first use; the measure is the one in the address, else the one nearest the top of the
  // view, as for the parallel view's link), to its
  // permalink; else to the page the link names (the same page there, or the nearest), at the same item.
  var editionBar = document.querySelector(".edition-bar[data-links]");
  var editionLinks = null;
  function sameMeasures() {
    if (!editionLinks) {
      editionLinks = window.fetch(new URL(editionBar.getAttribute("data-links"), window.location.href).href)
        .then(function (answer) { return answer.ok ? answer.json() : {}; })
        .catch(function () { editionLinks = null; return {}; });
    }
    return editionLinks;
  }
  function toEdition(event) {
    var link = event.target.closest && event.target.closest("a[data-edition-to]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
    var place = placeInView().slice(1);
    if (!place) { return; }  // the top of the page: the same page there
    event.preventDefault();
    var to = link.getAttribute("data-edition-to");
    var fallback = new URL(link.getAttribute("href"), window.location.href);
    fallback.hash = place;
    sameMeasures().then(function (table) {
      var there = table && Object.prototype.hasOwnProperty.call(table, to) && table[to] &&
        Object.prototype.hasOwnProperty.call(table[to], place) ? table[to][place] : null;
      var root = new URL(editionBar.getAttribute("data-root"), window.location.href);
      var prefix = link.getAttribute("data-edition-prefix") || "";
      window.location.assign(there && there.length ?
        new URL(prefix + "m/" + there[0] + "/", root).href : fallback.href);
    });
  }
  if (editionBar) { editionBar.addEventListener("click", toEdition); }

  // The drawer (Material's #__drawer): the button opens it, focus to its first link; Escape (focus
  // back to the button) or the focus leaving it closes it.
  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector(".site-nav-button");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (drawer && menu && sidebar) {
    sidebar.id = "site-nav";
    menu.setAttribute("aria-controls", sidebar.id);
    var setDrawer = function (open) {
      if (drawer.checked !== open) {
        drawer.checked = open;
        drawer.dispatchEvent(new Event("change"));
      }
    };
    drawer.addEventListener("change", function () {
      menu.setAttribute("aria-expanded", String(drawer.checked));
    });
    menu.addEventListener("click", function () {
      setDrawer(!drawer.checked);
      var first = drawer.checked && sidebar.querySelector(".md-nav__list a[href]");
      if (first) { first.focus(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        setDrawer(false);
        menu.focus();
      }
    });
    sidebar.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (drawer.checked && next && next !== menu && !sidebar.contains(next)) { setDrawer(false); }
    });
  }
})();
