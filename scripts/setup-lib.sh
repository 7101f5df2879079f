# Sourced by scripts/setup.sh and scripts/setup-tests.sh.

# Installs the Debian packages named (none: nothing), with sudo unless root.
apt_install() {
	(($#)) || return 0
	echo "setup: installing $*"
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
