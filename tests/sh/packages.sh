#!/bin/sh
# packages.sh: modules as signed packages, tried as a training unit would.
#
#  - a key pair (secret key 0600, never overwritten);
#  - every bundled module packed, signed, installed: byte-identical files;
#  - one byte changed in a file, in MANIFEST or in the signature: refused,
#    with a message naming what failed;
#  - malicious archives (made with Python's zipfile): `..`, absolute
#    paths, symbolic links, duplicate names, a zip bomb (huge actual size,
#    huge declared size), stray entries, missing or added files: refused;
#  - versions: newer replaces, same is a no-op, older refused unless
#    --allow-downgrade; remove;
#  - kill -9 at random points of an install, 50 times: always the old or
#    the new module, never a mix;
#  - the minisign command, both ways.
# KEEP=1 keeps the temporary folder.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/sh/store_lib.inc
. tests/sh/xvfb_lib.inc

need_tools packages python3 minisign bsdtar
L=${LECTERN:-$PWD/build/lectern} # LECTERN=path tries another build (a sanitizer one)
T=$(mktemp -d /tmp/lectern-packages.XXXXXX)
cleanup() { [ -n "${KEEP:-}" ] || rm -rf "$T"; }
trap cleanup EXIT INT TERM

# expect NAME WANT COMMAND...: the command fails and its stderr says WANT
expect() {
	name=$1
	want=$2
	shift 2
	if "$@" >"$T/out" 2>&1; then
		fail "$name (it succeeded)"
		cat "$T/out"
	elif ! grep -q -- "$want" "$T/out"; then
		fail "$name (the message does not say \"$want\")"
		cat "$T/out"
	else
		pass "$name: $(grep -- "$want" "$T/out" | head -n 1)"
	fi
}

# same_tree NAME A B: identical files, .lectern/ aside
same_tree() {
	if diff -r -x .lectern "$2" "$3" >"$T/diff" 2>&1; then pass "$1"; else
		fail "$1"
		head -n 5 "$T/diff"
	fi
}

# ---------------------------------------------------------------- keys
cd "$T" || exit 2
"$L" keygen -o unit >keygen.out 2>&1
check "keygen: writes unit.pub and unit.key" test -s unit.pub -a -s unit.key
check "keygen: the secret key is mode 0600" sh -c '[ "$(stat -c %a unit.key)" = 600 ]'
expect "keygen: an existing key is never overwritten" "never overwrites" "$L" keygen -o unit
PUB=$(sed -n 2p unit.pub)
printf 'trusted_keys:\n  - %s\n' "$PUB" >kiosk.yaml
"$L" keygen -o other >/dev/null 2>&1
printf 'trusted_keys: [%s]\n' "$(sed -n 2p other.pub)" >other.yaml
cd - >/dev/null || exit 2

# ---------------------------------------------------------------- every bundled module
mkdir -p "$T/mods"
ok=0
n=0
for m in modules/*; do
	n=$((n + 1))
	b=$(basename "$m" .yaml)
	if ! "$L" pack --sign "$T/unit.key" -o "$T/$b.lectern" "$m" >"$T/out" 2>&1; then
		fail "pack $m"
		cat "$T/out"
		continue
	fi
	if ! "$L" install --config "$T/kiosk.yaml" --modules "$T/mods" "$T/$b.lectern" >"$T/out" 2>&1; then
		fail "install $m"
		cat "$T/out"
		continue
	fi
	f=$m
	[ -d "$m" ] && f=$m/module.yaml
	id=$(sed -n 's/^id: *//p' "$f" | head -n 1)
	if [ -d "$m" ]; then
		diff -r -x .lectern "$m" "$T/mods/$id" >"$T/diff" 2>&1
	else
		cmp "$m" "$T/mods/$id/module.yaml" >"$T/diff" 2>&1
	fi && ok=$((ok + 1)) || { echo "$m:"; head -n 5 "$T/diff"; }
