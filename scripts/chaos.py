#!/usr/bin/env python3
"""Chaos on a local network of real nodes, in network namespaces this script creates.

Each scenario starts a fresh 4-validator network (alice, bob, charlie, dave) of
chain-specs/local.raw.json, one node per namespace, does something bad to it, prints what it
observed and checks what must hold. Run it through scripts/chaos.sh (it builds the node and needs
root for `ip netns` and `mount`).

scripts/chaos.sh runs this script under `unshare --net --mount --pid --fork --kill-child`: its
"root" network namespace, its mounts and its processes are its own, so nothing it creates can
touch the host's network, and when it ends, however it ends, the kernel removes every node,
namespace, veth and mount it made.

The network: a namespace `gcx-hub` holds two bridges, side a and side b, joined by one veth pair
(the partition cuts it). Node i lives in namespace `gcx-i`, its p2p address 10.77.0.i on a
bridge, plus a point-to-point veth to the script's own namespace (10.78.i.2, the script's end
10.78.i.1) that only its RPC and this observer use: the nodes cannot reach each other through
it (no p2p listener there, no routes between the /24s).

Scenarios:
  partition  2|2 split of the validators: finality stops, the halves fork; after healing,
             finality resumes on one chain and no finalized block is reverted.
  clock      dave's wall clock 15 s (2.5 slots) ahead: the network keeps finalizing.
  equivocate a fifth node with dave's authority keys: the chain keeps finalizing; the
             equivocation shows in the logs.
  disk       dave's database on a small filesystem that fills: dave stops cleanly at the
             storage threshold and will not start while it stays full; once space returns it
             restarts with its database intact and catches up.
  upgrade    a runtime upgrade by governance, charlie killed (SIGKILL) as the new code is
             enacted: the network keeps finalizing, charlie restarts on the new runtime.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

NODE = os.environ.get("GOVCHAIN_NODE", "")
UPGRADE_WASM = os.environ.get("GOVCHAIN_UPGRADE_WASM", "")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = os.path.join(ROOT, "chain-specs", "local.raw.json")
VALIDATORS = ["alice", "bob", "charlie", "dave"]
SLOT = 6  # seconds (runtime/src/lib.rs)


class Failed(Exception):
    """An expectation of a scenario did not hold."""


def say(scenario, text):
    print(f"chaos: {scenario}: {text}", flush=True)


def run(*args, check=True):
    return subprocess.run(args, check=check, capture_output=True, text=True)


def wait_until(predicate, timeout, what, every=1.0):
    """Polls `predicate` until it returns something truthy; fails after `timeout` seconds."""
    deadline = time.time() + timeout
    while True:
        try:
            value = predicate()
        except OSError:
            value = None
        if value:
            return value
        if time.time() > deadline:
            raise Failed(f"not within {timeout} s: {what}")
        time.sleep(every)


class Network:
    """The namespaces, bridges and veth pairs; `down` removes every one of them."""

    def __init__(self, count, side_b):
        self.count = count
        self.side_b = side_b  # node indexes on bridge b
        self.namespaces = ["gcx-hub"] + [f"gcx-{i}" for i in range(1, count + 1)]

    def up(self):
        self.down()
        run("ip", "netns", "add", "gcx-hub")
        hub = ["ip", "-n", "gcx-hub"]
        run(*hub, "link", "set", "lo", "up")
        for bridge in ("bra", "brb"):
            run(*hub, "link", "add", bridge, "type", "bridge")
            run(*hub, "link", "set", bridge, "up")
        run(*hub, "link", "add", "cuta", "type", "veth", "peer", "name", "cutb")
        run(*hub, "link", "set", "cuta", "master", "bra")
        run(*hub, "link", "set", "cutb", "master", "brb")
        self.heal()
        for i in range(1, self.count + 1):
            ns = f"gcx-{i}"
            run("ip", "netns", "add", ns)
            run("ip", "-n", ns, "link", "set", "lo", "up")
            # p2p: eth0 in the node's namespace, its peer on a bridge of the hub.
            run("ip", "link", "add", f"gcx{i}p", "type", "veth", "peer", "name", f"gcx{i}h")
            run("ip", "link", "set", f"gcx{i}p", "netns", ns, "name", "eth0")
            run("ip", "link", "set", f"gcx{i}h", "netns", "gcx-hub")
            run(*hub, "link", "set", f"gcx{i}h", "master", "brb" if i in self.side_b else "bra")
            run(*hub, "link", "set", f"gcx{i}h", "up")
            run("ip", "-n", ns, "addr", "add", f"10.77.0.{i}/24", "dev", "eth0")
            run("ip", "-n", ns, "link", "set", "eth0", "up")
            # management: RPC and the observer only.
            run("ip", "link", "add", f"gcx{i}m", "type", "veth", "peer", "name", f"gcx{i}r")
            run("ip", "link", "set", f"gcx{i}m", "netns", ns, "name", "mgmt")
            run("ip", "-n", ns, "addr", "add", f"10.78.{i}.2/24", "dev", "mgmt")
            run("ip", "-n", ns, "link", "set", "mgmt", "up")
            run("ip", "addr", "add", f"10.78.{i}.1/24", "dev", f"gcx{i}r")
            run("ip", "link", "set", f"gcx{i}r", "up")

    def partition(self):
        run("ip", "-n", "gcx-hub", "link", "set", "cuta", "down")

    def heal(self):
        run("ip", "-n", "gcx-hub", "link", "set", "cuta", "up")
        run("ip", "-n", "gcx-hub", "link", "set", "cutb", "up")

    def down(self):
        for i in range(1, self.count + 1):
            run("ip", "link", "del", f"gcx{i}r", check=False)
        for ns in self.namespaces:
            run("ip", "netns", "del", ns, check=False)


def node_key(index):
    return f"{index:064x}"


def peer_id(index, work):
    path = os.path.join(work, f"node-key-{index}")
    with open(path, "w") as file:
        file.write(node_key(index))
    return run(NODE, "key", "inspect-node-key", "--file", path).stdout.strip()


class Node:
    """One govchain-node in namespace gcx-<index>, its RPC at 10.78.<index>.2:9944."""

    def __init__(self, index, name, key, work, peers, extra=(), wrapper=()):
        self.index, self.name, self.key = index, name, key
        self.base = os.path.join(work, name)
        self.log_path = os.path.join(work, f"{name}.log")
        self.peers, self.extra, self.wrapper = peers, list(extra), list(wrapper)
        self.process = None
        self.url = f"http://10.78.{index}.2:9944"
        self.ws = f"ws://10.78.{index}.2:9944"

    def start(self):
        bootnodes = [p for i, p in self.peers.items() if i != self.index]
        args = ["ip", "netns", "exec", f"gcx-{self.index}", *self.wrapper, NODE,
                "--chain", SPEC, "--base-path", self.base, f"--{self.key}", "--validator",
                "--name", self.name, "--node-key", node_key(self.index),
                "--listen-addr", f"/ip4/10.77.0.{self.index}/tcp/30333",
                "--public-addr", f"/ip4/10.77.0.{self.index}/tcp/30333",
                "--no-mdns", "--rpc-external", "--rpc-methods", "unsafe", "--rpc-cors", "all",
                "--rpc-port", "9944", "--prometheus-port", "9615",
                "--bootnodes", *bootnodes, *self.extra]
        self.log = open(self.log_path, "a")
        # Its own process group: a wrapper (faketime) forks the node, and a signal must reach both.
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)

    def send(self, sig):
        try:
            os.killpg(self.process.pid, sig)
        except ProcessLookupError:
            pass

    def stop(self, sig=signal.SIGTERM, timeout=60):
        if self.process and self.process.poll() is None:
            self.send(sig)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.send(signal.SIGKILL)
                self.process.wait()
        elif self.process:
            self.send(signal.SIGKILL)  # what may be left of the group
        return self.process.returncode if self.process else None

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def text(self):
        with open(self.log_path, errors="replace") as file:
            return file.read()

    def rpc(self, method, params=None, timeout=5):
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method,
                           "params": params or []}).encode()
        request = urllib.request.Request(self.url, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.loads(response.read())
        if "error" in answer:
            raise OSError(f"{method}: {answer['error']}")
        return answer["result"]

    def best(self):
        return int(self.rpc("chain_getHeader")["number"], 16)

    def finalized(self):
        head = self.rpc("chain_getFinalizedHead")
        return int(self.rpc("chain_getHeader", [head])["number"], 16), head

    def hash_at(self, number):
        return self.rpc("chain_getBlockHash", [number])

    def spec_version(self):
        return self.rpc("state_getRuntimeVersion")["specVersion"]


class Run:
    """A scenario's network and nodes; `close` stops and removes everything."""

    def __init__(self, scenario, side_b=(), count=4):
        self.scenario = scenario
        self.work = tempfile.mkdtemp(prefix=f"govchain-chaos-{scenario}-")
        self.net = Network(count, set(side_b))
        self.nodes = {}
        self.peers = {}
        self.finalized_seen = {}  # number -> hash, every finalized block any node reported

    def __enter__(self):
        try:
            self.net.up()
            for i in range(1, self.net.count + 1):
                self.peers[i] = f"/ip4/10.77.0.{i}/tcp/30333/p2p/{peer_id(i, self.work)}"
        except BaseException:
            self.__exit__(*sys.exc_info())
            raise
        return self

    def __exit__(self, *exc):
        for node in self.nodes.values():
            node.stop(signal.SIGKILL)
        self.net.down()
        for mount in getattr(self, "mounts", []):
            run("umount", "-l", mount, check=False)
        if exc[0] is None and not os.environ.get("CHAOS_KEEP"):
            shutil.rmtree(self.work, ignore_errors=True)
        else:
            say(self.scenario, f"logs kept in {self.work}")
        return False

    def add(self, index, name, key=None, extra=(), wrapper=()):
        node = Node(index, name, key or name, self.work, self.peers, extra, wrapper)
        self.nodes[name] = node
        node.start()
        return node

    def validators(self, extra_for=None, wrapper_for=None):
        for i, name in enumerate(VALIDATORS, start=1):
            self.add(i, name, extra=(extra_for or {}).get(name, ()),
                     wrapper=(wrapper_for or {}).get(name, ()))

    def live(self):
        return [node for node in self.nodes.values() if node.alive()]

    def observe(self):
        """Each live node's finalized head, remembered; returns {name: (best, finalized)}."""
        seen = {}
        for node in self.live():
            try:
                number, head = node.finalized()
                seen[node.name] = (node.best(), number)
            except OSError:
                continue
            known = self.finalized_seen.get(number)
            if known is not None and known != head:
                raise Failed(f"{node.name} finalized {head} at #{number}, another node {known}")
            self.finalized_seen[number] = head
        return seen

    def wait_finalized(self, at_least, timeout, nodes=None):
        nodes = nodes or self.live()

        def reached():
            self.observe()
            return all(n.alive() and n.finalized()[0] >= at_least for n in nodes)
        wait_until(reached, timeout, f"#{at_least} finalized on {[n.name for n in nodes]}", 2)

    def check_no_finalized_reverted(self, nodes=None):
        """Every finalized block any node ever reported is on every node's chain."""
        nodes = nodes or self.live()
        for node in nodes:
            top = node.finalized()[0]
            for number, head in sorted(self.finalized_seen.items()):
                if number <= top and node.hash_at(number) != head:
                    raise Failed(f"{node.name} reverted finalized #{number} ({head})")
        return max(self.finalized_seen) if self.finalized_seen else 0

    def finality_progress(self, seconds):
        """How far the lowest finalized head of the live nodes moves in `seconds`."""
        before = min(number for _, number in self.observe().values())
        end = time.time() + seconds
        while time.time() < end:
            self.observe()
            time.sleep(2)
        after = min(number for _, number in self.observe().values())
        return before, after


