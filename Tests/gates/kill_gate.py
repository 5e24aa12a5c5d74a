#!/usr/bin/env python3
"""A build killed with SIGKILL partway through leaves the previous site exactly as it was, and the
next build succeeds."""
import os
import shutil
import signal
import subprocess
import sys
import time

from common import HEARTH, ROOT, fail, hearth, snapshot, temp_folder

GEN = os.path.join(ROOT, "Benchmarks", "gen_corpus.py")


def main():
    site = temp_folder("hearth-kill-")
    subprocess.run([sys.executable, GEN, "--pages", "1500", "--out", site], check=True)
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(site, "templates"))
    hearth(site, "build", "--quiet")
    public = os.path.join(site, "public")
    before = snapshot(public)
    # Change every page (the site title is on all of them), then kill builds at different moments.
    config = os.path.join(site, "content", "site.yml")
    with open(config, encoding="utf-8") as f:
        text = f.read()
    with open(config, "w", encoding="utf-8") as f:
        f.write(text.replace("title: Benchmark guide", "title: Renamed guide"))
    start = time.monotonic()
    full = hearth(site, "build", "--quiet", "--output", "/tmp/hearth-kill-timing")
    duration = time.monotonic() - start
    shutil.rmtree("/tmp/hearth-kill-timing", ignore_errors=True)
    kills = 0
    for fraction in (0.1, 0.3, 0.5, 0.7, 0.85, 0.95):
        proc = subprocess.Popen([HEARTH, "build", "--quiet"], cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        after = snapshot(public)
        if proc.returncode == -signal.SIGKILL and after != before:
            fail(f"a build killed at {fraction:.0%} changed public/")
        if proc.returncode == 0:
            before = after  # it finished before the kill: the new site is the good one now
    hearth(site, "build", "--quiet")
    with open(os.path.join(public, "index.html"), encoding="utf-8") as f:
        if "Renamed guide" not in f.read():
            fail("the build after the kills did not publish the new site")
    leftovers = [n for n in os.listdir(os.path.join(site, ".hearth-cache")) if "staging" in n]
    if leftovers:
        fail(f"staging folders left behind: {leftovers}")
    print(f"kill gate: {kills} builds killed (full build {duration:.1f} s), public/ intact each time, next build ok")


if __name__ == "__main__":
    main()
