#!/usr/bin/env python3
"""Static checks of the monitoring kit that promtool does not do (python3 standard library only).

  python3 check_dashboard.py [--emit-rules FILE]

Checks, from this file's directory:
  - grafana/govchain.json parses, is schemaVersion 39, takes its data source from the
    DS_PROMETHEUS input, has the `instance` variable, and every panel (rows' nested panels
    included) has a unique id; every query panel has at least one expr;
  - every metric name in a dashboard query, in an alert `expr:` of alerts.yml and in an input
    series of alerts.test.yml is in KNOWN_METRICS below, so a misspelt name fails here instead
    of showing an empty panel or an alert that can never fire;
  - every alert of alerts.yml has a test case in alerts.test.yml that fires it and one that
    expects it not to fire.
With --emit-rules FILE it also writes every dashboard query, Grafana variables replaced, as a
recording rule to FILE, for `promtool check rules FILE` to parse (check.sh does this).

Exit status 0 when everything passes, 1 with one line per problem otherwise.
"""

import json
import os
import re
import sys

# Every metric the kit may use, with where its name comes from. Substrate names were read in
# the polkadot-sdk crates in Cargo.lock (paths relative to ~/.cargo/registry/src/*/); add a name
# here only after reading it in the source of the version the node is built with.
SUBSTRATE = {
    # GaugeVec, label `status` = best | finalized | sync_target
    "substrate_block_height": "sc-service-0.62.0/src/metrics.rs:88",
    "substrate_number_leaves": "sc-service-0.62.0/src/metrics.rs:95",
    "substrate_ready_transactions_number": "sc-service-0.62.0/src/metrics.rs:101",
    "substrate_database_cache_bytes": "sc-service-0.62.0/src/metrics.rs:109",
    "substrate_state_cache_bytes": "sc-service-0.62.0/src/metrics.rs:113",
    "substrate_build_info": "sc-service-0.62.0/src/metrics.rs:55",
    "substrate_proposer_number_of_transactions": "sc-proposer-metrics-0.20.0/src/lib.rs:79",
    "substrate_import_queue_processed_total": "sc-consensus-0.59.0/src/metrics.rs:45",
    "substrate_finality_grandpa_round": "sc-consensus-grandpa-0.45.0/src/environment.rs:403",
    "substrate_sub_libp2p_network_bytes_total": "sc-network-0.60.0/src/service/metrics.rs:264",
    "substrate_sub_libp2p_peers_count": "sc-network-0.60.0/src/service/metrics.rs:294",
    "substrate_sub_libp2p_is_major_syncing": "sc-network-sync-0.59.0/src/engine.rs:168",
    "substrate_sync_peers": "sc-network-sync-0.59.0/src/engine.rs:136",
}
# Histograms: Prometheus exposes NAME_bucket, NAME_sum and NAME_count.
SUBSTRATE_HISTOGRAMS = {
    # Observed once per block the node builds (sc-basic-authorship-0.57.0/src/basic_authorship.rs:530).
    "substrate_proposer_block_constructed": "sc-proposer-metrics-0.20.0/src/lib.rs:72",
    # Observed per block imported through the import queue (sc-consensus-0.59.0/src/import_queue.rs:433).
    "substrate_block_verification_and_import_time": "sc-consensus-0.59.0/src/metrics.rs:64",
}
# Exported by govchain-node itself (gauges; all carry Substrate's `chain` label): read from the
# node's source, where they are registered, so the kit and the node cannot drift apart.
_REGISTRY_METRICS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                 "node", "src", "registry_metrics.rs")
with open(_REGISTRY_METRICS) as _source:
    GOVCHAIN = {name: "node/src/registry_metrics.rs"
                for name in re.findall(r'"(govchain_[a-z_]+)"', _source.read())}
# Debian prometheus-node-exporter 1.5 (collector/filesystem_common.go, cpu_linux.go, meminfo.go).
NODE_EXPORTER = {
    "node_filesystem_avail_bytes": "filesystem collector",
    "node_filesystem_size_bytes": "filesystem collector",
    "node_cpu_seconds_total": "cpu collector",
    "node_memory_MemAvailable_bytes": "meminfo collector (/proc/meminfo MemAvailable)",
    "node_memory_MemTotal_bytes": "meminfo collector (/proc/meminfo MemTotal)",
}
PROMETHEUS = {"up": "set by Prometheus for every scrape target"}

