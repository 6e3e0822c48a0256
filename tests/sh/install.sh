#!/bin/sh
# install.sh: `make install` and `make uninstall`, as a packager and as an
# administrator would run them, in a build directory of its own:
#  - DESTDIR=/tmp/x PREFIX=/usr stages every file (binary, fonts, modules,
#    man page, .desktop, icons, translations, docs), and the staged program,
#    run from another directory, finds its fonts and modules (`check` of
#    the installed modules, `render` of a bundled slide);
#  - the program is built for the PREFIX it is installed under, and is
#    rebuilt when PREFIX changes;
#  - PREFIX=DIR installs for real, and a copy of the program elsewhere
#    finds DIR/share/lectern through the compiled-in path;
#  - `make uninstall` leaves no file behind.
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
t=$(mktemp -d /tmp/lectern-install.XXXXXX)
trap 'rm -rf "$t"' EXIT
export LC_ALL=C

ok() { echo "PASS: install $1"; }
no() { echo "FAIL: install $1"; }
check() {
	what=$1
	shift
	if "$@"; then ok "$what"; else no "$what"; fi
}

jobs=$(nproc 2>/dev/null || echo 2)
make -s -j"$jobs" B="$t/build" install DESTDIR="$t/root" PREFIX=/usr >"$t/make.log" 2>&1
check "make install DESTDIR PREFIX=/usr" [ $? = 0 ]
tail -n 5 "$t/make.log"
r=$t/root/usr
check "binary" [ -x "$r/bin/lectern" ]
check "fonts" [ -f "$r/share/lectern/fonts/DejaVuSans.ttf" ]
check "font licences" [ -f "$r/share/lectern/fonts/LICENSE-DejaVu.txt" ]
nmod=$(find modules -name '*.yaml' | wc -l)
ninst=$(find "$r/share/lectern/modules" -name '*.yaml' | wc -l)
check "bundled modules ($ninst of $nmod)" [ "$nmod" -gt 0 ] && [ "$ninst" = "$nmod" ]
check "man page" [ -f "$r/share/man/man1/lectern.1" ]
check "desktop entry" [ -f "$r/share/applications/lectern.desktop" ]
check "scalable icon" [ -f "$r/share/icons/hicolor/scalable/apps/lectern.svg" ]
for s in 16 22 24 32 48 64 128 256; do
	f=$r/share/icons/hicolor/${s}x${s}/apps/lectern.png
	check "icon ${s}x${s}" sh -c "[ -f '$f' ] && [ \"\$(identify -format '%wx%h' '$f')\" = ${s}x${s} ]"
done
for po in po/*.po; do
	[ -f "$po" ] || continue
	l=$(basename "$po" .po)
	check "translation $l" [ -f "$r/share/locale/$l/LC_MESSAGES/lectern.mo" ]
done
check "classroom guide" [ -f "$r/share/doc/lectern/classroom.md" ]
check "sync timer" [ -f "$r/lib/systemd/user/lectern-sync.timer" ]
check "sync service runs the installed program" \
	grep -qx 'ExecStart=/usr/bin/lectern sync --auto --quiet' "$r/lib/systemd/user/lectern-sync.service"
check "the same timer fetches newer modules (lectern update --auto)" \
	grep -qx 'ExecStart=-/usr/bin/lectern update --auto' "$r/lib/systemd/user/lectern-sync.service"
if command -v systemd-analyze >/dev/null 2>&1; then
	# verify needs the program the unit names: point it at the staged one
	sed "s|/usr/bin/lectern|$r/bin/lectern|" "$r/lib/systemd/user/lectern-sync.service" \
		>"$t/lectern-sync.service"
	cp "$r/lib/systemd/user/lectern-sync.timer" "$t/"
	check "sync units pass systemd-analyze verify" \
		sh -c "systemd-analyze verify --man=no '$t/lectern-sync.service' '$t/lectern-sync.timer' >'$t/verify.log' 2>&1"
fi
for img in $(sed -n 's/.*](\(img\/[^)]*\)).*/\1/p' docs/classroom.md); do
	check "guide picture $img" [ -f "$r/share/doc/lectern/$img" ]
