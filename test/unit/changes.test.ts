// What the modification changes: clauses compared with a baseline (added, changed, renumbered,
// deleted, unchanged), the word diff, --changed-only, the hover and the outline.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, uriOf, workspaceOf } from '../helpers/fixtures';
import { wordDiff } from '../../server/src/service/features/changes';
import type { SecLanguageService } from '../../server/src/service';

const BASELINE = dedent(`
  G8 USER SECURITY ASSESSMENTS

  G8.1 The Panel shall appoint the User Independent Security Assessor.

  G8.2 Each User shall pay the charges within ten days.

  G8.3 The Security Sub-Committee may set procedures for assessments.

  G8.4 A User shall notify the Panel of any change to its systems.

  G8.5 Nothing in this Section G8 limits Section G8.4 or Section G8.3.
`);

// G8.2 changed (twenty days), G8.3 deleted, G8.4 renumbered to G8.3, G8.5 renumbered to G8.4
// with its words changed, G8.5 added.
const MODIFIED = dedent(`
  G8 USER SECURITY ASSESSMENTS

  G8.1 The Panel shall appoint the User Independent Security Assessor.

  G8.2 Each User shall pay the charges within twenty days.

  G8.3 A User shall notify the Panel of any change to its systems.

  G8.4 Nothing in this Section G8 limits Section G8.3 or the obligations of the Panel.

  G8.5 The Panel shall publish each assessment report.
`);

function compared(current: string, baseline: string): SecLanguageService {
  const service = workspaceOf({ 'g8.sec.md': current });
  service.setBaseline([{ uri: 'file:///base/g8.sec.md', version: 1, text: baseline }], 'the baseline');
  return service;
}

function statuses(service: SecLanguageService): string[] {
  return service.getChanges()!.clauses.map(c => `${c.id} ${c.status}${c.baseline && c.baseline.id !== c.id ? ` from ${c.baseline.id}` : ''}${c.status === 'renumbered' && c.wordsChanged ? ' (words)' : ''}`);
}

test('each clause is added, changed, renumbered (matched by its words), deleted or unchanged', () => {
  assert.deepEqual(statuses(compared(MODIFIED, BASELINE)), [
    'G8.1 unchanged',
    'G8.2 changed',
    'G8.3 renumbered from G8.4',
    'G8.4 renumbered from G8.5 (words)',
    'G8.5 added',
    'G8.3 deleted',
  ]);
});

test('the same text gives no change; no baseline gives no comparison', () => {
  assert.deepEqual(statuses(compared(BASELINE, BASELINE)), ['G8.1 unchanged', 'G8.2 unchanged', 'G8.3 unchanged', 'G8.4 unchanged', 'G8.5 unchanged']);
  assert.equal(workspaceOf({ 'g8.sec.md': MODIFIED }).getChanges(), undefined);
});

test('a clause rewrapped over lines, or bold in Markdown, has the same words', () => {
  const rewrapped = BASELINE.replace('G8.2 Each User shall pay the charges within ten days.', '**G8.2** Each User shall pay\nthe charges within ten  days.');
  assert.deepEqual(statuses(compared(rewrapped, BASELINE)).filter(s => !s.endsWith('unchanged')), []);
});

test('the word diff marks the words removed and added, and keeps the rest', () => {
  assert.deepEqual(wordDiff('pay the charges within ten days.', 'pay the charges within twenty days.'), [
    { kind: 'same', text: 'pay the charges within ' },
    { kind: 'removed', text: 'ten' },
    { kind: 'added', text: 'twenty' },
    { kind: 'same', text: ' days.' },
  ]);
  const change = compared(MODIFIED, BASELINE).getChanges()!.clauses.find(c => c.id === 'G8.2')!;
  assert.equal(change.diff!.filter(p => p.kind === 'removed').map(p => p.text).join('|'), 'ten');
  assert.equal(change.diff!.filter(p => p.kind === 'added').map(p => p.text).join('|'), 'twenty');
});

test('clauses are matched across files: a baseline file named differently still matches', () => {
  const service = workspaceOf({ 'section-g8-modified.sec.md': BASELINE });
  service.setBaseline([{ uri: 'file:///base/g8.sec.txt', version: 1, text: BASELINE }]);
  assert.equal(service.getChanges()!.counts.unchanged, 5);
});

