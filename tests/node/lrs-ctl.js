// lrs-ctl.js: the shell tests' hands on the test LRS and its proxy.
//
// usage: node lrs-ctl.js PORT fault WHAT   set the proxy's fault (lrs-proxy.js)
//        node lrs-ctl.js PORT count        statements POSTs the proxy saw
//        node lrs-ctl.js PORT post FILE    POST FILE (a statement or an array)
//                                          to the LRS; prints the HTTP status
'use strict';
const http = require('http');
const fs = require('fs');

const [port, cmd, arg] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const req = {
	fault: ['POST', '/__fault', arg],
	count: ['GET', '/__count', ''],
	post: ['POST', '/xAPI/statements', cmd === 'post' ? fs.readFileSync(arg) : ''],
}[cmd];
if (!req) {
	console.error('usage: node lrs-ctl.js PORT fault WHAT|count|post FILE');
	process.exit(2);
}
const r = http.request({ host: '127.0.0.1', port, method: req[0], path: req[1], headers: {
	'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3',
	Authorization: 'Basic ' + Buffer.from('tester:tester').toString('base64') } }, (res) => {
	const chunks = [];
	res.on('data', (c) => chunks.push(c));
	res.on('end', () => {
		const body = Buffer.concat(chunks).toString();
		if (cmd === 'count') console.log(JSON.parse(body).posts);
		else if (cmd === 'post') console.log(res.statusCode);
		process.exit(res.statusCode < 300 || cmd === 'post' ? 0 : 1);
	});
});
r.on('error', (e) => { console.error(e.message); process.exit(1); });
r.end(req[2]);
