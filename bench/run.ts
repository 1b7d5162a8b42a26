// The benchmark (issue 8): how fast the core and the server are on a workspace the size of
// the whole Code, next to a tokenizer floor and the prose checkers people would otherwise run.
// Not a test: it asserts nothing, it measures and reports.
//
//   npm run bench [-- --quick] [-- --json FILE] [-- --no-peers] [-- --no-server] [-- --scales 1,2,4,8]
//
// Every figure is in milliseconds unless its name says otherwise; repeated figures are given as
// { median, p95 } after warm-up runs, so a noisy machine moves them less.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateWorkspace, writeWorkspace, type GeneratedWorkspace } from './generate';
import { createSecLanguageService, type SecLanguageService } from '../server/src/service';
import type { Position } from '../server/src/service/types';
import { fileUri, startServer, type TestClient } from '../test/helpers/lspClient';
import { SERVER_NODE_FLAGS } from '../server/src/lsp/processFlags';

const DIST = path.resolve(__dirname, '..');
const REPO = path.resolve(DIST, '..');
const OUT = path.join(REPO, 'bench', 'out');

interface Stat {
  median: number;
  p95: number;
}

interface Options {
  quick: boolean;
  json?: string;
  peers: boolean;
  server: boolean;
  scales: number[];
  seed: number;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  return {
    quick,
    json: value('--json'),
    peers: !argv.includes('--no-peers'),
    server: !argv.includes('--no-server'),
    scales: (value('--scales') ?? (quick ? '1,2' : '1,2,4,8')).split(',').map(Number).filter(n => n >= 1),
    seed: Number(value('--seed') ?? 59),
  };
}

function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Time `fn` `runs` times after `warmup` untimed runs. */
function measure(runs: number, warmup: number, fn: (i: number) => void): number[] {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
  }
  return samples;
}

const uriOf = (rel: string) => `file:///bench/${rel}`;

const benchStart = performance.now();
/** Progress on stderr, so the table on stdout stays clean. */
function progress(step: string): void {
  process.stderr.write(`bench: ${((performance.now() - benchStart) / 1000).toFixed(1)}s ${step}\n`);
}

/** The whole cold analysis: index every file, every diagnostic, every comment link (code lenses). */
function coldAnalysis(ws: Pick<GeneratedWorkspace, 'files'>): SecLanguageService {
  const service = createSecLanguageService();
  for (const f of ws.files) service.setDocument({ uri: uriOf(f.path), version: 1, text: f.text });
  for (const f of ws.files) {
    service.getDiagnostics(uriOf(f.path));
    service.getCodeLenses(uriOf(f.path));
  }
  return service;
}

/** Keeps the tokenizer's result alive so the JIT cannot drop the work. */
let sink = 0;

/** The floor: one pass over every character, cutting out each word. */
function tokenize(ws: GeneratedWorkspace): void {
  let words = 0;
  let longest = 0;
  for (const { text } of ws.files) {
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32;
      const isWord = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c > 127;
      if (isWord) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        const word = text.slice(start, i);
        if (word.length > longest) longest = word.length;
        words++;
        start = -1;
      }
    }
  }
  sink += words + longest;
}

