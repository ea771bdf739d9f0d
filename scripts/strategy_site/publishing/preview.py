"""./scripts/serve: the preview that follows every save of a data file.

MkDocs' `mkdocs serve` is the base (its LiveReloadServer: the watching, the long poll that tells a
page a newer build exists, the serving), with four differences:

- **The reload works under the site's Content-Security-Policy.** MkDocs adds an inline script to
  every page it serves; the page's policy, made when the page was built, has no hash for it, so the
  browser refused it and the open page never reloaded. The preview adds a script *file* of the
  site's own origin instead (_RELOAD_JS, served at RELOAD_SCRIPT), which the published
  policy allows already ('self'): the published pages allow nothing more than they did.
- **Only what a save changed is built again, the open pages first.** Each data file's own check is
  kept by its bytes (checking/validate.FileChecks): a save checks again the file it changed, and the
  rules across files. The plugin writes only the changed files to docs/; MkDocs then builds dirty
  (only the pages whose Markdown is newer than their HTML). When pages are open in a browser (the
  server knows them by their long polls), a save's build has two steps: the open pages alone are
  rendered and built, and reload; then every page is rendered and the changed ones built (the lists
  of everything: measures, summary, progress, glossary...), while a request for any other page
  waits for them. A full build runs first, after a failed build, when the navigation changes and
  when a template, the theme, docs/assets or mkdocs.yml changes. The search index is refreshed in
  the background, after the second step.
- **Problems show on the open page.** When the data has problems, or the build fails for any
  reason, every HTML page the preview serves is the problems page in its language
  (preview_errors.py), with file and line; the last good pages stay in the preview's folder and come
  back with the fix (a full build, then). Nothing ends the preview but the person running it.
- **Stopping leaves nothing behind.** Ctrl+C, SIGTERM and SIGHUP stop it and delete its folder in
  the system's temporary folder; a folder a killed preview left is deleted at the next start.
"""

from __future__ import annotations

import contextlib
import html
import logging
import os
import posixpath
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError
from mkdocs.livereload import LiveReloadServer, _serve_url

from strategy_site.checking.validate import FileChecks
from strategy_site.publishing import pipeline, preview_errors
from strategy_site.publishing.plugin import DataProblems, StrategySitePlugin, Superseded, project_root
from strategy_site.rendering.render import TEMPLATES, CompiledTemplates

log = logging.getLogger("mkdocs.strategy_site.preview")

PLUGIN = "strategy-site"  # mkdocs.yml's name for the plugin
RELOAD_SCRIPT = "/livereload/reload.js"
# The reload script the preview adds to each page it serves (at RELOAD_SCRIPT; never part of the built
# site): a long poll asks the server whether a newer build exists, and the page reloads when one does.
# A script file of the site's own origin, which the pages' policy allows ('self'), where MkDocs'
# inline script would need a hash that the published pages must not carry.
_RELOAD_JS = b"""(function () {
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
"""
_POLL = re.compile(r"/livereload/([0-9]+)/[0-9]+")
TEMP_PREFIX = "strategy-preview-"  # <prefix><pid>-<random>: the preview's folder in the temporary folder
DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs' warning, which strict mode would count


