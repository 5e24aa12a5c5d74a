#!/usr/bin/env python3
"""`hearth serve` under load: wrk with 64 connections for 20 s on loopback while a page is edited
every second. No errors, no non-2xx for existing pages, memory that stays flat."""
import re
import signal
import subprocess
import threading
import time
import os

from common import HEARTH, fail, free_port, guide_copy


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))


def main():
    seconds = int(os.environ.get("HEARTH_LOAD_SECONDS", "20"))
    site = guide_copy("load")
    port = free_port()
    server = subprocess.Popen([HEARTH, "serve", "--port", str(port), "--quiet"], cwd=site,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if "Serving" not in server.stderr.readline():
        fail("hearth serve did not start")
    url = f"http://127.0.0.1:{port}/emotional/what-is-emotional-intimacy/"
    try:
        subprocess.run(["wrk", "-t2", "-c64", "-d3s", url], capture_output=True, check=True)  # warm up
        start_rss = rss_kb(server.pid)
        stop = threading.Event()

        def edit():
            page = os.path.join(site, "content", "physical", "everyday-touch.md")
            i = 0
            while not stop.wait(1.0):
                with open(page, "a", encoding="utf-8") as f:
                    f.write(f"\nEdited under load, {i}.\n")
                i += 1

        editor = threading.Thread(target=edit)
        editor.start()
        out = subprocess.run(["wrk", "-t2", "-c64", f"-d{seconds}s", "--timeout", "5s", url],
                             capture_output=True, text=True)
        stop.set()
        editor.join()
        end_rss = rss_kb(server.pid)
        report = out.stdout
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", report).group(1))
        if "Non-2xx or 3xx responses" in report:
            fail(f"non-2xx responses under load:\n{report}")
        if "Socket errors" in report:
            fail(f"socket errors under load:\n{report}")
        if end_rss > start_rss * 1.5 + 30_000:
            fail(f"memory grew from {start_rss} kB to {end_rss} kB")
        print(f"load gate: {rps:.0f} requests/s for {seconds} s with 64 connections while editing every second, "
              f"no errors, RSS {start_rss // 1024} -> {end_rss // 1024} MB: ok")
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
