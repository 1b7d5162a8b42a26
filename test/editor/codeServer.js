// A throw-away code-server (VS Code 1.100.3: server, web workbench, Node extension host) for the
// editor tests: its own temp folder for everything it writes (nothing in $HOME), 127.0.0.1 only,
// no gallery, no workspace trust, and stopped by its process group id.
'use strict';
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const CODE_SERVER = process.env.SEC_CODE_SERVER || path.join(ROOT, '.code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const START_TIMEOUT_MS = 120_000;

/** User settings: no trust prompt, no welcome page, quick hovers, nothing phoning home. */
const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'editor.hover.delay': 100,
  'window.commandCenter': false,
};

/** A temp folder holding everything one run writes, and the environment pointing there. */
function createSandbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sec-editor-'));
  const sub = name => { const p = path.join(dir, name); fs.mkdirSync(p, { recursive: true }); return p; };
  const userData = sub('user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: sub('xdg-config'),
    XDG_DATA_HOME: sub('xdg-data'),
    XDG_CACHE_HOME: sub('xdg-cache'),
    TMPDIR: sub('tmp'), // VS Code leaves its IPC sockets in the temp folder
    EXTENSIONS_GALLERY: '{}',
  };
  const common = ['--config', path.join(dir, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', sub('extensions')];
  return { dir, env, common, extensionsDir: path.join(dir, 'extensions') };
}

/** A copy of a folder inside the sandbox, so the tests may edit it freely. */
function copyWorkspace(sandbox, from, name) {
  const to = path.join(sandbox.dir, name);
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/** Installs the .vsix into the sandbox's extensions folder; returns the unpacked extension's folder. */
function installVsix(sandbox, vsix) {
  execFileSync(CODE_SERVER, [...sandbox.common, '--install-extension', vsix], { env: sandbox.env, stdio: 'pipe', timeout: START_TIMEOUT_MS });
  const name = fs.readdirSync(sandbox.extensionsDir).find(d => d.startsWith('sec-drafting.sec-drafting-'));
  if (!name) throw new Error(`installing ${vsix} left no sec-drafting.sec-drafting-* in ${sandbox.extensionsDir}`);
  return path.join(sandbox.extensionsDir, name);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

/** Starts code-server in its own process group and resolves once it listens. */
async function startCodeServer(sandbox) {
  const port = await freePort();
  const child = spawn(CODE_SERVER, [...sandbox.common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-proxy',
    '--disable-getting-started-override', '--ignore-last-opened'],
  { env: sandbox.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      reject(new Error(`code-server did not start in ${START_TIMEOUT_MS / 1000} s\n${log}`));
    }, START_TIMEOUT_MS);
    const onData = data => {
      log += data;
      if (/HTTP server listening on/.test(log)) { clearTimeout(timer); resolve(); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`code-server exited with ${code}\n${log}`)); });
  });
  const exited = new Promise(resolve => child.on('exit', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    authority: `127.0.0.1:${port}`,
    log: () => log,
    /** Stops code-server and everything it started (extension hosts, language servers). */
    async stop() {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
      let timer;
      const killed = await Promise.race([exited.then(() => true), new Promise(r => { timer = setTimeout(() => r(false), 10_000); })]);
      clearTimeout(timer);
      if (!killed) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    },
  };
}

async function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // run.js handles the signals itself (code-server must be stopped too); playwright's own
    // handlers would exit the process before that.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** The workbench URL for a folder, with an optional `payload` (VS Code web's launch parameters). */
function workbenchUrl(server, folder, payload) {
  const query = `folder=${encodeURIComponent(folder)}` + (payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '');
  return `${server.origin}/?${query}`;
}

/** vscode-remote:// form of a path on the code-server machine, as the payload wants it. */
function remoteUri(server, absolutePath) {
  return `vscode-remote://${server.authority}${absolutePath}`;
}

module.exports = { ROOT, CODE_SERVER, CHROMIUM, createSandbox, copyWorkspace, installVsix, startCodeServer, launchChromium, workbenchUrl, remoteUri };
