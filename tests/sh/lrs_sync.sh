#!/bin/sh
# lrs_sync.sh: `lectern sync` against a real xAPI LRS (Learning Locker's
# statement service, tests/node/lrs.js) on 127.0.0.1, through a proxy that
# injects the faults of a poor link (tests/node/lrs-proxy.js). After every
# fault the LRS must hold each statement of the outbox exactly once, equal
# to what was stored (tests/node/lrs-check.js reads it back through `more`).
#
# Without node the test cannot run: it says SKIP (counted as skipped by
# tests/run.sh), never PASS.
cd "$(dirname "$0")/../.." || exit 2
. tests/sh/store_lib.inc
# the messages it looks for are the English ones
export LC_ALL=C LANGUAGE=

if ! command -v node >/dev/null 2>&1; then
	echo "SKIP: lrs_sync: node is not installed (scripts/install-deps.sh test)"
	exit 0
fi
if [ ! -d tests/node/node_modules/xapi-statements ]; then
	echo "FAIL: lrs_sync: tests/node/node_modules is missing (make deps-test)"
	exit 1
fi

T=$(mktemp -d /tmp/lectern-lrs.XXXXXX)
PIDS=""
cleanup() {
	command -v xvfb_stop >/dev/null 2>&1 && xvfb_stop
	for p in $PIDS; do kill "$p" 2>/dev/null; done
	[ -n "${LRS_KEEP:-}" ] || rm -rf "$T"
}
trap cleanup EXIT
L=./build/lectern
Q=tests/modules/good/all-questions.yaml
SECRET=s3cret-pw-4417

# start NAME COMMAND...: run a server in the background and wait for its
# "ready PORT" line; sets PORT
start() {
	name=$1
	shift
	"$@" >"$T/$name.out" 2>"$T/$name.err" &
	PIDS="$PIDS $!"
	i=0
	while ! grep -q '^ready ' "$T/$name.out" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 300 ]; then
			echo "FAIL: lrs_sync: $name did not start"
			cat "$T/$name.err"
			exit 1
		fi
		sleep 0.1
	done
	PORT=$(sed -n 's/^ready //p' "$T/$name.out")
}

mkdir -p "$T/lrs"
start lrs node tests/node/lrs.js 0 "$T/lrs"
LRS=$PORT
start proxy node tests/node/lrs-proxy.js "$LRS" "$T/posts.log" "lectern:$SECRET"
PROXY=$PORT
printf '%s\n' "$SECRET" >"$T/secret"
chmod 600 "$T/secret"

# conf NAME ENDPOINT [EXTRA LINES]: a config file with an lrs: section
conf() {
	{
		printf 'lrs:\n  endpoint: %s\n  username: lectern\n' "$2"
		printf '  password_file: %s\n  batch: 8\n  timeout_seconds: 2\n' "$T/secret"
		[ -n "${3:-}" ] && printf '%s\n' "$3"
	} >"$T/$1.yaml"
}
conf good "http://127.0.0.1:$PROXY/xAPI/"
fault() { node tests/node/lrs-ctl.js "$PROXY" fault "$1" >/dev/null; }
posts() { node tests/node/lrs-ctl.js "$PROXY" count; }
# sync NAME CONFIG DATA [OPTION]: run it, keep its output, set RC
sync_run() {
	"$L" sync --config "$T/$2.yaml" --data-dir "$3" ${4:-} >"$T/$1.stdout" 2>"$T/$1.stderr"
	RC=$?
	cat "$T/$1.stdout" "$T/$1.stderr" >>"$T/all-output"
}
waiting() { "$L" sync --status --config "$T/good.yaml" --data-dir "$1" | sed -n 's/^Records waiting: *//p'; }
total() { sqlite3 "$1/progress.db" 'SELECT count(*) FROM outbox'; }
# lrs_holds DATA [EXCEPT]: the LRS holds every statement of DATA once
lrs_holds() {
	"$L" export --data-dir "$1" --xapi "$T/export.json" >/dev/null 2>&1 &&
		node tests/node/lrs-check.js "$LRS" "$T/export.json" ${2:-} >"$T/check.out" 2>&1
}
expect_rc() { # name want
	if [ "$RC" = "$2" ]; then pass "$1 (exit $RC)"; else
		fail "$1: exit $RC, not $2"
		cat "$T/$1.stderr" 2>/dev/null | head -n 5
	fi
}

