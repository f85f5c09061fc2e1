#!/usr/bin/env python3
"""Per trace, the time between consecutive lines of different services (a hop), by service pair.

Reads Kubernetes JSON log lines (Vector's kubernetes_logs shape) whose message carries
"TraceID: <id> SpanID: <id>", as Online Boutique's services write them. Prints each pair's hop
count and median/p90 seconds, slowest first. A service whose every hop, in and out, is slow
while the others' are fast is where the requests wait. Usage: trace-hops.py logs.jsonl
"""
import collections
import json
import re
import sys
from datetime import datetime, timezone

TRACE = re.compile(r"TraceID: ?([0-9a-f]+) SpanID: ?([0-9a-f]+)")


def seconds(stamp):
    base, _, frac = stamp.rstrip("Z").partition(".")
    whole = datetime.fromisoformat(base).replace(tzinfo=timezone.utc).timestamp()
    return whole + float("0." + (frac or "0"))


def main(path):
    traces = collections.defaultdict(list)
    with open(path, encoding="utf-8") as lines:
        for text in lines:
            record = json.loads(text)
            service = record.get("kubernetes", {}).get("pod_labels", {}).get("app")
            match = TRACE.search(record.get("message", ""))
            if service and match:
                traces[match.group(1)].append((seconds(record["timestamp"]), service))
    hops = collections.defaultdict(list)
    for events in traces.values():
        events.sort()
        for (t0, a), (t1, b) in zip(events, events[1:]):
            if a != b:
                hops[(a, b)].append(t1 - t0)
    print(f"{len(traces)} traces")
    rows = []
    for (a, b), gaps in hops.items():
        gaps.sort()
        rows.append((gaps[len(gaps) // 2], gaps[int(len(gaps) * 0.9)], len(gaps), a, b))
    for median, p90, n, a, b in sorted(rows, reverse=True):
        print(f"{a} -> {b}: {n} hops, median {median:.4f} s, p90 {p90:.4f} s")


if __name__ == "__main__":
    main(sys.argv[1])
