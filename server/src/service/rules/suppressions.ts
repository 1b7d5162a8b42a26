// unused-suppression: a suppression comment that names a code no rule has (a typo suppresses
// nothing and hides nothing, so the drafter believes a finding is handled when it is not), or
// that suppressed no finding in this run (the slip it was written for has gone, and it would
// silently hide the next one). Run by the rules runner after the other families, since only
// then is it known which comments were used.
import type { Finding } from '../types';
import type { Directive } from '../model/suppressions';
import { RULE_BY_CODE } from './registry';
import type { RuleDocs } from './context';

export function unusedSuppressions(directives: readonly Directive[], used: ReadonlySet<number>, isIgnored: (code: string) => boolean): Finding[] {
  const out: Finding[] = [];
  directives.forEach((d, i) => {
    const codes = d.codes.filter(c => c !== '*');
    const unknown = codes.filter(c => !RULE_BY_CODE.has(c));
    if (unknown.length) {
      out.push({
        code: 'unused-suppression',
        range: d.range,
        message: `The suppression names ${unknown.length === 1 ? 'an unknown code' : 'unknown codes'}: ${unknown.map(c => `"${c}"`).join(', ')} (\`secdraft explain\` lists the codes).`,
        data: { unknown },
      });
      return;
    }
    // sec-enable only closes a block; a comment for codes switched off by setting has nothing to hide.
    if (d.verb === 'enable' || used.has(i) || (codes.length > 0 && codes.every(isIgnored))) return;
    out.push({
      code: 'unused-suppression',
      range: d.range,
      message: codes.length
        ? `The suppression of ${codes.join(', ')} hides no finding; remove it, or it will hide the next one.`
        : 'The suppression hides no finding; remove it, or it will hide the next one.',
    });
  });
  return out;
}

/**
 * The page of unused-suppression, reported here for the rules runner (rules/index.ts) rather than
 * by a family: docs/rules/unused-suppression.md is rendered from it by `npm run rules:sync`.
 */
export function unusedSuppressionDocs(): RuleDocs {
  return {
    'unused-suppression': {
      finds: 'A suppression comment (`sec-disable-next-line`, `sec-disable-line`, `sec-disable`) that names a code no rule has — a typo such as `double_space` — or that hid no finding in this run. A comment for codes switched off by configuration is not reported, nor is `sec-enable`.',
      why: 'Published legal text should carry as few suppression comments as possible. A misspelt code suppresses nothing while the drafter believes the finding is handled; a comment whose slip has been fixed will silently hide the next slip on that line.',
      reported: '<!-- sec-disable-next-line double_space -->\nG8.44C … a User  Security Assessment …',
      notReported: '<!-- sec-disable-next-line double-space -- the Direction is quoted as issued -->\n'
        + 'G8.44C … as the Direction says: “a User  Security Assessment” …',
      fix: 'Correct the code (`secdraft explain` lists them) or delete the comment. To accept a finding without a comment in the text, use the baseline: the "Suppress in baseline" code action, or `secdraft check --update-baseline`.',
    },
  };
}