# ---------------------------------------------------------------- sending
D=$T/class
fill "$D" "$Q" ana pass >/dev/null
fill "$D" "$Q" bo fail >/dev/null
fill "$D" "$Q" cy half >/dev/null
n=$(total "$D")
sync_run first good "$D"
expect_rc "sync: sends the outbox" 0
if lrs_holds "$D"; then pass "sync: the LRS holds all $n statements once, equal to the outbox ($(cat "$T/check.out"))"
else fail "sync: the LRS holds the outbox once"; head -n 5 "$T/check.out"; fi
check "sync: nothing waits afterwards" test "$(waiting "$D")" = 0
# the bytes that left are the bytes stored: each stored text is in a body
missing=$(sqlite3 "$D/progress.db" 'SELECT statement FROM outbox' | while IFS= read -r s; do
	grep -qF -- "$s" "$T/posts.log" || echo x; done | wc -l)
check "sync: every statement was sent byte for byte as stored" test "$missing" = 0
before=$(posts)
sync_run again good "$D"
expect_rc "sync: a second run" 0
check "sync: a second run sends nothing again" test "$(posts)" = "$before"
check "sync: the first run was in batches of 8 (then and only then)" \
	test "$before" -eq $(((n + 7) / 8))

# ---------------------------------------------------------------- the LRS down
D=$T/down
fill "$D" "$Q" ana pass >/dev/null
conf down "http://127.0.0.1:1/xAPI/"
sync_run down down "$D"
expect_rc "down: the LRS cannot be reached" 3
check "down: says so in plain words" grep -q "cannot be reached" "$T/down.stderr"
check "down: nothing marked sent" test "$(waiting "$D")" = "$(total "$D")"
"$L" sync --status --config "$T/down.yaml" --data-dir "$D" >"$T/status.out" 2>&1
cat "$T/status.out" >>"$T/all-output"
check "down: --status shows the last error" grep -q "^Last error: *the LRS cannot be reached" "$T/status.out"
check "down: --status shows when to try again" grep -q "^Next automatic attempt:" "$T/status.out"
sync_run down-auto down "$D" --auto
expect_rc "down: an automatic run inside the backoff is skipped" 0
check "down: and says when it will try" grep -q "Not yet" "$T/down-auto.stdout"

# ---------------------------------------------------------------- proxy faults
# each fault on its own class: nothing is marked, the next clean run sends
# everything, and the LRS holds each statement once
for f in reset-before reset-after delay:10 500 429:7200 ack-empty; do
	D=$T/f-$(echo "$f" | tr : -)
	fill "$D" "$Q" ana pass >/dev/null
	fill "$D" "$Q" bo fail >/dev/null
	fault "$f"
	start_s=$(date +%s)
	sync_run "fault-$f" good "$D"
	took=$(($(date +%s) - start_s))
	expect_rc "fault $f: stops, to try later" 3
	if [ "$f" = 429:7200 ]; then
		nb=$(sqlite3 "$D/progress.db" 'SELECT not_before - unixepoch() FROM sync')
		# the backoff alone would be a minute
		check "fault $f: the next automatic attempt waits for Retry-After ($nb s)" \
			test "$nb" -ge 7100
	fi
	check "fault $f: nothing marked sent" test "$(waiting "$D")" = "$(total "$D")"
	fault none
	sync_run "after-$f" good "$D"
	expect_rc "fault $f: the next run sends" 0
	if lrs_holds "$D"; then pass "fault $f: the LRS holds every statement once"
	else fail "fault $f: the LRS holds every statement once"; head -n 5 "$T/check.out"; fi
	case $f in
	delay:*) check "fault $f: gives up after timeout_seconds (took ${took}s)" test "$took" -le 7
		check "fault $f: says the LRS did not answer in time" grep -q "in time" "$T/fault-$f.stderr" ;;
	esac
