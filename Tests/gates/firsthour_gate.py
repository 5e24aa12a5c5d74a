#!/usr/bin/env python3
"""A newcomer's first hour, through make: `make` lists the targets, `make install` puts a working
`hearth` on a PATH, and on an unchanged tree `make site` and `make serve` start in seconds, even
right after the tests' debug build and with make's own variables in the environment (each used to
make SwiftPM recompile Hummingbird for ~30 s)."""
import os
import signal
import subprocess
import time

from common import ROOT, fail, free_port, get, temp_folder

SERVE_BAR = 5.0  # seconds from `make serve` to the first response, on an unchanged tree


# The environment of a shell: make's own variables (this gate runs under `make gates`) are not in it.
SHELL_ENV = {k: v for k, v in os.environ.items() if not k.startswith("MAKE") and k != "MFLAGS"}


def swift_build_tests():
    built = make("build-tests")
    if built.returncode != 0:
        fail(f"make build-tests failed:\n{built.stderr[-3000:]}")


def make(*args, **kwargs):
    return subprocess.run(
        ["make", "--no-print-directory", *args], cwd=ROOT, capture_output=True, text=True, env=SHELL_ENV, **kwargs)


def main():
    listing = make()
    if listing.returncode != 0 or "site" not in listing.stdout or "test" not in listing.stdout:
        fail(f"plain make should list the targets:\n{listing.stdout}{listing.stderr}")
    for target in ("site", "test", "serve", "install", "bench"):
        if not any(line.split()[:1] == [target] for line in listing.stdout.splitlines()):
            fail(f"plain make does not list '{target}':\n{listing.stdout}")

    started = time.monotonic()
    first = make("release")  # the first release build: minutes, printed, not held to a bar
    if first.returncode != 0:
        fail(f"make release failed:\n{first.stderr[-3000:]}")
    print(f"make release, the first in this clone: {time.monotonic() - started:.0f} s")
    prefix = temp_folder("hearth-prefix-")
    installed = make("install", f"PREFIX={prefix}")
    binary = os.path.join(prefix, "bin", "hearth")
    if installed.returncode != 0 or not os.access(binary, os.X_OK):
        fail(f"make install PREFIX={prefix} did not install {binary}:\n{installed.stderr}")
    version = subprocess.run([binary, "--version"], capture_output=True, text=True)
    if version.returncode != 0 or not version.stdout.strip():
        fail(f"the installed hearth does not run: {version.stderr}")

    # The tests' debug build in between, as `make test` then `make serve` does.
    swift_build_tests()
    start = time.monotonic()
    site = make("site")
    site_seconds = time.monotonic() - start
    if site.returncode != 0:
        fail(f"make site failed:\n{site.stderr[-3000:]}")
    print(f"make site on an unchanged tree, after the tests' build: {site_seconds:.1f} s")
    # The guide's baseURL is a reserved example domain until it is published: make site says so.
    if "content/site.yml:2:10: warning: the base URL https://closer.example/ is an example address" not in site.stderr:
        fail(f"make site did not warn that content/site.yml's baseURL is a placeholder:\n{site.stderr[-2000:]}")

    swift_build_tests()
    port = free_port()
    output = temp_folder("hearth-serve-out-")
    start = time.monotonic()
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"SERVE_FLAGS=--port {port} --output {output}/public --quiet"],
        cwd=ROOT, env=SHELL_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        seconds = None
        while time.monotonic() - start < 120:
            try:
                status, _, _ = get(port, "/")
                if status == 200:
                    seconds = time.monotonic() - start
                    break
            except OSError:
                time.sleep(0.05)
        if seconds is None:
            fail("make serve never answered")
        print(f"make serve to the first response, after the tests' build: {seconds:.1f} s")
        if seconds > SERVE_BAR or site_seconds > SERVE_BAR:
            fail(f"on an unchanged tree make site took {site_seconds:.1f} s and make serve {seconds:.1f} s "
                 f"(bar {SERVE_BAR} s): something is recompiled")
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=30)
    print("first hour gate: passed")


if __name__ == "__main__":
    main()