def aura_slot(header):
    """The slot in a header's Aura pre-runtime digest."""
    for item in header["digest"]["logs"]:
        raw = bytes.fromhex(item[2:])
        # PreRuntime (6), engine b"aura", a compact length (0x20: 8 bytes), the slot (u64 LE).
        if raw[:5] == b"\x06aura" and len(raw) >= 14:
            return int.from_bytes(raw[6:14], "little")
    return None


def authority_index(node, key):
    """Where the Aura key of the development account `key` (e.g. "dave") stands in the
    authority set at `node`'s best block, and the set's size."""
    public = re.search(r"Public key \(hex\):\s+0x([0-9a-f]{64})",
                       run(NODE, "key", "inspect", f"//{key.capitalize()}").stdout).group(1)
    raw = bytes.fromhex(node.rpc("state_call", ["AuraApi_authorities", "0x"])[2:])
    count = raw[0] >> 2  # a one-byte compact length: fewer than 64 authorities
    keys = [raw[1 + 32 * i:33 + 32 * i].hex() for i in range(count)]
    return keys.index(public), count


def authored_by(node, index, first, last, count):
    """How many blocks in [first, last] of `node`'s chain validator `index` (0-based) authored."""
    authored = 0
    for number in range(first, last + 1):
        header = node.rpc("chain_getHeader", [node.hash_at(number)])
        slot = aura_slot(header)
        if slot is not None and slot % count == index:
            authored += 1
    return authored


