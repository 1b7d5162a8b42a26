// `secdraft explain CODE`: the code's page from docs/rules (what it finds, why it matters in SEC
// drafting, an example, the fix, how to configure or suppress it) and where the page is.
// `secdraft explain` alone lists every code with its default severity.
import { RULES, RULE_BY_CODE } from '../service';
import { ruleDocFile, ruleDocText } from '../io/ruleDocs';
import { UsageError } from './errors';

export function runExplain(code: string | undefined, write: (s: string) => void): number {
  if (code === undefined) {
    const width = Math.max(...RULES.map(r => r.code.length));
    write(RULES.map(r => `${r.code.padEnd(width)}  ${r.defaultSeverity.padEnd(11)} ${r.description}`).join('\n'));
    return 0;
  }
  if (!RULE_BY_CODE.has(code)) throw new UsageError(`unknown code "${code}" (\`secdraft explain\` lists them)`);
  const text = ruleDocText(code);
  if (text === undefined) throw new UsageError(`the page for "${code}" is not installed (docs/rules/${code}.md is missing beside the CLI)`);
  write(`${text.trimEnd()}\n\n${ruleDocFile(code)}`);
  return 0;
}
