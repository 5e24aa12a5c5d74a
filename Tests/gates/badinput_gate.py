#!/usr/bin/env python3
"""Bad-input gate: the `hearth build` process, one fixture per failure.

Each case starts from the basic fixture site, already built once; it breaks one file, runs the
real `hearth build`, and requires exit status 1, a message naming the file and its line (and
column, where there is one) with a hint, and `public/` byte-identical to the good build.
"""
import os
import shutil

from common import ROOT, fail, hearth, snapshot, temp_folder

FIXTURE = os.path.join(ROOT, "Tests", "HearthCoreTests", "Fixtures", "basic")

CARD = "---\ntitle: {title}\nduration: 10\ndifficulty: gentle\ntypes: [physical]\n---\n\n{body}\n"
ARTICLE = "---\ntitle: {title}\n---\n\n{body}\n"

BOMB = "---\ntitle: Bomb\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
) + "---\n\nBody.\n"

# (name, {path: bytes or None to delete}, expected "file:line[:col]: error" prefix)
CASES = [
    ("broken wikilink", {"content/physical/extra.md": ARTICLE.format(title="Extra", body="See [[Nowhere at all]].")},
     "content/physical/extra.md:5:5: error:"),
    ("ambiguous wikilink", {
        "content/physical/extra.md": ARTICLE.format(title="Long Hugs", body="Unlike [[Long Hugs]]."),
    }, "content/physical/extra.md:5:8: error:"),
    ("missing anchor", {"content/physical/extra.md": ARTICLE.format(title="Extra", body="See [[Long Hugs#Nowhere]].")},
     "content/physical/extra.md:5:5: error:"),
    ("bad date", {"content/physical/extra.md": "---\ntitle: Extra\ndate: 2025-02-30\n---\n\nBody.\n"},
     "content/physical/extra.md:3:7: error:"),
    ("missing title", {"content/physical/extra.md": "---\ndate: 2025-02-03\n---\n\nBody.\n"},
     "content/physical/extra.md:1:1: error:"),
    ("unknown type", {"content/physical/extra.md": "---\ntitle: Extra\ntypes: [romantic]\n---\n\nBody.\n"},
     "content/physical/extra.md:3:9: error:"),
    ("unclosed front matter", {"content/physical/extra.md": "---\ntitle: Extra\n\nBody.\n"},
     "content/physical/extra.md:1:1: error:"),
    ("YAML syntax error", {"content/physical/extra.md": "---\ntitle: [Extra\ndate: 2025-02-03\n---\n\nBody.\n"},
     "content/physical/extra.md:2:8: error:"),
    ("YAML alias bomb", {"content/physical/extra.md": BOMB}, "content/physical/extra.md:6:16: error:"),
    ("invalid UTF-8", {"content/physical/extra.md": b"---\ntitle: Extra\n---\n\nCaf\xe9 au lait.\n"},
     "content/physical/extra.md:5:4: error:"),
    ("binary junk", {"content/physical/extra.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
     "content/physical/extra.md:3:1: error:"),
    ("empty file", {"content/physical/extra.md": ""}, "content/physical/extra.md:1:1: error:"),
    ("bad date, saved with CR LF", {"content/physical/extra.md": "---\r\ntitle: Extra\r\ndate: 2025-02-30\r\n---\r\n"},
     "content/physical/extra.md:3:7: error:"),
    ("unclosed template section", {"templates/tags.mustache": "<ul>\n  {{#tags}}<li>{{title}}</li>\n</ul>\n"},
     "templates/tags.mustache:2:3: error:"),
    ("type with no section folder", {
        "content/site.yml": None,  # replaced below: the fixture's own site.yml with one more type
    }, "content/site.yml:6:5: error:"),
    ("exercise without its keys", {"content/exercises/extra.md": ARTICLE.format(title="Extra", body="Steps.")},
     "content/exercises/extra.md:1:1: error:"),
]


def main():
    site = temp_folder("hearth-badinput-")
    shutil.copytree(FIXTURE, site, dirs_exist_ok=True)
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(site, "templates"))
    with open(os.path.join(site, "content", "site.yml"), encoding="utf-8") as f:
        site_yml = f.read()
    if "types:" not in site_yml:
        fail("the basic fixture's site.yml has no types")
    next(c for c in CASES if c[0] == "type with no section folder")[1]["content/site.yml"] = site_yml.replace("types:\n", "types:\n  - spiritual\n", 1)

    hearth(site, "build", "--quiet")
    good = snapshot(os.path.join(site, "public"))
    for name, files, expected in CASES:
        saved = {}
        for path, data in files.items():
            full = os.path.join(site, path)
            saved[path] = open(full, "rb").read() if os.path.exists(full) else None
            with open(full, "wb") as f:
                f.write(data.encode("utf-8") if isinstance(data, str) else data)
        out = hearth(site, "build", check=False)
        if out.returncode != 1:
            fail(f"{name}: exit status {out.returncode}, expected 1\n{out.stderr}")
        if expected not in out.stderr:
            fail(f"{name}: no '{expected}' in:\n{out.stderr}")
        if "hint:" not in out.stderr:
            fail(f"{name}: no hint in:\n{out.stderr}")
        if os.environ.get("VERBOSE"):
            print(f"{name}: {out.stderr.splitlines()[0]}")
        if not out.stderr.rstrip().endswith("; nothing was written"):
            fail(f"{name}: the build does not end by saying nothing was written:\n{out.stderr}")
        # `hearth check` finds the same problem, and does not talk of writing.
        checked = hearth(site, "check", check=False)
        if checked.returncode != 1 or expected not in checked.stderr or "written" in checked.stderr:
            fail(f"{name}: hearth check exit {checked.returncode}, expected 1 and '{expected}':\n{checked.stderr}")
        if snapshot(os.path.join(site, "public")) != good:
            fail(f"{name}: public/ changed")
        for path, data in saved.items():
            full = os.path.join(site, path)
            if data is None:
                os.remove(full)
            else:
                with open(full, "wb") as f:
                    f.write(data)
    hearth(site, "build", "--quiet")  # and the site builds again once every file is put back
    print(f"bad-input gate: {len(CASES)} broken sites, each exit 1 with file:line:col and a hint, public/ untouched: ok")


if __name__ == "__main__":
    main()