def scenario_partition(quick):
    name = "partition"
    with Run(name, side_b=(3, 4)) as chaos:
        chaos.validators()
        chaos.wait_finalized(3, 180)
        before = chaos.observe()
        say(name, f"4 validators finalizing: {before}; cutting the network between "
                  "{alice, bob} and {charlie, dave}")
        chaos.net.partition()
        window = 36 if quick else 90
        time.sleep(2 * SLOT)  # votes in flight settle
        stalled_from, stalled_to = chaos.finality_progress(window)
        during = chaos.observe()
        say(name, f"{window} s partitioned: finalized #{stalled_from} -> #{stalled_to}; "
                  f"best/finalized {during}")
        if stalled_to > stalled_from:
            raise Failed("finality advanced without a two-thirds majority")
        a, b = chaos.nodes["alice"], chaos.nodes["charlie"]
        common = min(a.best(), b.best())
        if common > stalled_to and a.hash_at(common) != b.hash_at(common):
            say(name, f"the halves forked: #{common} is {a.hash_at(common)[:12]}… on alice, "
                      f"{b.hash_at(common)[:12]}… on charlie")
        else:
            say(name, f"no fork at #{common} (one half authored no block at that height)")
        chaos.net.heal()
        healed_at = time.time()
        target = max(best for best, _ in chaos.observe().values()) + 1
        chaos.wait_finalized(target, 240)
        say(name, f"healed: every node finalized #{target} (past both halves' best) in "
                  f"{time.time() - healed_at:.0f} s")
        top = chaos.check_no_finalized_reverted()
        heads = {n.name: n.hash_at(top)[:12] for n in chaos.live()}
        if len(set(heads.values())) != 1:
            raise Failed(f"nodes disagree at #{top}: {heads}")
        say(name, f"one chain: every node has the same #{top}; none of the "
                  f"{len(chaos.finalized_seen)} finalized blocks seen was reverted")