done
check "built for PREFIX=/usr" grep -q "/usr/share/lectern" "$r/bin/lectern"
check "not for the default prefix" sh -c "! grep -q /usr/local/share/lectern '$r/bin/lectern'"
if command -v desktop-file-validate >/dev/null 2>&1; then
	check "desktop entry is valid" desktop-file-validate "$r/share/applications/lectern.desktop"
fi
check "man page renders without warnings" sh -c \
	"groff -man -Tutf8 -ww -z '$r/share/man/man1/lectern.1' 2>&1 | grep -q . && exit 1 || exit 0"

# the staged program, away from the source tree
mkdir -p "$t/elsewhere"
cd "$t/elsewhere" || exit 2
check "--version" sh -c "'$r/bin/lectern' --version | grep -q '^lectern [0-9]'"
for cmd in check render export progress set-pin; do
	check "$cmd --help" sh -c "'$r/bin/lectern' $cmd --help | grep -q 'usage: lectern $cmd'"
done
check "--help" sh -c "'$r/bin/lectern' --help | grep -q 'usage: lectern'"
"$r/bin/lectern" check "$r/share/lectern/modules" >"$t/check.out" 2>&1
check "check of the installed modules" [ $? = 0 ]
mod=$(find "$r/share/lectern/modules" -name '*.yaml' | sort | head -n 1)
HOME=$t/home XDG_DATA_HOME=$t/home/data "$r/bin/lectern" render "$mod" --slide 1 \
	--size 640x400 -o "$t/slide.png" >"$t/render.out" 2>&1
check "render with the installed fonts" [ $? = 0 ]
check "render wrote a PNG" sh -c "[ \"\$(identify -format '%m %wx%h' '$t/slide.png')\" = 'PNG 640x400' ]"
check "render found the installed fonts" sh -c "! grep -qi 'font' '$t/render.out'"
"$r/bin/lectern" new "$t/elsewhere/fresh" >/dev/null 2>&1
schema=$(sed -n '1s/^# yaml-language-server: \$schema=//p' "$t/elsewhere/fresh/module.yaml" 2>/dev/null)
check "new points the schema line at the installed schema ($schema)" \
	sh -c "[ '$schema' = '$r/share/lectern/module.schema.json' ] && [ -f '$schema' ]"
check "  ...and the new module passes the installed check" "$r/bin/lectern" check "$t/elsewhere/fresh"
cd "$top" || exit 2

make -s B="$t/build" uninstall DESTDIR="$t/root" PREFIX=/usr >"$t/make.log" 2>&1
check "make uninstall" [ $? = 0 ]
left=$(find "$t/root" -type f | head -n 5)
check "uninstall leaves no file${left:+ ($left)}" [ -z "$left" ]

# a real install under another PREFIX: rebuilt for it
make -s -j"$jobs" B="$t/build" install PREFIX="$t/pfx" >"$t/make.log" 2>&1
check "make install PREFIX=DIR" [ $? = 0 ]
check "rebuilt for the new PREFIX" grep -q "$t/pfx/share/lectern" "$t/pfx/bin/lectern"
mkdir -p "$t/copy"
cp "$t/pfx/bin/lectern" "$t/copy/lectern"
cd "$t/copy" || exit 2
HOME=$t/home XDG_DATA_HOME=$t/home/data ./lectern render "$t/pfx/share/lectern/modules/${mod#"$r/share/lectern/modules/"}" \
	--slide 1 --size 640x400 -o "$t/slide2.png" >"$t/render.out" 2>&1
check "a copy elsewhere finds PREFIX/share/lectern" [ $? = 0 ]
cd "$top" || exit 2
make -s B="$t/build" uninstall PREFIX="$t/pfx" >/dev/null 2>&1
left=$(find "$t/pfx" -type f | head -n 5)
check "uninstall PREFIX=DIR leaves no file${left:+ ($left)}" [ -z "$left" ]
