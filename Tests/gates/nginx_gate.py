#!/usr/bin/env python3
"""deploy/nginx.conf and deploy/nginx-subpath.conf, checked with real requests to Debian's nginx."""
import gzip
import os
import re
import subprocess
import tempfile
import time

from common import ROOT, fail, free_port, get, guide_copy, hearth

CSP = "default-src 'self'"


def start(config, public, port):
    text = open(os.path.join(ROOT, "deploy", config)).read()
    text = text.replace("/srv/hearth/public", public).replace("listen 8080;", f"listen 127.0.0.1:{port};")
    conf = tempfile.mktemp(suffix=".conf")
    with open(conf, "w") as f:
        f.write(text)
    proc = subprocess.Popen(["nginx", "-e", "/dev/stderr", "-c", conf, "-g", "daemon off;"])
    for _ in range(100):
        try:
            get(port, "/")
            return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    fail(f"nginx did not start with {config}")


def expect(condition, message):
    if not condition:
        fail(message)


def check_headers(headers, path):
    expect(CSP in headers.get("content-security-policy", ""), f"{path}: no Content-Security-Policy")
    expect(headers.get("referrer-policy") == "no-referrer", f"{path}: no Referrer-Policy")
    expect(headers.get("x-content-type-options") == "nosniff", f"{path}: no X-Content-Type-Options")


def check_site(port, base, public):
    checked = 0
    status, headers, body = get(port, base)
    expect(status == 200 and b"<h1>" in body, f"{base}: {status}")
    expect(headers.get("cache-control") == "no-cache", f"{base}: HTML is not no-cache: {headers}")
    check_headers(headers, base)
    page = base + "emotional/what-is-emotional-intimacy/"
    status, headers, body = get(port, page)
    expect(status == 200 and b"What Is Emotional Intimacy" in body, f"{page}: {status}")
    status, headers, _ = get(port, page.rstrip("/"))
    expect(status == 301 and headers.get("location", "").endswith(page), f"no redirect to {page}: {status} {headers}")
    status, headers, body = get(port, base + "no/such/page/")
    expect(status == 404 and b"Page not found" in body, f"404 page: {status}")
    check_headers(headers, "404")
    status, headers, _ = get(port, base + "assets/style.css")
    expect(status == 200 and "max-age=31536000" in headers.get("cache-control", ""), f"assets caching: {headers}")
    check_headers(headers, "assets")
    # The modules are revalidated (they import each other without the digest); the offline
    # worker and its manifest are never kept stale.
    for path, kind in (("assets/js/main.js", "javascript"), ("sw.js", "javascript"), ("offline.json", "json")):
        status, headers, _ = get(port, base + path)
        expect(status == 200 and headers.get("cache-control") == "no-cache" and kind in headers.get("content-type", ""),
               f"{path}: {status} {headers}")
        check_headers(headers, path)
    status, headers, body = get(port, base, headers={"Accept-Encoding": "gzip"})
    expect(headers.get("content-encoding") == "gzip" and b"<h1>" in gzip.decompress(body), "no gzip for HTML")
    status, headers, body = get(port, base + "assets/style.css", headers={"Accept-Encoding": "gzip"})
    expect(headers.get("content-encoding") == "gzip", "no gzip for CSS")
    status, headers, _ = get(port, base + "feed.xml")
    expect(status == 200 and "atom" in headers.get("content-type", ""), f"feed content type: {headers}")
    # Every link of the home page and a section leads somewhere.
    for start_page in (base, base + "emotional/", base + "exercises/"):
        _, _, body = get(port, start_page)
        for href in set(re.findall(rb'(?:href|src)="(/[^"#]*)', body)):
            status, _, _ = get(port, href.decode())
            expect(status == 200, f"{start_page} links to {href.decode()}: {status}")
            checked += 1
    return checked


def main():
    site = guide_copy()
    hearth(site, "build", "--quiet")
    port = free_port()
    proc = start("nginx.conf", os.path.join(site, "public"), port)
    try:
        links = check_site(port, "/", os.path.join(site, "public"))
    finally:
        proc.terminate()
        proc.wait()

    sub = guide_copy("subpath")
    hearth(sub, "build", "--quiet", "--base-url", "https://example.org/guide/")
    port = free_port()
    proc = start("nginx-subpath.conf", os.path.join(sub, "public"), port)
    try:
        links += check_site(port, "/guide/", os.path.join(sub, "public"))
        status, headers, _ = get(port, "/")
        expect(status == 301 and headers.get("location") == "/guide/", "/ does not lead to /guide/")
    finally:
        proc.terminate()
        proc.wait()
    print(f"nginx gate: 2 configurations, {links} links followed: ok")


if __name__ == "__main__":
    main()