done

# 400 for one statement: it is set aside with the LRS's words, the rest go
D=$T/reject
fill "$D" "$Q" ana pass >/dev/null
bad=$(sqlite3 "$D/progress.db" 'SELECT id FROM outbox ORDER BY seq LIMIT 1 OFFSET 5')
echo "$bad" >"$T/except"
fault "reject:$bad"
sync_run reject good "$D"
expect_rc "400 for one statement: the rest are sent" 5
fault none
if lrs_holds "$D" "$T/except"; then pass "400 for one statement: the LRS holds all the others once"
else fail "400 for one statement: the LRS holds all the others once"; head -n 5 "$T/check.out"; fi
"$L" sync --status --config "$T/good.yaml" --data-dir "$D" >"$T/status.out" 2>&1
check "400 for one statement: --status lists it with the LRS's reason" \
	grep -q "$bad.*HTTP 400: statement $bad refused by the test proxy" "$T/status.out"
check "400 for one statement: nothing else waits" test "$(waiting "$D")" = 0
check "400 for one statement: it is still exported" grep -q "$bad" "$T/export.json"
sync_run reject-again good "$D"
expect_rc "400 for one statement: a set-aside statement is not retried" 0
sync_run retry good "$D" --retry-refused
expect_rc "--retry-refused: sends it once the LRS takes it" 0
if lrs_holds "$D"; then pass "--retry-refused: the LRS holds every statement once"
else fail "--retry-refused: the LRS holds every statement once"; head -n 5 "$T/check.out"; fi

# 400 for everything is the LRS's fault, not the records': nothing is set
# aside, and the run says so
D=$T/reject-all
fill "$D" "$Q" ana pass >/dev/null
fault reject:actor
sync_run reject-all good "$D"
fault none
expect_rc "400 for every statement: a settings error" 2
check "400 for every statement: says it is the LRS, not the records" \
	grep -q "refused every record of a batch" "$T/reject-all.stderr"
check "400 for every statement: nothing set aside, all wait" test "$(waiting "$D")" = "$(total "$D")"

# 409: the LRS already holds another statement with one of our ids
D=$T/conflict
fill "$D" "$Q" ana pass >/dev/null
sqlite3 "$D/progress.db" "SELECT json_set(statement, '$.verb.display.en-US', 'changed')
	FROM outbox ORDER BY seq LIMIT 1 OFFSET 3" >"$T/changed.json"
sqlite3 "$D/progress.db" 'SELECT id FROM outbox ORDER BY seq LIMIT 1 OFFSET 3' >"$T/except"
check "409: the changed statement is in the LRS first" \
	test "$(node tests/node/lrs-ctl.js "$LRS" post "$T/changed.json")" = 200
sync_run conflict good "$D"
expect_rc "409: the conflicting statement is set aside, the rest sent" 5
"$L" sync --status --config "$T/good.yaml" --data-dir "$D" >"$T/status.out" 2>&1
check "409: --status names it with HTTP 409" grep -q "$(cat "$T/except").*HTTP 409" "$T/status.out"
if lrs_holds "$D" "$T/except"; then
	fail "409: the LRS check must see the conflicting statement (it differs)"
else
	# lrs-check reports exactly the one conflicting id, and nothing else
	if [ "$(wc -l <"$T/check.out")" = 1 ] && grep -q "$(cat "$T/except"): set aside, yet in the LRS" "$T/check.out"; then
		pass "409: the LRS holds all the others once, and only its own version of that one"
	else
		fail "409: the LRS holds all the others once"; head -n 5 "$T/check.out"
	fi
fi

