#!/usr/bin/env python3
"""NL query latency and accuracy on the demo estate: asks every question of a bank (default: the published dev
questions, api/src/test/resources/nlq/nlq-dev.jsonl) of a running server, twice (the first round warms it),
and prints p50/p95/max latency of the second round, how many were answered right, refused (422) or wrong.

usage: bench/nlq-latency.py BASE_URL TOKEN [BANK.jsonl] [--as-of INSTANT]
Without --as-of, the instant the demo's data ends (the hour after PROD-WEB-01's last CPU sample), which is
2026-11-01T00:00:00Z for an estate loaded with ../shared/tools/load-demo and the start of the loading day for
NOPESIGHT_DEMO=true (which moves the demo forward by whole days).
"""
import json, os, statistics, sys, time, urllib.parse, urllib.request, urllib.error
from datetime import datetime, timedelta, timezone

as_of_at = sys.argv.index("--as-of") if "--as-of" in sys.argv else -1
args = [a for i, a in enumerate(sys.argv[1:], 1) if not a.startswith("--") and i != as_of_at + 1]
base, token = args[0].rstrip("/"), args[1]
here = os.path.dirname(os.path.abspath(__file__))
bank = args[2] if len(args) > 2 else os.path.join(here, "..", "api", "src", "test", "resources", "nlq", "nlq-dev.jsonl")
as_of = sys.argv[sys.argv.index("--as-of") + 1] if "--as-of" in sys.argv else None

def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read().decode())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read().decode() or "{}")

if as_of is None:
    _, found = call("GET", "/v1/cmdb/ci?search=PROD-WEB-01&limit=1")
    ci = found["data"][0]["id"]
    now = datetime.now(timezone.utc)
    window = "from=%s&to=%s" % (urllib.parse.quote((now - timedelta(days=400)).isoformat()), urllib.parse.quote((now + timedelta(days=1)).isoformat()))
    _, series = call("GET", "/v1/cmdb/ci/%s/metrics?metric=cpu_usage&step=1d&%s" % (ci, window))
    last = series["series"][0]["points"][-1]["timestamp"]
    as_of = (datetime.fromisoformat(last.replace("Z", "+00:00")) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")

def grade(kind, expected, rows):
    key = lambda r: r.get("source_id") or r.get("name")
    if kind == "list": return {key(r) for r in rows} == set(expected)
    if kind == "top": return [key(r) for r in rows] == expected
    if kind == "count": return bool(rows) and rows[0].get("count") == expected
    if kind == "aggregate": return bool(rows) and rows[0].get("value") is not None and abs(rows[0]["value"] - expected) <= 0.5
    if kind == "group": return {str(r.get("group")).lower(): r.get("count") for r in rows} == {k.lower(): v for k, v in expected.items()}
    return False

questions = [json.loads(l) for l in open(bank) if l.strip()]
latencies, right, refused, wrong = [], 0, 0, []
for round_ in range(2):
    for q in questions:
        t = time.perf_counter()
        status, body = call("POST", "/v1/reports/ai/query", {"query": q["query"], "context": {"time_zone": "UTC", "as_of": as_of}})
        elapsed = (time.perf_counter() - t) * 1000
        if round_ == 0:
            continue
        latencies.append(elapsed)
        if status == 422:
            refused += 1
        elif status == 200 and grade(q["kind"], q["expected"], body.get("results") or []):
            right += 1
        else:
            wrong.append(q["id"])
latencies.sort()
p = lambda f: latencies[min(len(latencies) - 1, int(round(f * (len(latencies) - 1))))]
print("as_of %s, %d questions: %d right, %d refused (422), %d wrong %s" % (as_of, len(questions), right, refused, len(wrong), wrong))
print("latency over HTTP (second round): p50 %.1f ms, p95 %.1f ms, max %.1f ms" % (p(0.5), p(0.95), latencies[-1]))
