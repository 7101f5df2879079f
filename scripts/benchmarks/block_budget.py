#!/usr/bin/env python3
"""The block budget, measured: how long a full block takes to author and to import on a
4-validator network under full load. Run it through scripts/bench-block-budget.sh.

Starts the local network (alice, bob, charlie, dave from chain-specs/local.raw.json) on loopback,
each node on a temp dir and free ports, with the pool raised as scripts/bench-load.sh raises it;
runs `govchain-load` against alice (it sets up a government, then floods each workload); while it
runs, reads every node's Prometheus counters each second. Then, from the four logs and the
counters:

- authoring: each full block's build time ("Prepared block for proposing at N (T ms)", the
  author's basic-authorship log), with the weight the block used (System::BlockWeight, read by
  the load tool's report);
- import: `substrate_block_verification_and_import_time` (the import queue's histogram: blocks
  from other validators, not the node's own), its mean over the loaded window on each node;
- the budget: the slowest author plus the slowest node's mean import, against the 6 s slot.

Stops every node whatever happens. Writes the figures as JSON next to the logs.
"""

import argparse
import collections
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

NODE = os.environ.get("GOVCHAIN_NODE", "")
LOAD = os.environ.get("GOVCHAIN_LOAD", "")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC = os.path.join(ROOT, "chain-specs", "local.raw.json")
VALIDATORS = ["alice", "bob", "charlie", "dave"]
SLOT_MS = 6000  # runtime/src/lib.rs
# Alice's node key: the chain spec names her, with it, as the bootnode.
ALICE_NODE_KEY = "0" * 63 + "1"
IMPORT = "substrate_block_verification_and_import_time"
# A block of the workload: one that held at least this many extrinsics.
LOADED = 100
PREPARED = re.compile(
    r"^(\S+ \S+)\s.*Prepared block for proposing at (\d+) \((\d+) ms\).*?"
    r"end: (\w+); extrinsics_count: (\d+)"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rpc(port, method, params=None):
    body = json.dumps({"id": 1, "jsonrpc": "2.0", "method": method, "params": params or []})
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}", body.encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["result"]


def metrics(port):
    """The import histogram's sum and count on the node's Prometheus endpoint."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        text = response.read().decode()
    values = {}
    for line in text.splitlines():
        if line.startswith(f"{IMPORT}_sum") or line.startswith(f"{IMPORT}_count"):
            name, value = line.rsplit(" ", 1)
            values[name.split("{")[0].rsplit("_", 1)[1]] = float(value)
    return values


class Node:
    def __init__(self, name, work, alice_p2p):
        self.name = name
        self.base = os.path.join(work, name)
        self.log_path = os.path.join(work, f"{name}.log")
        self.rpc_port, self.p2p_port, self.prometheus_port = free_port(), free_port(), free_port()
        if name == "alice":
            self.p2p_port = alice_p2p
        self.process = None

    def start(self, alice_peer, alice_p2p):
        args = [NODE, "--chain", SPEC, "--base-path", self.base, f"--{self.name}", "--validator",
                "--port", str(self.p2p_port), "--rpc-port", str(self.rpc_port),
                "--prometheus-port", str(self.prometheus_port), "--no-telemetry", "--no-mdns",
                "--unsafe-force-node-key-generation",
                # As scripts/bench-load.sh: a pool that holds the flood, unsafe RPC on loopback
                # so that the load tool can empty it between workloads.
                "--pool-limit", "200000", "--pool-kbytes", "2000000",
                "--rpc-methods", "unsafe", "--rpc-max-connections", "200",
                "--rpc-max-request-size", "64", "--rpc-max-response-size", "256",
                "--rpc-message-buffer-capacity-per-connection", "4096"]
        if self.name == "alice":
            args += ["--node-key", ALICE_NODE_KEY]
        else:
            args += ["--bootnodes", f"/ip4/127.0.0.1/tcp/{alice_p2p}/p2p/{alice_peer}"]
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def wait_until(predicate, timeout, what):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(1)
    raise SystemExit(f"block_budget: not within {timeout} s: {what}")


def alice_peer_id():
    with open(SPEC, encoding="utf-8") as spec:
        return json.load(spec)["bootNodes"][0].rsplit("/", 1)[1]


def scrape(nodes, samples, stop):
    """Every second: each node's import histogram (sum, count), with the time."""
    while not stop.is_set():
        now = time.time()
        for node in nodes:
            try:
                samples.append((now, node.name, metrics(node.prometheus_port)))
            except OSError:
                pass
        stop.wait(1)


