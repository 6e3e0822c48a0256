#!/bin/sh
# setpin.sh: `lectern set-pin` with the PIN piped in: the hash it stores,
# the file mode, the rest of the file kept, and refusals that change nothing.
cd "$(dirname "$0")/../.." || exit 2
bin=$PWD/build/lectern
t=$(mktemp -d /tmp/lectern-setpin.XXXXXX)
trap 'rm -rf "$t"' EXIT

ok() { echo "PASS: setpin $1"; }
no() { echo "FAIL: setpin $1"; }
check() { # name, then a command that must succeed
	name=$1
	shift
	if "$@"; then ok "$name"; else no "$name"; fi
}

# a new file, in a directory that does not exist yet
f=$t/etc/lectern/config.yaml
printf '2468\n2468\n' | "$bin" set-pin --config "$f" >"$t/out" 2>&1
check "exit status 0" [ $? = 0 ]
check "says where" grep -q "saved in $f" "$t/out"
check "stores a crypt hash" grep -Eq "^trainer_pin_hash: '\\\$(y|6)\\\$[^']+'\$" "$f"
check "mode 0600" [ "$(stat -c %a "$f")" = 600 ]
check "PIN not stored" sh -c "! grep -q 2468 '$f'"
hash=$(sed -n "s/^trainer_pin_hash: '\\(.*\\)'\$/\\1/p" "$f")
if command -v python3 >/dev/null 2>&1; then
	check "hash verifies with crypt(3)" python3 -W ignore -c "
import crypt, sys
h = sys.argv[1]
sys.exit(0 if crypt.crypt('2468', h) == h and crypt.crypt('2469', h) != h else 1)" "$hash"
fi

# an existing file keeps its other lines, comments and order
cat >"$t/keep.yaml" <<'YAML'
# classroom 3
kiosk: true   # no way out for learners
trainer_pin_hash: '$6$old$old'
xapi:
  home_page: https://customs.example.org/
theme: dark
YAML
chmod 644 "$t/keep.yaml"
printf '13579\n13579\n' | "$bin" set-pin --config "$t/keep.yaml" >/dev/null 2>&1
check "update exit status 0" [ $? = 0 ]
sed "s/^trainer_pin_hash: .*/trainer_pin_hash: X/" "$t/keep.yaml" >"$t/keep.norm"
cat >"$t/keep.want" <<'YAML'
# classroom 3
kiosk: true   # no way out for learners
trainer_pin_hash: X
xapi:
  home_page: https://customs.example.org/
theme: dark
YAML
check "rest of the file kept" cmp -s "$t/keep.norm" "$t/keep.want"
check "old hash replaced" sh -c "! grep -q 'old' '$t/keep.yaml'"
check "update leaves mode 0600" [ "$(stat -c %a "$t/keep.yaml")" = 600 ]
check "a second hash differs (fresh salt)" sh -c "! grep -qF '$hash' '$t/keep.yaml'"

# refusals leave the file as it was
cp "$f" "$t/before"
printf '2468\n2469\n' | "$bin" set-pin --config "$f" >"$t/out" 2>&1
check "different PINs refused" [ $? = 1 ]
check "different PINs message" grep -q "differ" "$t/out"
for pin in 0000 1234 98765 7890 12ab "2468 "; do
	printf '%s\n%s\n' "$pin" "$pin" | "$bin" set-pin --config "$t/trivial.yaml" >"$t/out" 2>&1
	st=$?
	check "refuses the PIN \"$pin\" (trivial or not on the keypad): $(sed -n 's/^lectern set-pin: //p' "$t/out")" \
		sh -c "[ $st = 1 ] && [ ! -e '$t/trivial.yaml' ]"
done
printf '12\n12\n' | "$bin" set-pin --config "$f" >"$t/out" 2>&1
check "short PIN refused" [ $? = 1 ]
check "short PIN message" grep -q "at least 4" "$t/out"
printf '2468\n' | "$bin" set-pin --config "$f" >"$t/out" 2>&1
check "single PIN refused" [ $? = 1 ]
check "refusals keep the file" cmp -s "$f" "$t/before"
printf 'theme: [dark\n' >"$t/broken.yaml"
printf '2468\n2468\n' | "$bin" set-pin --config "$t/broken.yaml" >"$t/out" 2>&1
check "broken YAML refused" [ $? = 1 ]
check "broken YAML error has a position" grep -Eq "broken.yaml:[0-9]+:[0-9]+: error:" "$t/out"
check "broken YAML kept" [ "$(cat "$t/broken.yaml")" = "theme: [dark" ]

"$bin" set-pin --help >"$t/out" 2>&1
check "--help" grep -q "usage: lectern set-pin" "$t/out"
"$bin" set-pin --nope >/dev/null 2>&1
check "unknown option is a usage error" [ $? = 2 ]

# without --config: the user's file when it exists
mkdir -p "$t/xdg/lectern"
: >"$t/xdg/lectern/config.yaml"
printf '2468\n2468\n' | XDG_CONFIG_HOME=$t/xdg "$bin" set-pin >/dev/null 2>&1
check "default path is the user's file" grep -q '^trainer_pin_hash:' "$t/xdg/lectern/config.yaml"
