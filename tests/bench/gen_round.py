#!/usr/bin/python3
"""Writes a large valid round for the performance benchmark (run_bench.py):
  gen_round.py OUTDIR N [--reviews R] [--criteria C] [--reviewers K] [--lots L]
               [--conflicts SHARE] [--id ROUND] [--year Y] [--seed S]

OUTDIR gets rules.toml, applications.csv (N rows), reviewers.csv (K rows,
default max(10, N // 50)) and reviews.csv (N x R rows, R distinct reviewers per
application, C criteria). Everything imports without an error: ids are unique,
scores lie on the step, ЄДРПОУ codes have a valid check digit, and no review
pairs a reviewer with an organisation named in their conflicts. It exercises
what a national round has: Cyrillic names, quoted fields with commas,
organisations with and without a code (about half the applicants share an
organisation with another application), L lots over the categories with a
pool, a per-organisation cap, partial awards and tie-breaks. Deterministic for
the same arguments. Not a test: nothing in CTest runs it."""
import argparse
import os
import random

CATEGORIES = ["disability", "elderly", "children", "veterans", "homeless", "health"]
CRITERIA = ["relevance", "feasibility", "budget", "impact", "sustainability", "innovation", "partnership",
            "team", "visibility", "evaluation"]


def edrpou(k):
    """A valid 8-digit ЄДРПОУ code for organisation k (stdnum.ua.edrpou check digit)."""
    base = f"{(k * 7919 + 1000000) % 10000000:07d}"
    weights = [7, 1, 2, 3, 4, 5, 6] if base[0] in "345" else [1, 2, 3, 4, 5, 6, 7]
    total = sum(w * int(d) for w, d in zip(weights, base))
    check = total % 11
    if check == 10:
        check = sum((w + 2) * int(d) for w, d in zip(weights, base)) % 11 % 10
    return base + str(check)


def org_name(k):
    return f"ГО «Організація {k}»"


def write_rules(out, n, round_id, criteria, lots, year=2025):
    with open(os.path.join(out, "rules.toml"), "w", encoding="utf-8") as f:
        f.write(f'[competition]\nid = "{round_id}"\ntitle = "Національна програма соціальних проєктів"\n'
                f'year = {year}\nbudget = "{n * 25000}.00"\n\n'
                '[eligibility]\nmin_cofinancing_share = 0.1\nmax_awards_per_organisation = 2\n'
                'max_request = "150000.00"\n\n'
                '[scoring]\naggregate = "mean"\nmin_reviews = 2\nmax_spread = 4\n'
                f'pass_total = {len(criteria) * 6}\n')
        for i, c in enumerate(criteria):
            f.write(f'\n[[criteria]]\nid = "{c}"\nname = "{c}"\nweight = {i % 3 + 1}\nmin = 0\nmax = 10\nstep = 0.5\n')
        f.write('\n[allocation]\nrule = "greedy_skip"\npartial = true\nmin_partial_share = 0.5\n'
                'round_to = "100.00"\ntie_break = ["criterion:' + criteria[0] +
                '", "cofinancing_share", "submitted_at"]\nleftover = "pool"\n')
        # Lots split the categories round-robin and take 80% of the budget; the
        # rest and every lot's remainder go to the pool.
        for i in range(lots):
            cats = ", ".join(f'"{c}"' for j, c in enumerate(CATEGORIES) if j % lots == i)
            f.write(f'\n[[lots]]\nid = "lot{i + 1}"\nname = "Напрям {i + 1}"\ncategories = [{cats}]\n'
                    f'share = {0.8 / lots:.4f}\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("n", type=int, help="applications")
    ap.add_argument("--reviews", type=int, default=3, help="reviews per application (default 3)")
    ap.add_argument("--criteria", type=int, default=5, help=f"criteria, 1..{len(CRITERIA)} (default 5)")
    ap.add_argument("--reviewers", type=int, default=0, help="reviewers (default max(10, N // 50))")
    ap.add_argument("--lots", type=int, default=3, help="lots, 0..6 (default 3)")
    ap.add_argument("--conflicts", type=float, default=0.1, help="share of reviewers with a conflict (default 0.1)")
    ap.add_argument("--id", default="national", help="round id")
    ap.add_argument("--year", type=int, default=2025, help="the round's year (default 2025)")
    ap.add_argument("--seed", type=int, default=None)
    a = ap.parse_args()
    if not 1 <= a.criteria <= len(CRITERIA):
        ap.error(f"--criteria must be 1..{len(CRITERIA)}")
    if not 0 <= a.lots <= len(CATEGORIES):
        ap.error(f"--lots must be 0..{len(CATEGORIES)}")
    n = a.n
    nrev = a.reviewers or max(10, n // 50)
    if nrev < a.reviews + 1:
        ap.error("need more reviewers than reviews per application")
    rng = random.Random(a.seed if a.seed is not None else n)
    os.makedirs(a.outdir, exist_ok=True)
    criteria = CRITERIA[:a.criteria]
    write_rules(a.outdir, n, a.id, criteria, a.lots, a.year)

    norg = max(1, n * 2 // 3)
    # Reviewer j may have a conflict with one organisation; that pair is never sampled.
    conflict_of = {}
    for j in range(nrev):
        if rng.random() < a.conflicts:
            conflict_of[j] = rng.randrange(norg)
    with open(os.path.join(a.outdir, "reviewers.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,conflicts\n")
        for j in range(nrev):
            c = conflict_of.get(j)
            cell = "" if c is None else (edrpou(c) if c % 2 == 0 else f'"{org_name(c)}"')
            f.write(f"R{j:06d},Експерт {j},{cell}\n")

    orgs = [rng.randrange(norg) for _ in range(n)]
    chunk = 20000
    with open(os.path.join(a.outdir, "applications.csv"), "w", encoding="utf-8") as f:
        f.write("id,organisation,edrpou,sector,title,category,requested,cofinancing,planned_clients,"
                "planned_jobs,planned_volunteers,submitted_at\n")
        for start in range(0, n, chunk):
            rows = []
            for i in range(start, min(n, start + chunk)):
                k = orgs[i]
                req = rng.randrange(10, 160) * 1000
                cof = req // rng.choice([2, 5, 9, 20])
                code = edrpou(k) if k % 2 == 0 else ""
                rows.append(f'A{i:07d},"{org_name(k)}",{code},ngo,"Проєкт {i}, соціальні послуги",'
                            f'{CATEGORIES[rng.randrange(len(CATEGORIES))]},{req}.00,{cof}.00,{rng.randrange(2000)},'
                            f'{rng.randrange(10)},{rng.randrange(50)},{a.year}-02-{rng.randint(1, 28):02d}\n')
            f.write("".join(rows))

    with open(os.path.join(a.outdir, "reviews.csv"), "w", encoding="utf-8") as f:
        f.write("application,reviewer," + ",".join(criteria) + "\n")
        for start in range(0, n, chunk):
            rows = []
            for i in range(start, min(n, start + chunk)):
                picked = rng.sample(range(nrev), a.reviews)
                while any(conflict_of.get(r) == orgs[i] for r in picked):
                    picked = rng.sample(range(nrev), a.reviews)
                for r in picked:
                    rows.append(f"A{i:07d},R{r:06d}," +
                                ",".join(f"{rng.randint(4, 20) / 2:g}" for _ in criteria) + "\n")
            f.write("".join(rows))


if __name__ == "__main__":
    main()
