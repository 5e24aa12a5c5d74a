#!/usr/bin/env python3
"""What one search query downloads from a built Hearth site, gzipped as a server would send it.

    python3 Benchmarks/search_bytes.py PUBLIC

Follows what the search page's script fetches (templates/assets/site.js): the search page, its
script and stylesheet, the manifest (search-index.json), the shard of the query's word, and the
record files of the first 20 results. Prints this for a word on one page (rare), on a tenth to a half
of the pages (common) and on all of them (everywhere), with the index's size and files.
"""
import gzip
import json
import os
import sys


def main(root):
    def size(path):
        with open(os.path.join(root, path), "rb") as f:
            return len(gzip.compress(f.read(), 6))

    def shard_name(word):
        return "".join(f"{b:02x}" for b in "".join(list(word)[:2]).encode())

    manifest = json.load(open(os.path.join(root, "search-index.json")))
    # The modules the search page loads: main.js, the features it has (the quick exit, the footer's
    # "Forget everything", search) and what they import.
    modules = [f"assets/js/{name}.js" for name in
               ("main", "exit", "marks", "device", "page-parts", "search", "words", "choose")]
    fixed = sum(size(p) for p in ["search/index.html", "search-index.json", "assets/style.css"] + modules)
    shards = {}
    for name in manifest["shards"]:
        shards[name] = json.load(open(os.path.join(root, f"search/t-{name}.json")))
    frequency = {word: len(lists[1]) for shard in shards.values() for word, lists in shard.items()}

    def numbers(gaps):
        total, out = 0, []
        for gap in gaps:
            total += gap
            out.append(total)
        return out

    def query(word):
        titles, pages = (numbers(g) for g in shards[shard_name(word)][word])
        titles = set(titles)
        shown = sorted(pages, key=lambda n: (n not in titles, n))[:20]
        chunks = sorted({n // manifest["chunk"] for n in shown})
        total = fixed + size(f"search/t-{shard_name(word)}.json") + sum(size(f"search/d-{c}.json") for c in chunks)
        return len(pages), total

    pages = manifest["pages"]
    words = sorted(frequency, key=lambda w: (frequency[w], w))
    picks = (
        ("rare", [w for w in words if frequency[w] == 1]),
        ("common", [w for w in words if pages * 0.1 <= frequency[w] <= pages * 0.5]),
        ("everywhere", [w for w in words if frequency[w] >= pages * 0.99]),
    )
    files = os.listdir(os.path.join(root, "search"))
    raw = sum(os.path.getsize(os.path.join(root, "search", f)) for f in files)
    print(f"search index: {len(files) + 1} files, {raw / 1e6:.1f} MB; one query downloads (gzipped, with the page):")
    for label, found in picks:
        if found:
            count, total = query(found[len(found) // 2])
            print(f"  {label} word ({count:,} pages): {total / 1000:.0f} KB")


if __name__ == "__main__":
    main(sys.argv[1])