def scenario_clock(quick):
    name = "clock"
    skew = "+15s"
    wrapper = ["env", "FAKETIME_DONT_FAKE_MONOTONIC=1", "faketime", "-f", skew]
    with Run(name) as chaos:
        chaos.validators(wrapper_for={"dave": wrapper})
        chaos.wait_finalized(3, 180)
        window = 60 if quick else 120
        start_best = chaos.nodes["alice"].best()
        before, after = chaos.finality_progress(window)
        end_best = chaos.nodes["alice"].best()
        say(name, f"dave's clock {skew} (2.5 slots ahead): finalized #{before} -> #{after} "
                  f"in {window} s on every node")
        if after < before + window // (3 * SLOT):
            raise Failed("the network stopped finalizing")
        dave, count = authority_index(chaos.nodes["alice"], "dave")
        by_dave = authored_by(chaos.nodes["alice"], dave, start_best + 1, end_best, count)
        future = sum(len(re.findall(r"future|too far", chaos.nodes[n].text()))
                     for n in ("alice", "bob", "charlie"))
        say(name, f"alice's chain #{start_best + 1}..#{end_best}: {by_dave} blocks by dave; "
                  f"{future} log lines of the others about blocks from the future")
        if future == 0:
            raise Failed("no node saw a block from the future: the skew did not take effect")
        chaos.check_no_finalized_reverted()


