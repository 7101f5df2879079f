#!/usr/bin/env bash
# An operator's first day, rehearsed on this machine as a new operator would do it, with the
# package and nothing of the checkout but its monitoring files:
#   1. builds the .deb (scripts/package-deb.sh) and installs it; checks the user, the data dir,
#      the env files and the units (systemd-analyze verify);
#   2. makes each node's network key (govchain-keys node-key) and puts the development
#      validators' session keys in their keystores (govchain-node key insert);
#   3. starts 4 validators and 1 archive RPC node of the local chain with the packaged units'
#      command lines and env files, as the govchain user. systemd is not PID 1 here, so a small
#      runner (scripts/ops/run-unit.py) reads each unit's ExecStart=, EnvironmentFile=, User=
#      and expands them as systemd does; each node gets a copy of the packaged env file with its
#      own ports, data dir and reserved peers appended;
#   4. scrapes them with Debian's Prometheus using ops/monitoring's configuration and alerts,
#      and checks every target is up and the registries' gauges are there;
#   5. pauses two validators (SIGSTOP): GRANDPA stalls, GovchainFinalityLag fires; resumes
#      them: it clears;
#   6. rotates a validator's session keys on the running node (govchain-keys rotate, which needs
#      no unsafe RPC method: the unit serves safe ones only) and backs
#      up its keystore;
#   7. stops the RPC node, backs up its database, restores it, starts it again and sees it
#      follow the chain (govchain-backup);
#   8. wipes a validator's database (keys kept) and brings it back by warp sync from its peers,
#      until it finalizes with the others and authors again;
#   9. stops everything and removes the package (--keep leaves it installed).
# Prints each step's result. Needs root (dpkg, the govchain user). Takes about 15 minutes.
# Refuses to run where govchain-node is installed or running (--force to insist).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

keep=0 force=0
for arg in "$@"; do
	case "$arg" in
	--keep) keep=1 ;;
	--force) force=1 ;;
	*) echo "usage: operator-rehearsal.sh [--keep] [--force]" >&2; exit 2 ;;
	esac
done
[ "$(id -u)" -eq 0 ] || { echo "operator-rehearsal: run as root (it installs a package)" >&2; exit 1; }
# It installs and purges the package: never on a machine that runs govchain for real.
if [ "$force" = 0 ] && { dpkg -s govchain-node >/dev/null 2>&1 || pgrep -x govchain-node >/dev/null; }; then
	echo "operator-rehearsal: govchain-node is installed or running here; this rehearsal would" \
		"replace and purge it. Use a spare machine, or --force." >&2
	exit 1
fi

checkout=$(pwd)
rehearsal=/var/lib/govchain/rehearsal
spec=/usr/share/govchain/chain-specs/local.raw.json
names=(alice bob charlie dave)
declare -A pid rpc_port p2p_port prom_port peer
prometheus_pid=""
step_started=$SECONDS
step_name=""

step() {
	step_name="$1"
	step_started=$SECONDS
	echo
	echo "=== $step_name"
}
ok() {
	echo "--- ok: $step_name ($((SECONDS - step_started)) s)${1:+: $1}"
}
die() {
	echo "--- FAILED: $step_name: $*" >&2
	for name in "${!pid[@]}"; do
		echo "--- last lines of $name's log:" >&2
		tail -5 "$rehearsal/$name.log" >&2 || true
	done
	exit 1
}

stop_node() {
	local name="$1"
	if [ -n "${pid[$name]:-}" ]; then
		kill -CONT "${pid[$name]}" 2>/dev/null || true
		kill -INT "${pid[$name]}" 2>/dev/null || true
		wait "${pid[$name]}" 2>/dev/null || true
		unset "pid[$name]"
	fi
}
cleanup() {
	for name in "${!pid[@]}"; do stop_node "$name"; done
	[ -n "$prometheus_pid" ] && kill "$prometheus_pid" 2>/dev/null && wait "$prometheus_pid" 2>/dev/null
	if [ "$keep" = 0 ]; then
		rm -rf "$rehearsal"
		dpkg --purge govchain-node >/dev/null 2>&1 || true
	fi
}
trap cleanup EXIT

