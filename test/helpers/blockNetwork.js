// Preloaded with `node --require` in tests: records and refuses every outbound network
// attempt (TCP/UDP connect, DNS, http/https, fetch) so a test can prove the program makes none.
'use strict';
const fs = require('fs');
const net = require('net');
const dgram = require('dgram');
const dns = require('dns');
const http = require('http');
const https = require('https');

const log = process.env.NETWORK_LOG;
function attempt(what) {
  if (log) fs.appendFileSync(log, `${what}\n`);
  throw new Error(`network access blocked in tests: ${what}`);
}
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const opts = args[0];
  // Local IPC (a path or pipe) is not network access.
  if ((opts && typeof opts === 'object' && opts.path) || typeof opts === 'string') return connect.apply(this, args);
  return attempt(`net.connect ${JSON.stringify(opts)}`);
};
dgram.Socket.prototype.send = () => attempt('udp send');
dns.lookup = (host) => attempt(`dns.lookup ${host}`);
dns.resolve = (host) => attempt(`dns.resolve ${host}`);
http.request = (u) => attempt(`http.request ${String(u && u.href ? u.href : JSON.stringify(u))}`);
http.get = http.request;
https.request = (u) => attempt(`https.request ${String(u && u.href ? u.href : JSON.stringify(u))}`);
https.get = https.request;
globalThis.fetch = (u) => attempt(`fetch ${u}`);