KNOWN_METRICS = set(SUBSTRATE) | set(GOVCHAIN) | set(NODE_EXPORTER) | set(PROMETHEUS)
for _name in SUBSTRATE_HISTOGRAMS:
    KNOWN_METRICS |= {_name + "_bucket", _name + "_sum", _name + "_count"}

# PromQL words that look like identifiers but are not metric names.
KEYWORDS = {
    "and", "or", "unless", "bool", "by", "without", "on", "ignoring", "group_left",
    "group_right", "offset", "inf", "nan", "atan2",
}

problems = []


def problem(message):
    problems.append(message)


def metric_names(expr):
    """The metric names a PromQL expression selects (a conservative tokenizer, no full parser)."""
    s = re.sub(r'"(?:\\.|[^"\\])*"', '""', expr)          # string literals (label values, args)
    s = re.sub(r"'(?:\\.|[^'\\])*'", "''", s)
    s = re.sub(r"`[^`]*`", "``", s)
    s = re.sub(r"\$\{[^}]*\}|\$\w+", " ", s)             # Grafana variables
    s = re.sub(r"\{[^}]*\}", " ", s)                      # label matchers
    s = re.sub(r"\[[^\]]*\]", " ", s)                     # ranges and subqueries
    s = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", s)
    s = re.sub(r"\boffset\s+-?[0-9][0-9a-z]*", " ", s)
    names = set()
    for match in re.finditer(r"(?<![\w.])([A-Za-z_:][A-Za-z0-9_:]*)", s):
        word = match.group(1)
        rest = s[match.end():].lstrip()
        if rest.startswith("("):                          # a function or an aggregation
            continue
        if word.lower() in KEYWORDS:
            continue
        names.add(word)
    return names


def check_names(where, names):
    for name in sorted(names):
        if name not in KNOWN_METRICS:
            problem(f"{where}: unknown metric name `{name}` (typo? or add it to KNOWN_METRICS "
                    "in check_dashboard.py after checking its source)")


def walk_panels(panels):
    for panel in panels:
        yield panel
        yield from walk_panels(panel.get("panels", []))


def check_dashboard(path):
    """Returns [(rule name, expr)] of the dashboard's queries, Grafana variables replaced."""
    try:
        with open(path, encoding="utf-8") as f:
            dash = json.load(f)
    except (OSError, ValueError) as error:
        problem(f"{path}: does not parse: {error}")
        return []
    if dash.get("schemaVersion") != 39:
        problem(f"{path}: schemaVersion is {dash.get('schemaVersion')!r}, expected 39")
    if not any(i.get("name") == "DS_PROMETHEUS" and i.get("pluginId") == "prometheus"
               for i in dash.get("__inputs", [])):
        problem(f"{path}: no DS_PROMETHEUS prometheus input in __inputs")

    variables = {v.get("name"): v for v in dash.get("templating", {}).get("list", [])}
    instance = variables.get("instance")
    if instance is None:
        problem(f"{path}: no `instance` templating variable")
    else:
        query = instance.get("query")
        query = query.get("query", "") if isinstance(query, dict) else (query or "")
        match = re.fullmatch(r"\s*label_values\(\s*([A-Za-z_:][\w:]*)\s*,\s*instance\s*\)\s*", query)
        if not match:
            problem(f"{path}: variable `instance` query {query!r} is not label_values(METRIC, instance)")
        else:
            check_names(f"{path}: variable instance", {match.group(1)})

    rules = []
    seen = {}
    for panel in walk_panels(dash.get("panels", [])):
        title = panel.get("title", "?")
        pid = panel.get("id")
        if not isinstance(pid, int):
            problem(f"{path}: panel {title!r} has no integer id")
        elif pid in seen:
            problem(f"{path}: panel id {pid} used by both {seen[pid]!r} and {title!r}")
        else:
            seen[pid] = title
        if panel.get("type") == "row":
            continue
        if panel.get("datasource", {}).get("uid") != "${DS_PROMETHEUS}":
            problem(f"{path}: panel {title!r} does not use the ${{DS_PROMETHEUS}} data source")
        targets = panel.get("targets", [])
        if not any(t.get("expr", "").strip() for t in targets):
            problem(f"{path}: panel {title!r} has no query")
        for target in targets:
            expr = target.get("expr", "")
            if not expr.strip():
                continue
            check_names(f"{path}: panel {title!r}", metric_names(expr))
            concrete = (expr.replace("$__rate_interval", "1m").replace("$__interval", "1m")
                        .replace("${instance}", ".*").replace("$instance", ".*"))
            if "$" in concrete:
                problem(f"{path}: panel {title!r} uses an unknown Grafana variable: {expr!r}")
            rules.append((f"dashboard:panel_{pid}_{target.get('refId', 'X')}", concrete))
    return rules


