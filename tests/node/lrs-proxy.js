// lrs-proxy.js: stands between `lectern sync` and the LRS on 127.0.0.1 and
// does to it what a poor link or a strict LRS does, on demand.
//
// usage: node lrs-proxy.js TARGET_PORT LOG [USER:PASSWORD]
// Listens on a free port of 127.0.0.1 (or of $LRS_PROXY_HOST, another
// loopback address) and prints "ready PORT". With LRS_PROXY_TLS=CERT:KEY
// (PEM files) it speaks HTTPS with that certificate. With
// USER:PASSWORD every request must carry that Basic auth, else 401 (the
// LRS itself accepts anyone). Every statements POST body that arrives whole
// is appended to LOG, one line each, so a test can compare what was sent
// with the outbox byte for byte.
//
// POST /__fault with one of these as the body changes what happens to the
// next statements POSTs (until the next change):
//   none            pass everything through
//   reset-before    cut the connection (TCP reset) halfway through the body
//   reset-after     pass the batch to the LRS, then cut the connection
//                   instead of answering: the LRS has it, Lectern never
//                   hears so
//   delay:S         hold the request S seconds before passing it on
//   500             answer 500
//   429:S           answer 429 with Retry-After: S
//   reject:ID       answer 400 to any batch that holds statement ID
//   slow:MS         hold each batch MS milliseconds, then pass it on
//   ack-empty       answer 200 with no ids, without passing it on
// GET /__count answers how many statements POSTs came in.
'use strict';
const http = require('http');
const https = require('https');
const fs = require('fs');

const target = Number(process.argv[2]);
const log = process.argv[3];
const auth = process.argv[4] ? 'Basic ' + Buffer.from(process.argv[4]).toString('base64') : null;
let fault = 'none';
let posts = 0;

function answer(res, status, body, headers) {
	res.writeHead(status, Object.assign({ 'Content-Type': 'application/json',
		'X-Experience-API-Version': '1.0.3' }, headers || {}));
	res.end(JSON.stringify(body));
}

function forward(req, body, res, after) {
	const up = http.request({ host: '127.0.0.1', port: target, method: req.method,
		path: req.url, headers: req.headers }, (r) => {
		const chunks = [];
		r.on('data', (c) => chunks.push(c));
		r.on('end', () => {
			if (after) return after();
			res.writeHead(r.statusCode, r.headers);
			res.end(Buffer.concat(chunks));
		});
	});
	up.on('error', () => req.socket.destroy());
	up.end(body);
}

const tls = process.env.LRS_PROXY_TLS ? process.env.LRS_PROXY_TLS.split(':') : null;
const make = tls ? (h) => https.createServer({ cert: fs.readFileSync(tls[0]),
	key: fs.readFileSync(tls[1]) }, h) : (h) => http.createServer(h);
const server = make((req, res) => {
	const isPost = req.method === 'POST' && /\/statements$/.test(req.url.split('?')[0]);
	const chunks = [];
	let got = 0;
	const want = Number(req.headers['content-length'] || 0);
	req.on('data', (c) => {
		chunks.push(c);
		got += c.length;
		if (isPost && fault === 'reset-before' && got >= want / 2)
			req.socket.resetAndDestroy();
	});
	req.on('end', () => {
		const body = Buffer.concat(chunks);
		if (req.url === '/__fault') {
			fault = body.toString().trim();
			return answer(res, 200, { fault });
		}
		if (req.url === '/__count')
			return answer(res, 200, { posts });
		if (auth && req.headers.authorization !== auth)
			return answer(res, 401, { message: 'Unauthorised' });
		if (!isPost)
			return forward(req, body, res);
		posts++;
		fs.appendFileSync(log, body.toString() + '\n');
		const [kind, arg] = fault.split(':');
		switch (kind) {
		case 'reset-after':
			return forward(req, body, res, () => req.socket.resetAndDestroy());
		case 'delay':
			return setTimeout(() => forward(req, body, res), Number(arg) * 1000);
		case 'slow':
			return setTimeout(() => forward(req, body, res), Number(arg));
		case '500':
			return answer(res, 500, { message: 'injected failure' });
		case 'ack-empty':
			return answer(res, 200, []);
		case '429':
			return answer(res, 429, { message: 'slow down' }, { 'Retry-After': arg });
		case 'reject':
			if (body.includes(arg))
				return answer(res, 400, { message: 'statement ' + arg + ' refused by the test proxy' });
			return forward(req, body, res);
		default:
			return forward(req, body, res);
		}
	});
});
const host = process.env.LRS_PROXY_HOST || '127.0.0.1';
if (!/^127\./.test(host)) {
	console.error('lrs-proxy: loopback addresses only');
	process.exit(2);
}
server.listen(0, host, () => console.log('ready ' + server.address().port));
