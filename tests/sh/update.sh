#!/bin/sh
# update.sh: `lectern update` against real web servers on 127.0.0.1, as a
# border post would meet them when the network returns:
#
#  - Python's http.server (no Range support): the first install, a no-op
#    when current (only the index is fetched), an update to a newer
#    version (only that package fetched), a leftover partial download
#    started again on a server without Range;
#  - tests/node/feed-server.js (Range support, and a cut): a download cut
#    in the middle, then resumed from where it stopped (bytes=N-, 206);
#  - refusals: an index changed after signing, an index signed by another
#    key, a package that is not the one the index lists; nothing installed.
# KEEP=1 keeps the temporary folder.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/sh/store_lib.inc
. tests/sh/xvfb_lib.inc

need_tools update python3 node
L=${LECTERN:-$PWD/build/lectern} # LECTERN=path tries another build (a sanitizer one)
T=$(mktemp -d /tmp/lectern-update.XXXXXX)
srv=
stop_server() {
	[ -n "$srv" ] && kill "$srv" 2>/dev/null && wait "$srv" 2>/dev/null
	srv=
}
cleanup() {
	stop_server
	[ -n "${KEEP:-}" ] || rm -rf "$T"
}
trap cleanup EXIT INT TERM

# python_server DIR: Python's http.server on a free port; sets PORT
python_server() {
	stop_server
	rm -f "$T/py.log"
	(cd "$1" && exec python3 -u -m http.server 0 --bind 127.0.0.1) >"$T/py.log" 2>&1 &
	srv=$!
	retry 50 grep -q 'port [0-9]' "$T/py.log" || { fail "python http.server did not start"; exit 1; }
	PORT=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$T/py.log" | head -n 1)
}
# node_server DIR [CUT]: the Range server; sets PORT; requests in $T/node.log
node_server() {
	stop_server
	rm -f "$T/port" "$T/node.log"
	node tests/node/feed-server.js "$1" "$T/port" "$T/node.log" ${2:-} &
	srv=$!
	retry 50 test -s "$T/port" || { fail "the node feed server did not start"; exit 1; }
	PORT=$(cat "$T/port")
}
# config KEYFILE: the kiosk's config for the feed on $PORT
config() {
	printf 'trusted_keys:\n  - %s\nfeed: http://127.0.0.1:%s/feed.txt\n' \
		"$(sed -n 2p "$1")" "$PORT" >"$T/kiosk.yaml"
}
update() { "$L" update --config "$T/kiosk.yaml" --modules "$T/m" --data-dir "$T/d" "$@"; }
# packages fetched (not the index) in the Python log
fetched() { grep -c 'GET /[^ ]*\.lectern ' "$T/py.log"; }

"$L" keygen -o "$T/unit" >/dev/null
"$L" keygen -o "$T/other" >/dev/null
mkdir -p "$T/src" "$T/m"
cp -r modules/integrity-basics modules/arabic-sample "$T/src/"
"$L" publish --sign "$T/unit.key" -o "$T/site" "$T/src" >/dev/null 2>&1

# ---------------------------------------------------------------- first install, no-op
python_server "$T/site"
config "$T/unit.pub"
update >"$T/out" 2>&1
check "first run: both modules installed from the feed" grep -q "2 installed or updated, 0 already current, 0 failed" "$T/out"
check "first run: the files are the published ones" diff -r -x .lectern modules/integrity-basics "$T/m/integrity-basics"
n=$(fetched)
update >"$T/out" 2>&1
check "second run: a no-op when current (exit 0)" grep -q "0 installed or updated, 2 already current" "$T/out"
check "second run: only the index was fetched, no package" test "$(fetched)" = "$n"

# ---------------------------------------------------------------- newer version
sed -i 's/^version: "1.0"/version: "1.1"/' "$T/src/integrity-basics/module.yaml"
sed -i 's/^title: .*/title: "Integrity in Customs (revised)"/' "$T/src/integrity-basics/module.yaml"
"$L" publish --sign "$T/unit.key" -o "$T/site" "$T/src" >/dev/null 2>&1
n=$(fetched)
update >"$T/out" 2>&1
check "a newer version on the feed is installed" grep -q "updated integrity-basics to 1.1" "$T/out"
check "... and only that package was fetched" test "$(fetched)" = "$((n + 1))"
check "... its files replace the old ones" diff -r -x .lectern "$T/src/integrity-basics" "$T/m/integrity-basics"

# ---------------------------------------------------------------- no Range: start again
sed -i 's/^version: "1.0"/version: "1.1"/' "$T/src/arabic-sample/module.yaml"
"$L" publish --sign "$T/unit.key" -o "$T/site" "$T/src" >/dev/null 2>&1
mkdir -p "$T/d/downloads"
head -c 700 "$T/site/arabic-sample-1.1.lectern" >"$T/d/downloads/arabic-sample-1.1.lectern.part"
update >"$T/out" 2>&1
check "a leftover partial download on a server without Range is fetched again whole" \
	grep -q "updated arabic-sample to 1.1" "$T/out"

