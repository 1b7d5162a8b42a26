// #18: any LSP editor gets the same product. A headless Neovim 0.7 (Debian's, installed by
// .ci/install-system-deps) drives `secdraft lsp --stdio` through test/lsp/neovim/drive.lua:
// diagnostics, hover, definition, references, rename, completion, the double-space fix, the
// server's own commands (a code lens, "Record response…"), a broken .secdraft.json that must not
// prompt, settings pushed in workspace/didChangeConfiguration, and a workspace folder added and
// removed (vim.lsp.buf.add_workspace_folder). Fails when nvim is missing.
import { test, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, REPO } from '../helpers/cli';
import { makeTempDir } from '../helpers/tempDir';

const A = [
  'SECTION A: DEFINITIONS AND INTERPRETATION',
  '',
  'A1 DEFINITIONS',
  '',
  'A1.1 In this Code:',
  'Party | means a person which has acceded to this Code.',
  'Supplier Party | means a Party which holds a supply licence.',
  '',
].join('\n');
const G8 = 'G8 USER SECURITY ASSURANCE\n\nG8.40 Each Supplier Party shall comply.\n\nG8.41 A Supplier Party shall  comply with Section G8.40.\n';
/** The file of a second workspace folder, added while the server runs. */
const H = 'H1 OTHER MATTERS\n\nH1.1 A Supplier  Party shall comply with Section G8.41.\n';
const CSV = 'question,respondent,category,response,text\n1,E.ON,Large Supplier,Approve,Why does Section G8.41 apply to every Supplier Party?\n'
  + '1,Bryt,Small Supplier,Reject,We do not agree with the proposal.\n';

interface Seen {
  error: string | null;
  steps: Record<string, boolean>;
  messages: { type: number; message: string }[];
  prompts: string[];
  prompts_before_commands: number;
  codes: string[];
  hover: string;
  definition: string | null;
  references: number;
  renamed: string[];
  completion: string[];
  fixed_line: string;
  server_commands: string[];
  lens_title?: string;
  lens_places?: number;
  record_command?: string;
  recorded?: { ok: boolean; message: string };
  drafted?: { ok: boolean; drafted: boolean; message: string };
  draft_buffer: string;
}

let dir: string;
let dir2: string;
let seen: Seen;
let stderr = '';

