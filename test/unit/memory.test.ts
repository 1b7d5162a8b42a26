// Typing must not make the service hold more and more: what an edit replaces is let go.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { createSecLanguageService } from '../../server/src/service';

/** The garbage collector, switched on at run time (tests run without --expose-gc). */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** About 150 KB of legal text with defined terms, references and thresholds. */
function bigSection(): string {
  const clauses: string[] = ['G8 USER SECURITY\n'];
  for (let i = 1; i <= 600; i++) {
    clauses.push(`G8.${i} Each Supplier Party shall ensure that its Smart Metering Systems comply with Section G8.${Math.max(1, i - 1)} where it supplies more than 250,000 Domestic Premises, and shall notify the Panel.\n`);
  }
  return clauses.join('\n');
}

test('a hundred edits of a large file leave the memory the service holds where it was', () => {
  const gc = collector();
  const service = createSecLanguageService();
  const uri = 'file:///ws/g8.sec.txt';
  const text = bigSection();
  const at = text.indexOf(' shall ', text.length / 2) + 3;
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  service.setDocument({ uri: 'file:///ws/a.sec.txt', version: 1, text: 'A1 DEFINITIONS\n\nSupplier Party | means a Supplier.\nSmart Metering System | means a meter.\nDomestic Premises | means premises.\n' });
  const edit = (version: number) => {
    service.setDocument({ uri, version, text: version % 2 ? text : edited });
    service.getDiagnostics(uri);
    service.getDiagnostics('file:///ws/a.sec.txt');
  };
  for (let v = 1; v <= 10; v++) edit(v);
  gc();
  const before = process.memoryUsage();
  for (let v = 11; v <= 110; v++) edit(v);
  gc();
  const after = process.memoryUsage();
  const grownMb = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1e6;
  // Keeping every reading of this file would add some 40 MB; what stays is a few MB of compiled code and caches.
  assert.ok(grownMb < 10, `the service holds ${grownMb.toFixed(1)} MB more after 100 edits`);
});
