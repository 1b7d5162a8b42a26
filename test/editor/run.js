#!/usr/bin/env node
// `npm run test:editor`: the extension as a drafter uses it, in a real VS Code that installs
// offline (code-server 4.100.3 = VS Code 1.100.3, see install-code-server.sh), driven by
// playwright-core and Debian's chromium. Two parts, both from the packaged .vsix:
//   1. the mocha suite (test/editor/suite) inside the extension host, in extension-test mode;
//   2. UI checks as a person sees them, with a screenshot of each step in test/editor/screenshots/ (git-ignored).
// Env: SEC_VSIX (default dist/sec-drafting.vsix from `npm run package`), SEC_DIST (where the built
// suite is, default dist), SEC_EDITOR_OUT (screenshots), KEEP=1 keeps the temp folder,
// VERBOSE=1 shows every workbench log line. Exit 0 only when both parts pass.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const cs = require('./codeServer');
const { runUiChecks } = require('./uiChecks');

const DIST = path.join(cs.ROOT, process.env.SEC_DIST || 'dist');
const VSIX = path.resolve(process.env.SEC_VSIX || path.join(cs.ROOT, 'dist', 'sec-drafting.vsix'));
const SUITE = path.join(DIST, 'test', 'editor', 'suite', 'index.js');
const EXAMPLES = path.join(cs.ROOT, 'examples');
const OUT = path.resolve(process.env.SEC_EDITOR_OUT || path.join(cs.ROOT, 'test', 'editor', 'screenshots'));
const SUITE_TIMEOUT_MS = 25 * 60_000; // ≈ 3 min alone; a machine shared by many builds is far slower

const T0 = Date.now();
const log = message => console.log(`[editor ${((Date.now() - T0) / 1000).toFixed(1)}s] ${message}`);

/** What must exist before anything starts, each with the command that makes it. */
function missingPrerequisites() {
  return [
    [cs.CODE_SERVER, 'test/editor/install-code-server.sh (or .ci/install-system-deps as root)'],
    [cs.CHROMIUM, 'apt-get install chromium (or .ci/install-system-deps as root)'],
    [VSIX, 'npm run package'],
    [SUITE, 'npm run build'],
  ].filter(([file]) => !fs.existsSync(file)).map(([file, fix]) => `${file} is missing: run ${fix}`);
}

/** Workbench log lines worth showing: all but the workbench's start-up chatter. */
function isInteresting(type, args) {
  if (process.env.VERBOSE || type === 'error') return true;
  return !/^(Resolv|Creat|Updating|Ignoring|\[Service Worker\]|ChatSession|Started local extension host)/.test(String(args[0] ?? ''));
}

/** Part 1: the mocha suite in the extension host; resolves with its exit code. */
async function runSuite(browser, server, workspace, extensionPath) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let reportExit;
  const exited = new Promise(resolve => { reportExit = resolve; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    if (isInteresting(type, args)) console.log(util.format(...args));
  });
  await page.exposeFunction('codeAutomationExit', code => reportExit(code));
  await page.goto(cs.workbenchUrl(server, workspace, [
    ['extensionDevelopmentPath', cs.remoteUri(server, extensionPath)],
    ['extensionTestsPath', cs.remoteUri(server, SUITE)],
  ]));
  log('suite: workbench loading, tests start when the extension host is up');
  let timer;
  const code = await Promise.race([exited, new Promise(resolve => { timer = setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS); })]);
  clearTimeout(timer);
  await page.screenshot({ path: path.join(OUT, '00-suite-finished.png') }).catch(() => {});
  await page.close();
  return code;
}

async function main() {
  const missing = missingPrerequisites();
  if (missing.length > 0) {
    for (const line of missing) console.error(`test:editor: ${line}`);
    return 1;
  }
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const sandbox = cs.createSandbox();
  let server;
  let browser;
  let cleaned = false;
  /** Stops chromium and code-server's process group and removes the temp folder, once. */
  async function cleanUp() {
    if (cleaned) return;
    cleaned = true;
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    if (process.env.KEEP) log(`kept ${sandbox.dir}`);
    else fs.rmSync(sandbox.dir, { recursive: true, force: true });
  }
  // Interrupted (Ctrl+C, or the npm test wrapper's timeout): still leave nothing running.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
    process.once(signal, () => { log(`${signal}: stopping`); cleanUp().finally(() => process.exit(code)); });
  }
  try {
    const extensionPath = cs.installVsix(sandbox, VSIX);
    log(`installed ${path.relative(cs.ROOT, VSIX)} → ${path.basename(extensionPath)}`);
    server = await cs.startCodeServer(sandbox);
    log(`code-server listening on ${server.origin}`);
    browser = await cs.launchChromium();

    const suiteCode = await runSuite(browser, server, cs.copyWorkspace(sandbox, EXAMPLES, 'ws-suite'), extensionPath);
    log(`suite: ${suiteCode === 0 ? 'PASS' : `FAIL (exit ${suiteCode})`}`);

    const ui = await runUiChecks({ browser, server, workspace: cs.copyWorkspace(sandbox, EXAMPLES, 'ws-ui'), extensionPath, out: OUT, log });
    const uiOk = ui.length > 0 && ui.every(c => c.ok);
    log(`ui: ${ui.filter(c => c.ok).length} of ${ui.length} checks passed`);
    log(`screenshots in ${path.relative(cs.ROOT, OUT)}/`);
    const ok = suiteCode === 0 && uiOk;
    if (!ok && process.env.SHOW_SERVER_LOG) console.log(`--- code-server log ---\n${server.log()}`);
    log(ok ? 'RESULT: PASS' : `RESULT: FAIL (suite ${suiteCode === 0 ? 'passed' : 'failed'}, ui ${uiOk ? 'passed' : 'failed'})`);
    return ok ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

main().then(code => { process.exitCode = code; }, error => { console.error(error); process.exitCode = 1; });
