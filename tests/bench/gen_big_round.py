#!/usr/bin/python3
"""Writes a large valid round for the reliability tests (kills, concurrency):
  gen_big_round.py OUTDIR N_APPS [REVIEWS_PER_APP] [--id ROUND] [--prefix P]
rules.toml, applications.csv (N rows, ids P000001...), reviewers.csv and
reviews.csv (N x REVIEWS_PER_APP rows; default 2). Deterministic for the same
arguments. Also importable: write_round(outdir, n, reviews_per_app, ...)."""
import argparse, os, random

CRITERIA = ["relevance", "feasibility", "impact"]


def write_round(out, n, reviews_per_app=2, round_id="big", prefix="B", seed=None):
    rng = random.Random(n if seed is None else seed)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "rules.toml"), "w", encoding="utf-8") as f:
        f.write(f'[competition]\nid = "{round_id}"\ntitle = "Великий конкурс"\nyear = 2025\n'
                f'budget = "{n * 15000}.00"\n\n[scoring]\nmin_reviews = 2\npass_total = 20\n')
        for i, c in enumerate(CRITERIA):
            f.write(f'\n[[criteria]]\nid = "{c}"\nweight = {i + 1}\nmin = 0\nmax = 10\nstep = 0.5\n')
        f.write('\n[allocation]\nrule = "greedy_skip"\npartial = true\nround_to = "100.00"\n'
                'tie_break = ["submitted_at"]\n')
    nrev = max(10, n // 100)
    with open(os.path.join(out, "applications.csv"), "w", encoding="utf-8") as f:
        f.write("id,organisation,sector,title,category,requested,cofinancing,planned_clients,submitted_at\n")
        f.write("".join(
            f'{prefix}{i:06d},"ГО «Організація {rng.randrange(n)}»",ngo,"Проєкт {i}, соціальні послуги",'
            f'{rng.choice(["disability", "elderly", "children"])},{rng.randrange(10, 60) * 1000}.00,'
            f'{rng.randrange(0, 20) * 500}.00,{rng.randrange(2000)},2025-02-{rng.randint(1, 28):02d}\n'
            for i in range(1, n + 1)))
    with open(os.path.join(out, "reviewers.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,conflicts\n" + "".join(f"R{j:05d},Експерт {j},\n" for j in range(nrev)))
    with open(os.path.join(out, "reviews.csv"), "w", encoding="utf-8") as f:
        f.write("application,reviewer," + ",".join(CRITERIA) + "\n")
        f.write("".join(
            f"{prefix}{i:06d},R{r:05d}," + ",".join(f"{rng.randint(4, 20) / 2:g}" for _ in CRITERIA) + "\n"
            for i in range(1, n + 1) for r in rng.sample(range(nrev), reviews_per_app)))
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("n", type=int)
    ap.add_argument("reviews_per_app", type=int, nargs="?", default=2)
    ap.add_argument("--id", default="big")
    ap.add_argument("--prefix", default="B")
    a = ap.parse_args()
    write_round(a.outdir, a.n, a.reviews_per_app, a.id, a.prefix)
