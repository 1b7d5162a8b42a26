// The editor suite's entry (`extensionTestsPath`): VS Code's extension host loads this module
// and awaits run(). The same module runs under @vscode/test-electron (test/editor/electron.js)
// and in code-server (test/editor/run.js). mocha is not bundled: it resolves from the
// repository's node_modules, beside this built file.
import Mocha from 'mocha';
import { activationTests } from './activation.test';
import { consultationTests } from './consultation.test';
import { consultationFilterTests } from './consultationFilter.test';
import { collationLanguageTests, languageDefaultsTests } from './languageDefaults.test';
import { draftingTests } from './drafting.test';
import { termsTests } from './terms.test';
import { threadTests } from './threads.test';
import { changesTests } from './changes.test';

/** Scenario files in run order; each defines its suites through mocha's exported tdd API. */
const SCENARIOS = [activationTests, draftingTests, termsTests, consultationTests, consultationFilterTests, threadTests, languageDefaultsTests, collationLanguageTests, changesTests];

export function run(): Promise<void> {
  // SEC_EDITOR_GREP runs only the scenarios whose titles match (handy while writing one).
  const grep = process.env.SEC_EDITOR_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 240_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  // mocha's reporters keep the console.log they found at load time; route them through the
  // extension host's console now, which VS Code forwards to the test driver.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(...args);
  // The suites are bundled into this file rather than loaded by path, so give mocha's exported
  // suite()/test() their context the way addFile() would before it requires a file.
  mocha.suite.emit('pre-require', globalThis, 'sec-drafting-editor-suite', mocha);
  for (const define of SCENARIOS) define();
  return new Promise((resolve, reject) => {
    mocha.run(failures => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
  });
}
