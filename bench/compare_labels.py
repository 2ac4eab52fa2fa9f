#!/usr/bin/env python3
"""Compares the labels of two datasets of the same corpus (e.g. the previous veriloop's and this
one's): per design the mutant count, confirmed-bug rate and equivalent count before and after,
then every mutant both labeled, matched on design, operator, source range and replacement text
(mutant ids end in a hash of the change, which differs between versions), as verdict counts and flips, for all
mutants and for the blocking-assignment class.

    bench/compare_labels.py BEFORE.sqlite AFTER.sqlite
"""
import collections
import sqlite3
import sys


def load(path):
    c = sqlite3.connect(path)
    designs = {name: status for name, status in c.execute("select name, status from designs")}
    rows = c.execute("""select d.name, m.id, m.operator, m.mutated_text, m.bug_class, v.verdict
                        from mutants m join designs d on d.id = m.design_id
                        left join verdicts v on v.mutant_id = m.id""")
    mutants = {(d, mid.rsplit(":", 1)[0], op, text): (verdict, bug)
               for d, mid, op, text, bug, verdict in rows}
    return designs, mutants


def per_design(mutants, design):
    verdicts = collections.Counter(v for (d, _, _, _), (v, _) in mutants.items() if d == design and v)
    n = sum(verdicts.values())
    return n, verdicts["killed"] + verdicts["nonequivalent"], verdicts["equivalent"]


def pct(a, b):
    return f"{100 * a / b:.0f}%" if b else "-"


def main(before_path, after_path):
    bd, bm = load(before_path)
    ad, am = load(after_path)
    both = sorted(d for d in ad if ad[d] == "done" and bd.get(d) == "done")
    print(f"designs labeled by both: {len(both)}; only after: "
          f"{sorted(d for d in ad if ad[d] == 'done' and bd.get(d) != 'done')}")
    print("| design | mutants before / after | confirmed before | confirmed after | equivalent before / after |")
    print("|---|---:|---:|---:|---:|")
    total = collections.Counter()
    for d in both:
        nb, cb, eb = per_design(bm, d)
        na, ca, ea = per_design(am, d)
        total.update(nb=nb, cb=cb, eb=eb, na=na, ca=ca, ea=ea)
        print(f"| {d} | {nb} / {na} | {cb} ({pct(cb, nb)}) | {ca} ({pct(ca, na)}) | {eb} / {ea} |")
    print(f"| total | {total['nb']} / {total['na']} | {total['cb']} ({pct(total['cb'], total['nb'])}) | "
          f"{total['ca']} ({pct(total['ca'], total['na'])}) | {total['eb']} / {total['ea']} |")
    common = [k for k in bm if k in am and k[0] in both and bm[k][0] and am[k][0]]
    for label, keep in (("all mutants", lambda k: True),
                        ("blocking-assignment class", lambda k: am[k][1] == "blocking-assignment")):
        keys = [k for k in common if keep(k)]
        b = collections.Counter(bm[k][0] for k in keys)
        a = collections.Counter(am[k][0] for k in keys)
        print(f"\n{label} labeled by both: {len(keys)}")
        print("| verdict | before | after |\n|---|---:|---:|")
        for v in sorted(set(b) | set(a)):
            print(f"| {v} | {b[v]} | {a[v]} |")
        flips = collections.Counter((bm[k][0], am[k][0]) for k in keys if bm[k][0] != am[k][0])
        print(f"flipped: {sum(flips.values())}" +
              "".join(f"; {x} -> {y}: {n}" for (x, y), n in flips.most_common()))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
