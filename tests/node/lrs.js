// lrs.js: Learning Locker's xAPI statement service (npm xapi-statements),
// in memory, bound to 127.0.0.1 only.
//
// usage: node lrs.js PORT DIR
// PORT 0 picks a free port. DIR takes its access logs and attachments. The service calls
// app.listen(port) with no host, which would listen on every interface;
// net.Server.listen is wrapped first so a port-only call gets 127.0.0.1.
// Prints "ready PORT" on stdout once it listens.
'use strict';
const net = require('net');
const path = require('path');

const port = Number(process.argv[2]);
const dir = process.argv[3];
if (!(port >= 0) || !dir) {
	console.error('usage: node lrs.js PORT DIR');
	process.exit(2);
}

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
	if (typeof args[0] === 'number' && typeof args[1] !== 'string')
		args.splice(1, 0, '127.0.0.1');
	this.once('listening', () => console.log('ready ' + this.address().port));
	return listen.apply(this, args);
};

Object.assign(process.env, {
	MODELS_REPO: 'memory',
	STORAGE_REPO: 'local',
	AUTH_REPO: 'test',
	EVENTS_REPO: 'test',
	EXPRESS_PORT: String(port),
	EXPRESS_MORGAN_DIRECTORY: path.join(dir, 'access'),
	FS_LOCAL_STORAGE_DIR: path.join(dir, 'storage'),
	WINSTON_CONSOLE_LEVEL: process.env.WINSTON_CONSOLE_LEVEL || 'warn',
});
process.chdir(dir);
require('xapi-statements/dist/server');