rpc() { # rpc NAME METHOD [PARAMS-JSON]
	curl -s -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":${3:-[]}}" \
		"http://127.0.0.1:${rpc_port[$1]}"
}
height() { # height NAME best|finalized
	local hash header
	if [ "$2" = finalized ]; then
		hash=$(rpc "$1" chain_getFinalizedHead | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"])')
		header=$(rpc "$1" chain_getHeader "[\"$hash\"]")
	else
		header=$(rpc "$1" chain_getHeader)
	fi
	python3 -c 'import json,sys; print(int(json.load(sys.stdin)["result"]["number"], 16))' <<<"$header"
}
wait_until() { # wait_until SECONDS DESCRIPTION COMMAND...
	local limit=$1 what=$2
	shift 2
	local deadline=$((SECONDS + limit))
	until "$@" 2>/dev/null; do
		((SECONDS < deadline)) || die "waited $limit s for $what"
		sleep 3
	done
}

start_node() { # start_node NAME UNIT
	local name="$1" unit="$2"
	python3 "$checkout/scripts/ops/run-unit.py" "/lib/systemd/system/$unit" \
		--env-file "$rehearsal/etc/$name.env" >>"$rehearsal/$name.log" 2>&1 &
	pid[$name]=$!
}
rpc_up() { rpc "$1" system_health | grep -q '"result"'; }

# --- 1
step "1. build and install the package"
apt-cache policy prometheus | grep -q 'Installed: (none)' && {
	echo "installing Debian's prometheus (promtool, the server)"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null
}
deb=$(bash scripts/package-deb.sh | tail -1)
[ -f "$deb" ] || die "no package built ($deb)"
dpkg --purge govchain-node >/dev/null 2>&1 || true
dpkg -i "$deb" >/dev/null
/usr/bin/govchain-node --version
id govchain >/dev/null || die "no govchain user"
[ "$(stat -c '%U %a' /var/lib/govchain)" = "govchain 750" ] || die "/var/lib/govchain is $(stat -c '%U %a' /var/lib/govchain)"
for file in /etc/govchain/validator.env /etc/govchain/rpc.env /lib/systemd/system/govchain-validator.service \
	/lib/systemd/system/govchain-rpc.service "$spec" /usr/bin/govchain-keys /usr/bin/govchain-backup; do
	[ -e "$file" ] || die "the package lacks $file"
done
verify=$(systemd-analyze verify /lib/systemd/system/govchain-validator.service /lib/systemd/system/govchain-rpc.service 2>&1 | grep govchain || true)
[ -z "$verify" ] || die "systemd-analyze verify: $verify"
ok "$(basename "$deb") installed; user govchain, /var/lib/govchain 0750; systemd-analyze verify clean"

# --- 2
step "2. node keys and session keys"
rm -rf "$rehearsal"
mkdir -p "$rehearsal/etc" "$rehearsal/backups"
for name in "${names[@]}" rpc; do
	rpc_port[$name]=$(free_port)
	p2p_port[$name]=$(free_port)
	prom_port[$name]=$(free_port)
	mkdir -p "$rehearsal/$name"
	peer[$name]=$(govchain-keys node-key "$rehearsal/$name/node-key" | sed -n 's/^peer id: *//p')
	[ -n "${peer[$name]}" ] || die "no peer id for $name"
done
chown -R govchain:govchain "$rehearsal"
for name in "${names[@]}"; do
	suri="//${name^}"
	runuser -u govchain -- govchain-node key insert --chain "$spec" --base-path "$rehearsal/$name" \
		--key-type aura --scheme sr25519 --suri "$suri"
	runuser -u govchain -- govchain-node key insert --chain "$spec" --base-path "$rehearsal/$name" \
		--key-type gran --scheme ed25519 --suri "$suri"
done
chown -R govchain:govchain "$rehearsal"
ok "$(for n in "${names[@]}" rpc; do printf '%s=%s ' "$n" "${peer[$n]:0:16}…"; done)"

# --- 3
step "3. start 4 validators and 1 RPC node with the packaged units"
address() { echo "/ip4/127.0.0.1/tcp/${p2p_port[$1]}/p2p/${peer[$1]}"; }
for name in "${names[@]}"; do
	reserved=""
	for other in "${names[@]}" rpc; do
		[ "$other" = "$name" ] || reserved+="--reserved-nodes $(address "$other") "
	done
	{
		cat /etc/govchain/validator.env
		echo "# rehearsal: this host runs five nodes, each with its own ports and data dir"
		echo "GOVCHAIN_CHAIN=$spec"
		echo "GOVCHAIN_NAME=$name"
		echo "GOVCHAIN_BASE_PATH=$rehearsal/$name"
		echo "GOVCHAIN_P2P_PORT=${p2p_port[$name]}"
		echo "GOVCHAIN_RPC_PORT=${rpc_port[$name]}"
		echo "GOVCHAIN_PROMETHEUS_PORT=${prom_port[$name]}"
		echo "GOVCHAIN_RESERVED_NODES=\"$reserved\""
	} >"$rehearsal/etc/$name.env"
	start_node "$name" govchain-validator.service
done
bootnodes=""
for name in "${names[@]}"; do bootnodes+="--bootnodes $(address "$name") "; done
{
	cat /etc/govchain/rpc.env
	echo "GOVCHAIN_CHAIN=$spec"
	echo "GOVCHAIN_NAME=rpc"
	echo "GOVCHAIN_BASE_PATH=$rehearsal/rpc"
	echo "GOVCHAIN_P2P_PORT=${p2p_port[rpc]}"
	echo "GOVCHAIN_P2P_WS_PORT=$(free_port)"
	echo "GOVCHAIN_RPC_PORT=${rpc_port[rpc]}"
	echo "GOVCHAIN_PROMETHEUS_PORT=${prom_port[rpc]}"
	echo "GOVCHAIN_BOOTNODES=\"$bootnodes\""
} >"$rehearsal/etc/rpc.env"
start_node rpc govchain-rpc.service
python3 scripts/ops/run-unit.py /lib/systemd/system/govchain-validator.service --env-file "$rehearsal/etc/alice.env" --print | tr '\n' ' ' | sed 's/^/alice runs: /'
echo
for name in "${names[@]}" rpc; do wait_until 60 "$name's RPC" rpc_up "$name"; done
[ "$(ps -o user= -p "$(pgrep -f "base-path $rehearsal/alice" | head -1)")" = govchain ] || die "alice does not run as govchain"
finalized_past() { (($(height "$1" finalized) >= $2)); }
wait_until 120 "block #3 finalized on every node" bash -c "$(declare -f rpc height finalized_past); $(declare -p rpc_port); for n in ${names[*]} rpc; do finalized_past \$n 3 || exit 1; done"
ok "every node runs as govchain; finalized #$(height rpc finalized) on the RPC node"

# --- 4
step "4. Prometheus scrapes every node with the kit's configuration and alert rules"
mkdir -p "$rehearsal/prometheus"
cp -r ops/monitoring/prometheus.yml ops/monitoring/alerts.yml "$rehearsal/prometheus/"
mkdir -p "$rehearsal/prometheus/targets"
{
	for name in "${names[@]}"; do
		echo "- targets: ['127.0.0.1:${prom_port[$name]}']"
		echo "  labels: {instance: '$name', role: 'validator'}"
	done
	echo "- targets: ['127.0.0.1:${prom_port[rpc]}']"
	echo "  labels: {instance: 'rpc', role: 'rpc'}"
} >"$rehearsal/prometheus/targets/govchain.yml"
# No node exporter on this machine: the disk alerts are tested by promtool alone (ops/monitoring).
echo "[]" >"$rehearsal/prometheus/targets/node.yml"
promtool check config "$rehearsal/prometheus/prometheus.yml" >/dev/null || die "promtool rejects the configuration"
prometheus_port=$(free_port)
prometheus --config.file="$rehearsal/prometheus/prometheus.yml" \
	--storage.tsdb.path="$rehearsal/prometheus/data" \
	--web.listen-address="127.0.0.1:$prometheus_port" >"$rehearsal/prometheus.log" 2>&1 &
prometheus_pid=$!
promql() { # promql QUERY: the first value
	curl -s --get "http://127.0.0.1:$prometheus_port/api/v1/query" --data-urlencode "query=$1" |
		python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "")'
}
all_up() { [ "$(promql 'count(up{job="govchain"} == 1)')" = 5 ]; }
wait_until 90 "5 targets up" all_up
wait_until 60 "the registry gauges" bash -c "[ -n \"\$(curl -s --get http://127.0.0.1:$prometheus_port/api/v1/query --data-urlencode 'query=govchain_registry_metrics_block' | grep -o '\"value\"')\" ]"
ok "5 of 5 targets up; govchain_registry_metrics_block = $(promql 'max(govchain_registry_metrics_block)'), elections open = $(promql 'max(govchain_elections_open)'), citizens = $(promql 'max(govchain_registry_active_citizens)')"

