#!/bin/sh
# new_module.sh: `lectern new NAME` writes a module that `lectern check`
# accepts, as a directory or as NAME.yaml, with the schema line editors
# read pointing at a schema that exists, and never overwrites anything.
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
bin=${LECTERN:-$top/build/lectern}
export LC_ALL=C LANGUAGE=
unset LANG
t=$(mktemp -d /tmp/lectern-new.XXXXXX)
trap 'rm -rf "$t"' EXIT

ok() { echo "PASS: new $1"; }
no() { echo "FAIL: new $1"; }
check() { # name, command...
	what=$1
	shift
	if "$@"; then ok "$what"; else no "$what"; fi
}

cd "$t" || exit 2
check "a directory NAME is created" "$bin" new "Border Control" >out.txt 2>&1
check "  ...with module.yaml in it" test -f "Border Control/module.yaml"
check "  ...which passes lectern check" "$bin" check "Border Control/module.yaml"
check "  ...the id made from the name" grep -q '^id: border-control$' "Border Control/module.yaml"
check "  ...one slide and one question" sh -c \
	"test \$(grep -c '^  - id:' 'Border Control/module.yaml') = 2 &&
	 grep -q '^    question:' 'Border Control/module.yaml'"
schema=$(sed -n '1s/^# yaml-language-server: \$schema=//p' "Border Control/module.yaml")
check "  ...the first line is the schema line, to a schema that exists ($schema)" \
	test -f "$schema"
echo "mine" >"Border Control/module.yaml"
check "an existing directory is refused" sh -c "! '$bin' new 'Border Control' 2>err.txt"
check "  ...saying so" grep -q 'exists already' err.txt
check "  ...and the file in it is untouched" grep -qx mine "Border Control/module.yaml"
check "NAME.yaml writes that file" "$bin" new intro.yaml
check "  ...which passes lectern check" "$bin" check intro.yaml
check "  ...with id intro" grep -q '^id: intro$' intro.yaml
echo "mine" >intro.yaml
check "an existing file is refused" sh -c "! '$bin' new intro.yaml 2>/dev/null"
check "  ...and left as it was" grep -qx mine intro.yaml
check "no name: usage error" sh -c "'$bin' new >/dev/null 2>&1; test \$? = 2"
