#!/usr/bin/python3
"""An outside auditor's check of an exported bundle, written from docs/bundle.md
and docs/formats.md alone: Python's standard library only, no code of the
project imported, no program of the project run.

    python3 auditor_check.py BUNDLE-DIR [BUNDLE-DIR ...]

For each bundle it checks, and prints one line per check:
  1. manifest.json: every other file of the directory is listed, with the
     SHA-256 of its bytes; nothing else is listed; its fingerprint is the
     record's; it is indented by two spaces and ends with one LF;
  2. decision.json: the SHA-256 of rules.toml is `rules_sha256`, that of each
     input CSV is its entry of `inputs`;
  3. the fingerprint: `sha256:` + SHA-256 of the record without `fingerprint`,
     serialised by this script's own RFC 8785 writer (not json.dumps), and
     decision.json is that writer's output of the whole record plus one LF;
  4. the canonical CSV: each CSV file parsed and written again by the rules of
     docs/bundle.md gives the same bytes; its header is the documented one
     (reviews: the criteria of rules.toml in order); its rows are in id order;
  5. the record's sums: awarded = sum of the awards, leftover = budget -
     awarded, each lot's `awarded` = the awards paid from it, exactly; money
     exactly for the funded and partial; the order: the ranked by rank 1, 2,
     ..., then the unranked by id; the lots in the rules' order;
  6. decisions.csv (when present): every decision of the record is a row of it
     with the same kind, applications, award, reason and time, and is neither
     an `undo` nor undone;
  7. agreements.csv and payments.csv (when present, canonical as in 4): every
     agreement within its application's award in the record; every payment of
     an application with an agreement, not before it is signed, and, taken in
     (paid_on, reference) order, the running paid (payments - refunds) never
     above the agreement nor below zero; no money (net) on an application
     without an award;
  8. history.json (docs/bundle.md "history.json"): present exactly when the
     rules' [checks] read earlier rounds, RFC 8785 by this script's writer plus
     one LF, and in the record's `inputs`; with `earlier_reports = "reject"`,
     the record gives the reason `earlier_report_missing` to exactly the
     applications whose organisation (docs/formats.md "Organisations") has a
     `missing` report in it.
Exit 0 when every check of every bundle holds, 1 otherwise (each failure named).
"""
import csv, hashlib, io, json, os, sys, tomllib
from decimal import Decimal

failures = []


