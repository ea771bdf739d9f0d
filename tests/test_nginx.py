"""The publishing guide's sample nginx configuration, run with Debian's nginx on loopback against a built site,
in the sub-folder /strategy2025/ it is written for and at the root: the precompressed copies, the
cache times, the security headers and the 404 page for both languages. Also: the build writes the
precompressed copies, and they hold exactly the files beside them."""

from __future__ import annotations

import contextlib
import gzip
import os
import re
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from strategy_site.publishing.precompress import LEVEL, MIN_SIZE
from strategy_site.rendering import csp as csp_module
from strategy_site.structure import urls
from strategy_site.structure.model import LANGS

from conftest import ROOT, accepts_connections, server_on_a_free_port

NGINX = Path("/usr/sbin/nginx")
PREFIX = "/strategy2025"
PRECOMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg")

GUIDE = ROOT / "scripts" / "strategy_site" / "publishing" / "README.md"


def sample_config() -> str:
    """The configuration block of the publishing guide, as written there."""
    blocks = re.findall(r"```nginx\n(.*?)\n```", GUIDE.read_text("utf-8"), re.S)
    assert len(blocks) == 1, f"{GUIDE.relative_to(ROOT)} should hold one nginx configuration block"
    return blocks[0]


class Nginx:
    """Debian's nginx in the foreground, with the README's server block on a loopback port, for the
    block `with Nginx(...) as server:`."""

    def __init__(self, work: Path, server_block: str, web_root: Path):
        self.work, self.server_block, self.web_root = work, server_block, web_root
        self._running = contextlib.ExitStack()

    def __enter__(self) -> Nginx:
        if not NGINX.exists():
            pytest.fail(f"{NGINX} is missing: install Debian's nginx (sudo apt-get install -y nginx)")
        (self.work / "logs").mkdir(parents=True, exist_ok=True)
        self.process, self.port = self._running.enter_context(
            server_on_a_free_port(self._start, accepts_connections, self.work / "logs" / "error.log", seconds=20)
        )
        return self

    def __exit__(self, *exc_info) -> None:
        self._running.close()

    def _start(self, port: int) -> subprocess.Popen:
        work, web_root = self.work, self.web_root
        block = self.server_block.replace("listen 80;", f"listen 127.0.0.1:{port};")
        block = block.replace("root /var/www/html;", f"root {web_root};")
        assert str(web_root) in block and str(port) in block, (
            "the sample no longer has 'listen 80;' and 'root /var/www/html;'"
        )
        (work / "logs" / "error.log").unlink(missing_ok=True)
        user = "user root;\n" if os.geteuid() == 0 else ""  # the test's files are readable by their owner only
        (work / "nginx.conf").write_text(
            f"{user}daemon off;\nworker_processes 1;\npid {work}/nginx.pid;\nerror_log {work}/logs/error.log;\n"
            f"events {{ worker_connections 64; }}\n"
            f"http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
            f"  access_log off;\n  client_body_temp_path {work}/tmp;\n  proxy_temp_path {work}/tmp;\n"
            f"  fastcgi_temp_path {work}/tmp;\n  uwsgi_temp_path {work}/tmp;\n  scgi_temp_path {work}/tmp;\n"
            f"{block}\n}}\n",
            "utf-8",
        )
        test = subprocess.run(
            [str(NGINX), "-t", "-p", str(work), "-c", str(work / "nginx.conf")], capture_output=True, text=True
        )
        assert test.returncode == 0, "nginx refuses the sample configuration:\n" + test.stderr
        return subprocess.Popen(
            [str(NGINX), "-p", str(work), "-c", str(work / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,  # what it says goes to logs/error.log too
        )

    def get(self, path: str, gzip_ok: bool = True) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", headers={"Accept-Encoding": "gzip"} if gzip_ok else {}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def _csp_of(site: Path) -> str | None:
    """The policy the server must send beside the pages' own: csp.SERVER_POLICY, once pages carry one."""
    page = (site / "index.html").read_text("utf-8")
    return csp_module.SERVER_POLICY if 'http-equiv="Content-Security-Policy"' in page else None


def server_problems(server: Nginx, prefix: str, site: Path) -> list[str]:
    """What a reader's browser would get wrong from this server for the site at prefix + '/'."""
    problems = []
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).relative_to(site).as_posix()
    csp = _csp_of(site)
    checks = {  # path -> (the built file, whether it is fingerprinted)
        "/": ("index.html", False),
        urls.site_path("en", "budget/"): (urls.site_path("en", "budget/index.html").lstrip("/"), False),
        "/assets/extra.css": ("assets/extra.css", False),
        "/" + bundle: (bundle, True),
        "/sitemap.xml": ("sitemap.xml", False),
        "/data/strategy.json": ("data/strategy.json", False),
    }
    for path, (name, fingerprinted) in checks.items():
        url = prefix + path
        status, headers, body = server.get(url)
        if status != 200:
            problems.append(f"{url}: HTTP {status}")
            continue
        if headers.get("content-encoding") != "gzip":
            problems.append(f"{url}: not sent gzip-compressed (Content-Encoding: {headers.get('content-encoding')})")
        elif gzip.decompress(body) != (site / name).read_bytes():
            problems.append(f"{url}: the compressed answer is not the built file")
        if "accept-encoding" not in headers.get("vary", "").lower():
            problems.append(f"{url}: no 'Vary: Accept-Encoding'")
        want = "public, max-age=31536000, immutable" if fingerprinted else "public, max-age=300"
        if headers.get("cache-control") != want:
            problems.append(f"{url}: Cache-Control {headers.get('cache-control')!r}, expected {want!r}")
        status, headers, body = server.get(url, gzip_ok=False)
        if headers.get("content-encoding") or body != (site / name).read_bytes():
            problems.append(f"{url}: a browser that does not accept gzip does not get the file as it is")
    permalink = min((site / urls.PERMALINK_DIR).rglob("index.html"), key=lambda p: p.stat().st_size)
    status, headers, body = server.get(prefix + "/" + permalink.relative_to(site).parent.as_posix() + "/")
    if status != 200 or headers.get("content-encoding") or body != permalink.read_bytes():
        problems.append(f"{permalink}: a small file (no .gz) is not sent as it is (HTTP {status})")
    status, headers, _ = server.get(prefix + "/data/measures.csv")
    if status != 200 or not headers.get("content-type", "").startswith("text/csv"):
        problems.append(f"measures.csv: HTTP {status}, Content-Type {headers.get('content-type')}")
    # Each language's 404 page for a missing address in that language (a mistyped Japanese address:
    # the Japanese page; under /en/: the English page).
    missing = [prefix + urls.site_path(lang, "no-such-page/") for lang in LANGS]
    for url, lang in (
        *zip(missing, LANGS, strict=True),
        (prefix + "/pillars/no-such-pillar/", "ja"),
        (prefix + "/xx/nonexistent", "ja"),
        (prefix + "/en/xx/nonexistent", "en"),
    ):
        not_found = (site / urls.LANG_PREFIX[lang] / "404.html").read_bytes()
        status, headers, body = server.get(url, gzip_ok=False)
        if status != 404 or body != not_found:
            problems.append(f"{url}: HTTP {status}, {'the' if body == not_found else 'not the'} site's 404 page")
    for url in (prefix + "/", prefix + "/" + bundle, missing[-1]):
        _, headers, _ = server.get(url)
        for name, value in (
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "strict-origin-when-cross-origin"),
            *((("content-security-policy", csp),) if csp else ()),
        ):
            if headers.get(name) != value:
                problems.append(f"{url}: {name} is {headers.get(name)!r}, expected {value!r}")
        if "nginx/" in headers.get("server", ""):
            problems.append(f"{url}: the Server header names nginx's version")
    return problems


