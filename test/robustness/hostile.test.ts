// Respondent and document text is untrusted: Markdown links, command: URIs, raw HTML and
// <script> must reach every surface (hovers, comment lists, the HTML report) as inert text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSecLanguageService } from '../../server/src/service';
import { CLI } from '../helpers/cli';
import { makeTempDir } from '../helpers/tempDir';


const HOSTILE = [
  'We note that G8.41 is unclear. [Click here](command:workbench.action.terminal.new?%5B%22rm%22%5D) for details.',
  '<script>alert("x")</script><img src=x onerror="alert(1)"> <a href="javascript:alert(2)">link</a>',
  '![pixel](https://tracker.example/p.png) `code` **bold** # heading <!-- comment -->',
  'A very long line: ' + 'G8.41 '.repeat(3000),
].join(' ');

const G8 = 'G8 USER SECURITY ASSURANCE\n\nSupplier Parties\n\nG8.41 Where a Supplier Party supplies premises, it shall be assessed.\n';
const CSV = `question,respondent,category,response,text\n1,"<b>Evil</b> [Corp](command:x)",Large Supplier,Approve,"${HOSTILE.replace(/"/g, '""')}"\n`;

/** Markdown is inert when no link, image, HTML tag or command URI survives unescaped ("\]" is escaped). */
function assertInertMarkdown(markdown: string): void {
  assert.doesNotMatch(markdown, /(?<!\\)\]\(command:/i, 'no command link');
  assert.doesNotMatch(markdown, /(?<!\\)\]\(javascript:/i, 'no javascript link');
  assert.doesNotMatch(markdown, /(?<!\\)!(?<!\\)\[[^\]]*(?<!\\)\]\(https?:/i, 'no remote image');
  assert.doesNotMatch(markdown, /(?<!\\)<(script|img|a|b)\b/i, 'no raw HTML tag');
  assert.doesNotMatch(markdown, /(?<!\\)\[Click here(?<!\\)\]\(/, 'the respondent link is not a link');
}

test('hover on a clause shows a hostile comment as escaped, inert text', () => {
  const service = createSecLanguageService();
  service.setDocument({ uri: 'file:///ws/g8.sec.txt', version: 1, text: G8 });
  service.setDocument({ uri: 'file:///ws/consultation-responses.csv', version: 1, text: CSV });
  const hover = service.getHover('file:///ws/g8.sec.txt', { line: 4, character: 2 });
  const markdown = typeof hover?.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(markdown, /Evil/, 'the comment is shown');
  assertInertMarkdown(markdown);
});

test('the HTML report escapes respondent text and forbids scripts and remote loads', () => {
  const dir = makeTempDir('hostile-');
  fs.writeFileSync(path.join(dir, 'g8.sec.txt'), G8);
  fs.writeFileSync(path.join(dir, 'consultation-responses.csv'), CSV);
  const out = path.join(dir, 'report.html');
  const r = spawnSync(process.execPath, [CLI, 'report', dir, '--out', out], { encoding: 'utf8' });
  assert.ok(fs.existsSync(out), `report written (exit ${r.status}): ${r.stderr}`);
  const html = fs.readFileSync(out, 'utf8');
  assert.match(html, /Content-Security-Policy/);
  assert.match(html, /default-src 'none'/);
  assert.doesNotMatch(html, /<script/i, 'no script element at all');
  assert.doesNotMatch(html, /<img/i);
  assert.doesNotMatch(html, /<[^>]*\sonerror=/i, 'no event handler attribute');
  assert.doesNotMatch(html, /href="(javascript|command):/i);
  assert.match(html, /&lt;script&gt;/, 'the script is shown as text');
});

test('the Markdown outputs (comments table, report) do not pass HTML or links through', () => {
  const dir = makeTempDir('hostile-md-');
  fs.writeFileSync(path.join(dir, 'g8.sec.txt'), G8);
  fs.writeFileSync(path.join(dir, 'consultation-responses.csv'), CSV);
  const md = spawnSync(process.execPath, [CLI, 'comments', dir, '--format', 'md'], { encoding: 'utf8' });
  assert.match(md.stdout, /Evil/);
  assertInertMarkdown(md.stdout);
  const out = path.join(dir, 'report.md');
  spawnSync(process.execPath, [CLI, 'report', dir, '--out', out], { encoding: 'utf8' });
  assertInertMarkdown(fs.readFileSync(out, 'utf8'));
});
