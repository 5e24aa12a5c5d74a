#!/usr/bin/env python3
"""Hearth's search side by side with Pagefind's, on the same built site, in Chromium.

    python3 Benchmarks/search_compare.py PUBLIC

Copies the built site, indexes the copy with Pagefind (PyPI `pagefind-bin`, installed when
missing), and serves each from a local server that gzips what a web server would and counts the
bytes it sends. For a rare word, a common one and one on every page, headless Chromium (cache
off) runs a query the way each tool's own script does: Hearth's search page, and for Pagefind a
page that loads its script, searches, and loads the first 20 results. Prints a table of index
size, files, indexing time and bytes per query.
"""
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

PAGEFIND_PAGE = """<!doctype html><meta charset="utf-8"><title>search</title>
<script type="module">
const pagefind = await import("/pagefind/pagefind.js");
const query = new URLSearchParams(location.search).get("q");
const search = await pagefind.search(query);
await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
document.title = "done " + search.results.length;
</script>
"""


class Counter:
    def __init__(self):
        self.bytes = 0
        self.lock = threading.Lock()

    def add(self, n):
        with self.lock:
            self.bytes += n


def serve(root, counter):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            path = self.path.split("?")[0].lstrip("/")
            full = os.path.join(root, path)
            if os.path.isdir(full):
                full = os.path.join(full, "index.html")
            if not os.path.isfile(full):
                self.send_response(404)
                self.end_headers()
                counter.add(0)
                return
            body = open(full, "rb").read()
            kind = {".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
                    ".wasm": "application/wasm"}.get(os.path.splitext(full)[1], "application/octet-stream")
            self.send_response(200)
            self.send_header("Content-Type", kind)
            # Text is sent gzipped, as a web server would; Pagefind's own chunks are gzip already.
            if "gzip" in self.headers.get("Accept-Encoding", "") and kind != "application/octet-stream":
                body = gzip.compress(body, 6)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
            counter.add(len(body))

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def query_words(root):
    manifest = json.load(open(os.path.join(root, "search-index.json")))
    frequency = {}
    for name in manifest["shards"]:
        for word, lists in json.load(open(os.path.join(root, f"search/t-{name}.json"))).items():
            frequency[word] = len(lists[1])
    pages = manifest["pages"]
    words = sorted((w for w in frequency if w.isalpha()), key=lambda w: (frequency[w], w))
    picks = {}
    for label, keep in (("rare", lambda n: n <= pages * 0.01), ("common", lambda n: pages * 0.1 <= n <= pages * 0.5),
                        ("everywhere", lambda n: n >= pages * 0.99)):
        found = [w for w in words if keep(frequency[w])]
        if found:
            picks[label] = found[0] if label == "rare" else found[len(found) // 2]
    return picks


def measure(driver, counter, url, done):
    driver.get("about:blank")
    time.sleep(0.2)
    counter.bytes = 0
    driver.get(url)
    WebDriverWait(driver, 60, poll_frequency=0.05).until(done)
    time.sleep(0.5)  # what the page fetches after showing its results
    return counter.bytes


def folder_size(path):
    files = [os.path.join(d, f) for d, _, names in os.walk(path) for f in names]
    return len(files), sum(os.path.getsize(f) for f in files)


def main(public):
    try:
        import pagefind_bin  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pagefind-bin==1.5.2"], check=True)
    import pagefind_bin
    pagefind = os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind")
    work = tempfile.mkdtemp(prefix="hearth-search-")
    copy = os.path.join(work, "site")
    shutil.copytree(public, copy)
    # The deck repeats every card on one page; Hearth's index leaves it out, so Pagefind's does too.
    shutil.rmtree(os.path.join(copy, "exercises", "deck"), ignore_errors=True)
    start = time.monotonic()
    out = subprocess.run(["/usr/bin/time", "-f", "%M", pagefind, "--site", copy], capture_output=True, text=True)
    pagefind_seconds = time.monotonic() - start
    pagefind_rss = int(out.stderr.strip().splitlines()[-1]) // 1024
    with open(os.path.join(copy, "pagefind-search.html"), "w") as f:
        f.write(PAGEFIND_PAGE)

    words = query_words(public)
    counter = Counter()
    server = serve(copy, counter)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    driver = browser()
    results = {"Hearth": {}, "Pagefind": {}}
    try:
        for label, word in words.items():
            results["Hearth"][label] = measure(
                driver, counter, base + "search/?q=" + word,
                lambda d: "match" in d.find_element("css selector", ".search-status").text)
            results["Pagefind"][label] = measure(
                driver, counter, base + "pagefind-search.html?q=" + word, lambda d: d.title.startswith("done"))
    finally:
        driver.quit()
        server.shutdown()
    hearth_files, hearth_bytes = folder_size(os.path.join(copy, "search"))
    pagefind_files, pagefind_bytes = folder_size(os.path.join(copy, "pagefind"))
    print("\n| search | index | files | indexing | " + " | ".join(f"{k} ({w})" for k, w in words.items()) + " |")
    print("|---|---:|---:|---|" + "---:|" * len(words))
    print(f"| Hearth | {hearth_bytes / 1e6:.1f} MB | {hearth_files + 1:,} | in the build (`hearth build -v`) | "
          + " | ".join(f"{results['Hearth'][k] / 1000:.0f} KB" for k in words) + " |")
    print(f"| Pagefind 1.5.2 | {pagefind_bytes / 1e6:.1f} MB | {pagefind_files:,} | {pagefind_seconds:.1f} s, "
          f"{pagefind_rss:,} MB | " + " | ".join(f"{results['Pagefind'][k] / 1000:.0f} KB" for k in words) + " |")
    print("(bytes per query: what the server sent, gzipped, for the search page and everything it fetched)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1])