test('--changed-only keeps findings in changed clauses and those a change causes, and drops the rest', () => {
  // Unchanged G8.1 has a double space (dropped); changed G8.2 has one (kept); unchanged G8.6
  // refers to G8.5, which the modification renumbered G8.3 (kept: the change causes it).
  const base = dedent(`
    G8 USER SECURITY ASSESSMENTS

    G8.1 The Panel shall  appoint the assessor.

    G8.2 Each User shall pay the charges.

    G8.5 The Panel shall publish reports.

    G8.6 Nothing in this Section G8 limits Section G8.5.
  `);
  const now = base
    .replace('G8.2 Each User shall pay the charges.', 'G8.2 Each User shall pay  the charges promptly.')
    .replace('G8.5 The Panel shall publish reports.', 'G8.3 The Panel shall publish reports.');
  const service = compared(now, base);
  const all = service.getDiagnostics(uriOf('g8.sec.md')).map(d => `${d.clause} ${d.code}`);
  const kept = service.getChangedOnlyDiagnostics(uriOf('g8.sec.md')).map(d => `${d.clause} ${d.code}`);
  assert.ok(all.includes('G8.1 double-space'), all.join(', '));
  assert.ok(!kept.includes('G8.1 double-space'), kept.join(', '));
  assert.ok(kept.includes('G8.2 double-space'), kept.join(', '));
  assert.ok(kept.includes('G8.6 broken-reference'), kept.join(', '));
});

test('--changed-only keeps a finding about a term whose definition the modification changed', () => {
  const base = dedent(`
    A1 DEFINITIONS

    A1.1 In this Code:

    Assessment Fee | means the fee for an assessment.

    G8 USER SECURITY ASSESSMENTS

    G8.1 Each User shall pay the Assessment Fee.
  `);
  const now = base.replace('Assessment Fee | means the fee for an assessment.\n', 'Assessment Charge | means the charge for an assessment.\n');
  const service = compared(now, base);
  const kept = service.getChangedOnlyDiagnostics(uriOf('g8.sec.md')).map(d => `${d.clause} ${d.code}`);
  assert.ok(kept.includes('G8.1 undefined-term'), kept.join(', '));
  assert.ok(service.getChanges()!.changedTerms.has('assessment fee'));
});

test('hovering a changed clause number shows the baseline words beside the new as a word diff', () => {
  const service = compared(MODIFIED, BASELINE);
  const line = MODIFIED.split('\n').findIndex(l => l.startsWith('G8.2 '));
  const hover = service.getHover(uriOf('g8.sec.md'), { line, character: 2 });
  const value = (hover?.contents as { value: string }).value;
  assert.match(value, /\*\*G8\.2\*\* changed since the baseline/);
  assert.match(value, /~~ten~~ \*\*twenty\*\*/);
  const renumbered = service.getHover(uriOf('g8.sec.md'), { line: line + 2, character: 2 });
  assert.match((renumbered?.contents as { value: string }).value, /renumbered from G8\.4/);
  // An unchanged clause's hover says nothing about changes.
  const unchanged = service.getHover(uriOf('g8.sec.md'), { line: line - 2, character: 2 });
  assert.doesNotMatch((unchanged?.contents as { value: string } | undefined)?.value ?? '', /since the baseline/);
});

test('the outline says how each clause changed', () => {
  const symbols = compared(MODIFIED, BASELINE).getDocumentSymbols(uriOf('g8.sec.md'));
  const details = symbols.flatMap(s => [s, ...(s.children ?? [])]).filter(s => /^G8\.\d/.test(s.name)).map(s => `${s.name}: ${s.detail}`);
  assert.ok(details.some(d => d.startsWith('G8.2:') && d.endsWith('· changed')), details.join('\n'));
  assert.ok(details.some(d => d.startsWith('G8.4:') && d.endsWith('· renumbered from G8.5, words changed')), details.join('\n'));
  assert.ok(details.some(d => d.startsWith('G8.1:') && !d.includes('·')), details.join('\n'));
});

