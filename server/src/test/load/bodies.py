#!/usr/bin/env python3
"""Writes request bodies for the check load test: one JSON article per line.

Takes every k-th article of each corpus given (gzip JSONL with title and text), so the bodies mix
articles whose copies are in the store (reuse path: candidates aligned word by word) with articles
from another corpus (story-similarity path only).

    bodies.py OUT.jsonl N CORPUS.jsonl.gz [CORPUS.jsonl.gz ...]
"""
import gzip
import json
import sys


def main():
    out, n, corpora = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    with open(out, "w", encoding="utf-8") as w:
        for path in corpora:
            with gzip.open(path, "rt", encoding="utf-8") as f:
                records = [json.loads(line) for line in f if line.strip()]
            step = max(1, len(records) // n)
            for r in records[::step][:n]:
                body = {"title": r.get("title") or "", "text": r.get("text") or ""}
                w.write(json.dumps(body, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