# ---------------------------------------------------------------- settings
D=$T/creds
fill "$D" "$Q" ana pass >/dev/null
printf 'wrong-password\n' >"$T/wrong"
chmod 600 "$T/wrong"
sed "s|password_file: .*|password_file: $T/wrong|" "$T/good.yaml" >"$T/badauth.yaml"
sync_run badauth badauth "$D"
expect_rc "bad credentials: their own exit status" 4
check "bad credentials: says the LRS refused them" grep -q "refused the user name and password" "$T/badauth.stderr"
check "bad credentials: nothing marked sent" test "$(waiting "$D")" = "$(total "$D")"

conf wrongpath "http://127.0.0.1:$PROXY/lrs/nothing-here/"
sync_run wrongpath wrongpath "$D"
expect_rc "wrong endpoint: a settings error" 2
check "wrong endpoint: says it is not an xAPI LRS" grep -q "is not an xAPI LRS" "$T/wrongpath.stderr"

conf plain "http://lrs.example.org/xAPI/"
sync_run plain plain "$D"
expect_rc "http to another host: refused" 2
check "http to another host: says why" grep -q "plain http" "$T/plain.stderr"
# another loopback address stands for a remote host: allowed only with
# insecure_http
start proxy2 env LRS_PROXY_HOST=127.0.0.2 node tests/node/lrs-proxy.js "$LRS" "$T/posts2.log" "lectern:$SECRET"
conf other "http://127.0.0.2:$PORT/xAPI/"
sync_run other other "$D"
expect_rc "http to 127.0.0.2 without insecure_http: refused" 2
conf insecure "http://127.0.0.2:$PORT/xAPI/" "  insecure_http: true"
sync_run insecure insecure "$D"
expect_rc "http to 127.0.0.2 with insecure_http: true: sent" 0
conf tls "https://127.0.0.1:$PROXY/xAPI/"
sync_run tls tls "$D"
expect_rc "https to a server without TLS: fails, records wait" 3
# HTTPS with an organisation's own certificate authority: refused until
# ca_file: names it, then sent
D=$T/https
fill "$D" "$Q" ana pass >/dev/null
if openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
	-addext subjectAltName=IP:127.0.0.1 -keyout "$T/key.pem" -out "$T/cert.pem" \
	>/dev/null 2>&1; then
	start tlsproxy env LRS_PROXY_TLS="$T/cert.pem:$T/key.pem" node tests/node/lrs-proxy.js \
		"$LRS" "$T/posts3.log" "lectern:$SECRET"
	conf https "https://127.0.0.1:$PORT/xAPI/"
	sync_run https https "$D"
	expect_rc "https with a certificate the system does not know: refused, records wait" 3
	check "https: says the certificate cannot be verified" grep -q "certificate cannot be verified" "$T/https.stderr"
	check "https: nothing marked sent" test "$(waiting "$D")" = "$(total "$D")"
	conf https-ca "https://127.0.0.1:$PORT/xAPI/" "  ca_file: $T/cert.pem"
	sync_run https-ca https-ca "$D"
	expect_rc "https with ca_file: naming the organisation's CA: sent" 0
	if lrs_holds "$D"; then pass "https: the LRS holds every statement once"
	else fail "https: the LRS holds every statement once"; head -n 5 "$T/check.out"; fi
else
	fail "https: openssl cannot make a test certificate (make deps-test)"
fi

printf 'lrs:\n  endpoint: https://x.org/xAPI/\n  password: %s\n' "$SECRET" >"$T/open.yaml"
chmod 644 "$T/open.yaml"
sync_run open open "$D"
expect_rc "password: in a config file others can read: refused" 2
: >"$T/none.yaml"
sync_run none none "$D"
expect_rc "no lrs: section: a settings error" 2

# ---------------------------------------------------------------- one at a time
D=$T/lock
fill "$D" "$Q" ana pass >/dev/null
fault slow:1500
"$L" sync --config "$T/good.yaml" --data-dir "$D" --quiet >/dev/null 2>&1 &
first=$!
sleep 0.7
sync_run second good "$D"
expect_rc "lock: a second sync of the same database waits its turn" 6
wait $first
fault none

