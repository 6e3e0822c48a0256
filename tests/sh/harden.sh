#!/bin/sh
# harden.sh: what a hostile module author or local user can hand Lectern
# (issue 13), one class at a time, each bounded by `timeout` and `ulimit -v`
# so a regression fails the test instead of hanging or swapping the
# machine: image bombs, special files (FIFOs, devices, links leading out
# of a module), cost bombs (a 1 MiB word, aliases of a long paragraph),
# output that must be whole or absent, and control characters that must
# never reach a terminal raw. Exit status 124 is a timeout, 128+N a signal:
# both fail the checks, which want 0 or 1.
set -u
cd "$(dirname "$0")/../.." || exit 2
L=$(pwd)/${LECTERN:-build/lectern}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; }
check() { # name, then a command that must succeed
	what=$1
	shift
	if "$@"; then pass "$what"; else fail "$what"; fi
}
# run a command with at most 1.5 GB of address space and 60 seconds; the
# status goes to $rc, stderr to $T/err, stdout to $T/out
bounded() {
	( ulimit -v 1500000; exec timeout -k 5 60 "$@" ) >"$T/out" 2>"$T/err"
	rc=$?
}
B=tests/modules/bad

if ! [ -x "$L" ]; then
	fail "build/lectern exists (run make)"
	exit 1
fi

# ---- image bombs: refused from the header, never decoded
for m in image-bomb-png image-bomb-jpeg; do
	bounded "$L" check "$B/$m"
	check "check refuses $m from its header" \
		sh -c "[ $rc = 1 ] && grep -q 'pixels; the limit is 16384 pixels on a side' '$T/err'"
	bounded "$L" render "$B/$m" --all -o "$T/render-$m"
	check "render --all of $m ends with status 1, no crash or timeout ($rc)" test "$rc" = 1
done

# an image at the limit (16384 x 2441, just under 40 megapixels) is drawn,
# within the same bounds: the limit is one the player can afford
mkdir -p "$T/atlimit/images"
python3 - "$T/atlimit" <<'PY'
import struct, sys, zlib
d = sys.argv[1]
w, h = 16384, 2441
def chunk(t, b):
    return struct.pack('>I', len(b)) + t + b + struct.pack('>I', zlib.crc32(t + b) & 0xffffffff)
row = b'\0' + b'\x80\x40\x20' * w
co = zlib.compressobj(9)
data = b''.join(co.compress(row) for _ in range(h)) + co.flush()
open(d + '/images/wide.png', 'wb').write(b'\x89PNG\r\n\x1a\n' +
    chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) +
    chunk(b'IDAT', data) + chunk(b'IEND', b''))
open(d + '/module.yaml', 'w').write('lectern: 1\nid: wide\ntitle: Wide\nslides:\n'
    '  - title: Wide\n    body:\n      - image: images/wide.png\n'
    '        alt: A brown band across the whole slide\n')
PY
bounded "$L" render "$T/atlimit" --all -o "$T/atlimit-out"
check "an image at the pixel limit passes check and renders within the bounds ($rc)" \
	sh -c "[ $rc = 0 ] && [ -s '$T/atlimit-out/001-slide-1.png' ]"

# ---- special files: a FIFO, a device or a directory is an error at once
mkfifo "$T/fifo.yaml"
bounded "$L" check "$T/fifo.yaml"
check "check of a FIFO module says so ($rc)" \
	sh -c "[ $rc = 1 ] && grep -q 'FIFO' '$T/err'"
mkdir "$T/fifomod"
mkfifo "$T/fifomod/module.yaml"
bounded "$L" render "$T/fifomod" --all -o "$T/r"
check "render of a module whose module.yaml is a FIFO ($rc)" test "$rc" = 1
bounded "$L" progress --config "$T/fifo.yaml"
check "progress --config FIFO is an error, not a hang ($rc)" \
	sh -c "[ $rc = 2 ] && grep -q 'FIFO' '$T/err'"