# --- 5
alert_state() { # alert_state NAME: firing, pending or nothing
	curl -s "http://127.0.0.1:$prometheus_port/api/v1/alerts" |
		python3 -c 'import json,sys; s=[a["state"] for a in json.load(sys.stdin)["data"]["alerts"] if a["labels"]["alertname"]==sys.argv[1]]; print("firing" if "firing" in s else (s[0] if s else ""))' "$1"
}
firing() { [ "$(alert_state "$1")" = firing ]; }
cleared() { [ -z "$(alert_state "$1")" ]; }
step "5. two validators paused: GovchainFinalityLag fires, then clears"
cleared GovchainFinalityLag || die "GovchainFinalityLag is $(alert_state GovchainFinalityLag) before the pause"
kill -STOP "${pid[charlie]}" "${pid[dave]}"
paused=$SECONDS
finalized_before=$(height alice finalized)
wait_until 420 "GovchainFinalityLag to fire" firing GovchainFinalityLag
fired=$((SECONDS - paused))
lag=$(($(height alice best) - $(height alice finalized)))
echo "fired after $fired s (alice: best - finalized = $lag, finalized stayed at #$finalized_before: $(height alice finalized))"
kill -CONT "${pid[charlie]}" "${pid[dave]}"
resumed=$SECONDS
wait_until 300 "GovchainFinalityLag to clear" cleared GovchainFinalityLag
ok "fired $fired s after the pause, cleared $((SECONDS - resumed)) s after the resume; finalized #$(height alice finalized)"

