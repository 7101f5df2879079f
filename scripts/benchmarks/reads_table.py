#!/usr/bin/env python3
"""The read benchmark's table: one row per `govchain-load reads` run, from the JSON lines
scripts/bench-reads.sh collected (its argument), in the order they ran."""

import json
import sys


def cpu(row):
    parts = []
    nginx = 0.0
    for name, value in sorted(row["cpu_percent"].items()):
        if value is None:
            continue
        if name.startswith("nginx"):
            nginx += value
        else:
            parts.append(f"{name} {value:.0f}")
    if any(name.startswith("nginx") for name in row["cpu_percent"]):
        parts.append(f"nginx {nginx:.0f}")
    if row.get("tool_cpu_percent") is not None:
        parts.append(f"tool {row['tool_cpu_percent']:.0f}")
    return ", ".join(parts)


def main(path):
    with open(path, encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    print("| run | method | clients | paced at | answers/s | p50 ms | p99 ms | max ms "
          "| wrong | failed | CPU % (of one core) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        clients = str(row["connections"])
        if row["connected"] != row["connections"]:
            refused = "; ".join(f"{count}× {message}"
                                for message, count in row.get("refused_connections", {}).items())
            clients = f"{row['connected']} of {row['connections']} (refused: {refused})"
        paced = f"{row['rate_asked']:.0f}/s" if row.get("rate_asked") else "as answered"
        if row.get("rate_asked") and row.get("late"):
            paced += f" ({row['late']:,} due, unanswered at the end)"
        failed = str(row["failed"])
        if row["errors"]:
            failed += " (" + "; ".join(f"{count}× {message}" for message, count in row["errors"].items()) + ")"
        print(f"| {row['label']} | {row['method']} | {clients} | {paced} | {row['per_second']:,.0f} "
              f"| {row['p50_ms']:.1f} | {row['p99_ms']:.1f} | {row['max_ms']:.1f} | {row['wrong']} "
              f"| {failed} | {cpu(row)} |")
    scaled = {}
    for row in rows:
        if row["label"].startswith("nginx"):
            scaled.setdefault(row["method"], []).append(row)
    for method, pair in scaled.items():
        if len(pair) == 2 and pair[0]["per_second"] > 0:
            print(f"two nodes / one node through nginx, {method}: "
                  f"{pair[1]['per_second'] / pair[0]['per_second']:.2f}×")


if __name__ == "__main__":
    main(sys.argv[1])
