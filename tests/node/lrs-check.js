// lrs-check.js: does the LRS hold every statement of the outbox exactly
// once, as it was sent?
//
// usage: node lrs-check.js PORT EXPORT [EXCEPT]
// EXPORT is `lectern export --xapi` of the outbox (every statement, sent or
// not); EXCEPT, if given, a file of ids (one a line) that must NOT be in the
// LRS (set aside). Reads GET statements through every `more` link, then
// prints "ok N" or one line per problem, and exits 1 on any problem.
// Fields the LRS adds (stored, authority, version) are left out of the
// comparison; everything Lectern wrote must come back equal.
'use strict';
const http = require('http');
const fs = require('fs');
const assert = require('assert');

const port = Number(process.argv[2]);
const outbox = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const except = new Set(process.argv[4] ? fs.readFileSync(process.argv[4], 'utf8').split('\n').filter(Boolean) : []);

function get(path) {
	return new Promise((resolve, reject) => {
		http.get({ host: '127.0.0.1', port, path, headers: {
			'X-Experience-API-Version': '1.0.3',
			Authorization: 'Basic ' + Buffer.from('reader:reader').toString('base64') } }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				if (res.statusCode !== 200) return reject(new Error(path + ': HTTP ' + res.statusCode));
				resolve(JSON.parse(Buffer.concat(chunks).toString()));
			});
		}).on('error', reject);
	});
}

(async () => {
	const seen = new Map();
	let path = '/xAPI/statements?limit=50'; // small pages: `more` is followed
	let pages = 0;
	while (path) {
		const page = await get(path);
		pages++;
		for (const s of page.statements) {
			if (!seen.has(s.id)) seen.set(s.id, []);
			seen.get(s.id).push(s);
		}
		path = page.more || null;
	}
	const problems = [];
	for (const [id, v] of seen)
		if (v.length > 1) problems.push(`${id}: in the LRS ${v.length} times`);
	for (const want of outbox) {
		const got = seen.get(want.id);
		if (except.has(want.id)) {
			if (got) problems.push(`${want.id}: set aside, yet in the LRS`);
			continue;
		}
		if (!got) { problems.push(`${want.id}: missing from the LRS`); continue; }
		const s = Object.assign({}, got[0]);
		delete s.stored; delete s.authority; delete s.version;
		try { assert.deepStrictEqual(s, want); } catch (e) {
			problems.push(`${want.id}: differs: ${JSON.stringify(s)} vs ${JSON.stringify(want)}`);
		}
	}
	if (problems.length) {
		problems.slice(0, 20).forEach((p) => console.log(p));
		process.exit(1);
	}
	console.log(`ok ${outbox.length - except.size} statements, ${seen.size} in the LRS, ${pages} pages`);
})().catch((e) => { console.log('error: ' + e.message); process.exit(1); });
