// The language status item of SEC legal text (the "{ }" beside "SEC legal text" in the status
// bar): this file's and the workspace's findings, the publication gate's verdict, and the
// commands a drafter needs next. Counts come from the diagnostics the server published; the
// verdict from its `sec/prePublicationReport` request (the same gate as `secdraft check`).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PRE_PUBLICATION_COMMAND } from './gate';
import { findingCountsText } from './statusText';
import { PRE_PUBLICATION_REPORT_REQUEST } from '../../server/src/lsp/protocol';
import { RESPONSES_SUFFIX } from '../../server/src/lsp/protocol';


export const OPEN_RESPONSES_COMMAND = 'secDrafting.openResponsesFile';

/** Findings the SEC server published, for one file or all. */
function secDiagnostics(uri?: vscode.Uri): number {
  const only = (ds: readonly vscode.Diagnostic[]) => ds.filter(d => d.source === 'sec').length;
  if (uri) return only(vscode.languages.getDiagnostics(uri));
  return vscode.languages.getDiagnostics().reduce((n, [, ds]) => n + only(ds), 0);
}

/** The responses files the server writes beside the collations (`*.responses.json`). */
async function openResponsesFile(): Promise<void> {
  const found = await vscode.workspace.findFiles(`**/*${RESPONSES_SUFFIX}`, '**/node_modules/**', 50);
  const pick = found.length <= 1 ? found[0] : (await vscode.window.showQuickPick(found.map(uri => ({ label: vscode.workspace.asRelativePath(uri), uri })), { title: 'Open which responses file?' }))?.uri;
  if (pick) await vscode.window.showTextDocument(pick, { preview: false });
  else if (found.length === 0) void vscode.window.showInformationMessage('SEC Drafting: no responses file yet. "SEC: Record Response…" creates it beside the collation.');
}

export function registerLanguageStatus(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  const findings = vscode.languages.createLanguageStatusItem('secDrafting.findings', { language: 'sec' });
  findings.name = 'SEC Drafting findings';
  findings.command = { command: 'workbench.actions.view.problems', title: 'Problems' };
  const gate = vscode.languages.createLanguageStatusItem('secDrafting.gate', { language: 'sec' });
  gate.name = 'SEC publication gate';
  gate.text = 'Publication gate: not yet checked';
  gate.command = { command: PRE_PUBLICATION_COMMAND, title: 'Pre-publication check' };
  const responses = vscode.languages.createLanguageStatusItem('secDrafting.responses', { language: 'sec' });
  responses.name = 'SEC consultation responses';
  responses.text = 'Consultation responses';
  responses.command = { command: OPEN_RESPONSES_COMMAND, title: 'Open responses file' };
  const settings = vscode.languages.createLanguageStatusItem('secDrafting.settings', { language: 'sec' });
  settings.name = 'SEC Drafting settings';
  settings.text = 'SEC Drafting';
  settings.command = { command: 'workbench.action.openSettings', title: 'Settings', arguments: ['@ext:sec-drafting.sec-drafting'] };

  const showCounts = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    findings.text = findingCountsText(uri ? secDiagnostics(uri) : 0, secDiagnostics());
  };
  let asking = false;
  const askVerdict = async () => {
    const client = getClient();
    if (asking || !client?.isRunning()) return;
    asking = true;
    gate.busy = true;
    try {
      const report = await client.sendRequest<{ ready: boolean; verdict: string } | null>(PRE_PUBLICATION_REPORT_REQUEST, { format: 'md' });
      if (report) {
        gate.text = report.ready ? '$(pass) Ready to publish' : '$(warning) Not ready to publish';
        gate.detail = report.verdict;
        gate.severity = report.ready ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Warning;
      }
    } catch (e) {
      client.outputChannel.appendLine(`${PRE_PUBLICATION_REPORT_REQUEST} failed: ${(e as Error).message}`);
    } finally {
      asking = false;
      gate.busy = false;
    }
  };
  // The verdict reads the whole workspace: ask once the diagnostics settle, not on every change.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    showCounts();
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void askVerdict(), 2000);
  };
  context.subscriptions.push(
    findings, gate, responses, settings,
    vscode.commands.registerCommand(OPEN_RESPONSES_COMMAND, openResponsesFile),
    vscode.languages.onDidChangeDiagnostics(later),
    vscode.window.onDidChangeActiveTextEditor(showCounts),
    { dispose: () => timer && clearTimeout(timer) },
  );
  later();
}
