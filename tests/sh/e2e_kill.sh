#!/bin/sh
# e2e_kill.sh: the promise of the progress store, tried as a learner would.
# The real player runs under Xvfb; xdotool answers three questions with
# the keyboard; the player is killed with kill -9 right after the last
# feedback; it is started again and must open where the learner was, with
# every answer kept (in the database, and restored: `resumed`, then the
# bookmarked slide shown first). Screenshots go to build/e2e-shots/;
# KEEP=1 keeps the temporary folder (database, log) for a look.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/sh/store_lib.inc
. tests/sh/xvfb_lib.inc

bin=$PWD/build/lectern
shots=$PWD/build/e2e-shots
T=$(mktemp -d /tmp/lectern-e2e-kill.XXXXXX)
lpid=
cleanup() {
	[ -n "$lpid" ] && kill -9 "$lpid" 2>/dev/null
	xvfb_stop
	[ -n "${KEEP:-}" ] || rm -rf "$T"
}
trap cleanup EXIT INT TERM
need_tools e2e_kill Xvfb xdotool import sqlite3
mkdir -p "$shots"

cat >"$T/quiz.yaml" <<'YAML'
lectern: 1
id: e2e-kill
title: Power cut
version: "1"
slides:
  - id: intro
    title: Welcome
    body: Three questions follow.
  - id: q-gift
    type: single
    question: A trader offers you a gift. What do you do?
    choices:
      - Accept it
      - text: Decline it and report it
        correct: true
      - Ask a colleague
  - id: q-tf
    type: true-false
    question: A gift can create a conflict of interest.
    answer: true
  - id: q-word
    type: short
    question: Which value is this course about?
    accept: [integrity]
  - id: done
    title: The end
    body: Done.
YAML

# a display nobody else uses
xvfb_start 1280x800 "$T" || { fail "e2e_kill: Xvfb did not start"; exit 1; }
export SDL_AUDIODRIVER=dummy

DB=$T/data/progress.db
start() {
	"$bin" --data-dir "$T/data" --learner officer "$T/quiz.yaml" >"$T/log" 2>&1 &
	lpid=$!
	win=
	retry 100 find_win
	sleep 0.5
}
find_win() { win=$(xdotool search --pid "$lpid" 2>/dev/null | head -n 1); [ -n "$win" ]; }
key() { xdotool key --window "$win" "$@"; sleep 0.4; }

start
check "the player opens a window" test -n "$win"
key Right                 # to q-gift
key 2 Return              # the right choice, Check: feedback shown
key Right                 # to q-tf
key 2 Return              # False: wrong, feedback shown
key Right                 # to q-word
xdotool type --window "$win" "Integrity"
sleep 0.3
key Return                # Check
import -window root "$shots/kill-before.png"
kill -9 "$lpid"
wait "$lpid" 2>/dev/null
lpid=

check "the -wal survived the kill (nothing was closed)" test -e "$DB-wal"
check "after kill -9 the database is sound" test "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok
answers=$(sqlite3 "$DB" "SELECT group_concat(question_id || '=' || response || ':' || correct, ' ') FROM (SELECT * FROM answer ORDER BY id)")
echo "answers: $answers"
check "every answer the learner saw judged is kept" \
	test "$answers" = "q-gift=1:1 q-tf=false:0 q-word=Integrity:1"
check "its xAPI statements too" test "$(sqlite3 "$DB" "SELECT count(*) FROM outbox WHERE verb = 'answered'")" = 3

start
import -window root "$shots/kill-after.png"
check "the player starts again" kill -0 "$lpid"
check "it resumed (a resumed statement)" test "$(sqlite3 "$DB" "SELECT count(*) FROM outbox WHERE verb = 'resumed'")" = 1
first=$(sqlite3 "$DB" "SELECT json_extract(statement, '\$.object.id') FROM outbox WHERE seq > (SELECT max(seq) FROM outbox WHERE verb = 'resumed') AND verb = 'experienced' ORDER BY seq LIMIT 1")
check "it opens where the learner was (q-word)" test "$first" = "urn:lectern:module:e2e-kill/slide/q-word"
key Left                  # back to q-tf: shown answered
import -window root "$shots/kill-after-back.png"
check "going back does not record a new answer" \
	test "$(sqlite3 "$DB" 'SELECT count(*) FROM answer')" = 3
kill "$lpid"
wait "$lpid" 2>/dev/null
lpid=
check "a normal quit records suspended" test "$(sqlite3 "$DB" "SELECT count(*) FROM outbox WHERE verb = 'suspended'")" = 1
"$bin" export --data-dir "$T/data" --xapi "$T/x.json" 2>/dev/null
check "the statements pass the xAPI validator" node tests/node/validate-xapi.js "$T/x.json"
