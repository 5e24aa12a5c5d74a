"""Helpers shared by the quality gates: build a site with the hearth binary, free ports, HTTP."""
import atexit
import hashlib
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HEARTH = os.environ.get("HEARTH") or next(
    (p for p in (os.path.join(ROOT, ".build", "debug", "hearth"), os.path.join(ROOT, ".build", "release", "hearth"))
     if os.path.exists(p)), "hearth")


_folders = []
_failed = False


def fail(message):
    global _failed
    _failed = True
    print(f"FAIL: {message}")
    sys.exit(1)


def temp_folder(prefix):
    """A new temporary folder, removed when the gate ends; kept when it fails, for a look."""
    folder = tempfile.mkdtemp(prefix=prefix)
    _folders.append(folder)
    return folder


@atexit.register
def _remove_folders():
    if not _failed:
        for folder in _folders:
            shutil.rmtree(folder, ignore_errors=True)


def guide_copy(name="guide"):
    """A fresh copy of the guide (content/ and templates/) in a temporary folder."""
    site = temp_folder(f"hearth-{name}-")
    os.chmod(site, 0o755)  # readable by an unprivileged web server
    for folder in ("content", "templates"):
        shutil.copytree(os.path.join(ROOT, folder), os.path.join(site, folder))
    return site


def hearth(site, *args, check=True):
    out = subprocess.run([HEARTH, *args], cwd=site, capture_output=True, text=True)
    if check and out.returncode != 0:
        fail(f"hearth {' '.join(args)} failed:\n{out.stderr}")
    return out


def snapshot(folder):
    """Every file below a folder with a digest of its bytes, for byte-identical comparisons."""
    digest = {}
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            with open(path, "rb") as f:
                digest[os.path.relpath(path, folder)] = hashlib.sha256(f.read()).hexdigest()
    return digest


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path, method="GET", headers=None):
    """One request, redirects not followed: (status, headers dict lower-cased, body bytes)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body
