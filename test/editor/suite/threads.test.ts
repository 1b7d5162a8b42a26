// Consultation comment threads are left alone while nothing changes (issue 18: the client
// rebuilt every thread without end, the browser spun at 80-100 % of a core and no thread could
// be expanded). The extension's exported counters say how often threads were touched.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, openInEditor, pollUntil, sectionG8 } from './helpers';

interface ThreadStats { refreshes: number; created: number; changed: number; removed: number; shown: number }

async function stats(): Promise<ThreadStats> {
  const extension = vscode.extensions.getExtension<{ commentThreadStats(): ThreadStats }>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  return api.commentThreadStats();
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export function threadTests(): void {
  suite('Consultation comment threads', () => {
    test('an idle window with Section G8 open makes no thread updates', async () => {
      await openInEditor(sectionG8());
      await pollUntil(stats, s => s.shown > 0, 'comment threads on Section G8');
      // Past the start-up refreshes (one at start, one 3 s later) and the 1.5 s edit debounce.
      await sleep(5000);
      const before = await stats();
      await sleep(8000);
      const after = await stats();
      assert.deepEqual(after, before, `threads touched while idle: ${JSON.stringify({ before, after })}`);
    });

    test('a refresh with nothing changed touches no thread', async () => {
      const before = await stats();
      await vscode.commands.executeCommand('secDrafting.refreshComments');
      const after = await stats();
      assert.equal(after.refreshes, before.refreshes + 1);
      assert.deepEqual({ ...after, refreshes: 0 }, { ...before, refreshes: 0 });
    });
  });
}