def scenario_equivocate(quick):
    name = "equivocate"
    with Run(name, count=5) as chaos:
        chaos.validators()
        chaos.add(5, "dave-twin", key="dave")
        chaos.wait_finalized(3, 180)
        window = 60 if quick else 120
        before, after = chaos.finality_progress(window)
        say(name, f"two nodes with dave's keys: finalized #{before} -> #{after} in {window} s")
        if after < before + window // (3 * SLOT):
            raise Failed("the network stopped finalizing")
        lines = []
        for node in chaos.nodes.values():
            lines += [f"{node.name}: {line.strip()}" for line in node.text().splitlines()
                      if re.search(r"[Ee]quivocat(ing|ion)", line)]
        for line in lines[:4]:
            say(name, f"  {line[:200]}")
        if not lines:
            raise Failed("no node reported the equivocation")
        say(name, f"{len(lines)} log lines report the equivocation")
        chaos.check_no_finalized_reverted()


def scenario_disk(quick):
    name = "disk"
    with Run(name) as chaos:
        mount = os.path.join(chaos.work, "dave-disk")
        os.makedirs(mount)
        run("mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", mount)
        chaos.mounts = [mount]
        dave_extra = ["--db-storage-threshold", "32", "--db-storage-polling-period", "1"]
        chaos.validators()
        dave = chaos.nodes["dave"]
        dave.stop()
        dave.base = os.path.join(mount, "dave")
        dave.extra = dave_extra
        dave.start()
        chaos.wait_finalized(4, 180)
        before = dave.finalized()
        filler = os.path.join(mount, "filler")
        free = shutil.disk_usage(mount).free
        run("fallocate", "-l", str(free - 20 * 1024 * 1024), filler)
        say(name, f"dave's disk filled to {shutil.disk_usage(mount).free >> 20} MiB free "
                  f"(threshold 32 MiB) at finalized #{before[0]}")
        wait_until(lambda: not dave.alive(), 60, "dave stops")
        log = dave.text()
        stopped = [l for l in log.splitlines()
                   if "dropped below threshold" in l or "Essential task `storage" in l]
        for line in stopped[-2:]:
            say(name, f"  {line.strip()[:200]}")
        if "No space left" in log:
            raise Failed("dave wrote to a full disk")
        if not any("dropped below threshold" in line for line in stopped):
            raise Failed(f"dave stopped, but not at the storage threshold: {log[-600:]}")
        say(name, f"dave stopped (exit {dave.process.returncode}) before the disk was full")
        mark = len(dave.text())
        dave.start()
        wait_until(lambda: not dave.alive(), 60, "dave refuses to start on a full disk")
        attempt = dave.text()[mark:]
        refusal = [l for l in attempt.splitlines() if "threshold" in l]
        if "Highest known block" in attempt or not refusal:
            raise Failed(f"dave opened its database on a full disk: {attempt[-600:]}")
        say(name, f"restarted while full: refused before opening its database "
                  f"({refusal[-1].strip()[20:180]})")
        others = [chaos.nodes[n] for n in ("alice", "bob", "charlie")]
        progress = chaos.finality_progress(3 * SLOT)
        say(name, f"without dave: finalized #{progress[0]} -> #{progress[1]}")
        os.remove(filler)
        mark = len(dave.text())
        dave.start()
        wait_until(lambda: "Highest known block at #" in dave.text()[mark:], 60,
                   "dave opens its database")
        highest = re.findall(r"Highest known block at #(\d+)", dave.text()[mark:])[0]
        if int(highest) < before[0]:
            raise Failed(f"dave's database lost blocks: restarted at #{highest}")
        say(name, f"space back: dave restarted from its database at #{highest}")
        target = max(n.finalized()[0] for n in others) + 1
        chaos.wait_finalized(target, 180)
        say(name, f"dave caught up: finalized #{dave.finalized()[0]} like the others")
        chaos.check_no_finalized_reverted()


