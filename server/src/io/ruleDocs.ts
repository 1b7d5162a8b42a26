// Where each code's page (docs/rules/<code>.md) is. The pages ship beside the bundles, in the
// .vsix and in the npm package alike (package.json "files"), so the link is a file: URI that
// works offline for whoever has the tool installed; the repository's URL is not a real address
// yet, and a link to it would break in every Problems panel.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

/**
 * The docs/rules folder of this installation: beside dist/ (the bundles run from dist/ in a
 * checkout, the .vsix and the npm package; SEC_DIST folders sit beside dist/ too).
 */
export function ruleDocsDir(bundleDir: string = __dirname): string | undefined {
  for (const dir of [path.resolve(bundleDir, '..', 'docs', 'rules'), path.resolve(bundleDir, '..', '..', 'docs', 'rules')]) {
    if (fs.existsSync(dir)) return dir;
  }
  return undefined;
}

export function ruleDocFile(code: string, dir: string | undefined = ruleDocsDir()): string | undefined {
  if (!dir || !/^[a-z][a-z0-9-]*$/.test(code)) return undefined;
  const file = path.join(dir, `${code}.md`);
  return fs.existsSync(file) ? file : undefined;
}

/** The page's address for codeDescription.href and SARIF helpUri, when the page is installed. */
export function ruleDocHref(code: string, dir: string | undefined = ruleDocsDir()): string | undefined {
  const file = ruleDocFile(code, dir);
  return file ? pathToFileURL(file).toString() : undefined;
}

export function ruleDocText(code: string, dir: string | undefined = ruleDocsDir()): string | undefined {
  const file = ruleDocFile(code, dir);
  return file ? fs.readFileSync(file, 'utf8') : undefined;
}