def log_time(text):
    """Seconds since the epoch of a node log's `YYYY-MM-DD HH:MM:SS` (local time)."""
    return time.mktime(time.strptime(text[:19], "%Y-%m-%d %H:%M:%S"))


def authored(logs):
    """Every block built, from the four logs: number → (author, when, ms, end, extrinsics)."""
    blocks = {}
    for path in logs:
        name = os.path.basename(path).split(".")[0]
        with open(path, encoding="utf-8", errors="replace") as log:
            for line in log:
                match = PREPARED.search(line)
                if match:
                    when, number, took, end, count = match.groups()
                    blocks[int(number)] = (name, log_time(when), int(took), end, int(count))
    return blocks


def quantile(values, q):
    values = sorted(values)
    return values[round((len(values) - 1) * q)] if values else None


def import_means(samples, start, end):
    """Each node's mean import time (ms) and blocks imported between `start` and `end`."""
    means = {}
    for name in VALIDATORS:
        inside = [values for when, node, values in samples
                  if node == name and start <= when <= end and "count" in values]
        if len(inside) < 2:
            continue
        first, last = inside[0], inside[-1]
        count = last["count"] - first["count"]
        if count > 0:
            means[name] = ((last["sum"] - first["sum"]) / count * 1000.0, int(count))
    return means


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--workloads", default="a,b")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--citizens", type=int, default=4000)
    parser.add_argument("--analyze", action="store_true",
                        help="only work out the budget again from what a run left in --out")
    args = parser.parse_args()
    if args.analyze:
        analyze(args.out)
        return
    os.makedirs(args.out, exist_ok=True)

    work = tempfile.mkdtemp(prefix="govchain-budget-")
    alice_p2p = free_port()
    nodes = [Node(name, work, alice_p2p) for name in VALIDATORS]
    samples, stop = [], threading.Event()
    scraper = threading.Thread(target=scrape, args=(nodes, samples, stop), daemon=True)
    load_output = []
    try:
        peer = alice_peer_id()
        for node in nodes:
            node.start(peer, alice_p2p)
        alice = nodes[0]
        wait_until(lambda: all(rpc(node.rpc_port, "system_health")["peers"] >= 3
                               for node in nodes), 120, "every node sees the three others")
        wait_until(lambda: int(rpc(alice.rpc_port, "chain_getFinalizedHead") and
                               rpc(alice.rpc_port, "chain_getHeader",
                                   [rpc(alice.rpc_port, "chain_getFinalizedHead")])["number"],
                               16) >= 1, 120, "a finalized block")
        print(f"block_budget: 4 validators up on loopback (logs in {work}); the load tool "
              f"floods alice", flush=True)
        scraper.start()
        report = os.path.join(args.out, "report.json")
        load = subprocess.Popen(
            [LOAD, "--url", f"ws://127.0.0.1:{alice.rpc_port}", "--citizens", str(args.citizens),
             "--parcels", str(args.citizens), "--seconds", str(args.seconds), "--workloads",
             args.workloads, "--node-pid", str(alice.process.pid), "--json", report],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in load.stdout:
            print(f"  {line}", end="", flush=True)
            load_output.append(line)
        if load.wait() != 0:
            raise SystemExit("block_budget: the load tool failed")
        stop.set()
        scraper.join()
    finally:
        stop.set()
        for node in nodes:
            node.stop()
        for node in nodes:
            if os.path.exists(node.log_path):
                with open(node.log_path, encoding="utf-8", errors="replace") as source, \
                        open(os.path.join(args.out, f"{node.name}.log"), "w") as target:
                    target.write(source.read())

    with open(os.path.join(args.out, "samples.json"), "w", encoding="utf-8") as file:
        json.dump(samples, file)
    analyze(args.out)


def analyze(out):
    """The budget from what a run left in `out`: the load report, the logs and the samples."""
    with open(os.path.join(out, "report.json"), encoding="utf-8") as file:
        report = json.load(file)
    with open(os.path.join(out, "samples.json"), encoding="utf-8") as file:
        samples = json.load(file)
    blocks = authored([os.path.join(out, f"{name}.log") for name in VALIDATORS])
    summary = {"slot_ms": SLOT_MS, "workloads": []}
    print("\nblock budget: 4 validators on this machine's 2 cores; the loaded blocks of each "
          f"workload (at least {LOADED} extrinsics)")
    print(f"  {'workload':<40} {'blocks':>6} {'author p50':>10} {'max':>6}  {'import mean':<44}"
          f" author max + slowest import")
    workloads = report["workloads"]
    for position, workload in enumerate(workloads):
        # From the first block that held the workload to the block before the next one's.
        first = workload["blocks"][0] - 1
        following = workloads[position + 1]["blocks"][0] - 1 if position + 1 < len(workloads) \
            else max(blocks, default=first) + 1
        loaded = {n: b for n, b in blocks.items() if first <= n < following and b[4] >= LOADED}
        if not loaded:
            print(f"  {workload['label']:<40} no loaded block")
            continue
        took = [b[2] for b in loaded.values()]
        start = min(b[1] for b in loaded.values())
        end = max(b[1] for b in loaded.values())
        means = import_means(samples, start - 1, end + 4)
        slowest = max((mean for mean, _ in means.values()), default=0.0)
        total = max(took) + slowest
        per_node = ", ".join(f"{name[0]} {mean:.0f} ms×{count}" for name, (mean, count)
                             in means.items())
        ends = collections.Counter(b[3] for b in loaded.values())
        print(f"  {workload['label']:<40} {len(loaded):>6} {quantile(took, 0.5):>7} ms"
              f" {max(took):>6}  {per_node:<44} {total:.0f} ms = {total / SLOT_MS * 100:.0f} %"
              f" of the slot")
        print(f"  {'':<40} ended: " + ", ".join(f"{end} ×{n}" for end, n in ends.most_common())
              + "; per block (number: author, ms, extrinsics): "
              + ", ".join(f"#{n}: {b[0]} {b[2]} ms {b[4]}" for n, b in sorted(loaded.items())))
        summary["workloads"].append({
            "label": workload["label"], "blocks": sorted(loaded),
            "full_percent_of_measured": workload["block_fullness_percent"],
            "author_ms": {"p50": quantile(took, 0.5), "max": max(took)},
            "per_block": {n: {"author": b[0], "ms": b[2], "end": b[3], "extrinsics": b[4]}
                          for n, b in sorted(loaded.items())},
            "import_mean_ms": {name: {"mean": mean, "blocks": count}
                               for name, (mean, count) in means.items()},
            "author_max_plus_slowest_import_ms": total,
        })
    with open(os.path.join(out, "budget.json"), "w", encoding="utf-8") as file:
        json.dump(summary, file, indent=2)
    print(f"\nwrote {os.path.join(out, 'budget.json')}; node logs in {out}")


if __name__ == "__main__":
    if (not NODE or not LOAD) and "--analyze" not in sys.argv:
        sys.exit("block_budget: run it through scripts/bench-block-budget.sh")
    main()