@pytest.mark.parametrize("placement", ["sub-folder", "root"])
def test_readme_nginx_configuration_serves_the_site(published_site: Path, tmp_path: Path, placement: str):
    web_root = tmp_path / "www"
    config = sample_config()
    if placement == "sub-folder":
        shutil.copytree(published_site, web_root / PREFIX.strip("/"))
        prefix = PREFIX
    else:  # as the README says: remove /strategy2025 everywhere
        shutil.copytree(published_site, web_root)
        config, prefix = config.replace(PREFIX, ""), ""
    with Nginx(tmp_path / "nginx", config, web_root) as server:
        problems = server_problems(server, prefix, published_site)
    assert not problems, "\n".join(problems)


def test_the_server_check_sees_a_server_without_the_sample_settings(published_site: Path, tmp_path: Path):
    """The check can fail: the sample without gzip_static, its headers and its 404 page is caught."""
    web_root = tmp_path / "www"
    shutil.copytree(published_site, web_root / PREFIX.strip("/"))
    config = "\n".join(
        line
        for line in sample_config().splitlines()
        if not re.match(r"\s*(gzip_static|add_header Referrer-Policy|error_page)\b", line)
    )
    with Nginx(tmp_path / "nginx", config, web_root) as server:
        problems = "\n".join(server_problems(server, PREFIX, published_site))
    assert "not sent gzip-compressed" in problems and "referrer-policy is None" in problems, problems
    assert f"{PREFIX}{urls.site_path('en', 'no-such-page/')}: HTTP 404, not the site's 404 page" in problems, problems


def test_build_writes_a_gzip_copy_of_each_text_file(published_site: Path):
    originals = [p for p in published_site.rglob("*") if p.suffix in PRECOMPRESSED and p.is_file()]
    assert len(originals) > 100
    missing, small = [], []
    for path in originals:
        copy = path.with_name(path.name + ".gz")
        if path.stat().st_size < MIN_SIZE:
            small.append(path)
        elif copy.exists():
            assert gzip.decompress(copy.read_bytes()) == path.read_bytes(), f"{copy} is not {path.name}"
        elif len(gzip.compress(path.read_bytes(), LEVEL, mtime=0)) < path.stat().st_size:
            missing.append(str(path.relative_to(published_site)))
    assert not missing, "no .gz beside: " + ", ".join(missing[:10])
    # A file under MIN_SIZE has none: most permalink pages, for one (a redirect of 1-2 KB each).
    assert len(small) > 10 and not [p for p in small if p.with_name(p.name + ".gz").exists()]
    for name in ("index.html", "en/index.html", "sitemap.xml", "data/strategy.json", "assets/extra.css"):
        assert (published_site / (name + ".gz")).exists(), name
    strays = [p for p in published_site.rglob("*.gz") if p.with_suffix("").suffix not in PRECOMPRESSED]
    assert not strays, f"compressed copies of other files: {strays[:5]}"
