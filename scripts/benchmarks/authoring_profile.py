"""Where the authoring time went, per workload of a bench-load report: from the node's log, how
long it took to build each measured block, how many extrinsics it held and why it stopped
adding more (basic-authorship's `end` reason: weight or size limit, deadline, or an empty pool).

    python3 authoring_profile.py node.log report.json
"""
import collections
import json
import re
import sys

PREPARED = re.compile(
    r"Prepared block for proposing at (\d+) \((\d+) ms\).*?end: (\w+); extrinsics_count: (\d+)"
)

log, report = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
blocks = {}
for line in open(log, encoding="utf-8", errors="replace"):
    match = PREPARED.search(line)
    if match:
        number, took, end, count = match.groups()
        blocks[int(number)] = (int(took), end, int(count))

print("\nauthoring (node log): per workload, mean build time of its measured blocks, extrinsics per block, why blocks ended")
for workload in report["workloads"]:
    first, last = workload["blocks"]
    measured = [blocks[n] for n in range(first, last + 1) if n in blocks]
    if not measured:
        continue
    took = sum(block[0] for block in measured) / len(measured)
    count = sum(block[2] for block in measured) / len(measured)
    ends = collections.Counter(block[1] for block in measured)
    reasons = ", ".join(f"{reason} ×{times}" for reason, times in ends.most_common())
    print(f"  {workload['label']:<36} {took:7.0f} ms  {count:8.0f} extrinsics  {reasons}")
