#!/bin/sh
# schema.sh: docs/module.schema.json agrees with the loader. Every bundled
# module and every good test module validates (ajv, JSON Schema 2020-12,
# modules read with js-yaml); the bad test modules that a schema can judge
# do not. Left out: what needs the other slides or the disk (duplicate ids,
# next/goto targets, circles, image files and their headers), merge keys (js-yaml expands them) and the
# alias bomb (js-yaml would expand it too). A file js-yaml cannot read
# counts as rejected. One PASS:/FAIL: line per check.
cd "$(dirname "$0")/../.." || exit 2
command -v node >/dev/null 2>&1 || { echo "FAIL: schema: node is not installed"; exit 1; }
[ -d tests/node/node_modules/ajv ] || { echo "FAIL: schema: tests/node/node_modules missing (make deps-test)"; exit 1; }

exec node - <<'EOF'
const fs = require('fs');
const path = require('path');
const Ajv2020 = require('./tests/node/node_modules/ajv/dist/2020').default;
const yaml = require('./tests/node/node_modules/js-yaml');

const schema = JSON.parse(fs.readFileSync('docs/module.schema.json', 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
let validate;
try {
	validate = ajv.compile(schema);
	console.log('PASS: schema: docs/module.schema.json compiles (draft 2020-12, ajv strict mode)');
} catch (e) {
	console.log('FAIL: schema: docs/module.schema.json does not compile: ' + e.message);
	process.exit(0);
}

const skip = new Set(['alias-bomb', 'merge-key', 'duplicate-slide-id', 'default-id-clash',
	'next-circle', 'decision-circle',
	'next-missing', 'goto-missing', 'image-not-found', 'image-not-png',
	'image-symlink-escape', 'image-is-directory', 'image-bomb-png', 'image-bomb-jpeg']);

function modules(dir) {
	return fs.readdirSync(dir).sort().flatMap((name) => {
		const p = path.join(dir, name);
		if (name.startsWith('.')) return [];
		if (fs.statSync(p).isDirectory()) {
			const m = path.join(p, 'module.yaml');
			return fs.existsSync(m) ? [{ name, file: m }] : [];
		}
		return /\.ya?ml$/.test(name) ? [{ name: name.replace(/\.ya?ml$/, ''), file: p }] : [];
	});
}

function check(file) {
	let doc;
	try {
		// fatal: invalid UTF-8 is an error, as for the loader
		const text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
		doc = yaml.load(text);
	} catch (e) {
		return 'not readable YAML: ' + e.message.split('\n')[0];
	}
	if (validate(doc)) return null;
	return validate.errors.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

for (const dir of ['modules', 'tests/modules/good']) {
	const list = modules(dir);
	const bad = list.filter((m) => {
		const err = check(m.file);
		if (err) console.log(`FAIL: schema: ${m.file} should validate: ${err}`);
		return err !== null;
	});
	if (list.length && !bad.length) console.log(`PASS: schema: all ${list.length} modules in ${dir}/ validate`);
	else if (!list.length) console.log(`FAIL: schema: no modules found in ${dir}/`);
}

let rejected = 0;
let judged = 0;
for (const m of modules('tests/modules/bad')) {
	const first = fs.readFileSync(m.file, 'latin1').split('\n')[0];
	if (!first.startsWith('# expect:') || skip.has(m.name)) continue;
	judged++;
	if (check(m.file) !== null) rejected++;
	else console.log(`FAIL: schema: ${m.file} should not validate (${first})`);
}
if (judged >= 40 && rejected === judged) console.log(`PASS: schema: all ${judged} judged bad modules are rejected`);
else if (judged < 40) console.log(`FAIL: schema: only ${judged} bad modules judged`);
EOF
