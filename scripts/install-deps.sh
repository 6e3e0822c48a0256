#!/bin/sh
# install-deps.sh: make sure every Debian package Lectern needs to build,
# run and test is present. `make run` and `make test` call this first, so a
# fresh Debian machine needs nothing but those two commands.
#
# usage: scripts/install-deps.sh [run|test]
#   run   packages to build and start the player
#   test  those plus the test tools (cmocka, clang for the fuzzer, Xvfb, ...)
#
# When a package is missing it installs it with apt-get (as root, or through
# sudo without a password). Otherwise it prints the exact command to run and
# exits 1. It never touches the network when everything is installed.
set -eu

want=${1:-run}

run_pkgs="make gcc pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
libyaml-dev libsqlite3-dev libcurl4-openssl-dev ca-certificates libarchive-dev libsodium-dev gettext fonts-dejavu-core fonts-noto-core"
test_pkgs="libcmocka-dev clang libclang-rt-14-dev xvfb xdotool imagemagick
librsvg2-bin sqlite3 nodejs wmctrl openbox strace python3 desktop-file-utils
minisign libarchive-tools curl openssl chromium"

pkgs=$run_pkgs
[ "$want" = test ] && pkgs="$run_pkgs $test_pkgs"

# the JavaScript the tests use (the xAPI and JSON Schema validators,
# Learning Locker's statement service as the test LRS, playwright-core to
# drive Debian's Chromium), pinned in tests/node/package-lock.json, from
# the npm registry: installed again whenever one of package.json's
# dependencies is missing.
node_tools() {
	[ "$want" = test ] || return 0
	(cd tests/node && node -e '
for (const d of Object.keys(require("./package.json").dependencies))
	require.resolve(d + "/package.json");' 2>/dev/null) && return 0
	echo "lectern: installing the test validators (npm ci in tests/node)" >&2
	(cd tests/node && npm ci --no-audit --no-fund --loglevel=error >&2)
}

missing=""
for p in $pkgs; do
	# nodejs may come from another repository; an installed node is enough.
	if [ "$p" = nodejs ]; then
		command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && continue
		missing="$missing nodejs npm"
		continue
	fi
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done

if [ -z "$missing" ]; then
	node_tools
	exit 0
fi

echo "lectern: installing missing packages:$missing" >&2
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo -n"
else
	echo "lectern: these Debian packages are needed:$missing" >&2
	echo "lectern: run this once, then try again:" >&2
	echo "    sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || true
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >&2
node_tools