# --- 6
step "6. rotate alice's session keys on the running node; back up its keystore"
# The validator unit serves safe RPC methods only: the rotation must not need more.
refused=$(rpc alice author_rotateKeys)
grep -q '"error"' <<<"$refused" || die "alice's RPC serves author_rotateKeys: $refused"
GOVCHAIN_VALIDATOR_SURI=//Alice govchain-keys rotate --base-path "$rehearsal/alice" --url "ws://127.0.0.1:${rpc_port[alice]}"
[ -z "$(find "$rehearsal/alice/chains" -path '*/keystore/*' ! -user govchain)" ] || die "key files not owned by govchain"
govchain-keys backup-keystore "$rehearsal/alice" "$rehearsal/backups/alice-keys.tar.gz"
files=$(tar -tzf "$rehearsal/backups/alice-keys.tar.gz" | grep -c 'keystore/.' || true)
((files >= 4)) || die "the keystore backup holds $files keys (2 development + 2 rotated expected)"
ok "author_rotateKeys refused (safe methods only); new keys in the keystore, owned by govchain, registered on chain; keystore backup holds $files key files"

# --- 7
step "7. back up the RPC node's database, restore it, and let it follow the chain"
stop_node rpc
backup_output=$(govchain-backup backup --chain "$spec" --base-path "$rehearsal/rpc" --out "$rehearsal/backups")
echo "$backup_output"
archive=$(sed -n 's/^backup: \([^ ]*\) .*/\1/p' <<<"$backup_output")
backed_up=$(sed -n 's/.*"finalizedNumber": *\([0-9]*\).*/\1/p' "${archive%.tar.gz}.json")
govchain-backup restore --chain "$spec" --base-path "$rehearsal/rpc" "$archive"
start_node rpc govchain-rpc.service
wait_until 60 "the restored RPC node's RPC" rpc_up rpc
restored_start=$(height rpc finalized)
((restored_start >= backed_up)) || die "the restored node starts at #$restored_start, the backup held #$backed_up"
target=$(($(height alice finalized) + 2))
wait_until 120 "the restored node to finalize #$target" finalized_past rpc "$target"
ok "backup at finalized #$backed_up, restored node started there and follows: finalized #$(height rpc finalized)"

# --- 8
step "8. wipe dave's database and bring it back by warp sync"
stop_node dave
govchain-backup wipe --chain "$spec" --base-path "$rehearsal/dave"
echo 'GOVCHAIN_EXTRA_ARGS="--sync warp"' >>"$rehearsal/etc/dave.env"
: >"$rehearsal/dave.log"
start_node dave govchain-validator.service
wait_until 60 "dave's RPC" rpc_up dave
target=$(height alice finalized)
wait_until 240 "dave to finalize #$target" finalized_past dave "$target"
grep -q -i "warp" "$rehearsal/dave.log" || die "dave's log shows no warp sync"
authored() { curl -s "http://127.0.0.1:${prom_port[dave]}/metrics" | sed -n 's/^substrate_proposer_block_constructed_count{[^}]*} \([0-9]*\)$/\1/p' | head -1; }
wait_until 120 "dave to author a block" bash -c "[ \"\$(curl -s http://127.0.0.1:${prom_port[dave]}/metrics | grep -c '^substrate_proposer_block_constructed_count')\" -gt 0 ] && [ \"\$(curl -s http://127.0.0.1:${prom_port[dave]}/metrics | sed -n 's/^substrate_proposer_block_constructed_count{[^}]*} \\([0-9]*\\)\$/\\1/p' | head -1)\" -ge 1 ]"
ok "dave warp-synced (log: $(grep -i -m1 'warp' "$rehearsal/dave.log" | sed 's/^.*INFO //' | cut -c1-80)), finalized #$(height dave finalized), authored $(authored) block(s) since"

# --- 9
step "9. stop everything"
for name in "${!pid[@]}"; do stop_node "$name"; done
kill "$prometheus_pid" && wait "$prometheus_pid" 2>/dev/null || true
prometheus_pid=""
if [ "$keep" = 0 ]; then
	rm -rf "$rehearsal"
	dpkg --purge govchain-node >/dev/null
	[ -e /etc/govchain ] && die "/etc/govchain survived the purge"
	ok "every node and Prometheus stopped; package purged (/etc/govchain with it; the govchain user and /var/lib/govchain stay, as on a real purge)"
else
	ok "every node and Prometheus stopped; the package stays (--keep), data under $rehearsal"
fi
echo
echo "operator-rehearsal: every step passed"
