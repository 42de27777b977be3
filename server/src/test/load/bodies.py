#!/usr/bin/env python3
"""Writes request bodies for the check load test: one JSON article per line.

Samples N articles at random (seeded) from each corpus given (gzip JSONL with title and text), so
the bodies mix the corpora the store was built from. An article checked against a store holding it
takes the reuse path (its stored copy and any others are aligned and judged) and the same-story path
(articles naming the same people and places). Texts are read at run time and never committed.

    bodies.py OUT.jsonl N CORPUS.jsonl.gz [CORPUS.jsonl.gz ...] [--seed S]
"""
import gzip
import json
import random
import sys


def sample(path, n, rng):
    """Reservoir sample of n records with a non-empty text (one pass, bounded memory)."""
    kept = []
    seen = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            text = r.get("text") or r.get("maintext") or ""
            if not text.strip():
                continue
            seen += 1
            body = {"title": r.get("title") or "", "text": text}
            if len(kept) < n:
                kept.append(body)
            else:
                k = rng.randrange(seen)
                if k < n:
                    kept[k] = body
    return kept


def main():
    args = sys.argv[1:]
    seed = 1
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i : i + 2]
    out, n, corpora = args[0], int(args[1]), args[2:]
    rng = random.Random(seed)
    with open(out, "w", encoding="utf-8") as w:
        for path in corpora:
            for body in sample(path, n, rng):
                w.write(json.dumps(body, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
