// feed-server.js: a static web server for the update tests, with byte
// ranges (Python's http.server has none), on 127.0.0.1.
//
//   node feed-server.js ROOT PORTFILE LOGFILE [CUT]
//
// Serves the files under ROOT; writes the port it listens on to PORTFILE;
// appends one line per request to LOGFILE: "GET /path range-or-- status".
// CUT is NAME:BYTES: the first request for NAME gets only BYTES bytes of
// the body and then the connection is destroyed, as when the network
// drops in the middle of a download. With FEED_TLS_CERT and FEED_TLS_KEY
// (PEM files) in the environment it speaks https instead.
'use strict';
const http = require('http');
const https = require('https');
const fs = require('fs');
const path = require('path');

const [root, portFile, logFile, cut] = process.argv.slice(2);
let cutName = null;
let cutBytes = 0;
if (cut) {
	const i = cut.lastIndexOf(':');
	cutName = cut.slice(0, i);
	cutBytes = Number(cut.slice(i + 1));
}

const tls = process.env.FEED_TLS_CERT && process.env.FEED_TLS_KEY ? {
	cert: fs.readFileSync(process.env.FEED_TLS_CERT),
	key: fs.readFileSync(process.env.FEED_TLS_KEY),
} : null;
const handler = (req, res) => {
	const name = decodeURIComponent(req.url.split('?')[0]).replace(/^\/+/, '');
	const file = path.join(root, name);
	const range = req.headers.range || '-';
	const log = (status) => fs.appendFileSync(logFile, `GET /${name} ${range} ${status}\n`);
	if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) ||
	    !fs.statSync(file).isFile()) {
		log(404);
		res.writeHead(404);
		res.end('not found');
		return;
	}
	const body = fs.readFileSync(file);
	let start = 0;
	let status = 200;
	const m = /^bytes=(\d+)-$/.exec(req.headers.range || '');
	if (m) {
		start = Number(m[1]);
		if (start >= body.length) {
			log(416);
			res.writeHead(416, { 'Content-Range': `bytes */${body.length}` });
			res.end();
			return;
		}
		status = 206;
	}
	const part = body.subarray(start);
	const headers = { 'Content-Length': part.length, 'Accept-Ranges': 'bytes' };
	if (status === 206)
		headers['Content-Range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
	log(status);
	res.writeHead(status, headers);
	if (cutName === name) {
		cutName = null; // only the first time
		res.write(part.subarray(0, cutBytes), () => setTimeout(() => req.socket.destroy(), 50));
		return;
	}
	res.end(part);
};
const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
server.listen(0, '127.0.0.1', () => fs.writeFileSync(portFile, String(server.address().port)));
