// Changed clauses in the editor's gutter and overview ruler: the client asks the server's
// `sec/changes` (on start, when the workspace changes and when another editor comes to the
// front) and marks each changed clause's lines, differently for added, changed and renumbered
// clauses. The hover with the word diff is the server's. Which lines: changeMarks.ts.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHANGES_REQUEST, type SecChangesResult } from '../../server/src/lsp/protocol';
import { MARK_KINDS, type MarkKind, planMarks } from './changeMarks';

const NO_CHANGES: SecChangesResult = { baseline: '', clauses: [] };

/** A thin coloured bar as a gutter icon (an SVG data URI: nothing to package). */
function bar(color: string, dashed: boolean): vscode.Uri {
  const rect = dashed
    ? `<rect x="5" y="0" width="3" height="6" fill="${color}"/><rect x="5" y="9" width="3" height="6" fill="${color}"/>`
    : `<rect x="5" y="0" width="3" height="16" fill="${color}"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16">${rect}</svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
}

const LOOKS: Record<MarkKind, { ruler: string; color: string; dashed: boolean }> = {
  added: { ruler: 'editorOverviewRuler.addedForeground', color: '#2ea043', dashed: false },
  changed: { ruler: 'editorOverviewRuler.modifiedForeground', color: '#1f6feb', dashed: false },
  renumbered: { ruler: 'editorOverviewRuler.warningForeground', color: '#d29922', dashed: true },
};

function decorationType(kind: MarkKind): vscode.TextEditorDecorationType {
  const look = LOOKS[kind];
  return vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    gutterIconPath: bar(look.color, look.dashed),
    gutterIconSize: 'contain',
    overviewRulerColor: new vscode.ThemeColor(look.ruler),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
}

/** The last `sec/changes` answer, asked again on demand; listeners (the marks, the consultation view) follow it. */
export class ChangesSource implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SecChangesResult>();
  readonly onDidChange = this.emitter.event;
  current: SecChangesResult = NO_CHANGES;

  constructor(private readonly getClient: () => LanguageClient | undefined) {}

  async refresh(): Promise<void> {
    const client = this.getClient();
    if (!client || !client.isRunning()) return;
    try {
      this.current = (await client.sendRequest<SecChangesResult>(CHANGES_REQUEST, {})) ?? NO_CHANGES;
    } catch (e) {
      client.outputChannel.appendLine(`sec/changes failed: ${(e as Error).message}`);
      this.current = NO_CHANGES;
    }
    void vscode.commands.executeCommand('setContext', 'secDrafting.hasBaseline', this.current.baseline !== '');
    this.emitter.fire(this.current);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** Mark the changed clauses in every visible editor, again whenever the changes or the editors change. */
export function registerChangeMarks(context: vscode.ExtensionContext, source: ChangesSource): void {
  const types = new Map(MARK_KINDS.map(kind => [kind, decorationType(kind)] as const));
  const decorate = (editor: vscode.TextEditor) => {
    const plan = planMarks(source.current, editor.document.uri.toString());
    for (const kind of MARK_KINDS) {
      editor.setDecorations(types.get(kind)!, plan[kind].map(span => new vscode.Range(span.first, 0, span.last, 0)));
    }
  };
  const decorateAll = () => vscode.window.visibleTextEditors.forEach(decorate);
  context.subscriptions.push(
    ...types.values(),
    source.onDidChange(decorateAll),
    vscode.window.onDidChangeVisibleTextEditors(decorateAll),
    // Another editor in front: its clauses may have moved since the last answer (typing).
    vscode.window.onDidChangeActiveTextEditor(editor => { if (editor) void source.refresh(); }),
  );
}
