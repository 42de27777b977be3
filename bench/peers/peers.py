#!/usr/bin/env python3
"""Glue for the peers benchmark (bench/peers/run.sh): files for the file-based tools, the sample,
parsers of simhash's and sim_text's outputs into pair lists, scoring against the truth, the table.

Pair files (tab-separated): id, id, score. The truth's score is the exact Jaccard of the word
5-shingle sets (from `wiretrace eval dedup --pairs-out`); a tool's score is its own similarity
(0..1), so a tool is scored at the threshold it is run with, and optionally over a range.
"""
import argparse
import json
import os
import random
import re
import sys


def read_articles(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if line:
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    sys.exit(f"peers: {path}: line {n}: {e}")


def cmd_files(a):
    """One UTF-8 text file per article (the article's text, as Wiretrace reads it) + manifest."""
    os.makedirs(a.dir, exist_ok=True)
    n = 0
    with open(os.path.join(a.dir, "manifest.tsv"), "w", encoding="utf-8") as m:
        for art in read_articles(a.articles):
            name = f"{n:06d}.txt"
            with open(os.path.join(a.dir, name), "w", encoding="utf-8") as f:
                f.write(art["text"])
            m.write(f"{name}\t{art['id']}\n")
            n += 1
    print(f"peers: wrote {n} files to {a.dir}", file=sys.stderr)


def read_pairs(path):
    pairs = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            p = line.rstrip("\n").split("\t")
            if len(p) < 2:
                sys.exit(f"peers: {path}: line {n}: expected id<TAB>id[<TAB>score]")
            x, y = sorted(p[:2])
            s = float(p[2]) if len(p) > 2 else 1.0
            pairs[(x, y)] = max(s, pairs.get((x, y), 0.0))
    return pairs


def cmd_sample(a):
    """A sample of N articles holding every article of the truth pairs, the rest drawn at random."""
    truth = read_pairs(a.truth)
    arts = list(read_articles(a.articles))
    ids = [x["id"] for x in arts]
    keep = set()
    for x, y in truth:
        keep.add(x)
        keep.add(y)
    if len(keep) > a.size:
        sys.exit(f"peers: the truth pairs involve {len(keep)} articles, more than --size {a.size}")
    rng = random.Random(a.seed)
    rest = [i for i in ids if i not in keep]
    keep.update(rng.sample(rest, a.size - len(keep)))
    with open(a.out, "w", encoding="utf-8") as f:
        for x in arts:
            if x["id"] in keep:
                f.write(json.dumps({"id": x["id"], "title": x.get("title", ""), "text": x["text"]}) + "\n")
    print(f"peers: sample of {len(keep)} articles -> {a.out}", file=sys.stderr)


def manifest(d):
    m = {}
    with open(os.path.join(d, "manifest.tsv"), encoding="utf-8") as f:
        for line in f:
            name, i = line.rstrip("\n").split("\t")
            m[name] = i
    return m


def cmd_simhash(a):
    """Pairs from `simhash -m` (a lower-triangular similarity matrix) at similarity >= --min."""
    m = manifest(a.dir)
    rows = []  # row number -> id
    out = open(a.out, "w", encoding="utf-8")
    found = 0
    marks = (" 1.", " .9", " .8", " .7", " .6", " .5")
    with open(a.matrix, encoding="utf-8", errors="replace") as f:
        header = f.readline()
        if not header.strip():
            sys.exit(f"peers: {a.matrix}: empty simhash output")
        for n, line in enumerate(f, 2):
            p = line.split()
            if len(p) < 2:
                continue
            name = os.path.basename(p[0])
            if name not in m:
                sys.exit(f"peers: {a.matrix}: line {n}: unknown file {p[0]}")
            rows.append(m[name])
            body = line[len(p[0]) :]
            if not any(k in body for k in marks):
                continue
            for j, v in enumerate(p[2:]):
                if v == "?":  # a file shorter than one shingle has no hash: similar to nothing
                    continue
                s = float(v)
                if s >= a.min:
                    out.write(f"{rows[j]}\t{rows[-1]}\t{s:.4f}\n")
                    found += 1
    out.close()
    print(f"peers: simhash matrix of {len(rows)} files, {found} pairs >= {a.min}", file=sys.stderr)


SIM_LINE = re.compile(r"^(.*?) consists for (\d+) % of (.*?) material$")


def cmd_simtext(a):
    """Pairs from `sim_text -p`: 'F consists for x % of G material'; a pair's score is the smaller
    of its two directions (a pair reported one way only scores 0 the other way), so the score is a
    lower bound on both containments, as Jaccard >= t implies both containments >= t."""
    m = manifest(a.dir)
    share = {}
    with open(a.output, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            r = SIM_LINE.match(line.rstrip("\n"))
            if not r:
                continue
            x, y = os.path.basename(r.group(1)), os.path.basename(r.group(3))
            if x not in m or y not in m:
                sys.exit(f"peers: {a.output}: line {n}: unknown file in {line.strip()}")
            share[(m[x], m[y])] = max(int(r.group(2)) / 100, share.get((m[x], m[y]), 0))
    pairs = {}
    for (x, y), s in share.items():
        k = tuple(sorted((x, y)))
        other = share.get((y, x), 0.0) if a.both else s
        pairs[k] = max(pairs.get(k, 0.0), min(s, other))
    with open(a.out, "w", encoding="utf-8") as out:
        for (x, y), s in sorted(pairs.items()):
            out.write(f"{x}\t{y}\t{s:.4f}\n")
    print(f"peers: sim_text reported {len(share)} directed, {len(pairs)} pairs", file=sys.stderr)


def score(truth, found, t):
    got = {k for k, s in found.items() if s >= t - 1e-9}
    correct = got & truth.keys()
    copies = {k for k, s in truth.items() if s >= 1.0}
    return {
        "found": len(got),
        "correct": len(correct),
        "recall": len(correct) / len(truth) if truth else 1.0,
        "precision": len(correct) / len(got) if got else 1.0,
        "copies": f"{len(correct & copies)}/{len(copies)}",
        "near": f"{len(correct - copies)}/{len(truth.keys() - copies)}",
    }


def cmd_score(a):
    """Recall and precision of a pair file against the truth at --at (and the best-F1 threshold
    of --scan, when given: an upper bound, tuned on the very truth it is scored on)."""
    truth = read_pairs(a.truth)
    found = read_pairs(a.found)
    r = score(truth, found, a.at)
    r["threshold"] = a.at
    if a.scan:
        best = None
        for t in sorted({round(s, 4) for s in found.values()}):
            x = score(truth, found, t)
            f1 = 2 * x["recall"] * x["precision"] / max(1e-9, x["recall"] + x["precision"])
            if best is None or f1 > best[0]:
                best = (f1, t, x)
        if best:
            r["best_threshold"] = best[1]
            r["best"] = best[2]
    print(json.dumps(r))


def cmd_row(a):
    """One table row (Markdown) from a score JSON and the timings."""
    s = json.loads(open(a.score).read())
    best = ""
    if "best" in s and abs(s["best_threshold"] - s["threshold"]) > 1e-9:
        b = s["best"]
        best = f" (at {s['best_threshold']:.2f}: recall {b['recall']:.4f}, precision {b['precision']:.4f})"
    print(
        f"| {a.peer} | {a.work} | {a.articles} | {a.wall:.1f} s / {a.cpu:.1f} s |"
        f" {a.proc_wall:.1f} s / {a.proc_cpu:.1f} s | {s['found']} |"
        f" {s['recall']:.4f} ({s['copies']} copies, {s['near']} near) | {s['precision']:.4f}{best} |"
    )


def main():
    p = argparse.ArgumentParser(description=__doc__)
    sub = p.add_subparsers(dest="cmd", required=True)
    x = sub.add_parser("files"); x.add_argument("articles"); x.add_argument("dir")
    x.set_defaults(f=cmd_files)
    x = sub.add_parser("sample"); x.add_argument("truth"); x.add_argument("articles")
    x.add_argument("out"); x.add_argument("--size", type=int, default=2000)
    x.add_argument("--seed", type=int, default=42); x.set_defaults(f=cmd_sample)
    x = sub.add_parser("simhash"); x.add_argument("matrix"); x.add_argument("dir")
    x.add_argument("out"); x.add_argument("--min", type=float, default=0.5)
    x.set_defaults(f=cmd_simhash)
    x = sub.add_parser("simtext"); x.add_argument("output"); x.add_argument("dir")
    x.add_argument("out"); x.add_argument("--both", action="store_true")
    x.set_defaults(f=cmd_simtext)
    x = sub.add_parser("score"); x.add_argument("truth"); x.add_argument("found")
    x.add_argument("--at", type=float, default=0.8); x.add_argument("--scan", action="store_true")
    x.set_defaults(f=cmd_score)
    x = sub.add_parser("row"); x.add_argument("score")
    for k in ("peer", "work", "articles"):
        x.add_argument("--" + k, required=True)
    for k in ("wall", "cpu", "proc-wall", "proc-cpu"):
        x.add_argument("--" + k, type=float, required=True)
    x.set_defaults(f=cmd_row)
    a = p.parse_args()
    a.f(a)


if __name__ == "__main__":
    main()
