// The pre-publication report as a Working Group sees it: `secdraft report --out report.html`
// over examples/, opened in headless Chromium (Debian's `chromium`, driven by playwright-core),
// screenshotted to a PNG. The rendered page's text is checked (title, a clause, a respondent),
// and a collation with hostile respondent text must stay inert (no script runs, no element
// is injected). The Markdown form and the responses it carries are checked without a browser.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { secdraft } from '../helpers/cli';
import { shortenText } from '../../server/src/report/render';
import { makeTempDir } from '../helpers/tempDir';

const CHROMIUM = '/usr/bin/chromium';
const OUT = makeTempDir('secdraft-report-');
// On CI the browser must be there (.ci/install-system-deps installs it); elsewhere say why not.
const skip = !fs.existsSync(CHROMIUM) && !process.env.CI ? 'Debian chromium is not installed' : false;

let browser: Browser | undefined;

before(async () => {
  if (skip) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  fs.rmSync(OUT, { recursive: true, force: true });
});

/** Open a report file, return its visible text, and screenshot it to `png`. */
async function render(htmlFile: string, png: string) {
  const page = await browser!.newPage({ viewport: { width: 1100, height: 900 } });
  const requests: string[] = [];
  page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(htmlFile).toString());
  await page.screenshot({ path: png, fullPage: true });
  const text = await page.locator('body').innerText();
  const title = await page.title();
  return { page, text, title, requests };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  assert.equal(b.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test('the report for examples/ renders in Chromium with its title, clauses, respondents and verdict', { skip }, async () => {
  const html = path.join(OUT, 'report.html');
  const r = secdraft(['report', 'examples/', '--out', html, '--title', 'SECMP0059 pre-publication report']);
  assert.equal(r.code, 1, `not ready while comments are unanswered: ${r.stderr}`);
  assert.match(r.stderr, /wrote .*report\.html: Not ready: .*unanswered comments/);
  const source = fs.readFileSync(html, 'utf8');
  assert.match(source, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  assert.doesNotMatch(source, /<script|<link|<img|<iframe|\ssrc=|url\(/i, 'self-contained: no script, no external resource');

  const png = path.join(OUT, 'report.png');
  const { page, text, title, requests } = await render(html, png);
  try {
    assert.equal(title, 'SECMP0059 pre-publication report');
    assert.match(text, /SECMP0059 pre-publication report/);
    assert.match(text, /Not ready: .*\d+ unanswered comments/);
    assert.match(text, /G8\.44C/, 'a clause');
    assert.match(text, /E\.ON/, 'a respondent');
    assert.match(text, /Haven Power Limited/);
    assert.match(text, /Question 1/);
    assert.deepEqual(requests, [], 'no network request');
    // Rows link to the text they are about (issue 18): file: URIs with the line.
    const links = await page.locator('a[href^="file:"]').evaluateAll(as => as.map(a => a.getAttribute('href') ?? ''));
    assert.ok(links.some(h => /\.sec\.(txt|md)#L\d+$/.test(h)), `a clause or finding links to the legal text: ${links.slice(0, 3)}`);
    assert.ok(links.some(h => /consultation[^/]*#L\d+$/i.test(h)), 'a comment links to its row in the collation');
    // The per-question summary counts respondents by category.
    const total = await page.locator('table.summary').first().locator('tr.total td').last().innerText();
    assert.ok(Number(total) >= 5, `question 1 total: ${total}`);
  } finally {
    await page.close();
  }
  const size = pngSize(png);
  assert.equal(size.width, 1100);
  assert.ok(size.height > 1500, `a full-page screenshot (${size.height}px high)`);
  assert.ok(fs.statSync(png).size > 30_000, 'the PNG holds a rendered page, not a blank one');
});

test('hostile respondent and comment text is shown as text, never run or injected', { skip }, async () => {
  const dir = makeTempDir('secdraft-report-hostile-');
  const evil = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
  fs.writeFileSync(path.join(dir, 'g8.sec.txt'), 'G8 USER SECURITY ASSURANCE\n\nG8.41 A Supplier Party shall comply.\n');
  fs.writeFileSync(path.join(dir, 'consultation.csv'), [
    'question,respondent,category,response,text',
    `1,"Mallory ${evil.replace(/"/g, '""')}",Large Supplier,Approve,"We comment on G8.41 </td></tr></table><h1>Injected</h1> ${evil.replace(/"/g, '""')}"`,
    '',
  ].join('\n'));
  const html = path.join(dir, 'report.html');
  const r = secdraft(['report', dir, '--out', html]);
  assert.equal(r.code, 1, r.stderr);
  const png = path.join(dir, 'report.png');
  const { page, text, title } = await render(html, png);
  try {
    assert.notEqual(title, 'pwned');
    assert.match(text, /Mallory <img src=x onerror=/, 'the respondent is shown literally');
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script').count(), 0);
    assert.equal(await page.locator('h1').count(), 1, 'no injected heading');
  } finally {
    await page.close();
  }
  assert.ok(fs.statSync(png).size > 5_000);
});

test('report --out report.md carries dispositions and responses, and the verdict turns ready once all is answered', () => {
  const dir = makeTempDir('secdraft-report-md-');
  fs.writeFileSync(path.join(dir, 'g8.sec.txt'), 'G8 USER SECURITY ASSURANCE\n\nG8.41 A party shall comply.\n');
  fs.writeFileSync(path.join(dir, 'consultation.csv'), 'question,respondent,category,response,text\n1,E.ON,Large Supplier,Approve,Why five | times in G8.41?\n1,Bryt,Small Supplier,Reject,No: the thresholds should match.\n');
  const md = path.join(dir, 'report.md');
  const first = secdraft(['report', dir, '--out', md]);
  assert.equal(first.code, 1);
  let text = fs.readFileSync(md, 'utf8');
  assert.match(text, /\*\*Not ready: 2 unanswered comments\*\*/);
  assert.match(text, /\| Large Supplier \| 1 \| 0 \| 0 \| 0 \| 1 \|/, 'question summary by category');
  assert.match(text, /Why five \\\| times/, 'pipes in a cell are escaped');
  fs.writeFileSync(path.join(dir, 'consultation.responses.json'), JSON.stringify({
    version: 1, consultation: 'consultation.csv', responses: {
      'q1-e-on': { disposition: 'accepted', clause: 'G8.41', response: 'The multiplier is explained.' },
      'q1-bryt': { disposition: 'rejected', response: 'The thresholds differ on purpose.' },
    },
  }));
  const second = secdraft(['report', dir, '--out', md]);
  text = fs.readFileSync(md, 'utf8');
  assert.match(text, /\*\*Ready to publish\*\*/, text);
  assert.equal(second.code, 0, second.stderr);
  assert.match(text, /Accepted, legal text changed \(G8\.41\) \| The multiplier is explained\. \|/);
  assert.match(text, /\| Rejected \| The thresholds differ on purpose\. \|/);
  assert.match(text, /Every comment has a recorded response/);
  assert.equal(secdraft(['report', dir, '--out', path.join(dir, 'report.pdf')]).code, 2, 'unknown output format');
});

test('rows link to the text: HTML by file: URI and line, Markdown relative to the report', () => {
  const dir = makeTempDir('secdraft-report-links-');
  fs.writeFileSync(path.join(dir, 'g8 section.sec.txt'), 'G8 USER SECURITY ASSURANCE\n\nG8.41 A party shall comply  with it.\n');
  fs.writeFileSync(path.join(dir, 'consultation.csv'), 'question,respondent,category,response,text\n1,E.ON,Large Supplier,Approve,Why five times in G8.41?\n');
  const html = path.join(dir, 'report.html');
  secdraft(['report', dir, '--out', html]);
  const source = fs.readFileSync(html, 'utf8');
  const legal = pathToFileURL(path.join(dir, 'g8 section.sec.txt')).toString();
  // The link text is the path as the report shows it (relative to where secdraft ran).
  assert.ok(source.includes(`<a href="${legal}#L3">`) && /">[^<]*g8 section\.sec\.txt:3<\/a>/.test(source), `the clause links to its line: ${source.match(/<a href="[^"]*"/g)}`);
  assert.ok(source.includes(`<a href="${legal}#L3">line 3</a>`), 'the finding links to its line');
  assert.ok(source.includes(`<a href="${pathToFileURL(path.join(dir, 'consultation.csv'))}#L2">Q1 · q1-e-on</a>`), 'the comment links to its row');
  const md = path.join(dir, 'report.md');
  secdraft(['report', dir, '--out', md]);
  const text = fs.readFileSync(md, 'utf8');
  assert.match(text, /\[[^\]]*g8 section\.sec\.txt:3\]\(g8%20section\.sec\.txt#L3\)/, 'a relative link that survives moving the folder');
  assert.match(text, /\| E\.ON \(\[Q1\]\(consultation\.csv#L2\)\) \|/);
});

test('the unanswered table says what each respondent said, escaped and shortened, never inside an escape', () => {
  const dir = makeTempDir('secdraft-report-unanswered-');
  const long = `${'Fish & chips <b>bold</b> '.repeat(9)}${'x'.repeat(20)} & the end which is cut off`;
  fs.writeFileSync(path.join(dir, 'g8.sec.txt'), 'G8 USER SECURITY ASSURANCE\n\nG8.41 A party shall comply.\n');
  fs.writeFileSync(path.join(dir, 'consultation.csv'), `question,respondent,category,response,text\n1,E.ON,Large Supplier,Approve,Short | comment on G8.41\n1,Bryt,Small Supplier,Reject,"${long}"\n`);
  const html = path.join(dir, 'report.html');
  secdraft(['report', dir, '--out', html]);
  const table = fs.readFileSync(html, 'utf8').split('<h2>Unanswered comments</h2>')[1].split('</table>')[0];
  assert.match(table, /<th>What they said<\/th>/);
  assert.match(table, /<td class="comment">Short \| comment on G8\.41<\/td>/);
  const cell = table.match(/<td class="comment">(Fish[^<]*)<\/td>/)?.[1];
  assert.ok(cell, table);
  assert.match(cell, /^Fish &amp; chips &lt;b&gt;bold&lt;\/b&gt; /, 'escaped');
  assert.match(cell, /…$/, 'shortened with an ellipsis');
  assert.doesNotMatch(cell, /the end/);
  assert.doesNotMatch(cell, /&[a-z#0-9]*…$|&[a-z#0-9]*(?![a-z#0-9;])/i, 'no entity cut short');
  const md = path.join(dir, 'report.md');
  secdraft(['report', dir, '--out', md]);
  assert.match(fs.readFileSync(md, 'utf8'), /\| `q1-e-on` \| E\.ON \| Large Supplier \| Short \\\| comment on G8\.41 \| \[[^\]]*consultation\.csv:2\]\(consultation\.csv#L2\) \|/);
});

test('shortening keeps short text, cuts long text at a word, and never splits a character', () => {
  assert.equal(shortenText('  two\n words  '), 'two words');
  assert.equal(shortenText('alpha beta gamma delta', 12), 'alpha beta…');
  assert.equal(shortenText('😀'.repeat(10), 5), '😀😀😀😀😀…');
  assert.equal(shortenText('a'.repeat(30), 10), `${'a'.repeat(10)}…`);
});

test('a changed clause in the report\'s Changes part links to where it is now', () => {
  const dir = makeTempDir('secdraft-report-changes-');
  fs.mkdirSync(path.join(dir, 'now'));
  fs.mkdirSync(path.join(dir, 'before'));
  fs.writeFileSync(path.join(dir, 'before', 'g8.sec.txt'), 'G8 USER SECURITY ASSURANCE\n\nG8.41 A party shall comply.\n');
  fs.writeFileSync(path.join(dir, 'now', 'g8.sec.txt'), 'G8 USER SECURITY ASSURANCE\n\nG8.41 A party shall comply promptly.\n');
  const html = path.join(dir, 'report.html');
  const r = secdraft(['report', path.join(dir, 'now'), '--compare-to', path.join(dir, 'before'), '--out', html]);
  const changes = fs.readFileSync(html, 'utf8').split('<h2>Changes</h2>')[1]?.split('<h2>')[0] ?? '';
  assert.ok(changes.includes(`<a href="${pathToFileURL(path.join(dir, 'now', 'g8.sec.txt'))}#L3">`), `${r.stderr}\n${changes}`);
});