# ---------------------------------------------------------------- cut, then resumed
sed -i 's/^version: "1.1"/version: "1.2"/' "$T/src/integrity-basics/module.yaml"
head -c 400000 /dev/urandom >"$T/src/integrity-basics/images/noise.bin"
"$L" publish --sign "$T/unit.key" -o "$T/site" "$T/src" >/dev/null 2>&1
node_server "$T/site" "integrity-basics-1.2.lectern:150000"
config "$T/unit.pub"
update >"$T/out" 2>&1
rc=$?
part=$T/d/downloads/integrity-basics-1.2.lectern.part
check "a download cut in the middle fails the run (exit 1)" test "$rc" = 1
check "... says the connection was cut and keeps what arrived" grep -q "what arrived is kept" "$T/out"
have=$(stat -c %s "$part" 2>/dev/null || echo 0)
check "... the partial file holds the 150000 bytes sent ($have)" test "$have" = 150000
check "... the installed module is still 1.1" grep -q '^version: "1.1"' "$T/m/integrity-basics/module.yaml"
update >"$T/out" 2>&1
check "the next run resumes: it asks for bytes=150000- and gets 206" grep -q "GET /integrity-basics-1.2.lectern bytes=150000- 206" "$T/node.log"
check "... and installs 1.2" grep -q "updated integrity-basics to 1.2" "$T/out"
check "... byte-identical to the published module" diff -r -x .lectern "$T/src/integrity-basics" "$T/m/integrity-basics"
check "... and leaves no download behind" sh -c "! ls '$T/d/downloads' | grep -q lectern"

# ---------------------------------------------------------------- refusals
sed -i 's/^version: "1.2"/version: "1.3"/' "$T/src/integrity-basics/module.yaml"
"$L" publish --sign "$T/unit.key" -o "$T/site" "$T/src" >/dev/null 2>&1
cp "$T/site/feed.txt" "$T/feed.good"
sed -i 's/ 1.3 / 1.4 /' "$T/site/feed.txt"
update >"$T/out" 2>&1
check "an index changed after signing is refused" grep -q "does not match the signed file" "$T/out"
check "... saying the feed is not signed by a trusted key, nothing installed" \
	sh -c "grep -q 'not signed by a trusted key; nothing was installed' '$T/out' && grep -q '^version: \"1.2\"' '$T/m/integrity-basics/module.yaml'"
cp "$T/feed.good" "$T/site/feed.txt"
"$L" publish --sign "$T/other.key" -o "$T/other-site" "$T/src" >/dev/null 2>&1
cp "$T/other-site/feed.txt.minisig" "$T/site/feed.txt.minisig.good"
mv "$T/site/feed.txt.minisig" "$T/unit.minisig"
cp "$T/other-site/feed.txt" "$T/site/feed.txt"
cp "$T/other-site/feed.txt.minisig" "$T/site/feed.txt.minisig"
update >"$T/out" 2>&1
check "an index signed by another key is refused" grep -q "which is not a trusted key" "$T/out"
cp "$T/feed.good" "$T/site/feed.txt"
cp "$T/unit.minisig" "$T/site/feed.txt.minisig"
# the package on the server swapped for another of the same size
python3 -c '
import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[len(b) // 2] ^= 1
open(p, "wb").write(b)' "$T/site/integrity-basics-1.3.lectern"
update >"$T/out" 2>&1
check "a package that is not the one the index lists is refused" grep -q "not the package the feed lists" "$T/out"
check "... and its download is deleted" test ! -e "$T/d/downloads/integrity-basics-1.3.lectern.part"
check "... the installed module is still 1.2" grep -q '^version: "1.2"' "$T/m/integrity-basics/module.yaml"
# ---------------------------------------------------------------- https
# the unit's own certificate authority: refused until the kiosk knows it
if command -v openssl >/dev/null 2>&1; then
	cp "$T/feed.good" "$T/site/feed.txt"
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
		-addext subjectAltName=IP:127.0.0.1 -keyout "$T/tls.key" -out "$T/tls.pem" \
		>/dev/null 2>&1
	stop_server
	rm -f "$T/port"
	FEED_TLS_CERT=$T/tls.pem FEED_TLS_KEY=$T/tls.key \
		node tests/node/feed-server.js "$T/site" "$T/port" "$T/node.log" &
	srv=$!
	retry 50 test -s "$T/port"
	printf 'trusted_keys:\n  - %s\nfeed: https://127.0.0.1:%s/feed.txt\n' \
		"$(sed -n 2p "$T/unit.pub")" "$(cat "$T/port")" >"$T/kiosk.yaml"
	update >"$T/out" 2>&1
	check "https: a certificate the system does not know is refused" grep -q "certificate cannot be verified" "$T/out"
	echo "feed_ca_file: $T/tls.pem" >>"$T/kiosk.yaml"
	update >"$T/out" 2>&1
	check "https: with feed_ca_file the feed is read (and the package refused as before)" \
		sh -c "grep -q 'not the package the feed lists' '$T/out' && ! grep -q certificate '$T/out'"
else
	fail "https: openssl is needed for the certificate"
fi
stop_server
printf 'kiosk: false\n' >"$T/nofeed.yaml"
check "--auto without a feed does nothing, exit 0 (the timer on every kiosk)" \
	"$L" update --auto --config "$T/nofeed.yaml" --modules "$T/m" --data-dir "$T/d"
update >"$T/out" 2>&1
check "no server: a plain message and exit 1" sh -c "grep -q 'cannot be reached' '$T/out'"