# ---------------------------------------------------------------- kill -9
# many learners, small batches, each held a little by the proxy: kill the
# sync at random moments, then one clean run; the LRS must hold each
# statement once and nothing may wait
D=$T/kill
for who in ana bo cy dee ed fay gus hal; do fill "$D" "$Q" "$who" pass >/dev/null; done
sed 's/batch: 8/batch: 2/' "$T/good.yaml" >"$T/small.yaml"
# about one batch a run: the kills, not the runs, decide how far it gets
fault slow:100
seed=$$
kills=${LRS_KILLS:-50}
k=0
while [ $k -lt "$kills" ]; do
	"$L" sync --config "$T/small.yaml" --data-dir "$D" --quiet >/dev/null 2>&1 &
	pid=$!
	# 0 to 0.25 s: from before the lock to the middle of a batch
	sleep "$(awk -v s="$seed" -v k="$k" 'BEGIN { srand(s + k); printf "%.3f", rand() * 0.25 }')"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	k=$((k + 1))
done
part=$(waiting "$D")
fault none
sync_run final small "$D"
expect_rc "kill -9 x$kills, then one sync: it finishes" 0
check "kill -9 x$kills: the kills left work to do ($part of $(total "$D") waited)" test "$part" -gt 0
check "kill -9 x$kills: nothing waits after the final sync" test "$(waiting "$D")" = 0
if lrs_holds "$D"; then pass "kill -9 x$kills: the LRS holds every statement exactly once"
else fail "kill -9 x$kills: the LRS holds every statement exactly once"; head -n 5 "$T/check.out"; fi

# ---------------------------------------------------------------- progress
"$L" progress --config "$T/good.yaml" --data-dir "$T/down" >"$T/progress.out" 2>&1
check "lectern progress says how many records wait for the LRS" \
	grep -q "^Records waiting for the LRS: $(total "$T/down") " "$T/progress.out"

