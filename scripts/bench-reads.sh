#!/usr/bin/env bash
# Read benchmark: how many verification queries a public RPC node answers, and how fast.
#
# Starts, on loopback with temp dirs and free ports (always stopped at the end):
#   - a `--dev` authority that the load tool fills with diplomas and parcels
#     (`govchain-load`: 1,000 citizens, 2,000 parcels, workload d's diplomas for 10 s);
#   - two RPC nodes syncing from it, started with the flags a public RPC node should have
#     ($rpc_flags below), and a third with the node's defaults plus a rate limit, to show the
#     limits an operator meets;
#   - Debian's nginx in front of the RPC nodes (installed with apt-get if missing).
# Then `govchain-load reads` (tools/load/src/reads.rs) opens N WebSocket clients, each asking
# one query at a time at the finalized block — genuine, forged and unknown diplomas
# (`DiplomasApi_verify`) and parcels (`LandTitlesApi_parcel`), every answer checked — by
# `state_call`, by `chainHead_v1_call` (each client following the chain and unpinning blocks),
# and by the node's JSON methods; it reports answers/s, p50/p99 latency, failures by message and
# the CPU each process used.
#
# Steps:
#   1. one RPC node, clients straight to it: $CONNECTIONS clients for each of $METHODS, as fast
#      as answered; then paced at $PACED_RATES requests/s with 1,000 clients (latency counted
#      from when each request was due);
#   2. the limits: 1,000 clients against the node with default flags and --rpc-rate-limit;
#   3. scaling: each RPC node held to $NODE_CPU_QUOTA % of one core (cgroup v1 cpu quota, so
#      that the tool and nginx keep the rest of this 2-core machine), 1,000 clients through
#      nginx to one node, then to both;
#   4. chainHead's 40 ms: an RPC node in a network namespace the script makes (veth to the
#      authority), read over the namespace's loopback with delayed ACKs, then with
#      `quickack 1` on its route.
#
#   scripts/bench-reads.sh                                   # everything (~20 minutes)
#   SECONDS_EACH=10 CONNECTIONS="100 1000" METHODS=state-call STEPS="1 3" scripts/bench-reads.sh
#
# Needs root (cgroups, network namespace, apt-get); STEPS picks the steps (default "1 2 3 4").
#
# Results: a table at the end, one JSON line per run in $BENCH_OUT/results.jsonl (default
# $CARGO_TARGET_DIR/bench-reads), the nodes' and nginx's logs beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

seconds="${SECONDS_EACH:-20}"
connections="${CONNECTIONS:-1 10 100 1000 2000}"
methods="${METHODS:-state-call chain-head json}"
paced_rates="${PACED_RATES:-2000 5000 10000}"
quota="${NODE_CPU_QUOTA:-40}"
steps="${STEPS:-1 2 3 4}"
step() { [[ " $steps " == *" $1 "* ]]; }
out="${BENCH_OUT:-$CARGO_TARGET_DIR/bench-reads}"
mkdir -p "$out"
results="$out/results.jsonl"
: >"$results"

if ! command -v nginx >/dev/null; then
	echo "bench-reads.sh: installing Debian's nginx-light (the reverse proxy of step 3)"
	apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
fi
build_node
load="$CARGO_TARGET_DIR/$GOVCHAIN_PROFILE/govchain-load"

base="$(mktemp -d)"
pids=()
cgroups=()
namespaces=()
nginx_conf="$base/nginx.conf"
stop() {
	if [ -f "$base/nginx.pid" ]; then kill "$(cat "$base/nginx.pid")" 2>/dev/null || true; fi
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
	for group in "${cgroups[@]}"; do rmdir "$group" 2>/dev/null || true; done
	for ns in "${namespaces[@]}"; do ip netns delete "$ns" 2>/dev/null || true; done
	rm -rf "$base"
}
trap stop EXIT

# The authority, with a fixed node key so that the RPC nodes can name it as their bootnode.
author_key=0000000000000000000000000000000000000000000000000000000000000001
author_peer="$("$GOVCHAIN_NODE" key inspect-node-key <<<"$author_key" 2>/dev/null | tail -1)"
author_p2p="$(free_port)"
author_rpc="$(free_port)"
"$GOVCHAIN_NODE" --dev --base-path "$base/author" --node-key "$author_key" --port "$author_p2p" \
	--rpc-port "$author_rpc" --rpc-methods unsafe --rpc-max-connections 200 \
	--pool-limit 200000 --pool-kbytes 2000000 --rpc-max-response-size 256 \
	--no-prometheus --no-telemetry >"$out/author.log" 2>&1 &
author_pid=$!
pids+=("$author_pid")
wait_for_rpc "$author_rpc" "$author_pid" "$out/author.log"