bounded "$L" check /dev/zero
check "check of a device is an error ($rc)" test "$rc" = 1
mkdir -p "$T/fifoimg/images"
cp tests/modules/good/with-image/module.yaml "$T/fifoimg/"
cp -r tests/modules/good/with-image/images/. "$T/fifoimg/images/"
rm "$T/fifoimg/images/port.jpg"
mkfifo "$T/fifoimg/images/port.jpg"
bounded "$L" check "$T/fifoimg"
check "an image that is a FIFO is refused by check ($rc)" \
	sh -c "[ $rc = 1 ] && grep -q 'port.jpg.*FIFO' '$T/err'"
bounded "$L" render "$T/fifoimg" --all -o "$T/r2"
check "render of a module with a FIFO image ends ($rc)" test "$rc" = 1

# module.yaml linked to a file outside the module: refused before reading,
# so none of its lines appear in a message
mkdir "$T/secret" "$T/linked"
printf 'root:SECRET-HASH-LINE:19000:0:99999:7:::\n' >"$T/secret/shadow"
ln -s "$T/secret/shadow" "$T/linked/module.yaml"
bounded "$L" check "$T/linked"
check "module.yaml linked outside the module is refused ($rc)" \
	sh -c "[ $rc = 1 ] && grep -q 'symbolic link that leads outside' '$T/err'"
check "no line of the linked file is printed" sh -c "! grep -q SECRET '$T/err' '$T/out'"

# ---- cost bombs: a module that passes check renders in bounded time and memory
python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
word = 'x' * (1024 * 1024 - 64)
open(t + '/word.yaml', 'w').write('lectern: 1\nid: word\ntitle: Word\nslides:\n'
    '  - title: A long word\n    body: ' + word + '\n')
para = ('Lorem ipsum dolor sit amet ' * 40000)[:1024 * 1024 - 100]
open(t + '/aliases.yaml', 'w').write('lectern: 1\nid: al\ntitle: Al\nslides:\n'
    '  - title: a\n    body: &p "' + para + '"\n' +
    ''.join('  - title: t%d\n    body: *p\n' % i for i in range(20000)))
PY
bounded "$L" check "$T/word.yaml"
check "a 1 MiB word passes check ($rc)" test "$rc" = 0
bounded "$L" render "$T/word.yaml" --all -o "$T/word"
check "render --all of a 1 MiB word ends within the bounds ($rc)" \
	sh -c "[ $rc = 0 ] && [ -s '$T/word/001-slide-1.png' ]"
bounded "$L" check "$T/aliases.yaml"
check "20,000 aliases of a 1 MiB paragraph are refused by check ($rc)" \
	sh -c "[ $rc = 1 ] && grep -q 'aliases expand to too much text' '$T/err'"
bounded "$L" render "$T/aliases.yaml" --all -o "$T/al"
check "render --all of the alias bomb ends with status 1 ($rc)" test "$rc" = 1

# ---- output is whole or absent
M=tests/modules/good/minimal.yaml
bounded "$L" render "$M" --slide 1 -o /dev/full
check "render -o /dev/full fails ($rc)" test "$rc" = 1
# a write that fails part way (file size limit; SIGXFSZ ignored so write
# returns EFBIG as on a full disk): status 1 and no truncated image left
( trap '' XFSZ; ulimit -f 4; exec "$L" render "$M" --slide 1 -o "$T/cut.png" ) 2>"$T/err"
rc=$?
check "render that cannot finish its file fails ($rc)" test "$rc" = 1
check "and leaves no partial file" sh -c "[ ! -e '$T/cut.png' ] && ! ls -a '$T' | grep -q 'cut.png.'"
bounded "$L" render "$M" --slide 1 -o "$T/ok.png"
check "render still writes a whole image" sh -c "[ $rc = 0 ] && [ -s '$T/ok.png' ]"

# ---- names: refused before anything opens, never silently unsaved
for n in "" "$(printf 'a\nb')" "$(printf 'x\377y')" \
	"$(printf '%0200d' 0)" "$(printf '\342\200\213')" "$(printf 'a\033[2Jb')"; do
	bounded env -u DISPLAY SDL_VIDEODRIVER=dummy "$L" --data-dir "$T/names" --learner "$n" \
		tests/modules/good/minimal.yaml
	check "--learner $(printf '%s' "$n" | od -An -c | tr -s ' ' | cut -c1-30) is refused ($rc)" \
		sh -c "[ $rc = 2 ] && grep -q 'learner' '$T/err' && ! grep -q \"\$(printf '\\033')\" '$T/err'"