/** The legal file closest to 150 KB: the issue's "one-character edit in a 150 KB section file". */
function bigFile(ws: GeneratedWorkspace) {
  return ws.files
    .filter(f => f.path.endsWith('.sec.txt') && f.path !== 'section-a.sec.txt')
    .reduce((best, f) => (Math.abs(f.text.length - 150_000) < Math.abs(best.text.length - 150_000) ? f : best));
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Where the benchmark types: inside the word "shall" of a clause line in the middle of the file. */
function editOffset(text: string): number {
  const from = text.indexOf('\n', Math.floor(text.length / 2));
  return text.indexOf(' shall ', from) + 3;
}

interface CoreResult {
  coldCoreMs: Stat;
  tokenizerMs: Stat;
  editCoreMs: Stat;
  definitionEditMs: Stat;
  hoverMs: Stat;
  definitionMs: Stat;
  referencesMs: Stat;
  completionMs: Stat;
  symbolsMs: Stat;
  diagnostics: Record<string, number>;
  editFileBytes: number;
}

function benchCore(ws: GeneratedWorkspace, o: Options): CoreResult {
  const runs = o.quick ? 3 : 9;
  progress('core cold analysis');
  const coldCoreMs = stat(measure(runs, 1, () => coldAnalysis(ws)));
  const tokenizerMs = stat(measure(runs * 2, 2, () => tokenize(ws)));
  if (sink < 0) console.log(sink);

  const service = coldAnalysis(ws);
  const diagnostics: Record<string, number> = {};
  for (const f of ws.files) for (const d of service.getDiagnostics(uriOf(f.path))) diagnostics[d.code] = (diagnostics[d.code] ?? 0) + 1;

  progress('core edits and requests');
  // One character typed and deleted again, alternately, in a ~150 KB section file.
  const big = bigFile(ws);
  const bigUri = uriOf(big.path);
  const at = editOffset(big.text);
  const edited = big.text.slice(0, at) + 'x' + big.text.slice(at);
  let version = 1;
  const editCoreMs = stat(measure(o.quick ? 15 : 60, 4, () => {
    version++;
    service.setDocument({ uri: bigUri, version, text: version % 2 ? big.text : edited });
    service.getDiagnostics(bigUri);
  }));
  service.setDocument({ uri: bigUri, version: ++version, text: big.text });

  // A defined term renamed in Section A: every file that uses it may change.
  const a = ws.files.find(f => f.path === 'section-a.sec.txt')!;
  const row = a.text.indexOf(`\n${ws.commonTerm} |`) + 1;
  const renamed = a.text.slice(0, row) + ws.commonTerm + 'x' + a.text.slice(row + ws.commonTerm.length);
  const definitionEditMs = stat(measure(o.quick ? 3 : 9, 1, i => {
    service.setDocument({ uri: uriOf(a.path), version: 10 + i + 2, text: i % 2 ? a.text : renamed });
    for (const f of ws.files) service.getDiagnostics(uriOf(f.path));
  }));
  service.setDocument({ uri: uriOf(a.path), version: 100, text: a.text });
  for (const f of ws.files) service.getDiagnostics(uriOf(f.path));

  // Requests on a use of the most common term, and completion after "the ".
  const termAt = positionOf(big.text, big.text.indexOf(ws.commonTerm, Math.floor(big.text.length / 2)) + 2);
  const completeAt = positionOf(big.text, big.text.indexOf(' the ', Math.floor(big.text.length / 2)) + 5);
  const n = o.quick ? 50 : 300;
  const hoverMs = stat(measure(n, 10, () => service.getHover(bigUri, termAt)));
  const definitionMs = stat(measure(n, 10, () => service.getDefinition(bigUri, termAt)));
  const referencesMs = stat(measure(o.quick ? 20 : 100, 5, () => service.getReferences(bigUri, termAt, true)));
  const completionMs = stat(measure(n, 10, () => service.getCompletions(bigUri, completeAt)));
  const symbolsMs = stat(measure(o.quick ? 20 : 100, 5, () => service.getDocumentSymbols(bigUri)));
  return { coldCoreMs, tokenizerMs, editCoreMs, definitionEditMs, hoverMs, definitionMs, referencesMs, completionMs, symbolsMs, diagnostics, editFileBytes: big.text.length };
}

/** Peak resident memory of a process, from the kernel's high-water mark (Linux). */
function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** The identity of a diagnostic as both sides see it, to know when the client holds the final set. */
const keyOf = (d: { code?: unknown; range: { start: Position; end: Position } }) =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)}`;

interface ServerResult {
  serverColdMs: number;
  serverPeakRssMb: number | null;
  editServerMs: Stat;
}

async function benchServer(ws: GeneratedWorkspace, dir: string, o: Options): Promise<ServerResult> {
  // What the client must end up holding: the core's own answer, computed in this process.
  const expected = new Map<string, string>();
  const core = coldAnalysis(ws);
  for (const f of ws.files) {
    const keys = core.getDiagnostics(uriOf(f.path)).map(keyOf).sort().join('\n');
    expected.set(fileUri(path.join(dir, f.path)), keys);
  }
  progress('server end to end');
  const t0 = performance.now();
  // Started as the VS Code client starts it (same Node flags), so the memory is what drafters see.
  const client: TestClient = await startServer({ rootPath: dir, serverJs: path.join(DIST, 'server.js'), nodeFlags: SERVER_NODE_FLAGS });
  try {
    const texts = new Map(ws.files.map(f => [fileUri(path.join(dir, f.path)), f.text]));
    for (const [uri, text] of texts) await client.open(uri, text, uri.endsWith('.sec.txt') ? 'sec' : 'plaintext');
    const final = (uri: string) => (d: { code?: unknown; range: { start: Position; end: Position } }[]) => d.map(keyOf).sort().join('\n') === expected.get(uri);
    await Promise.all([...texts.keys()].filter(u => expected.get(u) !== '').map(u => client.diagnostics(u, final(u), 900_000)));
    const serverColdMs = round(performance.now() - t0);

    // The same one-character edits, each waited for until its file's diagnostics come back.
    const big = bigFile(ws);
    const bigUri = fileUri(path.join(dir, big.path));
    const at = positionOf(big.text, editOffset(big.text));
    const samples: number[] = [];
    const edits = o.quick ? 10 : 40;
    for (let i = 0, version = 2; i < edits + 3; i++, version++) {
      const insert = i % 2 === 0;
      const range = insert ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
      const arrived = new Promise<void>(resolve => {
        const sub = client.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
          if (p.uri === bigUri && p.version === version) {
            sub.dispose();
            resolve();
          }
        });
      });
      const t = performance.now();
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: bigUri, version }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
      await arrived;
      if (i >= 3) samples.push(performance.now() - t);
      // Typing pace: the server's background work for the other files gets its turn.
      await new Promise(resolve => setTimeout(resolve, 150));
    }
    return { serverColdMs, serverPeakRssMb: peakRssMb(client.process.pid!), editServerMs: stat(samples) };
  } finally {
    await client.close();
  }
}

/** Wall time of a command, or null (with the reason printed) when it cannot run. */
function timeCommand(name: string, cmd: string, args: string[], cwd: string): number | null {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.error || r.signal || (r.status !== 0 && r.status !== 1)) {
    console.error(`bench: ${name} did not run (${r.error?.message ?? r.signal ?? `exit ${r.status}`}): ${String(r.stderr).slice(0, 300)}`);
    return null;
  }
  return round(ms);
}

function bin(name: string): string {
  return path.join(REPO, 'node_modules', '.bin', name);
}

interface PeerResult {
  cliMs: number | null;
  peers: { cspell: number | null; textlint: number | null; markdownlint: number | null };
}

/** The prose checkers people would run instead, as child processes on the same files. */
function benchPeers(dir: string, o: Options): PeerResult {
  const files = '**/*.txt';
  const textlintrc = path.join(dir, '..', 'textlintrc.json');
  fs.writeFileSync(textlintrc, JSON.stringify({ rules: { 'write-good': true, 'common-misspellings': true, 'doubled-spaces': true, terminology: true } }));
  progress('secdraft check and peers');
  const cliRuns = o.quick ? 1 : 3;
  const cli: number[] = [];
  for (let i = 0; i < cliRuns; i++) {
    const ms = timeCommand('secdraft check', process.execPath, [path.join(DIST, 'cli.js'), 'check', '.', '--format', 'json'], dir);
    if (ms !== null) cli.push(ms);
  }
  const result: PeerResult = { cliMs: cli.length ? stat(cli).median : null, peers: { cspell: null, textlint: null, markdownlint: null } };
  if (!o.peers) return result;
  result.peers.cspell = timeCommand('cspell', bin('cspell'), ['lint', '--no-progress', '--no-summary', '--no-cache', '--no-must-find-files', files], dir);
  result.peers.markdownlint = timeCommand('markdownlint-cli2', bin('markdownlint-cli2'), [files], dir);
  result.peers.textlint = timeCommand('textlint', bin('textlint'), ['--config', textlintrc, '--format', 'json', files], dir);
  return result;
}

interface ScaleResult {
  coldMs: number;
  peakRssMb: number | null;
  bytes: number;
}

/** One scale's cold analysis in a fresh process, so its memory is its own. */
function benchScale(scale: number, o: Options): Promise<ScaleResult> {
  progress(`scale ${scale}`);
  return new Promise((resolve, reject) => {
    const runs = o.quick ? 1 : scale >= 8 ? 2 : 3;
    const child = spawn(process.execPath, [__filename, '--child-scale', String(scale), '--runs', String(runs), '--seed', String(o.seed)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', d => (out += d));
    child.on('error', reject);
    child.on('close', code => (code === 0 ? resolve(JSON.parse(out) as ScaleResult) : reject(new Error(`scale ${scale} exited ${code}`))));
  });
}

function childScale(argv: string[]): void {
  const scale = Number(argv[argv.indexOf('--child-scale') + 1]);
  const runs = Number(argv[argv.indexOf('--runs') + 1] ?? 1);
  const seed = Number(argv[argv.indexOf('--seed') + 1] ?? 59);
  const ws = generateWorkspace({ seed, scale });
  const samples = measure(runs, 1, () => coldAnalysis(ws));
  const result: ScaleResult = { coldMs: stat(samples).median, peakRssMb: peakRssMb(process.pid), bytes: ws.stats.bytes };
  process.stdout.write(JSON.stringify(result));
}

/**
 * One large legal file (issue 19): the generated legal text as separate section files, the same
 * text joined into one file, and one Part of many short clauses (the robustness test's 10 MB
 * file). Each runs in its own process, for its peak memory; per MB they should cost the same.
 */
const SINGLE_CASES = ['separate', 'joined', 'one-part'] as const;
type SingleCase = (typeof SINGLE_CASES)[number];

interface SingleResult {
  case: SingleCase;
  files: number;
  bytes: number;
  coldMs: number;
  msPerMb: number;
  peakRssMb: number | null;
}

function singleFiles(kind: SingleCase, o: Options): { path: string; text: string }[] {
  if (kind === 'one-part') {
    const target = (o.quick ? 2.5 : 10) * 1024 * 1024;
    const lines = ['SECTION G: SECURITY\n\nG8 USER SECURITY ASSURANCE\n\n'];
    for (let i = 1, n = 0; n < target; i++) {
      const line = `G8.${i} A Supplier Party which supplies more than 250,000 Domestic Premises shall be subject to a Full User Security Assessment.\n\n`;
      lines.push(line);
      n += line.length;
    }
    return [{ path: 'one-part.sec.txt', text: lines.join('') }];
  }
  const legal = generateWorkspace({ seed: o.seed, scale: o.quick ? 1 : 4 }).files.filter(f => f.path.endsWith('.sec.txt'));
  return kind === 'separate' ? legal : [{ path: 'joined.sec.txt', text: legal.map(f => f.text).join('\n') }];
}

function benchSingle(kind: SingleCase, o: Options): Promise<SingleResult> {
  progress(`single file: ${kind}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, '--child-single', kind, '--seed', String(o.seed), ...(o.quick ? ['--quick'] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', d => (out += d));
    child.on('error', reject);
    child.on('close', code => (code === 0 ? resolve(JSON.parse(out) as SingleResult) : reject(new Error(`single file ${kind} exited ${code}`))));
  });
}

