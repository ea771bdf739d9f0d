/* The search loader, on every page, so kept small. Opening the search (a click, typing or Enter in
 * the box, the magnifier button, or the keys /, s, Ctrl+K or Cmd+K; not Tab) shows the dialog
 * (theme/partials/search.html) at once and fetches
 * search-dialog.js and search.css, which fetch Pagefind. Closing it (Esc) gives the focus back, also
 * before those have come. No inline script or handler, so the site's Content-Security-Policy holds.
 */
(function () {
  "use strict";
  var dialog = document.getElementById("site-search");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) { return; }
  var input = dialog.querySelector(".md-search__input");
  var button = document.querySelector(".site-search-button");  // on a narrow screen
  // What search-dialog.js works with: the elements, what had the focus before the search opened (it
  // gets it back on closing), and close(). Opening and closing are this file's alone.
  var shared = window.siteSearch = { dialog: dialog, toggle: toggle, input: input, opener: null, close: close };
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

  function close() {
    if (!toggle.checked) { return; }
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  }

  function closed() {
    var back = shared.opener;
    shared.opener = null;
    if (back && back !== input && back !== document.body && document.contains(back)) {
      back.focus();
    } else if (document.activeElement && dialog.contains(document.activeElement)) {
      document.activeElement.blur();
    }
  }

  toggle.addEventListener("change", function () {
    if (toggle.checked) { load(); open(); } else { closed(); }
  });
  if (button) { button.addEventListener("click", open); }
  input.addEventListener("click", open);
  input.addEventListener("input", open);
  input.addEventListener("keydown", function (event) {
    if (!toggle.checked && /^(Enter|ArrowDown|ArrowUp)$/.test(event.key)) {
      event.preventDefault();
      open();
    }
  });

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
    } else if (key === "Escape" && toggle.checked) {
      event.preventDefault();
      close();
    }
  }, true);

  // Issue 26: an address with a search in it (?q=…&topic=…&pillar=…&slide=…, as the search writes it to
  // be shared) opens the search once the page has loaded (Material's script closes it while it starts);
  // search-dialog.js reads the rest.
  if (/[?&](q|topic|pillar|slide)=/.test(location.search)) { window.addEventListener("load", open); }

  // Issue 25 (part C): a button that opens the search (the 404 page's [data-search-open]).
  document.querySelectorAll("[data-search-open]").forEach(function (button) {
    button.addEventListener("click", function () { open(); });
  });
})();
