/* Two small enhancements; the site works without them.
 * 1. Copy-link controls (a.copy-link): copy the item's short permalink (/m/<id>/) and say "copied".
 * 2. The language switcher keeps the anchor: /pillars/x/#k-program -> /en/pillars/x/#k-program.
 */
(function () {
  "use strict";
  var COPIED = { ja: "コピーしました", en: "Copied" };
  var lang = (document.documentElement.lang || "ja").slice(0, 2);

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
      announce(link, COPIED[lang] || COPIED.en);
    }, function () {
      window.location.hash = link.getAttribute("href");
    });
  });

  // Anchors that moved to another page (data/redirects.yaml) lead to where the item is now.
  function followMovedAnchor() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var moves = document.getElementById("anchor-moves");
    if (!hash || !moves || document.getElementById(hash)) { return; }
    var table;
    try { table = JSON.parse(moves.textContent); } catch (e) { return; }
    // Own properties only: "#constructor" or "#toString" must not find Object.prototype's.
    if (!table || !Object.prototype.hasOwnProperty.call(table, hash)) { return; }
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
})();
