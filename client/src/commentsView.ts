// The "SEC Consultation" tree view: comments grouped by clause, by respondent or by
// question, with "General / orphaned" for the comments linked to no clause. Clicking a
// comment opens the collation at its row. Data comes from `sec/comments`. Each comment shows
// whether it is answered; the view can list only unanswered comments, and (with a baseline)
// only comments on changed clauses (commentFilter.ts decides).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type CommentInfo, CommentThreads, fetchComments, plainMarkdown, toRange } from './comments';
import { perFileSummary } from './commentCounts';
import { documentSelector } from './selector';
import { type CommentFilter, SHOW_ALL, answerPresentation, changedClauseIds, filterComments, filterMessage } from './commentFilter';
import type { ChangesSource } from './changeDecorations';

export type Grouping = 'clause' | 'respondent' | 'question';

interface Group {
  kind: 'group';
  label: string;
  comments: { comment: CommentInfo; detail: string }[];
}

interface Leaf {
  kind: 'comment';
  comment: CommentInfo;
  detail: string;
}

type Node = Group | Leaf;

const GENERAL = 'General / orphaned';

function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}

export function groupComments(comments: CommentInfo[], grouping: Grouping): Group[] {
  const groups = new Map<string, Group>();
  const add = (label: string, comment: CommentInfo, detail: string) => {
    const g = groups.get(label) ?? { kind: 'group' as const, label, comments: [] };
    g.comments.push({ comment, detail });
    groups.set(label, g);
  };
  for (const c of comments) {
    if (grouping === 'clause') {
      if (c.links.length === 0) {
        if (c.text) add(GENERAL, c, c.status);
      } else for (const l of c.links) add(l.clause, c, l.kind === 'explicit' ? 'explicit' : `inferred ${l.score.toFixed(2)}`);
    } else if (grouping === 'respondent') add(c.respondent, c, `Q${c.question}`);
    else add(`Question ${c.question}${c.questionTitle ? `: ${c.questionTitle}` : ''}`, c, c.respondent);
  }
  return [...groups.values()].sort((a, b) => (a.label === GENERAL ? 1 : b.label === GENERAL ? -1 : naturalCompare(a.label, b.label)));
}

