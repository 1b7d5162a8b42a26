// The built language server over stdio, fed garbled message framing: a broken stream ends the
// process with a message on stderr (it never hangs), and a body that is not JSON gets a
// JSON-RPC parse error (-32700) while the server goes on serving.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { SERVER_JS } from '../helpers/lspClient';

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

const children: ReturnType<typeof spawn>[] = [];
// A server that hangs (the bug) fails its test by timeout; it must not keep the run alive.
after(() => children.forEach(c => c.exitCode === null && c.kill()));

function startRaw() {
  const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', d => (stdout += d));
  child.stderr.on('data', d => (stderr += d));
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
  /** Resolves once stdout holds a response matching `re` (the test's own timeout bounds it). */
  const output = (re: RegExp) => new Promise<string>(resolve => {
    const check = () => (re.test(stdout) ? resolve(stdout) : child.stdout.once('data', () => setImmediate(check)));
    check();
  });
  return { child, exited, output, stderr: () => stderr };
}

test('"Content-Length: abc" ends the server with a message on stderr', { timeout: 30_000 }, async () => {
  const s = startRaw();
  s.child.stdin.write(`Content-Length: abc\r\n\r\n${INITIALIZE}`);
  assert.equal(await s.exited, 1);
  assert.match(s.stderr(), /message stream from the client is broken \(Content-Length value must be a number/);
});

test('a Content-Length longer than its body (swallowing the next message) ends the server with a message', { timeout: 30_000 }, async () => {
  const s = startRaw();
  const short = JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'shutdown' });
  s.child.stdin.write(`Content-Length: ${Buffer.byteLength(short) + 40}\r\n\r\n${short}`);
  s.child.stdin.write(frame(INITIALIZE)); // read as the rest of the first body
  assert.equal(await s.exited, 1);
  assert.match(s.stderr(), /Content-Length longer than its message/);
});

test('a stream that ends in the middle of a message ends the server with a message', { timeout: 30_000 }, async () => {
  const s = startRaw();
  s.child.stdin.end(`Content-Length: 500\r\n\r\n{"jsonrpc":"2.0",`);
  assert.equal(await s.exited, 1);
  assert.match(s.stderr(), /closed the message stream/);
});

test('a body that is not JSON gets a -32700 parse error, and the next request is answered', { timeout: 30_000 }, async () => {
  const s = startRaw();
  s.child.stdin.write(frame('{this is not json'));
  const first = await s.output(/"code":-32700/);
  assert.match(first, /"id":null,"error":\{"code":-32700,"message":"Parse error/);
  s.child.stdin.write(frame(INITIALIZE));
  await s.output(/"id":1,"result":\{"capabilities"/);
  s.child.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' })));
  s.child.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'exit' })));
  assert.equal(await s.exited, 0);
  assert.equal(s.stderr(), '');
});