done
check "a refused name creates no progress file" test ! -e "$T/names/progress.db"

# ---- output never carries a raw control character to the terminal
. tests/sh/store_lib.inc
D=$T/data
fill "$D" tests/modules/good/minimal.yaml ana pass >/dev/null
sqlite3 "$D/progress.db" "UPDATE learner SET name = 'ev' || char(27) || '[2Jil' || char(7)" 2>/dev/null
bounded "$L" progress --data-dir "$D"
check "progress escapes a control character in a stored name ($rc)" \
	sh -c "[ $rc = 0 ] && grep -q 'ev\\\\x1B\\[2Jil\\\\x07' '$T/out' && ! grep -q \"\$(printf '\\033')\" '$T/out'"
bounded "$L" progress --data-dir "$D" --format csv
check "the CSV escapes it too" sh -c "! grep -q \"\$(printf '\\033')\" '$T/out'"
printf 'lectern: 1\nid: esc\ntitle: "\\e[2J"\nslides:\n  - title: x\n' >"$T/esc.yaml"
bounded "$L" check "$T/esc.yaml"
check "check refuses an escape in a module and prints none ($rc)" \
	sh -c "[ $rc = 1 ] && grep -q 'U+001B' '$T/err' && ! grep -q \"\$(printf '\\033')\" '$T/err'"
mkdir "$T/esc$(printf '\033')[2Jdir"
cp "$T/esc.yaml" "$T/esc$(printf '\033')[2Jdir/module.yaml"
bounded "$L" check "$T/esc$(printf '\033')[2Jdir"
check "a path with an escape is printed escaped ($rc)" \
	sh -c "grep -q 'esc\\\\x1B\\[2Jdir' '$T/err' && ! grep -q \"\$(printf '\\033')\" '$T/err'"

# ---- where progress lives: never another user's folder, never ./
mkdir -m 0777 "$T/open"
cp "$D/progress.db" "$T/open/"
chmod 0777 "$T/open"
bounded "$L" progress --data-dir "$T/open"
check "a data folder anyone may write is refused ($rc)" \
	sh -c "[ $rc = 1 ] && grep -q 'anyone may write' '$T/err'"
if [ "$(id -u)" = 0 ]; then
	mkdir "$T/other"
	cp "$D/progress.db" "$T/other/"
	chown -R 65534:65534 "$T/other"
	bounded "$L" export --data-dir "$T/other" --csv -
	check "another user's data folder is refused ($rc)" \
		sh -c "[ $rc = 1 ] && grep -q 'another user' '$T/err'"
	# no HOME and no passwd entry (uid 54321): said, and nothing in ./
	mkdir "$T/cwd"
	chmod 0777 "$T/cwd"
	( cd "$T/cwd" && env -u HOME -u XDG_DATA_HOME setpriv --reuid=54321 --regid=54321 \
		--clear-groups timeout 30 "$L" progress ) >"$T/out" 2>"$T/err"
	rc=$?
	check "no home directory is said plainly ($rc)" \
		sh -c "[ $rc = 1 ] && grep -q 'no home directory' '$T/err'"
	check "and nothing is made in the current directory" test ! -e "$T/cwd/.local"
fi

# a FIFO where the database or its -wal should be: refused, not opened
mkdir "$T/fifodb"
mkfifo "$T/fifodb/progress.db"
bounded "$L" progress --data-dir "$T/fifodb"
check "a FIFO as the progress database is refused, not a hang ($rc)" \
	sh -c "[ $rc = 1 ] && grep -q 'FIFO' '$T/err'"
mkdir "$T/fifowal"
cp "$D/progress.db" "$T/fifowal/"
mkfifo "$T/fifowal/progress.db-wal"
bounded "$L" export --data-dir "$T/fifowal" --csv -
check "a FIFO as its -wal is refused, not a hang ($rc)" test "$rc" = 1