function childSingle(argv: string[]): void {
  const o = parseArgs(argv);
  const kind = argv[argv.indexOf('--child-single') + 1] as SingleCase;
  const files = singleFiles(kind, o);
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text, 'utf8'), 0);
  const coldMs = stat(measure(1, 0, () => coldAnalysis({ files }))).median;
  const result: SingleResult = { case: kind, files: files.length, bytes, coldMs, msPerMb: round(coldMs / (bytes / 1e6)), peakRssMb: peakRssMb(process.pid) };
  process.stdout.write(JSON.stringify(result));
}

const fmt = (s: Stat) => `${s.median.toFixed(2)} / ${s.p95.toFixed(2)}`;

function budgetLine(name: string, value: number | null, budget: number, unit = 'ms'): string {
  const status = value === null ? 'n/a' : value <= budget ? 'ok' : 'OVER';
  return `  ${name.padEnd(44)} ${value === null ? '—' : value.toFixed(value < 10 ? 2 : 0).padStart(9)} ${unit.padEnd(3)} budget ${String(budget).padStart(6)} ${unit}  ${status}`;
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--child-scale')) return childScale(argv);
  if (argv.includes('--child-single')) return childSingle(argv);
  const o = parseArgs(argv);
  const started = new Date();
  const ws = generateWorkspace({ seed: o.seed, scale: 1 });
  const dir = path.join(OUT, 'scale-1');
  writeWorkspace(dir, ws);
  const mb = ws.stats.bytes / 1e6;
  console.log(`SEC Drafting benchmark — ${started.toISOString()} — ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}${o.quick ? ' (quick)' : ''}`);
  console.log(`workspace: ${ws.files.length} files, ${mb.toFixed(2)} MB, ${ws.stats.clauses} clauses, ${ws.stats.definitions} definitions, ${ws.stats.comments} comments (seed ${o.seed}) → ${path.relative(REPO, dir)}`);

  const core = benchCore(ws, o);
  console.log(`core findings: ${Object.entries(core.diagnostics).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  // A part that fails is reported and left out; the rest of the figures still count.
  const server = o.server ? await benchServer(ws, dir, o).catch(e => void console.error(`bench: server part failed: ${e}`)) : undefined;
  const scaling: Record<string, number> = {};
  const scalingRssMb: Record<string, number | null> = {};
  for (const s of o.scales) {
    const r = await benchScale(s, o).catch(e => void console.error(`bench: scale ${s} failed: ${e}`));
    if (!r) continue;
    scaling[String(s)] = r.coldMs;
    scalingRssMb[String(s)] = r.peakRssMb;
  }
  const single: SingleResult[] = [];
  for (const kind of SINGLE_CASES) {
    const r = await benchSingle(kind, o).catch(e => void console.error(`bench: ${e}`));
    if (r) single.push(r);
  }
  const peers = benchPeers(dir, o);

  const result = {
    date: started.toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memoryGb: round(os.totalmem() / 2 ** 30), node: process.version },
    quick: o.quick,
    seed: o.seed,
    corpusBytes: ws.stats.bytes,
    corpus: ws.stats,
    editFileBytes: core.editFileBytes,
    coldCoreMs: core.coldCoreMs,
    coldCoreMbPerS: round(mb / (core.coldCoreMs.median / 1000)),
    tokenizerMs: core.tokenizerMs,
    coldToTokenizer: round(core.coldCoreMs.median / core.tokenizerMs.median),
    editCoreMs: core.editCoreMs,
    editServerMs: server?.editServerMs ?? null,
    definitionEditMs: core.definitionEditMs,
    hoverMs: core.hoverMs,
    definitionMs: core.definitionMs,
    completionMs: core.completionMs,
    referencesMs: core.referencesMs,
    symbolsMs: core.symbolsMs,
    serverColdMs: server?.serverColdMs ?? null,
    serverPeakRssMb: server?.serverPeakRssMb ?? null,
    scaling,
    scalingRssMb,
    single,
    cliMs: peers.cliMs,
    peers: peers.peers,
    findings: core.diagnostics,
  };

  const scale1 = scaling['1'] ?? core.coldCoreMs.median;
  console.log('');
  console.log('                                              median / p95 (ms)');
  console.log(`  cold core (index + all diagnostics + links) ${fmt(core.coldCoreMs)}   ${result.coldCoreMbPerS} MB/s, ${result.coldToTokenizer}× tokenizer`);
  console.log(`  tokenizer floor                             ${fmt(core.tokenizerMs)}`);
  console.log(`  one-char edit → its diagnostics (core)      ${fmt(core.editCoreMs)}   (${(core.editFileBytes / 1000).toFixed(0)} KB file)`);
  if (server) console.log(`  one-char edit → its diagnostics (server)    ${fmt(server.editServerMs)}`);
  console.log(`  definition renamed → all diagnostics        ${fmt(core.definitionEditMs)}`);
  console.log(`  hover / definition                          ${fmt(core.hoverMs)}  |  ${fmt(core.definitionMs)}`);
  console.log(`  references of "${ws.commonTerm}"            ${fmt(core.referencesMs)}`);
  console.log(`  completion / document symbols              ${fmt(core.completionMs)}  |  ${fmt(core.symbolsMs)}`);
  if (server) console.log(`  server: start → all diagnostics             ${server.serverColdMs.toFixed(0)} ms, peak RSS ${server.serverPeakRssMb ?? '?'} MB`);
  console.log(`  scaling (cold ms): ${Object.entries(scaling).map(([k, v]) => `×${k} ${v.toFixed(0)}`).join('  ')}   peak RSS MB: ${Object.entries(scalingRssMb).map(([k, v]) => `×${k} ${v ?? '?'}`).join('  ')}`);
  for (const r of single) {
    console.log(`  single file, ${r.case.padEnd(9)} ${String(r.files).padStart(3)} file(s) ${(r.bytes / 1e6).toFixed(1).padStart(5)} MB: cold ${r.coldMs.toFixed(0)} ms (${r.msPerMb.toFixed(0)} ms/MB), peak RSS ${r.peakRssMb ?? '?'} MB`);
  }
  const ratio = (v: number | null) => (v === null || peers.cliMs === null ? 'n/a' : `${(v / peers.cliMs).toFixed(1)}×`);
  console.log(`  secdraft check (process) ${peers.cliMs ?? '—'} ms; peers (process, ratio to secdraft): cspell ${peers.peers.cspell ?? '—'} ms (${ratio(peers.peers.cspell)}), textlint ${peers.peers.textlint ?? '—'} ms (${ratio(peers.peers.textlint)}), markdownlint-cli2 ${peers.peers.markdownlint ?? '—'} ms (${ratio(peers.peers.markdownlint)})`);
  console.log('');
  console.log('budgets (scale 1):');
  console.log(budgetLine('cold core', core.coldCoreMs.median, 300));
  console.log(budgetLine('cold core ÷ tokenizer', result.coldToTokenizer, 10, '×'));
  if (server) console.log(budgetLine('server start → all diagnostics', server.serverColdMs, 1500));
  console.log(budgetLine('one-char edit p95, core', core.editCoreMs.p95, 10));
  if (server) console.log(budgetLine('one-char edit p95, server', server.editServerMs.p95, 30));
  console.log(budgetLine('definition edit → all diagnostics (median)', core.definitionEditMs.median, 150));
  console.log(budgetLine('hover p95', core.hoverMs.p95, 2));
  console.log(budgetLine('completion p95', core.completionMs.p95, 5));
  console.log(budgetLine('references of a common term p95', core.referencesMs.p95, 20));
  if (server) console.log(budgetLine('server peak RSS', server.serverPeakRssMb, 200, 'MB'));
  if (scaling['8'] !== undefined) console.log(budgetLine('scale 8 cold ÷ scale 1 cold', round(scaling['8'] / scale1), 9, '×'));
  for (const [name, v] of Object.entries(peers.peers)) {
    if (v !== null && peers.cliMs !== null) console.log(budgetLine(`secdraft check ÷ ${name}`, round(peers.cliMs / v), 1, '×'));
  }
  if (o.json) {
    fs.mkdirSync(path.dirname(path.resolve(o.json)), { recursive: true });
    fs.writeFileSync(o.json, JSON.stringify(result, null, 2) + '\n');
    console.log(`\nwrote ${o.json}`);
  }
}

main(process.argv.slice(2)).catch(e => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