class PreviewServer(LiveReloadServer):
    """MkDocs' server, with the reload as a same-origin script and the problems page served in
    place of every HTML page while the last build had problems."""

    # An open page's long poll is answered after at most this many seconds (MkDocs: 60), and asks
    # again: a closed tab stops being counted among the open pages within that time.
    poll_response_timeout = 10

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.problems: list | str | None = None  # the last build's problems (or its failure's reason)
        self.waiting = 0  # open pages waiting for the next build (their long polls)
        self._waiting_lock = threading.Lock()
        self.report: list[str] = []  # what the build loop said, for tests
        # The pages open in a browser: each page's address, when its long poll last asked (the poll
        # carries the page's address as its Referer). A save builds them first (PreviewBuilder._build).
        self.polled: dict[str, float] = {}
        # While the second step of a build runs: the built files of the pages its first step built (the
        # open pages). A request for any other page waits until the second step has built it.
        self.first_step: set[str] | None = None
        self.shown_at: float | None = None  # when this build's open pages were shown, after its first step
        self.started = time.monotonic()  # when the build running (or the last one) started

    # -- serving

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path == RELOAD_SCRIPT:
            start_response(
                "200 OK",
                [
                    ("Content-Type", "text/javascript; charset=utf-8"),
                    ("Content-Length", str(len(_RELOAD_JS))),
                    ("Cache-Control", "no-store"),
                ],
            )
            return [_RELOAD_JS]
        if _POLL.fullmatch(path):
            page = urlsplit(environ.get("HTTP_REFERER") or "").path
            with self._waiting_lock:
                self.waiting += 1
                if page:
                    self.polled[page] = time.monotonic()
            try:
                return super()._serve_request(environ, start_response)
            finally:
                with self._waiting_lock:
                    self.waiting -= 1
                    if page:
                        self.polled[page] = time.monotonic()
        if self.first_step is not None and _is_page(path, self.mount_path):
            wanted = self.site_file(path)
            with self._epoch_cond:  # a page the build's second step may write again: served once built
                self._epoch_cond.wait_for(lambda: self.first_step is None or wanted in self.first_step)
        if self.problems is not None and _is_page(path, self.mount_path):
            with self._epoch_cond:  # as MkDocs does: never serve during a build
                self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
                epoch, problems = self._visible_epoch, self.problems
            if problems is not None:
                lang = preview_errors.language_of(path[len(self.mount_path) :])
                body = self._inject_js_into_html(preview_errors.page(problems, lang).encode("utf-8"), epoch)
                start_response(
                    "200 OK",
                    [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                )
                return [body]
        return super()._serve_request(environ, start_response)

    def open_pages(self) -> set[str]:
        """The built files of the pages open in a browser: those whose long poll asked lately."""
        now, recent = time.monotonic(), self.poll_response_timeout + 3
        with self._waiting_lock:
            self.polled = {page: at for page, at in self.polled.items() if now - at <= recent}
            pages = set(self.polled)
        return {self.site_file(page) for page in pages if _is_page(page, self.mount_path)}

    def site_file(self, path: str) -> str:
        """The built file MkDocs serves at an address (as its _serve_request finds it)."""
        rel = path[len(self.mount_path) :] + ("index.html" if path.endswith("/") else "")
        return os.path.normpath(os.path.join(self.root, posixpath.normpath("/" + rel).lstrip("/")))

    def show_first_step(self, first: set[str]) -> None:
        """The open pages (`first`, their built files) are built: they reload now, while the build's second
        step builds the others."""
        with self._epoch_cond:
            self.first_step = set(first)
            self.shown_at = time.monotonic()
            with self._waiting_lock:
                pages = self.waiting
            said = (
                f"Rebuilt the open pages in {self.shown_at - self.started:.1f} s; {pages} open "
                f"page{'s' if pages != 1 else ''} reload{'s' if pages == 1 else ''} now."
            )
            self.report.append(said)
            log.info(said)
            self._visible_epoch = self._wanted_epoch
            self._epoch_cond.notify_all()

    def reload_again(self) -> None:
        """The open pages reload once more, at the end of this build."""
        with self._epoch_cond:
            self._wanted_epoch = max(self._visible_epoch + 1, round(time.monotonic() * 1000))

    def second_step_done(self) -> None:
        with self._epoch_cond:
            self.first_step = None
            self._epoch_cond.notify_all()

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        """The reload as a script file of the site's own origin (allowed by the pages' policy)."""
        tag = (
            f'<script src="{RELOAD_SCRIPT}" data-epoch="{int(epoch)}" '
            f'data-request="{round(time.monotonic() * 1000)}"></script>'
        ).encode("ascii")
        at = content.rfind(b"</body>")
        at = len(content) if at < 0 else at
        return content[:at] + tag + content[at:]

    # -- building

    def _build_loop(self) -> None:
        """MkDocs' loop, but the builder never fails (it shows the problems instead), and the log
        says what happened: rebuilt or problems shown, and how many open pages reload."""
        while True:
            with self._rebuild_cond:
                while not self._rebuild_cond.wait_for(
                    lambda: self._want_rebuild or self._shutdown, timeout=self.shutdown_delay
                ):
                    pass
                if self._shutdown:
                    break
                while self._rebuild_cond.wait(timeout=self.build_delay):
                    pass  # files are still being written
                self._wanted_epoch = round(time.monotonic() * 1000)
                self._want_rebuild = False
            start = self.started = time.monotonic()
            self.shown_at = None
            outcome = self.builder()
            with self._epoch_cond:
                self._visible_epoch = self._wanted_epoch
                self._epoch_cond.notify_all()
            with self._waiting_lock:
                pages = self.waiting
            said = f"{outcome} in {time.monotonic() - start:.1f} s; " + (
                "the open pages reloaded after the first step."
                if self.shown_at is not None
                else f"{pages} open page{'s' if pages != 1 else ''} reload{'s' if pages == 1 else ''} now."
                if pages
                else "no page is open in a browser."
            )
            self.report.append(said)
            log.info(said)


def _is_page(path: str, mount: str) -> bool:
    """A request the problems page stands in for: an HTML page (an address ending in '/' or .html),
    or one with no file name extension (an address MkDocs would answer with its 404 page)."""
    if not (path + "/").startswith(mount):
        return False
    last = path.rsplit("/", 1)[-1]
    return last == "" or last.endswith(".html") or "." not in last


class PreviewBuilder:
    """The builder: one build of the preview, never raising; the outcome in words."""

    def __init__(self, config_file: Path, site_dir: Path, serve_url: str):
        self.config_file, self.site_dir, self.serve_url = config_file, site_dir, serve_url
        self.root = config_file.parent
        self.server: PreviewServer | None = None
        self.full = True  # the next build must be a full one
        self.nav: list | None = None
        self.looks: tuple | None = None  # the templates', theme's, assets' and mkdocs.yml's stamps
        self.compiled = CompiledTemplates()  # shared by the builds' Jinja environments
        self.listed: dict[tuple, list[str]] = {}  # the theme's files, as MkDocs lists them
        self.titles: dict[str, str] = {}  # each page's title, by its source (the plugin's known_titles)
        self.file_checks = FileChecks()  # each data file's own check, by its bytes: a save checks one file

    def config(self):
        config = load_config(str(self.config_file), site_dir=str(self.site_dir))
        config.site_url = self.serve_url
        self._reuse_templates(config)
        return config

    def _reuse_templates(self, config) -> None:
        """MkDocs makes a new Jinja environment for every build, which compiles every template again
        and lists the theme's thousands of files again: most of a small rebuild's time. The preview's
        environments share the compiled templates (Jinja's bytecode cache, keyed by each template's
        name and source, so an edited template is compiled again) and the theme's file list (until a
        template, the theme or mkdocs.yml changes: `looks`)."""
        theme, make_env = config.theme, config.theme.get_env
        key = (tuple(theme.dirs), tuple(theme.static_templates))

        def get_env():
            env = make_env()
            env.bytecode_cache = self.compiled
            listing = env.list_templates

            def list_templates(extensions=None, filter_func=None):
                known = (key, tuple(extensions or ()), filter_func is None)
                if known not in self.listed:
                    self.listed[known] = listing(extensions, filter_func)
                return self.listed[known]

            env.list_templates = list_templates
            return env

        theme.get_env = get_env

    def __call__(self) -> str:
        assert self.server is not None
        try:
            outcome = self._build()
        except (KeyboardInterrupt, Stopped):  # stopping the preview, not a failed build
            raise
        except DataProblems as exc:  # found before building: the site still holds the last good pages
            return self._problems(exc.problems or exc.report, exc.report)
        except BaseException as exc:  # noqa: BLE001 - whatever stops a build is shown, never a traceback
            self.full = True  # the pages may be half built: build them all again
            reason = _one_line(exc)
            return self._problems(reason, f"error: the site could not be built: {reason}")
        self.server.problems = None
        return outcome

    def _problems(self, problems: list | str, said: str) -> str:
        """Serve the problems page; `said`: the problems as the terminal shows them."""
        assert self.server is not None
        self.server.problems = problems
        print(said + "\nThe preview shows these problems on its pages until they are fixed.", file=sys.stderr)
        return "Problems shown"

    def _build(self) -> str:
        config = self.config()
        plugin = config.plugins[PLUGIN]
        assert isinstance(plugin, StrategySitePlugin), f"mkdocs.yml's {PLUGIN} is not this package's plugin"
        plugin.file_checks = self.file_checks
        checked = plugin.data(project_root(config))  # raises DataProblems: then nothing is built
        nav = plugin.nav_of(checked)
        looks = _looks(self.root, config)
        dirty = not self.full and nav == self.nav and looks == self.looks
        if not dirty:
            plugin.static_written = {}  # MkDocs empties the site first
        if looks != self.looks:
            self.listed.clear()
        plugin.dirty, plugin.known_titles = dirty, self.titles
        # A save's build in two steps when pages are open in a browser: first the open pages alone (and
        # what every page shares: navigation, 404, sitemap), rendered and built, which then reload; then
        # every page, rendered, and those the save changed built (the measures list, summary,
        # glossary... which list everything and take longest).
        assert self.server is not None
        first = (self.server.open_pages() or None) if dirty else None
        plugin.first, plugin.deferred, plugin.built = first, [], set()
        try:
            with _dirty_build(dirty):
                build(config, serve_url=self.serve_url, dirty=dirty)
        finally:
            plugin.first = None
        self._check_built(plugin)
        self.full, self.nav, self.looks = False, nav, looks
        if first is None:
            return "Rebuilt the changed pages" if dirty else "Rebuilt every page"
        return self._second_step(plugin, project_root(config), first)

    def _check_built(self, plugin: StrategySitePlugin) -> None:
        if plugin.problems is not None:  # the data changed between the check and the build
            self.full = True  # the plugin replaced the pages with its own problems page
            raise plugin.problems

    def _second_step(self, plugin: StrategySitePlugin, root: Path, first: set[str]) -> str:
        """Show the open pages, then render every page and build those that changed, from the data the
        first step checked (a save meanwhile is the next build's: this step gives way to it unless MkDocs
        has begun building); a request for any other page waits until it is built. An open page built
        again (it should not be) reloads once more."""
        assert self.server is not None and plugin.checked is not None
        self.server.problems = None
        self.server.show_first_step(first)
        try:
            if pipeline.fingerprint(root) != plugin.checked[0]:  # saved again: the next build builds them
                return "Rebuilt the open pages"
            config = self.config()
            plugin.deferred, plugin.built, plugin.pinned = [], set(), True
            server = self.server
            plugin.saved_since = lambda: server._want_rebuild
            with _dirty_build(True):
                build(config, serve_url=self.serve_url, dirty=True)
            self._check_built(plugin)
            if plugin.built & first:
                self.server.reload_again()
        except Superseded:
            return "Rebuilt the open pages (a newer save follows)"
        finally:
            plugin.pinned, plugin.saved_since = False, None
            self.server.second_step_done()
        return "Rebuilt the other changed pages"


def _looks(root: Path, config) -> tuple:
    """The stamps of what every page's look depends on beside the data."""
    folders = [TEMPLATES, Path(config.theme.custom_dir or TEMPLATES), Path(config.docs_dir) / "assets"]
    files = [root / "mkdocs.yml", *(p for f in folders if f.is_dir() for p in sorted(f.rglob("*")) if p.is_file())]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.exists())