test('a clause inserted in the middle renumbers the rest: each later clause is renumbered, not changed', () => {
  const inserted = BASELINE.replace('G8.2 Each User', 'G8.2 The Panel may waive the charges.\n\nG8.3 Each User')
    .replace('G8.3 The Security', 'G8.4 The Security').replace('G8.4 A User', 'G8.5 A User').replace('G8.5 Nothing', 'G8.6 Nothing');
  assert.deepEqual(statuses(compared(inserted, BASELINE)), [
    'G8.1 unchanged',
    'G8.2 added',
    'G8.3 renumbered from G8.2',
    'G8.4 renumbered from G8.3',
    'G8.5 renumbered from G8.4',
    'G8.6 renumbered from G8.5',
  ]);
});

test('clauses with the same words ("[Not used]") pair by number first', () => {
  const base = dedent(`
    G8 USER SECURITY ASSESSMENTS

    G8.1 [Not used]

    G8.2 [Not used]

    G8.3 The Panel shall publish reports.
  `);
  const now = base.replace('G8.3 The Panel shall publish reports.', 'G8.3 The Panel shall publish reports.\n\nG8.4 [Not used]');
  assert.deepEqual(statuses(compared(now, base)), ['G8.1 unchanged', 'G8.2 unchanged', 'G8.3 unchanged', 'G8.4 added']);
});

test('a clause moved to another Section is matched by its words', () => {
  const base = 'G8 PART\n\nG8.1 The Panel shall publish each assessment report within ten days.\n\nG8.2 Other words here.\n';
  const now = 'G8 PART\n\nG8.2 Other words here.\n\nH1 PART\n\nH1.1 The Panel shall publish each assessment report within ten days.\n';
  assert.deepEqual(statuses(compared(now, base)), ['G8.2 unchanged', 'H1.1 renumbered from G8.1']);
});

test('--changed-only in the definitions table: a new row is the drafter\'s, the rows left as they were are not', () => {
  const base = dedent(`
    A1 DEFINITIONS

    A1.1 In this Code:

    Assessment Fee | means the fee for an assessment.

    Panel | means the  panel.

    G8 USER SECURITY ASSESSMENTS

    G8.1 The Panel shall set the Assessment Fee.
  `);
  const now = base.replace('Panel | means the  panel.\n', 'Panel | means the  panel.\n\nReview Fee | means the  fee for a review.\n');
  const service = compared(now, base);
  const all = service.getDiagnostics(uriOf('g8.sec.md')).filter(d => d.code === 'double-space').map(d => d.range.start.line);
  const kept = service.getChangedOnlyDiagnostics(uriOf('g8.sec.md')).filter(d => d.code === 'double-space').map(d => d.range.start.line);
  const row = now.split('\n').findIndex(l => l.startsWith('Review Fee'));
  assert.equal(all.length, 2);
  assert.deepEqual(kept, [row]);
  assert.ok(service.getChanges()!.changedTerms.has('review fee'));
});

test('--changed-only keeps a threshold in an unchanged clause that a changed clause now contradicts', () => {
  // The modification counts G8.40's threshold in Domestic Premises; unchanged G8.42 still counts
  // Smart Metering Systems: its finding is caused by the change (its related place is G8.40).
  const base = dedent(`
    G8 USER SECURITY ASSURANCE

    G8.40 A Supplier Party which supplies more than 250,000 Smart Metering Systems, and which does not supply any Non-Domestic Premises, shall be subject to a Full User Security Assessment.

    G8.41 Each User shall pay the  charges.

    G8.42 A Supplier Party which supplies 250,000 or fewer Smart Metering Systems, and which does not supply any Non-Domestic Premises, shall be subject to the cycle in Section G8.43.
  `);
  const now = base.replace('more than 250,000 Smart Metering Systems', 'more than 250,000 Domestic Premises');
  const service = compared(now, base);
  const found = (ds: { code: string; clause?: string }[]) => ds.filter(d => d.code === 'inconsistent-threshold' || d.code === 'double-space').map(d => `${d.clause} ${d.code}`);
  assert.deepEqual(found(service.getDiagnostics(uriOf('g8.sec.md'))).sort(), ['G8.41 double-space', 'G8.42 inconsistent-threshold']);
  assert.deepEqual(found(service.getChangedOnlyDiagnostics(uriOf('g8.sec.md'))), ['G8.42 inconsistent-threshold']);
});