def yaml_exprs(path):
    """[(line number, alert name, expr)] of a rules file in the format alerts.yml keeps: each
    `expr:` either fits on its line or is a block scalar (`|`, `|-`, `>`, `>-`)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, alerts, alert = [], 0, None
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^\s*-\s*(alert|record):\s*(\S+)", line)
        if m:
            alerts += 1
            alert = m.group(2)
        m = re.match(r"^(\s*)(?:-\s*)?expr:\s*(.*?)\s*$", line)
        if m:
            indent, value = len(m.group(1)), m.group(2)
            if value in ("|", "|-", ">", ">-"):
                start, body = i + 1, []
                i += 1
                while i < len(lines) and (not lines[i].strip()
                                          or len(lines[i]) - len(lines[i].lstrip()) > indent):
                    body.append(lines[i])
                    i += 1
                out.append((start, alert, "\n".join(body)))
                continue
            if value[:1] in ("'", '"') and value[-1:] == value[:1]:
                value = value[1:-1]
            out.append((i + 1, alert, value))
        i += 1
    if len(out) != alerts:
        problem(f"{path}: found {alerts} rules but {len(out)} expr: fields (keep the format "
                "check_dashboard.py reads: expr on its line or as a block scalar)")
    return out


def check_alerts(path):
    names = []
    for line, alert, expr in yaml_exprs(path):
        check_names(f"{path}:{line} ({alert})", metric_names(expr))
        names.append(alert)
    return set(names)


def check_tests(path, alerts):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    fires, quiet = set(), set()
    current = None
    for number, line in enumerate(lines, 1):
        m = re.match(r"""^\s*-?\s*series:\s*(['"])(.*)\1\s*$""", line)
        if m:
            name = m.group(2).split("{", 1)[0].strip()
            check_names(f"{path}:{number} (input series)", {name} if name else set())
        m = re.match(r"^\s*alertname:\s*(\S+)\s*$", line)
        if m:
            current = m.group(1)
            if current not in alerts:
                problem(f"{path}:{number}: tests unknown alert {current}")
        m = re.match(r"^\s*exp_alerts:\s*(.*?)\s*$", line)
        if m and current:
            (quiet if m.group(1) == "[]" else fires).add(current)
    for alert in sorted(alerts):
        if alert not in fires:
            problem(f"{path}: no test case fires {alert}")
        if alert not in quiet:
            problem(f"{path}: no test case expects {alert} not to fire (exp_alerts: [])")


def emit_rules(path, rules):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Generated by check_dashboard.py: the dashboard's queries, for promtool.\n")
        f.write("groups:\n  - name: dashboard\n    rules:\n")
        for name, expr in rules:
            f.write(f"      - record: {name}\n        expr: |\n")
            for line in expr.split("\n"):
                f.write(f"          {line}\n")


def main(argv):
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    emit = None
    if argv[1:2] == ["--emit-rules"] and len(argv) == 3:
        emit = argv[2]
    elif len(argv) != 1:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    rules = check_dashboard("grafana/govchain.json")
    alerts = check_alerts("alerts.yml")
    check_tests("alerts.test.yml", alerts)
    if emit:
        emit_rules(emit, rules)
    for message in problems:
        print(f"check_dashboard.py: {message}", file=sys.stderr)
    if problems:
        return 1
    print(f"check_dashboard.py: OK ({len(rules)} dashboard queries, {len(alerts)} alerts, "
          f"{len(KNOWN_METRICS)} known metric names)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
