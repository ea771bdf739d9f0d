// The preview's reload (./scripts/serve only; never part of the built site). The preview server adds
// <script src="/livereload/reload.js" data-epoch=".." data-request=".."> to each page it serves: a
// script of the site's own origin, which the pages' Content-Security-Policy allows ('self'), where
// MkDocs' own inline script would need a hash the published pages must not carry. It asks the
// server, by a long poll, whether a newer build exists, and reloads the page when one does.
(function () {
  "use strict";
  var me = document.currentScript;
  var epoch = Number(me.getAttribute("data-epoch"));
  var request = me.getAttribute("data-request");
  var xhr = null;
  var timer = null;

  function poll() {
    stop();
    xhr = new XMLHttpRequest();
    xhr.onloadend = function () {
      if (this.status === 200 && Number(this.responseText) > epoch) {
        location.reload();
      } else {
        timer = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    xhr.open("GET", "/livereload/" + epoch + "/" + request);
    xhr.send();
  }

  function stop() {
    if (xhr) {
      xhr.onloadend = null;
      xhr.abort();
    }
    if (timer) {
      clearTimeout(timer);
    }
    xhr = timer = null;
  }

  function visible() {
    if (document.visibilityState === "visible") {
      poll();
    } else {
      stop();
    }
  }

  if (document.readyState === "complete") {
    visible();
  } else {
    window.addEventListener("load", visible);
  }
  document.addEventListener("visibilitychange", visible);
  window.addEventListener("pagehide", stop);
})();