done
check "bundled modules: all $n packed, installed, byte-identical ($ok)" test "$ok" = "$n"
check "bundled modules: the catalog of installed modules passes check" "$L" check --quiet "$T/mods"
# a single-file module packs the images its slides show ("./images/x" too)
mkdir -p "$T/single/images"
cp tests/modules/good/with-image/images/* "$T/single/images/"
sed '/^id:/a version: "2.0"' tests/modules/good/with-image/module.yaml >"$T/single/shown.yaml"
"$L" pack -o "$T/single.lectern" "$T/single/shown.yaml" >"$T/out" 2>&1
check "a NAME.yaml module is packed with the images it shows" sh -c \
	"bsdtar -tf '$T/single.lectern' | sort | tr '\n' ' ' | grep -q 'MANIFEST module/images/port.jpg module/images/scale.png module/module.yaml'"

# ---------------------------------------------------------------- tampering
# unpack the package, change one byte of one member, pack it again
P=$T/integrity-basics.lectern
repack() { # OUT MEMBER PY-EXPR: rewrite MEMBER's bytes b with the expression
	python3 - "$P" "$1" "$2" "$3" <<'PY'
import sys, zipfile
src, out, member, expr = sys.argv[1:]
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
    for info in zi.infolist():
        b = zi.read(info)
        if info.filename == member:
            b = eval(expr)
        zo.writestr(info.filename, b)
PY
}
flip='b[:100] + bytes([b[100] ^ 1]) + b[101:]'
repack "$T/t-yaml.lectern" module/module.yaml "$flip"
expect "tampered module.yaml refused, naming it" "module/module.yaml: refused: its SHA-256 does not match" \
	"$L" install --config "$T/kiosk.yaml" --modules "$T/mods" "$T/t-yaml.lectern"
repack "$T/t-png.lectern" module/images/klitgaard.png "$flip"
expect "tampered image refused, naming it" "module/images/klitgaard.png: refused: its SHA-256" \
	"$L" install --config "$T/kiosk.yaml" --modules "$T/mods" "$T/t-png.lectern"
repack "$T/t-man.lectern" MANIFEST 'b.replace(b"version 1.0", b"version 1.1")'
expect "tampered MANIFEST refused by the signature" "does not match the signed file" \
	"$L" install --config "$T/kiosk.yaml" --modules "$T/mods" "$T/t-man.lectern"
# one byte of the signature itself (inside the base64 of line 2)
repack "$T/t-sig.lectern" MANIFEST.minisig \
	'(lambda l: b"\n".join(l[:1] + [l[1][:40] + (b"A" if l[1][40:41] != b"A" else b"B") + l[1][41:]] + l[2:]))(b.split(b"\n"))'
expect "tampered signature refused" "MANIFEST.minisig:2:1: error:" \
	"$L" install --config "$T/kiosk.yaml" --modules "$T/mods" "$T/t-sig.lectern"
repack "$T/t-tc.lectern" MANIFEST.minisig 'b.replace(b"trusted comment: ", b"trusted comment: X")'
expect "tampered trusted comment refused" "trusted comment was changed" \
	"$L" install --config "$T/kiosk.yaml" --modules "$T/mods" "$T/t-tc.lectern"
# one byte of the zip file itself, in the middle of the compressed data
python3 -c '
import sys; b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) // 3] ^= 0x10
open(sys.argv[2], "wb").write(b)' "$P" "$T/t-raw.lectern"
expect "a flipped byte in the zip refused" "refused\|damaged" \
	"$L" install --config "$T/kiosk.yaml" --modules "$T/mods" "$T/t-raw.lectern"
expect "a package signed by another key refused" "not a trusted key" \
	"$L" install --config "$T/other.yaml" --modules "$T/mods" "$P"
"$L" pack -o "$T/unsigned.lectern" modules/integrity-basics >/dev/null 2>&1
expect "an unsigned package refused when trusted_keys is set" "not signed" \
	"$L" install --config "$T/kiosk.yaml" --modules "$T/mods" "$T/unsigned.lectern"
same_tree "after every refusal the installed module is unchanged" \
	modules/integrity-basics "$T/mods/integrity-basics"

# ---------------------------------------------------------------- malicious archives
evil() { # OUT then python statements using z (a ZipFile open for writing)
	python3 - "$1" "$2" <<'PY'
import sys, zipfile, warnings
warnings.simplefilter("ignore")
z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)
def f(name, data=b"x", attr=None):
    i = zipfile.ZipInfo(name)
    i.compress_type = zipfile.ZIP_DEFLATED
    if attr is not None:
        i.external_attr = attr << 16
        i.create_system = 3
    z.writestr(i, data)
exec(sys.argv[2])
z.close()
PY
}
M=$T/mods
K=$T/kiosk.yaml
evil "$T/e1.lectern" 'f("MANIFEST"); f("module/../../evil.txt")'
expect "a package with ../ refused" "refused: a \`..\`" "$L" install --config "$K" --modules "$M" "$T/e1.lectern"
evil "$T/e2.lectern" 'f("/tmp/evil.txt")'
expect "a package with an absolute path refused" "refused" "$L" install --config "$K" --modules "$M" "$T/e2.lectern"
evil "$T/e3.lectern" 'f("module/../x")'
expect "a package with module/../x refused" "leaves the module folder" "$L" install --config "$K" --modules "$M" "$T/e3.lectern"
evil "$T/e4.lectern" 'f("module/images/link.png", b"/etc/passwd", 0o120777)'
expect "a package with a symbolic link refused" "refused: a link" "$L" install --config "$K" --modules "$M" "$T/e4.lectern"
evil "$T/e5.lectern" 'f("module/module.yaml", b"a"); f("module/module.yaml", b"b")'
expect "a package with a duplicate name refused" "appears twice" "$L" install --config "$K" --modules "$M" "$T/e5.lectern"
evil "$T/e5b.lectern" 'f("module/Module.yaml", b"a"); f("module/module.yaml", b"b"); f("MANIFEST", b"x")'
expect "names differing only in case refused" "other letter case\|not a package manifest\|refused" "$L" install --modules "$M" "$T/e5b.lectern"
evil "$T/e6.lectern" 'f("module/big.bin", bytes(80 << 20))'
expect "a zip bomb (80 MB of zeros in $(($(stat -c %s "$T/e6.lectern") / 1024)) KB) refused" "limit of a package" \
	"$L" install --config "$K" --modules "$M" "$T/e6.lectern"
# a small entry whose headers declare 4 GB
evil "$T/e7.lectern" 'f("module/module.yaml", b"lectern: 1\n")'
python3 - "$T/e7.lectern" <<'PY'
import sys, struct
p = sys.argv[1]; b = bytearray(open(p, "rb").read())
i = b.find(b"PK\x03\x04"); struct.pack_into("<I", b, i + 22, 0xFFFFFFF0)
j = b.find(b"PK\x01\x02"); struct.pack_into("<I", b, j + 24, 0xFFFFFFF0)
open(p, "wb").write(b)
PY
expect "an entry declaring 4 GB refused" "declares\|limit of a package\|damaged" \
	"$L" install --config "$K" --modules "$M" "$T/e7.lectern"
evil "$T/e8.lectern" 'f("MANIFEST"); f("README.txt")'
expect "a stray top-level entry refused" "holds only" "$L" install --config "$K" --modules "$M" "$T/e8.lectern"
evil "$T/e9.lectern" 'f("module/.lectern/MANIFEST", b"x")'
expect "a package writing into .lectern/ refused" "hidden name" "$L" install --config "$K" --modules "$M" "$T/e9.lectern"
# a file added to a good package, and one taken out
python3 - "$P" "$T/e10.lectern" "$T/e11.lectern" <<'PY'
import sys, zipfile
src, add, drop = sys.argv[1:]
with zipfile.ZipFile(src) as zi:
    with zipfile.ZipFile(add, "w") as za, zipfile.ZipFile(drop, "w") as zd:
        for i in zi.infolist():
            za.writestr(i.filename, zi.read(i))
            if i.filename != "module/images/rad-factors.svg":
                zd.writestr(i.filename, zi.read(i))
        za.writestr("module/images/extra.png", b"not in the manifest")
PY
expect "an added file refused" "module/images/extra.png: refused: not listed in MANIFEST" \
	"$L" install --config "$K" --modules "$M" "$T/e10.lectern"
expect "a missing file refused" "module/images/rad-factors.svg: refused: listed in MANIFEST but missing" \
	"$L" install --config "$K" --modules "$M" "$T/e11.lectern"
check "no file escaped the modules folder" sh -c "! ls '$T'/evil.txt /tmp/evil.txt 2>/dev/null | grep -q ."
check "no staging folder is left after the refusals" sh -c "! ls -a '$M' | grep -q lectern-install"
expect "pack refuses a module that fails check" "not packed: the module has errors" \
	"$L" pack -o "$T/bad.lectern" tests/modules/bad/"$(ls tests/modules/bad | head -n 1)"

# ---------------------------------------------------------------- versions, remove
V=$T/ver
mkdir -p "$V/m" "$V/src"
cp -r modules/integrity-basics "$V/src/v1"
cp -r modules/integrity-basics "$V/src/v2"
sed -i 's/^version: "1.0"/version: "1.10"/' "$V/src/v2/module.yaml"
"$L" pack --sign "$T/unit.key" -o "$V/v1.lectern" "$V/src/v1" >/dev/null 2>&1
"$L" pack --sign "$T/unit.key" -o "$V/v2.lectern" "$V/src/v2" >/dev/null 2>&1
"$L" install --config "$K" --modules "$V/m" "$V/v1.lectern" >/dev/null 2>&1
# a learner passes version 1.0 on this kiosk
fill "$V/data" "$V/m/integrity-basics" ana pass >/dev/null 2>&1
"$L" install --config "$K" --modules "$V/m" "$V/v2.lectern" >"$T/out" 2>&1
check "a newer version (1.10 after 1.0) replaces the installed one" grep -q "updated integrity-basics from 1.0 to 1.10" "$T/out"
same_tree "after the update the files are the new version's" "$V/src/v2" "$V/m/integrity-basics"
"$L" progress --data-dir "$V/data" --modules "$V/m" --format csv >"$T/out" 2>&1
check "the learner's progress follows the update (ana still passed)" grep -q '^"ana","integrity-basics","1.0",passed,' "$T/out"
"$L" install --config "$K" --modules "$V/m" "$V/v2.lectern" >"$T/out" 2>&1
check "the same version again is a no-op" grep -q "already installed" "$T/out"
expect "an older version is refused" "older than the installed 1.10" \
	"$L" install --config "$K" --modules "$V/m" "$V/v1.lectern"
check "--allow-downgrade goes back" "$L" install --allow-downgrade --config "$K" --modules "$V/m" "$V/v1.lectern"
same_tree "after the downgrade the files are the old version's" "$V/src/v1" "$V/m/integrity-basics"
# a USB stick: a folder of packages, one level down too
mkdir -p "$T/usb/training"
cp "$T/format-tour.lectern" "$T/usb/training/"
cp "$T/arabic-sample.lectern" "$T/usb/"
"$L" install --config "$K" --modules "$V/m" "$T/usb" >"$T/out" 2>&1
check "a USB stick's packages are all installed" sh -c "[ -d '$V/m/format-tour' ] && [ -d '$V/m/arabic-sample' ]"
"$L" remove --modules "$V/m" format-tour >"$T/out" 2>&1
check "remove takes the module away" sh -c "[ ! -e '$V/m/format-tour' ] && [ -d '$V/m/arabic-sample' ]"
"$L" remove --modules "$V/m" integrity-basics >/dev/null 2>&1
"$L" progress --data-dir "$V/data" --modules "$V/m" --format csv >"$T/out" 2>&1
check "remove keeps the learners' progress" grep -q '^"ana","integrity-basics",.*,passed,' "$T/out"
expect "remove of a module that is not there" "no module with the id" "$L" remove --modules "$V/m" format-tour

# ---------------------------------------------------------------- kill -9
# the module gets heavier so that an install lasts long enough to be cut
# in every phase (unpack, hash, fsync, rename)
for v in v1 v2; do
	head -c 3000000 /dev/urandom >"$V/src/$v/images/noise.bin"
	"$L" pack --sign "$T/unit.key" -o "$V/$v.lectern" "$V/src/$v" >/dev/null 2>&1
done
rm -rf "$V/k" && mkdir -p "$V/k"
"$L" install --config "$K" --modules "$V/k" "$V/v1.lectern" >/dev/null 2>&1
mixed=0
cut=0
took=0
i=0
while [ $i -lt 50 ]; do
	i=$((i + 1))
	if [ $((i % 2)) = 1 ]; then pkg=$V/v2.lectern; else pkg=$V/v1.lectern; fi
	"$L" install --allow-downgrade --config "$K" --modules "$V/k" "$pkg" >/dev/null 2>&1 &
	pid=$!
	# an install takes about a tenth of a second here: cut anywhere in
	# the first 0.15 s, so some kills land after it finished
	sleep "0.$(awk -v s="$i" 'BEGIN { srand(s); printf "%03d", int(rand() * 150) }')"
	kill -9 "$pid" 2>/dev/null && cut=$((cut + 1))
	wait "$pid" 2>/dev/null
	if diff -r -x .lectern "$(dirname "$pkg")/src/$(basename "$pkg" .lectern)" \
		"$V/k/integrity-basics" >/dev/null 2>&1; then
		took=$((took + 1))
	fi
	if diff -r -x .lectern "$V/src/v1" "$V/k/integrity-basics" >/dev/null 2>&1 ||
		diff -r -x .lectern "$V/src/v2" "$V/k/integrity-basics" >/dev/null 2>&1; then
		:
	else
		mixed=$((mixed + 1))
		echo "after kill $i: neither version"
		diff -rq -x .lectern "$V/src/v2" "$V/k/integrity-basics" | head -n 3
	fi
	if ls "$V/k" | grep -v '^integrity-basics$' | grep -q .; then
		mixed=$((mixed + 1))
		echo "after kill $i: a stray visible entry: $(ls "$V/k")"
	fi
done
check "kill -9 at random points, 50 times ($cut cut mid-install): always the old or the new module" test "$mixed" = 0
check "kill -9: kills landed both before ($((50 - took))) and after ($took) an install took effect" \
	sh -c "[ $cut -ge 10 ] && [ $took -ge 1 ] && [ $took -lt 50 ]"
"$L" install --allow-downgrade --config "$K" --modules "$V/k" "$V/v2.lectern" >/dev/null 2>&1
check "kill -9: the next install works and clears the leftovers" sh -c \
	"! ls -a '$V/k' | grep -q lectern-install && diff -r -x .lectern '$V/src/v2' '$V/k/integrity-basics'"

# ---------------------------------------------------------------- minisign, both ways
cd "$T" || exit 2
mkdir -p ms/x
bsdtar -xf integrity-basics.lectern -C ms/x
check "minisign verifies Lectern's signature" minisign -V -q -p unit.pub -m ms/x/MANIFEST
minisign -G -W -p ms/ms.pub -s ms/ms.key >/dev/null 2>&1
rm ms/x/MANIFEST.minisig
minisign -S -W -s ms/ms.key -m ms/x/MANIFEST >/dev/null 2>&1
printf 'trusted_keys: [%s]\n' "$(sed -n 2p ms/ms.pub)" >ms/kiosk.yaml
mkdir -p ms/m1
"$L" install --config ms/kiosk.yaml --modules "$T/ms/m1" ms/x >out 2>&1
check "Lectern installs an unpacked package that minisign signed" grep -q "installed integrity-basics 1.0 (signed by key" out
"$L" pack --sign ms/ms.key -o ms/p.lectern "$OLDPWD/modules/format-tour" >/dev/null 2>&1
mkdir -p ms/y
bsdtar -xf ms/p.lectern -C ms/y
check "Lectern signs with a minisign secret key, minisign verifies it" \
	minisign -V -q -p ms/ms.pub -m ms/y/MANIFEST
# a minisign key protected by a password (scrypt), as `minisign -G` makes it
printf 'border post\nborder post\n' | minisign -G -p ms/pw.pub -s ms/pw.key >/dev/null 2>&1
echo "border post" >ms/pw.txt
"$L" pack --sign ms/pw.key --password-file ms/pw.txt -o ms/pw.lectern "$OLDPWD/modules/arabic-sample" >/dev/null 2>&1
mkdir -p ms/z
bsdtar -xf ms/pw.lectern -C ms/z 2>/dev/null
check "Lectern signs with a password-protected minisign key, minisign verifies it" \
	minisign -V -q -p ms/pw.pub -m ms/z/MANIFEST
echo "wrong" >ms/bad.txt
expect "a wrong password is refused" "wrong password for this secret key" \
	"$L" pack --sign ms/pw.key --password-file ms/bad.txt -o ms/bad.lectern "$OLDPWD/modules/arabic-sample"
expect "a protected key without a password says how to give it" "password-file" \
	"$L" pack --sign ms/pw.key -o ms/bad.lectern "$OLDPWD/modules/arabic-sample"
check_fails "minisign rejects a MANIFEST changed after Lectern signed it" \
	sh -c "sed -i 's/version 1.0/version 9.9/' ms/y/MANIFEST && minisign -V -q -p ms/ms.pub -m ms/y/MANIFEST"
cd - >/dev/null || exit 2

# ---------------------------------------------------------------- the kiosk's policy
# a kiosk with the unit's key: the installed, signed module opens; the same
# module with one answer changed after installing, and a folder copied by
# hand, are refused with the reason (the player exits at once with it)
TK=$T/trust
mkdir -p "$TK/m"
"$L" install --config "$K" --modules "$TK/m" "$T/arabic-sample.lectern" "$T/format-tour.lectern" >/dev/null 2>&1
sed -i '0,/^    answer: true/s//    answer: false/' "$TK/m/format-tour/module.yaml"
check "the changed copy still passes check (only the answer differs)" "$L" check --quiet "$TK/m/format-tour"
cp -r modules/uncac-essentials "$TK/m/"
printf 'kiosk: false\ntrusted_keys:\n  - %s\n' "$PUB" >"$TK/k.yaml"
if command -v Xvfb >/dev/null 2>&1 && xvfb_start 1024x768 "$TK"; then
	play() { SDL_AUDIODRIVER=dummy timeout 3 "$L" --config "$TK/k.yaml" --modules "$TK/m" --data-dir "$TK/d" "$@"; }
	play "$TK/m/arabic-sample" >"$TK/out" 2>&1
	check "kiosk: a signed module opens (runs until stopped)" test $? = 124
	expect "kiosk: a copy with one answer changed is refused, naming the file" \
		"not signed by a trusted key: module.yaml was changed after signing" play "$TK/m/format-tour"
	expect "kiosk: a module copied by hand is refused" \
		"not installed from a signed package" play "$TK/m/uncac-essentials"
	xvfb_stop
else
	fail "kiosk: Xvfb did not start"
fi
