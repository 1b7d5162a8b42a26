// Hover on a defined term: what it means, where it is defined, how often it is used, and the
// defined terms its own definition uses (each a link to its definition).
import type { DefinitionSite } from '../model/definitions';
import { termUsesOf, useCountOf } from '../model/terms';
import { escapeMarkdown, type FeatureContext } from './context';
import type { HoverPart } from './hover';
import { sitesOf, termHit } from './termNavigation';

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function place(site: DefinitionSite): string {
  const how = site.form === 'table-pointer' ? `points to Section ${escapeMarkdown(site.pointsTo ?? '')}` : site.form === 'inline' ? 'defined in the text' : 'defined';
  return `${escapeMarkdown(fileName(site.uri))} line ${site.range.start.line + 1}${site.clause ? ` (${escapeMarkdown(site.clause)})` : ''}: ${how}`;
}

function link(site: DefinitionSite): string {
  return `${site.uri.replace(/[()\s]/g, c => encodeURIComponent(c))}#L${site.range.start.line + 1}`;
}

export function termHover(ctx: FeatureContext): HoverPart[] {
  const hit = termHit(ctx);
  if (!hit) return [];
  const { index, term } = hit;
  const defined = index.terms[term];
  const sites = sitesOf(index, term);
  const { uses, files } = useCountOf(ctx.workspace, term);
  const lines = [`**${escapeMarkdown(defined.term)}** (defined term)`, ''];
  for (const s of sites.filter(x => x.form !== 'table-pointer')) lines.push(`> ${escapeMarkdown(s.text)}`, '');
  lines.push(...sites.map(s => `- ${place(s)}`), '');
  lines.push(`Used ${uses} time${uses === 1 ? '' : 's'}${uses ? ` in ${files} file${files === 1 ? '' : 's'}` : ''}.`);
  // The terms the definition itself uses, resolvable by a click.
  const used = new Map<number, DefinitionSite>();
  for (const s of defined.sites) {
    const model = ctx.workspace.model(s.uri);
    if (model?.kind !== 'legal') continue;
    for (const u of termUsesOf(model, index)) {
      const r = u.range;
      if (u.kind !== 'use' || u.term === term || r.start.line !== s.textRange.start.line) continue;
      if (r.start.character >= s.textRange.start.character && r.end.character <= s.textRange.end.character) used.set(u.term, sitesOf(index, u.term)[0]);
    }
  }
  if (used.size) {
    const names = [...used].map(([n, site]) => `[${escapeMarkdown(index.terms[n].term)}](${link(site)})`);
    lines.push('', `Its definition uses: ${names.join(', ')}.`);
  }
  return [{ markdown: lines.join('\n'), range: hit.range }];
}
