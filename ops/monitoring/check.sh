#!/usr/bin/env bash
# Checks the monitoring kit before it is deployed (and in CI): Prometheus config, alert rules,
# alert unit tests, the Grafana dashboard and every metric name used anywhere.
#
#   ops/monitoring/check.sh        (from any directory)
#
# Needs promtool (Debian: `apt-get install prometheus`) and python3 (standard library only).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v promtool >/dev/null 2>&1; then
	echo "check.sh: promtool not found. Install it with: apt-get install prometheus" >&2
	echo "check.sh: (Debian's prometheus package ships /usr/bin/promtool; to keep the server" >&2
	echo "check.sh: from running on this host afterwards: systemctl disable --now prometheus)" >&2
	exit 1
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "check.sh: python3 not found. Install it with: apt-get install python3" >&2
	exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "== promtool check config prometheus.yml (also checks targets/*.yml and alerts.yml)"
promtool check config prometheus.yml

echo "== promtool check rules alerts.yml"
promtool check rules alerts.yml

echo "== promtool test rules alerts.test.yml"
promtool test rules alerts.test.yml

echo "== check_dashboard.py (dashboard structure, metric names, test coverage of every alert)"
python3 check_dashboard.py --emit-rules "$tmp/dashboard-queries.yml"

echo "== promtool check rules: the dashboard's queries parse as PromQL"
promtool check rules "$tmp/dashboard-queries.yml"

echo "check.sh: all checks passed"
