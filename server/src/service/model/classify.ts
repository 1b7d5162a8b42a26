// Which files are legal text and which are consultation responses: by name first (the
// `sec` language's extensions, configurable globs), then by content.

export const LEGAL_SUFFIXES = ['.sec', '.sec.txt', '.sec.md'];
export const CONSULTATION_SUFFIXES = ['.txt', '.csv', '.json', '.md', '.docx', '.pdf'];

/** The last path segment of a URI or path, decoded. */
export function baseName(uriOrPath: string): string {
  const s = uriOrPath.replace(/[?#].*$/, '');
  const name = s.slice(s.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export function hasLegalName(uriOrPath: string): boolean {
  const name = baseName(uriOrPath).toLowerCase();
  return LEGAL_SUFFIXES.some(s => name.endsWith(s));
}

/** A collation names respondents and their categories in a table header. */
export function looksLikeConsultation(text: string): boolean {
  const head = text.slice(0, 20000);
  if (/^\s*question\s*,\s*respondent\s*,/im.test(head)) return true;
  if (/"respondent"\s*:/.test(head) && /"question"\s*:/.test(head)) return true;
  return /\bRespondent\b[\s|]*\bCategory\b/.test(head);
}

export function hasConsultationName(uriOrPath: string): boolean {
  const name = baseName(uriOrPath).toLowerCase();
  return /consult|respon|collat/.test(name) && CONSULTATION_SUFFIXES.some(s => name.endsWith(s));
}

/** Convert a simple glob (`**`, `*`, `?`, `{a,b}`) to a RegExp over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, close).split(',').map(escapeRe).join('|') + ')';
        i = close;
      }
    } else re += escapeRe(ch);
  }
  return new RegExp(`(^|/)${re}$`, 'i');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
