/* The search control's loader, on every page: small, so that a first visit loads almost nothing of
 * search. When the reader first opens the search (a click or tap on it, or the keys /, s, Ctrl+K or
 * Cmd+K), it opens the dialog (theme/partials/search.html) at once and fetches the dialog's script
 * (search-dialog.js) and styles (search.css), which then fetch Pagefind and the index chunks a query
 * needs. No inline script or handler, so the site's Content-Security-Policy holds.
 */
(function () {
  "use strict";
  var dialog = document.getElementById("site-search");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) { return; }
  var input = dialog.querySelector(".md-search__input");
  // What search-dialog.js works with: the elements, and what had the focus before the search opened
  // (it gives the focus back on closing). Opening is this file's alone, before and after that file came.
  var shared = window.siteSearch = { dialog: dialog, toggle: toggle, input: input, opener: null };
  var loaded = false;

  function add(tag, attributes) {
    var element = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    document.head.appendChild(element);
  }

  function load() {
    if (loaded) { return; }
    loaded = true;
    add("link", { id: "site-search-styles", rel: "stylesheet", href: dialog.getAttribute("data-styles") });
    add("script", { src: dialog.getAttribute("data-script") });
  }

  function open() {
    if (!toggle.checked) {
      shared.opener = document.activeElement;
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    if (document.activeElement !== input) { input.focus(); }
  }

  toggle.addEventListener("change", function () {
    if (toggle.checked) { load(); open(); }
  });
  input.addEventListener("focus", function () { load(); open(); });

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    var key = event.key;
    var command = (event.ctrlKey || event.metaKey) && !event.altKey && (key === "k" || key === "K");
    var shortcut = !toggle.checked && (key === "/" || key === "s" || key === "S") && !event.ctrlKey
      && !event.metaKey && !event.altKey && !typing(event.target);
    if (command || shortcut) {
      event.preventDefault();
      open();
    }
  }, true);
})();