# The flags of a public RPC node serving many clients (docs/performance.md, "Read path"):
# thousands of connections, a few subscriptions each (a chainHead client needs one), safe
# methods only, more runtime instances kept for calls in parallel (the trie cache's default is
# already 1 GiB), and any origin: behind a reverse proxy the node otherwise answers 403 (with
# CORS limited it accepts only its own `localhost:port` as the Host header).
rpc_flags=(--chain dev --rpc-methods safe --rpc-cors all --rpc-max-connections 5000
	--rpc-max-subscriptions-per-connection 16 --rpc-message-buffer-capacity-per-connection 256
	--max-runtime-instances 32 --no-prometheus --no-telemetry)
bootnode=(--bootnodes "/ip4/127.0.0.1/tcp/$author_p2p/p2p/$author_peer")
start_rpc_node() {
	local name="$1"
	shift
	local port p2p
	port="$(free_port)"
	p2p="$(free_port)"
	"$GOVCHAIN_NODE" --base-path "$base/$name" --port "$p2p" --rpc-port "$port" "$@" \
		>"$out/$name.log" 2>&1 &
	local pid=$!
	pids+=("$pid")
	wait_for_rpc "$port" "$pid" "$out/$name.log"
	eval "${name}_pid=$pid ${name}_port=$port"
}
start_rpc_node rpc1 "${rpc_flags[@]}" "${bootnode[@]}"
start_rpc_node rpc2 "${rpc_flags[@]}" "${bootnode[@]}"
# The node's defaults (100 connections, no rate limit) with a rate limit of 60 calls a minute
# per connection.
start_rpc_node guarded --chain dev --rpc-rate-limit 60 "${bootnode[@]}" --no-prometheus \
	--no-telemetry

echo "== filling the chain: 1,000 citizens, 2,000 parcels, diplomas for 10 s"
"$load" --url "ws://127.0.0.1:$author_rpc" --citizens 1000 --parcels 2000 --seconds 10 \
	--workloads d 2>&1 | grep -E "set up in|diplomas/s" || true

finalized_number() {
	local hash
	hash="$(curl -s -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"chain_getFinalizedHead"}' "http://127.0.0.1:$1" |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["result"])')"
	curl -s -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"chain_getHeader\",\"params\":[\"$hash\"]}" \
		"http://127.0.0.1:$1" | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["result"]["number"], 16))'
}
# Every RPC node has finalized the filled chain before anyone reads it.
target="$(($(finalized_number "$author_rpc") + 2))"
for port in "$rpc1_port" "$rpc2_port" "$guarded_port"; do
	until [ "$(finalized_number "$port")" -ge "$target" ]; do sleep 1; done
done
echo "== all nodes finalized block #$target"

reads() {
	"$load" reads --seconds "$seconds" --json "$results" "$@"
}

if step 1; then
	echo "== 1. one RPC node, clients straight to it"
	for method in $methods; do
		for count in $connections; do
			reads --url "ws://127.0.0.1:$rpc1_port" --method "$method" --connections "$count" \
				--pid "rpc node=$rpc1_pid" --label "one node"
		done
	done
	for method in $methods; do
		for rate in $paced_rates; do
			reads --url "ws://127.0.0.1:$rpc1_port" --method "$method" --connections 1000 \
				--rate "$rate" --pid "rpc node=$rpc1_pid" --label "one node, paced"
		done
	done
fi

if step 2; then
	echo "== 2. the limits an operator meets: default --rpc-max-connections, --rpc-rate-limit 60"
	# Sampled through rpc1: the rate limit would refuse the sampling's calls.
	reads --url "ws://127.0.0.1:$guarded_port" --sample-url "ws://127.0.0.1:$rpc1_port" \
		--method state-call --connections 1000 --pid "rpc node=$guarded_pid" \
		--label "defaults + rate limit"
fi

write_nginx_conf() {
	{
		cat <<EOF
worker_processes 1;
pid $base/nginx.pid;
error_log $out/nginx-error.log warn;
events { worker_connections 16384; }
worker_rlimit_nofile 65536;
http {
	access_log off;
	map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
	upstream govchain_rpc {
		least_conn;
EOF
		for port in "$@"; do echo "		server 127.0.0.1:$port;"; done
		cat <<EOF
	}
	server {
		listen 127.0.0.1:$proxy_port;
		location / {
			proxy_pass http://govchain_rpc;
			proxy_http_version 1.1;
			proxy_set_header Upgrade \$http_upgrade;
			proxy_set_header Connection \$connection_upgrade;
			proxy_set_header X-Forwarded-For \$remote_addr;
			proxy_read_timeout 1h;
			proxy_send_timeout 1h;
		}
	}
}
EOF
	} >"$nginx_conf"
}
nginx_pids() {
	local master
	master="$(cat "$base/nginx.pid")"
	echo "nginx=$master"
	for worker in $(pgrep -P "$master"); do echo "nginx worker=$worker"; done
}

