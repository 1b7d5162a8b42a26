// The tracked changes of a Word legal text are the changes of that document (issue 21): with no
// compareTo named, a workspace holding .docx legal text with tracked changes is compared with a
// baseline made of each such document's text before its changes, and every other legal file's
// current text (so the other files count as unchanged). A named compareTo always wins.
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { SecDocument, SecLanguageService } from '../service';

export interface TrackedChangesBaseline {
  /** "the text before the tracked changes of G8.docx": how reports name it. */
  label: string;
  docs: SecDocument[];
}

function fileName(uri: string): string {
  try {
    return path.basename(fileURLToPath(uri));
  } catch {
    return uri;
  }
}

/**
 * The baseline the tracked changes make, or undefined when no Word legal text in the workspace has
 * any. `before` maps a document's URI to its text before the tracked changes (only those that have some).
 */
export function trackedChangesBaseline(service: SecLanguageService, before: ReadonlyMap<string, string>): TrackedChangesBaseline | undefined {
  const tracked = [...before.keys()].filter(uri => service.hasDocument(uri)).sort();
  if (tracked.length === 0) return undefined;
  const docs: SecDocument[] = [];
  for (const uri of service.documentUris()) {
    const text = service.documentText(uri);
    if (text === undefined) continue;
    const doc: SecDocument = { uri, version: 1, text, languageId: 'sec' };
    if (!before.has(uri) && service.getModel(uri)?.kind !== 'legal') continue;
    docs.push(before.has(uri) ? { ...doc, text: before.get(uri)! } : doc);
  }
  const names = tracked.map(fileName);
  const label = `the text before the tracked changes of ${names.length <= 2 ? names.join(' and ') : `${names.length} Word documents`}`;
  return { label, docs };
}
