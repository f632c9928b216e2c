#!/usr/bin/python3
"""Checks the decision log of a database independently of the program (used by
the .test files of this folder; docs/decisions.md describes what it checks):

- every entry's hash and its link to the previous entry;
- for every `allocate` entry, the record's `decisions` equal the decisions of the
  entries before it, reduced here again (undo reverses its target unless itself
  undone; of the withdrawals and overrides of one application the latest stands;
  orders stand unless undone);
- the record's fingerprint is the SHA-256 of the record without `fingerprint`
  (json.dumps with sorted keys: the same bytes as RFC 8785 for these records).

Usage: check_log.py DATABASE. Prints "ok: N entries, M allocations" or the problems."""
import hashlib, json, sqlite3, sys


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def standing(decisions):
    undone = {}
    for d in reversed(decisions):
        if d["kind"] == "undo" and d["n"] not in undone:
            undone.setdefault(d["target"], d["n"])
    latest, orders = {}, []
    for d in decisions:
        if d["n"] in undone or d["kind"] == "undo":
            continue
        if d["kind"] == "order":
            orders.append(d["n"])
        else:
            latest[d["applications"][0]] = d["n"]
    keep = set(latest.values()) | set(orders)
    return [{"n": d["n"], "kind": d["kind"], "applications": d["applications"], "award": d["award"],
             "reason": d["reason"], "recorded_at": d["recorded_at"]} for d in decisions if d["n"] in keep]


def main():
    con = sqlite3.connect(sys.argv[1])
    problems, allocations = [], 0
    rows = con.execute("SELECT seq, round_id, kind, payload, recorded_at, prev_hash, hash FROM decision_log "
                       "ORDER BY round_id, seq").fetchall()
    prev, decisions, by_seq, last_round = {}, [], {}, None
    for seq, rnd, kind, payload, at, prev_hash, h in rows:
        if rnd != last_round:
            decisions, by_seq, last_round = [], {}, rnd
        link = {"kind": kind, "payload": json.loads(payload), "prev_hash": prev_hash, "recorded_at": at,
                "round": rnd, "seq": seq}
        if hashlib.sha256(canonical(link).encode()).hexdigest() != h:
            problems.append(f"entry {seq}: hash")
        if prev_hash != prev.get(rnd, "0" * 64):
            problems.append(f"entry {seq}: prev_hash")
        prev[rnd] = h
        p = json.loads(payload)
        if kind == "allocate":
            allocations += 1
            fp = p.pop("fingerprint")
            if fp != "sha256:" + hashlib.sha256(canonical(p).encode()).hexdigest():
                problems.append(f"entry {seq}: fingerprint")
            if p["decisions"] != standing(decisions):
                problems.append(f"entry {seq}: decisions {p['decisions']} != {standing(decisions)}")
            continue
        d = {"n": len(decisions) + 1, "kind": kind, "reason": p["reason"], "recorded_at": at}
        if kind == "undo":
            target = by_seq[p["undoes"]]
            d.update(target=target["n"], applications=target["applications"], award=None)
        else:
            d.update(applications=p["applications"], award=p["award"])
        by_seq[seq] = d
        decisions.append(d)
    if problems:
        print("\n".join(problems))
        return 1
    print(f"ok: {len(rows)} entries, {allocations} allocations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
