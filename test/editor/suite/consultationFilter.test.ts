// The SEC Consultation view's filters run from the command palette (issues 18 and 21): "unanswered
// only" lists fewer comments than all (votes and answered comments drop out) and "Show all" brings
// them back; without a baseline the "changed clauses" filter lists none and is undone the same way.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { openInEditor, pollUntil, sectionG8, consultationViewCounts } from './helpers';


export function consultationFilterTests(): void {
  suite('SEC Consultation view filters', () => {
    test('"unanswered only" and "changed clauses only" filter the view and "show all" undoes them', async () => {
      await openInEditor(sectionG8());
      const all = await pollUntil(consultationViewCounts, c => c.listed > 0, 'comments in the SEC Consultation view');
      assert.equal(all.shown, all.listed);
      await vscode.commands.executeCommand('secDrafting.showUnansweredComments');
      const unanswered = await consultationViewCounts();
      assert.equal(unanswered.filter.unansweredOnly, true);
      assert.ok(unanswered.shown > 0 && unanswered.shown <= all.listed, JSON.stringify(unanswered));
      await vscode.commands.executeCommand('secDrafting.showCommentsOnChangedClauses');
      assert.equal((await consultationViewCounts()).shown, 0, 'no baseline in the examples: no changed clause');
      await vscode.commands.executeCommand('secDrafting.showCommentsOnAllClauses');
      await vscode.commands.executeCommand('secDrafting.showAllComments');
      const back = await consultationViewCounts();
      assert.deepEqual(back.filter, { unansweredOnly: false, changedOnly: false });
      assert.equal(back.shown, back.listed);
    });
  });
}