def check(bundle, what, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {os.path.basename(bundle)}: {what}{'' if ok else ': ' + detail}")
    if not ok:
        failures.append(f"{bundle}: {what}: {detail}")


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# --- RFC 8785 (JSON Canonicalization Scheme), for the values a record holds -------

def jcs_string(s):
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif c < 0x20:
            out.append({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"}.get(c, "\\u%04x" % c))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def utf16_key(name):
    return name.encode("utf-16-be")  # RFC 8785 §3.2.3: sorted by UTF-16 code units


def jcs(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise ValueError("a floating-point number in the record (docs/bundle.md: never)")
    if isinstance(value, str):
        return jcs_string(value)
    if isinstance(value, list):
        return "[" + ",".join(jcs(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(jcs_string(k) + ":" + jcs(value[k]) for k in sorted(value, key=utf16_key)) + "}"
    raise ValueError(f"not a JSON value: {value!r}")


# --- the canonical CSV ------------------------------------------------------------

def canonical_csv(rows):
    def cell(v):
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n\r') else v
    return "".join(",".join(cell(v) for v in row) + "\n" for row in rows).encode("utf-8")


APPLICATION_COLUMNS = ["id", "organisation", "edrpou", "sector", "title", "category", "requested", "cofinancing",
                       "planned_clients", "planned_jobs", "planned_volunteers", "submitted_at"]


def expected_header(name, header, rules):
    if name == "applications.csv":
        extra = header[len(APPLICATION_COLUMNS):]
        return APPLICATION_COLUMNS + [c for c in ["services", "votes", "input_order"] if c in extra]
    if name == "reviewers.csv":  # categories and capacity when any reviewer has them
        return ["id", "name", "conflicts"] + [c for c in ["categories", "capacity"] if c in header[3:]]
    if name == "reviews.csv":
        return ["application", "reviewer"] + [c["id"] for c in rules.get("criteria", [])] + ["comment"]
    if name == "outcomes.csv":
        return ["application", "clients", "jobs", "volunteers", "attracted"] + (
            ["received_on"] if header[5:] == ["received_on"] else [])
    if name == "agreements.csv":
        return ["application", "number", "signed_on", "amount", "report_due"]
    if name == "payments.csv":
        return ["application", "reference", "paid_on", "amount", "kind"]
    return header


def check_csv(bundle, name, rules):
    path = os.path.join(bundle, name)
    data = open(path, "rb").read()
    check(bundle, f"{name}: UTF-8 without BOM", not data.startswith(b"\xef\xbb\xbf"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    check(bundle, f"{name}: written again canonically, the same bytes", canonical_csv(rows) == data)
    header = rows[0] if rows else []
    want = expected_header(name, header, rules)
    check(bundle, f"{name}: header", header == want, f"{header} != {want}")
    key = 2 if name in ("reviews.csv", "payments.csv") else 1
    body = rows[1:]
    order = [[v.encode("utf-8") for v in r[:key]] for r in body]
    check(bundle, f"{name}: rows in byte order of the id, each once",
          all(a < b for a, b in zip(order, order[1:])))
    money = {"applications.csv": ["requested", "cofinancing"], "outcomes.csv": ["attracted"],
             "agreements.csv": ["amount"], "payments.csv": ["amount"]}.get(name, [])
    for column in money:
        i = header.index(column)
        bad = [r[i] for r in body if r[i] != "" and not is_money(r[i])]
        check(bundle, f"{name}: {column} as money (digits, '.', two decimals)", not bad, f"{bad[:3]}")
    if name == "applications.csv" and "services" in header:
        # docs/formats.md "Canonical forms": slugs trimmed, each once, in byte order, joined with `|`.
        i = header.index("services")
        bad = [r[i] for r in body if r[i] != "|".join(sorted({p.strip() for p in r[i].split("|") if p.strip()},
                                                             key=lambda p: p.encode("utf-8")))]
        check(bundle, f"{name}: services in canonical form", not bad, f"{bad[:3]}")


def is_money(s):
    whole, dot, cents = s.partition(".")
    return whole.isdigit() and dot == "." and len(cents) == 2 and cents.isdigit() and (whole == "0" or whole[0] != "0")


# --- the record -------------------------------------------------------------------

def check_sums(bundle, record):
    awards = [Decimal(a["award"]) for a in record["applications"]]
    check(bundle, "record: every money value has two decimals",
          all(is_money(v) for v in [record["budget"], record["awarded"], record["leftover"]] +
              [a["award"] for a in record["applications"]] + [x for l in record["lots"] for x in (l["budget"], l["awarded"])]))
    check(bundle, "record: awarded = sum of the awards", sum(awards) == Decimal(record["awarded"]),
          f"{sum(awards)} != {record['awarded']}")
    check(bundle, "record: leftover = budget - awarded",
          Decimal(record["budget"]) - Decimal(record["awarded"]) == Decimal(record["leftover"]))
    for lot in record["lots"]:
        paid = sum((Decimal(a["award"]) for a in record["applications"] if a["lot"] == lot["id"]), Decimal(0))
        check(bundle, f"record: lot {lot['id']} awarded = the awards it paid", paid == Decimal(lot["awarded"]),
              f"{paid} != {lot['awarded']}")
    check(bundle, "record: lots within the budget",
          sum((Decimal(l["budget"]) for l in record["lots"]), Decimal(0)) <= Decimal(record["budget"]))
    no_money = [a["id"] for a in record["applications"] if (Decimal(a["award"]) == 0) != (a["lot"] is None)]
    check(bundle, "record: a lot exactly for the applications with money", not no_money, f"{no_money[:5]}")
    paid = {"funded", "partial"}
    wrong = [a["id"] for a in record["applications"] if (a["status"] in paid) != (Decimal(a["award"]) > 0)]
    check(bundle, "record: money exactly for the funded and partial applications", not wrong, f"{wrong[:5]}")


def check_order(bundle, record, rules):
    apps = record["applications"]
    ranked = [a for a in apps if a["rank"] is not None]
    unranked = [a for a in apps if a["rank"] is None]
    check(bundle, "record: the ranked first, ranks 1, 2, ... in order",
          apps[:len(ranked)] == ranked and [a["rank"] for a in ranked] == list(range(1, len(ranked) + 1)))
    ids = [a["id"].encode("utf-8") for a in unranked]
    check(bundle, "record: then the unranked (rejected, incomplete) by id",
          ids == sorted(ids) and all(a["status"] in ("rejected", "incomplete") for a in unranked))
    check(bundle, "record: lots in the rules' order",
          [l["id"] for l in record["lots"]] == ([l["id"] for l in rules.get("lots", [])] or ["main"]))


def check_decisions(bundle, record):
    path = os.path.join(bundle, "decisions.csv")
    if not os.path.exists(path):
        check(bundle, "record: no decisions without decisions.csv", record["decisions"] == [])
        return
    rows = list(csv.DictReader(io.StringIO(open(path, encoding="utf-8", newline="").read(), newline="")))
    by_n = {int(r["n"]): r for r in rows}
    for d in record["decisions"]:
        r = by_n.get(d["n"])
        same = r is not None and r["kind"] == d["kind"] and r["applications"] == "|".join(d["applications"]) \
            and r["award"] == (d["award"] or "") and r["reason"] == d["reason"] and r["recorded_at"] == d["recorded_at"]
        check(bundle, f"record: decision {d['n']} is decisions.csv's row {d['n']}", same, f"{d} vs {r}")
        check(bundle, f"record: decision {d['n']} is standing (not an undo, not undone)",
              r is not None and r["kind"] != "undo" and r["undone_by"] == "")
    undone = {int(r["undoes"]) for r in rows if r["kind"] == "undo"}
    check(bundle, "decisions.csv: undone_by matches the undo rows",
          undone == {r_n for r_n, r in by_n.items() if r["undone_by"] != ""})


def audit(bundle):
    names = sorted(n for n in os.listdir(bundle))
    manifest_text = open(os.path.join(bundle, "manifest.json"), encoding="utf-8").read()
    manifest = json.loads(manifest_text)
    record_text = open(os.path.join(bundle, "decision.json"), encoding="utf-8").read()
    record = json.loads(record_text)

    # 1. The manifest.
    listed = manifest["files"]
    check(bundle, "manifest: lists every other file, and only those",
          sorted(listed) == [n for n in names if n != "manifest.json"], f"{sorted(listed)} vs {names}")
    for name in sorted(listed):
        path = os.path.join(bundle, name)
        actual = sha256_file(path) if os.path.isfile(path) else "(missing)"
        check(bundle, f"manifest: sha256 of {name}", actual == listed[name], f"{actual} != {listed[name]}")
    check(bundle, "manifest: the record's fingerprint", manifest["fingerprint"] == record["fingerprint"])
    check(bundle, "manifest: indented by two spaces, one LF at the end",
          manifest_text == json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")

    # 2. The record names these rules and these inputs.
    check(bundle, "record: rules_sha256 is rules.toml's",
          sha256_file(os.path.join(bundle, "rules.toml")) == record["rules_sha256"])
    inputs = ["applications.csv", "reviewers.csv", "reviews.csv"]
    if os.path.exists(os.path.join(bundle, "history.json")):
        inputs.insert(1, "history.json")
    check(bundle, "record: inputs are applications.csv, reviewers.csv, reviews.csv (and history.json when there)",
          sorted(record["inputs"]) == inputs)
    for name, digest in sorted(record["inputs"].items()):
        actual = sha256_file(os.path.join(bundle, name))
        check(bundle, f"record: inputs.{name} is its sha256", actual == digest, f"{actual} != {digest}")

    # 3. The fingerprint, by this script's own RFC 8785 writer.
    check(bundle, "decision.json: RFC 8785 of the record, then one LF", record_text == jcs(record) + "\n")
    without = {k: v for k, v in record.items() if k != "fingerprint"}
    fingerprint = "sha256:" + hashlib.sha256(jcs(without).encode("utf-8")).hexdigest()
    check(bundle, "fingerprint recomputed", fingerprint == record["fingerprint"],
          f"{fingerprint} != {record['fingerprint']}")

    # 4. The canonical CSV.
    rules = tomllib.loads(open(os.path.join(bundle, "rules.toml"), encoding="utf-8").read())
    for name in ["applications.csv", "reviewers.csv", "reviews.csv", "outcomes.csv", "agreements.csv",
                 "payments.csv"]:
        if os.path.exists(os.path.join(bundle, name)):
            check_csv(bundle, name, rules)
    apps = list(csv.DictReader(io.StringIO(open(os.path.join(bundle, "applications.csv"), encoding="utf-8",
                                                newline="").read(), newline="")))
    check(bundle, "record: one entry per application of applications.csv",
          sorted(a["id"] for a in record["applications"]) == sorted(a["id"] for a in apps))

    # 5, 6. The sums, the order and the decisions.
    check_sums(bundle, record)
    check_order(bundle, record, rules)
    check_decisions(bundle, record)
    check_money(bundle, record)
    check_history(bundle, record, rules, apps)
    print(f"{os.path.basename(bundle)}: fingerprint {record['fingerprint']}")


def rows_of(bundle, name):
    path = os.path.join(bundle, name)
    if not os.path.exists(path):
        return []
    return list(csv.DictReader(io.StringIO(open(path, encoding="utf-8", newline="").read(), newline="")))


# 7. The money after the decision (docs/formats.md "agreements.csv", "payments.csv").
def check_money(bundle, record):
    agreements = {a["application"]: a for a in rows_of(bundle, "agreements.csv")}
    payments = rows_of(bundle, "payments.csv")
    if not agreements and not payments:
        return
    awards = {a["id"]: Decimal(a["award"]) for a in record["applications"] if Decimal(a["award"]) > 0}
    for app, a in sorted(agreements.items()):
        check(bundle, f"agreements.csv: {app} within its award", Decimal(a["amount"]) <= awards.get(app, Decimal(0)),
              f"{a['amount']} > {awards.get(app, Decimal(0))}")
    net = {}
    broken = set()
    for p in sorted(payments, key=lambda p: (p["application"].encode(), p["paid_on"], p["reference"].encode())):
        app = p["application"]
        a = agreements.get(app)
        check(bundle, f"payments.csv: {p['reference']} has an agreement", a is not None, app)
        if a is None:
            continue
        check(bundle, f"payments.csv: {p['reference']} not before the agreement", p["paid_on"] >= a["signed_on"],
              f"{p['paid_on']} < {a['signed_on']}")
        net[app] = net.get(app, Decimal(0)) + (-1 if p["kind"] == "refund" else 1) * Decimal(p["amount"])
        if app not in broken and not (Decimal(0) <= net[app] <= Decimal(a["amount"])):
            broken.add(app)
            check(bundle, f"payments.csv: {app} running paid within 0 and the agreement", False,
                  f"{net[app]} after {p['reference']}")
    for app, paid in sorted(net.items()):
        check(bundle, f"payments.csv: no money on {app} without an award", paid <= 0 or app in awards, f"{paid}")
    print(f"{os.path.basename(bundle)}: {len(agreements)} agreements, {len(payments)} payments, "
          f"paid {sum(net.values(), Decimal(0))}")


# 8. The facts of the checks on earlier rounds (docs/rules.md "The checks on earlier rounds").
def name_key(name):
    """docs/formats.md "Organisations": quote marks as spaces, lower case, spaces collapsed."""
    spaced = "".join(" " if ch in "«»„“”\"'" or ch in " \t\u00a0\u202f\n\r" else ch for ch in name)
    return " ".join(x for x in spaced.lower().split(" ") if x)


def organisation_keys(apps):
    """Each application's organisation: its code, else the code of the first coded application of that name."""
    order = lambda a: (int(a.get("input_order") or 0), a["id"].encode())
    coded = {}
    for a in sorted((a for a in apps if a["edrpou"]), key=order):
        coded.setdefault(name_key(a["organisation"]), "code:" + a["edrpou"])
    return {a["id"]: "code:" + a["edrpou"] if a["edrpou"] else
            coded.get(name_key(a["organisation"]), "name:" + name_key(a["organisation"])) for a in apps}


def check_history(bundle, record, rules, apps):
    checks = rules.get("checks", {})
    reads = checks.get("earlier_reports", "off") != "off" or checks.get("double_funding", "off") != "off"
    path = os.path.join(bundle, "history.json")
    check(bundle, "history.json: there exactly when [checks] read earlier rounds", os.path.exists(path) == reads)
    if not os.path.exists(path):
        return
    text = open(path, encoding="utf-8").read()
    history = json.loads(text)
    check(bundle, "history.json: RFC 8785, then one LF", text == jcs(history) + "\n")
    if checks.get("earlier_reports") != "reject":
        return
    missing = {w["organisation"] for w in history["winners"] if w["report"] == "missing"}
    org = organisation_keys(apps)
    for a in record["applications"]:
        expected = org[a["id"]] in missing
        check(bundle, f"record: {a['id']} has earlier_report_missing exactly when its organisation owes a report",
              ("earlier_report_missing" in a.get("reasons", [])) == expected, org[a["id"]])


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    for bundle in sys.argv[1:]:
        try:
            audit(bundle)
        except Exception as e:  # a bundle that cannot even be read fails, named
            check(bundle, "readable", False, f"{type(e).__name__}: {e}")
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