export class CommentsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private comments: CommentInfo[] = [];
  private changedIds: ReadonlySet<string> = new Set();
  private baseline = '';
  grouping: Grouping = 'clause';
  filter: CommentFilter = { ...SHOW_ALL };

  setComments(comments: CommentInfo[]): void {
    this.comments = comments;
    this.changed.fire(undefined);
  }

  /** The clauses the modification changed (from `sec/changes`), for the "changed clauses only" filter. */
  setChanges(changedIds: ReadonlySet<string>, baseline: string): void {
    this.changedIds = changedIds;
    this.baseline = baseline;
    if (this.filter.changedOnly) this.changed.fire(undefined);
  }

  setFilter(filter: Partial<CommentFilter>): void {
    this.filter = { ...this.filter, ...filter };
    void vscode.commands.executeCommand('setContext', 'secDrafting.commentsUnansweredOnly', this.filter.unansweredOnly);
    void vscode.commands.executeCommand('setContext', 'secDrafting.commentsChangedOnly', this.filter.changedOnly);
    this.changed.fire(undefined);
  }

  /** What the view lists now, for the editor tests (the tree's rows are only visible in the UI). */
  counts(): { listed: number; shown: number; filter: CommentFilter } {
    const listed = this.comments.filter(c => c.text || c.links.length);
    return { listed: listed.length, shown: filterComments(listed, this.filter, this.changedIds).length, filter: { ...this.filter } };
  }

  /** What the view's message says about the filter ("Showing 3 of 12 comments: unanswered only"). */
  message(): string {
    const listed = this.comments.filter(c => c.text || c.links.length);
    return filterMessage(this.filter, filterComments(listed, this.filter, this.changedIds).length, listed.length, this.baseline);
  }

  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
    void vscode.commands.executeCommand('setContext', 'secDrafting.commentGrouping', grouping);
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return groupComments(filterComments(this.comments.filter(c => c.text || c.links.length), this.filter, this.changedIds), this.grouping);
    if (node.kind === 'group') return node.comments.map(x => ({ kind: 'comment', comment: x.comment, detail: x.detail }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.comments.length}`;
      item.contextValue = 'secConsultationGroup';
      return item;
    }
    const c = node.comment;
    const item = new vscode.TreeItem(c.respondent, vscode.TreeItemCollapsibleState.None);
    const answer = answerPresentation(c);
    item.description = [answer.short, c.category, c.response, node.detail].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(answer.icon);
    item.tooltip = plainMarkdown(`${c.text || '(no comment text)'}\n\n${answer.detail}`);
    item.contextValue = 'secConsultationComment';
    item.command = { command: 'vscode.open', title: 'Open comment', arguments: [vscode.Uri.parse(c.uri), { selection: toRange(c.range) }] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Documents whose edits can change the comments: those the server reads (never output or comment-input documents). */
function readByServer(document: vscode.TextDocument): boolean {
  return vscode.languages.match(documentSelector(vscode.workspace.getConfiguration('secDrafting', document).get<unknown[]>('legalFiles')), document) > 0;
}

/** Create the view, the threads and the commands; refresh after edits of the files the server reads, and on demand. */
export function registerConsultationView(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined, changes: ChangesSource): { refresh: () => Promise<void>; threads: CommentThreads; view: CommentsView } {
  const view = new CommentsView();
  const threads = new CommentThreads();
  const tree = vscode.window.createTreeView('secDrafting.consultation', { treeDataProvider: view });
  let perFile = '';
  // How many comments each collation gave (a file that gave none has its "no response table" note), and what the filter hides.
  const showMessage = () => { tree.message = [view.message(), perFile].filter(Boolean).join(' · ') || undefined; };
  const refresh = async () => {
    try {
      const comments = await fetchComments(getClient());
      view.setComments(comments);
      perFile = perFileSummary(comments);
      showMessage();
      threads.show(comments);
    } catch (e) {
      getClient()?.outputChannel.appendLine(`sec/comments failed: ${(e as Error).message}`);
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 1500);
  };
  context.subscriptions.push(
    view,
    threads,
    tree,
    vscode.commands.registerCommand('secDrafting.refreshComments', refresh),
    vscode.commands.registerCommand('secDrafting.groupCommentsByClause', () => view.setGrouping('clause')),
    vscode.commands.registerCommand('secDrafting.groupCommentsByRespondent', () => view.setGrouping('respondent')),
    vscode.commands.registerCommand('secDrafting.groupCommentsByQuestion', () => view.setGrouping('question')),
    vscode.commands.registerCommand('secDrafting.showUnansweredComments', () => { view.setFilter({ unansweredOnly: true }); showMessage(); }),
    vscode.commands.registerCommand('secDrafting.showAllComments', () => { view.setFilter({ unansweredOnly: false }); showMessage(); }),
    vscode.commands.registerCommand('secDrafting.showCommentsOnChangedClauses', () => { view.setFilter({ changedOnly: true }); showMessage(); }),
    vscode.commands.registerCommand('secDrafting.showCommentsOnAllClauses', () => { view.setFilter({ changedOnly: false }); showMessage(); }),
    changes.onDidChange(result => { view.setChanges(changedClauseIds(result.clauses), result.baseline); showMessage(); }),
    // Not every document: the language client's own output channel is a document too, and
    // reacting to its log lines refreshed the threads without end (issue 18).
    vscode.workspace.onDidSaveTextDocument(d => { if (readByServer(d)) later(); }),
    vscode.workspace.onDidChangeTextDocument(e => { if (e.contentChanges.length && readByServer(e.document)) later(); }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  view.setGrouping('clause');
  view.setFilter(SHOW_ALL);
  return { refresh, threads, view };
}