def scenario_upgrade(quick):
    name = "upgrade"
    if not os.path.exists(UPGRADE_WASM):
        raise Failed(f"no upgrade wasm at {UPGRADE_WASM}")
    with Run(name) as chaos:
        chaos.validators()
        chaos.wait_finalized(3, 180)
        alice, charlie = chaos.nodes["alice"], chaos.nodes["charlie"]
        before = alice.spec_version()
        info = {"nodesByName": {n: {"name": n, "wsUri": chaos.nodes[n].ws}
                                for n in ("alice", "bob", "dave")}}
        runner = ("require('./scripts/upgrade.js').run('alice', JSON.parse(process.argv[1]))"
                  ".then(v => { console.log('upgraded to', v); process.exit(0); })"
                  ".catch(e => { console.error(e); process.exit(1); });")
        upgrade = subprocess.Popen(["node", "-e", runner, json.dumps(info)],
                                   cwd=os.path.join(ROOT, "zombienet"),
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   env={**os.environ, "GOVCHAIN_UPGRADE_WASM": UPGRADE_WASM})
        try:
            output, _ = upgrade_and_kill(name, upgrade, alice, charlie, before)
        finally:
            if upgrade.poll() is None:
                upgrade.kill()
        if upgrade.returncode != 0:
            raise Failed(f"the upgrade failed: {output[-800:]}")
        progress = chaos.finality_progress(2 * SLOT)
        say(name, f"without charlie: finalized #{progress[0]} -> #{progress[1]}")
        charlie.start()
        target = max(n.finalized()[0] for n in chaos.live() if n is not charlie) + 1
        chaos.wait_finalized(target, 180)
        version = charlie.spec_version()
        if version != before + 1:
            raise Failed(f"charlie runs spec_version {version}")
        say(name, f"charlie restarted: spec_version {version}, finalized #{charlie.finalized()[0]}"
                  " like the others")
        chaos.check_no_finalized_reverted()


def upgrade_and_kill(name, upgrade, alice, charlie, before):
    """Holds charlie (SIGSTOP) while the council enacts the upgrade, so that charlie has the
    upgrade's block still to import; resumes it once alice runs the new code, and kills it
    (SIGKILL) as soon as it is importing the blocks just before the upgrade's. Then waits for
    the upgrade script."""
    charlie_before = charlie.best()
    charlie.send(signal.SIGSTOP)
    say(name, f"council motion to upgrade from spec_version {before} submitted; charlie held "
              f"(SIGSTOP) at #{charlie_before}")

    def enacted():
        return alice.spec_version() != before
    wait_until(enacted, 400, "the new runtime enacted on alice", 0.2)
    # The upgrade's block: the first of alice's chain whose runtime is the new one.
    top = alice.best()
    upgraded = next(n for n in range(charlie_before, top + 1)
                    if alice.rpc("state_getRuntimeVersion", [alice.hash_at(n)])["specVersion"]
                    != before)
    charlie.send(signal.SIGCONT)

    def importing():
        return charlie.best() >= upgraded - 2
    wait_until(importing, 120, "charlie importing up to the upgrade", 0.05)
    at = charlie.best()
    charlie.stop(signal.SIGKILL)
    say(name, f"spec_version {before + 1} from block #{upgraded} on alice; charlie resumed, "
              f"then killed (SIGKILL) at its best #{at}"
              f"{' before' if at < upgraded else ' after'} importing the upgrade's block")
    return upgrade.communicate(timeout=300)


SCENARIOS = {
    "partition": scenario_partition,
    "clock": scenario_clock,
    "equivocate": scenario_equivocate,
    "disk": scenario_disk,
    "upgrade": scenario_upgrade,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="shorter observation windows")
    parser.add_argument("scenarios", nargs="*", default=list(SCENARIOS))
    args = parser.parse_args()
    if not NODE:
        sys.exit("chaos.py: GOVCHAIN_NODE is not set (run scripts/chaos.sh)")
    if os.getpid() != 1:
        sys.exit("chaos.py: run it through scripts/chaos.sh, in namespaces of its own")
    run("ip", "link", "set", "lo", "up")
    # `ip netns` keeps its namespaces as files in /run/netns: a tmpfs of this mount namespace
    # keeps them (and their names) away from the host's.
    os.makedirs("/run/netns", exist_ok=True)
    run("mount", "-t", "tmpfs", "tmpfs", "/run/netns")
    # A CI cancel (SIGTERM) unwinds like Ctrl-C: every scenario's `with` block cleans up.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    failed = []
    for scenario in args.scenarios:
        started = time.time()
        try:
            SCENARIOS[scenario](args.quick)
            say(scenario, f"PASS in {time.time() - started:.0f} s")
        except (Failed, subprocess.SubprocessError, OSError) as error:
            say(scenario, f"FAIL after {time.time() - started:.0f} s: {error}")
            failed.append(scenario)
    print(f"chaos: {len(args.scenarios) - len(failed)} of {len(args.scenarios)} scenarios "
          f"passed{'; failed: ' + ', '.join(failed) if failed else ''}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