# ---------------------------------------------------------------- the player
# started with an LRS configured, the player sends the records through a
# lectern sync of its own; the player process itself opens no socket
. tests/sh/xvfb_lib.inc
D=$T/player
fill "$D" "$Q" ana pass >/dev/null
acked() { "$L" sync --status --config "$T/good.yaml" --data-dir "$1" | sed -n 's/^Acknowledged (kept): *//p'; }
before=$(total "$D")
if command -v Xvfb >/dev/null 2>&1 && command -v strace >/dev/null 2>&1 &&
	xvfb_start 1024x700 "$T"; then
	SDL_AUDIODRIVER=dummy timeout -s TERM 4 strace -qq -e trace=socket,connect \
		-o "$T/player.trace" "$L" --config "$T/good.yaml" --data-dir "$D" "$Q" \
		>/dev/null 2>&1
	# what it recorded itself while running (its leave) waits for the next run
	retry 100 test "$(acked "$D")" -ge "$before"
	check "player: its background sync sent the $before records there before it" \
		test "$(acked "$D")" -ge "$before"
	sync_run player-after good "$D"
	if lrs_holds "$D"; then pass "player: the LRS holds them once"
	else fail "player: the LRS holds them once"; head -n 5 "$T/check.out"; fi
	check "player: the trace saw the player (its X socket)" grep -q X11-unix "$T/player.trace"
	check_fails "player: the player process opened no network socket" \
		grep -qE 'AF_INET|AF_INET6' "$T/player.trace"

	# a classroom's day: the link is down while a learner works and comes
	# back later; the records reach the LRS with nobody running a command
	D=$T/day
	sed 's/^  timeout_seconds: 2$/  timeout_seconds: 2\n  interval_minutes: 0.02/' "$T/good.yaml" >"$T/day.yaml"
	fault 500
	SDL_AUDIODRIVER=dummy "$L" --config "$T/day.yaml" --data-dir "$D" \
		tests/modules/good/minimal.yaml >"$T/day.log" 2>&1 &
	app=$!
	PIDS="$PIDS $app"
	timeout 10 xdotool search --sync --onlyvisible --name 'Lectern' >/dev/null 2>&1
	status_has() { "$L" sync --status --config "$T/good.yaml" --data-dir "$D" 2>/dev/null | grep -q "$1"; }
	idle() { flock -n "$D/progress.db.sync-lock" true; }
	retry 100 status_has "HTTP 500"
	check "day: the player's own run met the link down" status_has "HTTP 500"
	sleep 0.3
	xdotool key Right          # the end of the module: results
	sleep 1.5
	retry 50 idle
	check "day: the finished module's records wait" test "$(waiting "$D")" -gt 0
	fault none
	# the link is back, and the backoff's minute has passed
	sqlite3 "$D/progress.db" 'UPDATE sync SET not_before = 0'
	due=$(total "$D")
	sleep 1.5
	xdotool key Escape         # the learner goes back to the catalog
	retry 150 sh -c "[ \"\$(\"$L\" sync --status --config '$T/good.yaml' --data-dir '$D' | sed -n 's/^Acknowledged (kept): *//p')\" -ge $due ]"
	retry 50 idle
	check "day: without a command, every record made before the link came back was sent ($due)" \
		test "$(acked "$D")" -ge "$due"
	sqlite3 "$D/progress.db" 'SELECT id FROM outbox WHERE acked_at IS NULL' >"$T/unsent"
	if lrs_holds "$D" "$T/unsent"; then pass "day: the LRS holds each of them exactly once"
	else fail "day: the LRS holds each of them exactly once"; head -n 5 "$T/check.out"; fi
	kill "$app" 2>/dev/null

	# the trainer menu of a kiosk: its own automatic run meets a failing
	# LRS; once the LRS is back, Send records now sends and says so
	D=$T/kiosk
	fill "$D" "$Q" ana pass >/dev/null
	printf '2468\n2468\n' | "$L" set-pin --config "$T/kiosk.yaml" >/dev/null 2>&1
	sed 's/^lrs:/kiosk: true\nidle_logout_minutes: 5\nlrs:/' "$T/good.yaml" >>"$T/kiosk.yaml"
	chmod 600 "$T/kiosk.yaml"
	fault 500
	command -v openbox >/dev/null 2>&1 && wm_start
	SDL_AUDIODRIVER=dummy "$L" --config "$T/kiosk.yaml" --data-dir "$D" \
		--modules tests/modules/good >"$T/kiosk.log" 2>&1 &
	app=$!
	PIDS="$PIDS $app"
	retry 100 grep -q "kiosk: started" "$T/kiosk.log"
	timeout 10 xdotool search --sync --onlyvisible --name '^Lectern$' >/dev/null 2>&1
	retry 100 sh -c "\"$L\" sync --status --config '$T/good.yaml' --data-dir '$D' | grep -q 'HTTP 500'"
	check "kiosk: its automatic run met the failing LRS" test "$(waiting "$D")" = "$(total "$D")"
	fault none
	sleep 0.5
	xdotool key ctrl+alt+t
	sleep 0.5
	xdotool type --delay 40 "2468"
	xdotool key Return
	retry 50 grep -q "trainer menu opened" "$T/kiosk.log"
	sleep 0.5
	xdotool key s
	check "trainer menu: Send records now says all were sent" \
		retry 150 grep -q "trainer menu ended with status 0" "$T/kiosk.log"
	sleep 0.7
	mkdir -p build/test-logs
	import -window root build/test-logs/trainer-sync.png 2>/dev/null
	check "trainer menu: nothing waits after Send records now" test "$(waiting "$D")" = 0
	kill "$app" 2>/dev/null
	xvfb_stop
else
	fail "player: Xvfb or strace is missing (make deps-test)"
fi

# ---------------------------------------------------------------- secrets
if grep -q "$SECRET" "$T/all-output"; then
	fail "the password never appears in any output or --status"
else
	pass "the password never appears in any output or --status ($(wc -l <"$T/all-output") lines)"
fi
