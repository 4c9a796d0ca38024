#!/usr/bin/env python3
"""Writes generated knowledge-base packs for scale measurements.

usage: genpack.py OUT_DIR [ENTRIES] [PACKS]

Writes PACKS RON packs (default 3) with ENTRIES entries in all (default 100,000), named
pack-1.ron ... in OUT_DIR, and dump.txt: one line per entry with the text a search looks at
(title, aliases, tags, summary, points), the input `fzf --filter` gets in bench-pack.sh.
The words come from a fixed vocabulary and a fixed seed, so every run writes the same files.
"""
import os
import random
import sys

WORDS = (
    "alarm alias artifact aurora backup batch beanstalk blue bucket build cache canary "
    "capacity cluster config container deploy drift event failover fleet function gateway "
    "green health hook image instance lambda layer lifecycle metric pipeline policy queue "
    "replica region rollback rolling schedule secret shard stack stream table template trail "
    "volume"
).split()
KINDS = ["service", "feature", "concept"]


def main():
    out = sys.argv[1]
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    packs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    rng = random.Random(0x9E3779B9)
    os.makedirs(out, exist_ok=True)
    words = lambda n: " ".join(rng.choice(WORDS) for _ in range(n))
    per = -(-total // packs)
    with open(os.path.join(out, "dump.txt"), "w") as dump:
        for p in range(packs):
            lo, hi = p * per, min(total, (p + 1) * per)
            with open(os.path.join(out, f"pack-{p + 1}.ron"), "w") as f:
                f.write("(entries: [\n")
                for i in range(lo, hi):
                    title, summary = words(3), words(14)
                    alias = f"{rng.choice(WORDS)}{i % 97}"
                    tags = [rng.choice(WORDS), rng.choice(WORDS)]
                    point = words(20)
                    f.write(
                        f'  (id: "generated-{i}", kind: {KINDS[i % len(KINDS)]}, '
                        f'title: "{title}", aliases: ["{alias}"], '
                        f'tags: ["{tags[0]}", "{tags[1]}"], summary: "{summary}", '
                        f'points: ["{point}"]),\n'
                    )
                    dump.write(f"{title} | {alias} | {' '.join(tags)} | {summary} | {point}\n")
                f.write("])\n")


if __name__ == "__main__":
    main()