before(() => {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    assert.fail('Neovim (nvim) is not installed: .ci/install-system-deps installs it (apt-get install neovim)');
  }
  dir = fs.realpathSync(makeTempDir('sec-nvim-'));
  fs.writeFileSync(path.join(dir, 'a.sec.txt'), A);
  fs.writeFileSync(path.join(dir, 'g8.sec.txt'), G8);
  fs.writeFileSync(path.join(dir, 'consultation.csv'), CSV);
  fs.writeFileSync(path.join(dir, '.secdraft.json'), '{ "severity": { "double-space": ');
  dir2 = fs.realpathSync(makeTempDir('sec-nvim-added-'));
  fs.writeFileSync(path.join(dir2, 'h.sec.txt'), H);
  const out = path.join(dir, 'seen.json');
  const home = path.join(dir, '.home');
  const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(REPO, 'test', 'lsp', 'neovim', 'drive.lua')], {
    cwd: dir, encoding: 'utf8', timeout: 120_000,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_STATE_HOME: home, XDG_CACHE_HOME: home, SEC_WS: dir, SEC_WS2: dir2, SEC_CLI: CLI, SEC_OUT: out, SEC_NODE: process.execPath },
  });
  stderr = `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
  assert.ok(fs.existsSync(out), `Neovim wrote nothing (exit ${r.status}): ${stderr}`);
  seen = JSON.parse(fs.readFileSync(out, 'utf8')) as Seen;
  assert.equal(seen.error, null, `the Lua driver failed: ${seen.error}\n${stderr}`);
});

test('a broken .secdraft.json is a warning notification, never a prompt; diagnostics still come', () => {
  assert.ok(seen.steps.diagnostics, `no double-space diagnostic: ${JSON.stringify(seen.codes)}`);
  assert.equal(seen.prompts_before_commands, 0, `prompted: ${JSON.stringify(seen.prompts)}`);
  const warning = seen.messages.find(m => /\.secdraft\.json/.test(m.message));
  assert.ok(warning, JSON.stringify(seen.messages));
  assert.equal(warning.type, 2, 'a warning');
});

test('hover, definition, references and rename on a defined term', () => {
  assert.match(seen.hover, /supply licence/);
  assert.match(seen.definition ?? '', /a\.sec\.txt$/);
  assert.ok(seen.references >= 3, `references: ${seen.references}`);
  assert.ok(seen.renamed.some(u => u.endsWith('a.sec.txt')) && seen.renamed.some(u => u.endsWith('g8.sec.txt')), JSON.stringify(seen.renamed));
});

test('completion offers the defined term', () => {
  assert.ok(seen.completion.includes('Supplier Party'), JSON.stringify(seen.completion.slice(0, 20)));
});

test('the double-space quick fix applies as Neovim applies edits', () => {
  assert.equal(seen.fixed_line, 'G8.41 A Supplier Party shall comply with Section G8.40.');
});

test('the server lists its commands, so Neovim runs the code lens "N uses of Supplier Party"', () => {
  assert.ok(seen.server_commands.includes('secDrafting.lsp.showLocations'), JSON.stringify(seen.server_commands));
  assert.match(seen.lens_title ?? '', /^\d+ uses of Supplier Party$/);
  assert.equal(seen.lens_places, Number(/^(\d+)/.exec(seen.lens_title!)![1]));
  assert.ok(seen.messages.some(m => /uses of Supplier Party: g8\.sec\.txt:\d+/.test(m.message)), JSON.stringify(seen.messages));
});

test('"Record response…" runs in the server: the disposition asked by a prompt, the file written', () => {
  assert.equal(seen.record_command, 'secDrafting.lsp.recordResponse');
  assert.equal(seen.prompts[0], 'SEC Drafting: Response to E.ON (Question 1): disposition?');
  assert.equal(seen.recorded?.ok, true, JSON.stringify(seen.recorded));
  const file = JSON.parse(fs.readFileSync(path.join(dir, 'consultation.responses.json'), 'utf8')) as { responses: Record<string, { disposition: string; response: string }> };
  assert.deepEqual(Object.values(file.responses).map(r => [r.disposition, r.response]), [['noted', 'The multiplier reflects the larger risk.']], 'only what was answered is on disk');
});

test('"Record response…" without the text drafts the entry in the responses file for the drafter to complete', () => {
  assert.equal(seen.prompts[1], 'SEC Drafting: Response to Bryt (Question 1): disposition?');
  assert.equal(seen.drafted?.drafted, true, JSON.stringify(seen.drafted));
  assert.match(seen.drafted!.message, /drafted in consultation\.responses\.json, line \d+: write it in "response" there, and save/);
  const draft = JSON.parse(seen.draft_buffer) as { responses: Record<string, { disposition: string; response: string; respondent: string }> };
  assert.deepEqual(draft.responses['q1-bryt'], { disposition: 'noted', response: '', respondent: 'Bryt' });
  assert.equal(draft.responses['q1-e-on']?.response, 'The multiplier reflects the larger risk.', 'the recorded answer is kept in the draft');
});

test('settings pushed in workspace/didChangeConfiguration apply at once', () => {
  assert.ok(seen.steps.second_double_space, 'a new double space was found first');
  assert.ok(seen.steps.settings_applied, 'double-space set to ignore: the finding went away');
});

test('a workspace folder added in Neovim is read and checked; removed, its findings are cleared', () => {
  assert.ok(seen.steps.folder_added, 'the added folder\'s double space was found');
  assert.ok(seen.steps.folder_references, 'the term\'s uses include the added folder\'s file');
  assert.ok(seen.steps.folder_removed, 'its findings cleared when the folder was removed');
});