if step 3; then
	echo "== 3. scaling through nginx, each RPC node held to $quota % of a core"
	for name in rpc1 rpc2; do
		group="/sys/fs/cgroup/cpu/govchain-reads-$name-$$"
		mkdir "$group"
		cgroups+=("$group")
		echo 100000 >"$group/cpu.cfs_period_us"
		echo $((quota * 1000)) >"$group/cpu.cfs_quota_us"
		pid_var="${name}_pid"
		echo "${!pid_var}" >"$group/cgroup.procs"
	done
	proxy_port="$(free_port)"
	write_nginx_conf "$rpc1_port"
	nginx -c "$nginx_conf" -p "$base" -e "$out/nginx-error.log"
	until [ -s "$base/nginx.pid" ]; do sleep 0.2; done
	sleep 0.5
	for method in state-call chain-head; do
		write_nginx_conf "$rpc1_port"
		nginx -c "$nginx_conf" -p "$base" -e "$out/nginx-error.log" -s reload
		sleep 1
		reads --url "ws://127.0.0.1:$proxy_port" --method "$method" --connections 1000 \
			--pid "rpc node 1=$rpc1_pid,$(nginx_pids | paste -sd, -)" \
			--label "nginx, 1 node at $quota %"
		write_nginx_conf "$rpc1_port" "$rpc2_port"
		nginx -c "$nginx_conf" -p "$base" -e "$out/nginx-error.log" -s reload
		sleep 1
		reads --url "ws://127.0.0.1:$proxy_port" --method "$method" --connections 1000 \
			--pid "rpc node 1=$rpc1_pid,rpc node 2=$rpc2_pid,$(nginx_pids | paste -sd, -)" \
			--label "nginx, 2 nodes at $quota % each"
	done
fi

if step 4; then
	echo "== 4. the ~40 ms of a chainHead call: Nagle's algorithm on the node's RPC sockets"
	# sc-rpc-server (stable2609) accepts connections itself and never sets TCP_NODELAY, so the
	# call's second message (the operationCallDone event after the "started" answer) waits
	# for the reader's delayed acknowledgement. In a network namespace of this script's, an RPC
	# node syncing from the authority over a veth pair, read over the namespace's loopback with
	# delayed acknowledgements (the kernel's default), then with `quickack 1` on the route (the
	# reader acknowledges at once: what an operator sets on the proxy's route to its nodes).
	ns="govchain-reads-$$"
	veth="grd$$"
	ip netns add "$ns"
	namespaces+=("$ns")
	ip link add "${veth}h" type veth peer name "${veth}n"
	ip link set "${veth}n" netns "$ns"
	ip addr add 10.213.0.1/24 dev "${veth}h"
	ip link set "${veth}h" up
	in_ns() { ip netns exec "$ns" "$@"; }
	in_ns ip addr add 10.213.0.2/24 dev "${veth}n"
	in_ns ip link set "${veth}n" up
	in_ns ip link set lo up
	# `ip netns exec` execs the node: `$!` is the node's pid.
	ip netns exec "$ns" "$GOVCHAIN_NODE" --base-path "$base/quickack" --port 30333 --rpc-port 9944 \
		"${rpc_flags[@]}" --bootnodes "/ip4/10.213.0.1/tcp/$author_p2p/p2p/$author_peer" \
		>"$out/quickack.log" 2>&1 &
	quickack_pid=$!
	pids+=("$quickack_pid")
	until in_ns curl -s -o /dev/null -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"system_health"}' http://127.0.0.1:9944; do
		kill -0 "$quickack_pid" || { tail -20 "$out/quickack.log"; exit 1; }
		sleep 0.5
	done
	until [ "$(in_ns bash -c "$(declare -f finalized_number); finalized_number 9944")" -ge "$target" ]; do
		sleep 1
	done
	for quickack in 0 1; do
		in_ns ip route change local 127.0.0.1 dev lo table local proto kernel scope host \
			src 127.0.0.1 quickack "$quickack"
		for count in 10 1000; do
			in_ns "$load" reads --seconds "$seconds" --json "$results" --url ws://127.0.0.1:9944 \
				--method chain-head --connections "$count" --pid "rpc node=$quickack_pid" \
				--label "quickack $quickack"
		done
	done
fi

python3 scripts/benchmarks/reads_table.py "$results"
echo "results: $results; logs: $out"
