// The report's rows link to the text; VS Code's webview follows only command links, so the
// client turns the report's file links into its one allowed command (issue 18).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { OPEN_REPORT_LINK_COMMAND, parseReportLink, toWebviewLinks } from '../../client/src/reportLinks';

test('a file link with a line becomes the open-at-line command with the file and the 0-based line', () => {
  const html = '<td class="where"><a href="file:///ws/g8%20section.sec.txt#L12">g8 section.sec.txt:12</a></td>';
  const out = toWebviewLinks(html);
  const m = /<a href="command:([\w.]+)\?([^"]*)">g8 section\.sec\.txt:12<\/a>/.exec(out);
  assert.ok(m, out);
  assert.equal(m[1], OPEN_REPORT_LINK_COMMAND);
  assert.deepEqual(JSON.parse(decodeURIComponent(m[2])), ['file:///ws/g8%20section.sec.txt', 11]);
});

test('escaped respondent text that looks like a link stays text; other links are left alone', () => {
  const hostile = '<td class="comment">&lt;a href=&quot;file:///etc/passwd&quot;&gt;x&lt;/a&gt;</td><a href="https://example.invalid/">x</a>';
  assert.equal(toWebviewLinks(hostile), hostile);
});

test('a link without a line opens the file at its top', () => {
  assert.deepEqual(parseReportLink('file:///ws/a.sec.txt'), { uri: 'file:///ws/a.sec.txt', line: 0 });
  assert.deepEqual(parseReportLink('file:///ws/a.sec.txt#L1'), { uri: 'file:///ws/a.sec.txt', line: 0 });
});