@contextlib.contextmanager
def _dirty_build(dirty: bool):
    """While a dirty build runs: MkDocs' warning about it is not counted by strict mode, and
    mkdocs-static-i18n, which decides from the command line (`--dirty`) whether its second
    language's build is dirty, builds it dirty too."""
    if not dirty:
        yield
        return
    quiet = _DropDirtyWarning()
    logger = logging.getLogger("mkdocs.commands.build")
    logger.addFilter(quiet)
    argv = sys.argv
    sys.argv = [*argv, "--dirty"]
    try:
        yield
    finally:
        sys.argv = argv
        logger.removeFilter(quiet)


class _DropDirtyWarning(logging.Filter):
    """MkDocs' words about dirty builds, which are what the preview means to do."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith((DIRTY_WARNING, "The directory contains stale files"))


def _one_line(exc: BaseException) -> str:
    """What stopped a build, in one line (the program's words) for the problems page and the terminal."""
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        text = f"{exc.strerror or exc}{where}"
    elif isinstance(exc, (Abort, BuildError, ConfigurationError, PluginError)):
        text = str(exc.message if hasattr(exc, "message") else exc)
    else:
        text = f"{type(exc).__name__}: {exc}"
    return " ".join(text.split()) or type(exc).__name__


def sweep_left_folders(temp: Path | None = None) -> list[Path]:
    """Delete the folders that previews which were killed left in the temporary folder."""
    temp = Path(temp or tempfile.gettempdir())
    gone = []
    for folder in temp.glob(TEMP_PREFIX + "*"):
        found = re.match(re.escape(TEMP_PREFIX) + r"([0-9]+)-", folder.name)
        if not found or _alive(int(found[1])):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        gone.append(folder)
    return gone


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class Stopped(Exception):
    """SIGTERM or SIGHUP: stop serving, as Ctrl+C does."""


@contextlib.contextmanager
def _stop_on_signals():
    def stop(signum, frame):
        raise Stopped(signal.Signals(signum).name)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def serve(config_file: Path, host: str, port: int) -> int:
    """Serve the preview until stopped. Exit status 0 when stopped by Ctrl+C, SIGTERM or SIGHUP."""
    sweep_left_folders()
    # mkdocs-static-i18n says what it does for each language at each build: the preview's log
    # says instead what was rebuilt and how many open pages reload.
    logging.getLogger("mkdocs.plugins.mkdocs_static_i18n").setLevel(logging.WARNING)
    work = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-"))
    site_dir = work / "site"  # the search index's scratch folder goes beside it, in `work`, too
    plugin: StrategySitePlugin | None = None
    server: PreviewServer | None = None
    try:
        with _stop_on_signals():
            preview = PreviewBuilder(config_file, site_dir, "")
            config = preview.config()
            mount = urlsplit(config.site_url or "/").path
            preview.serve_url = _serve_url(host, port, mount)
            plugin = config.plugins[PLUGIN]
            if isinstance(plugin, StrategySitePlugin):
                plugin.write_changed_only = True
            config.plugins.on_startup(command="serve", dirty=True)
            server = PreviewServer(builder=preview, host=host, port=port, root=str(site_dir), mount_path=mount)
            preview.server = server
            server.error_handler = lambda code: _error_page(server, site_dir, code)
            log.info("Building the preview...")
            log.info(preview())
            for watched in (
                project_root(config) / "data",
                TEMPLATES,
                Path(config.theme.custom_dir),
                Path(config.docs_dir) / "assets",
                config_file,
            ):
                if watched.exists():
                    server.watch(str(watched))
            try:
                server.serve()
            except (KeyboardInterrupt, Stopped):
                log.info("Stopping the preview.")
            finally:
                server.shutdown()
    except (KeyboardInterrupt, Stopped):
        log.info("Stopping the preview.")
    finally:
        if isinstance(plugin, StrategySitePlugin):
            plugin.refresher.stop()  # an indexing under way is stopped, not waited for
            plugin.refresher.wait(30)  # its scratch folder is in `work`
        with contextlib.suppress(Exception):
            if server is not None:
                server.server_close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _error_page(server: PreviewServer, site_dir: Path, code: int) -> bytes | None:
    """The site's own 404 page (as mkdocs serve gives it)."""
    page = site_dir / f"{code}.html"
    if code == 404 and page.is_file():
        return page.read_bytes()
    return f"<!doctype html><title>{code}</title><p>{html.escape(str(code))}</p>".encode()
