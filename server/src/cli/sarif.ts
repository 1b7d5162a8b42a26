// `secdraft check --format sarif`: the findings as a SARIF 2.1.0 log, so code-scanning tools
// (GitHub code scanning, Azure DevOps, VS Code's SARIF viewer) show them. Lines and columns
// are 1-based; columns count UTF-16 code units, SARIF's default and LSP's unit alike.
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { RuleInfo, SecDiagnostic, SeverityLevel } from '../service';
import type { FileProblem } from '../io/files';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifInput {
  /** Each file's findings; `fingerprints[i]` is the stable identity of `diagnostics[i]` (see baseline.ts). */
  files: { path: string; diagnostics: SecDiagnostic[]; fingerprints?: string[] }[];
  rules: readonly RuleInfo[];
  /** Files that could not be read: tool notifications, not results. */
  problems: FileProblem[];
  toolVersion: string;
  /** The documents' paths by URI, for the fixes' edits (an edit to a file not checked is left out). */
  pathOfUri?: (uri: string) => string | undefined;
  /** Each code's page: helpUri (its address) and help (its text, which code scanning shows). */
  ruleHelp?: (code: string) => { uri?: string; markdown?: string };
  /** Findings left out because the baseline accepts them. */
  baselined?: number;
}

type SarifLevel = 'none' | 'note' | 'warning' | 'error';

function levelOf(severity: SeverityLevel): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : severity === 'ignore' ? 'none' : 'note';
}

/** A relative path stays relative (resolved against %SRCROOT%); an absolute one becomes a file URI. */
function artifactLocation(p: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(p)) return { uri: pathToFileURL(p).toString() };
  const posix = p.split(path.sep).join('/').replace(/^\.\//, '');
  return { uri: posix.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** SARIF fixes from the finding's certain fix only: a fix a tool may apply without asking. */
function fixesOf(d: SecDiagnostic, pathOfUri: SarifInput['pathOfUri']): object[] | undefined {
  const fix = d.fixes?.find(f => f.certain);
  if (!fix || !pathOfUri) return undefined;
  const byPath = new Map<string, object[]>();
  for (const e of fix.edits) {
    const p = pathOfUri(e.uri);
    if (p === undefined || e.createIfMissing) return undefined; // part of the fix would be lost
    const list = byPath.get(p) ?? [];
    list.push({
      deletedRegion: { startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1 },
      insertedContent: { text: e.newText },
    });
    byPath.set(p, list);
  }
  return [{ description: { text: fix.title }, artifactChanges: [...byPath].map(([p, replacements]) => ({ artifactLocation: artifactLocation(p), replacements })) }];
}

function ruleDescriptor(r: RuleInfo, help: SarifInput['ruleHelp']) {
  const page = help?.(r.code) ?? {};
  return {
    id: r.code,
    name: r.code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, c => c.toUpperCase()),
    shortDescription: { text: r.description },
    ...(page.uri ? { helpUri: page.uri } : {}),
    ...(page.markdown ? { help: { text: page.markdown, markdown: page.markdown } } : {}),
    defaultConfiguration: r.defaultSeverity === 'ignore' ? { enabled: false, level: 'warning' } : { level: levelOf(r.defaultSeverity) },
    properties: { tags: [r.family] },
  };
}

export function toSarif(input: SarifInput): object {
  const ruleIndex = new Map(input.rules.map((r, i) => [r.code, i]));
  const results = input.files.flatMap(f => f.diagnostics.map((d, i) => ({
    ruleId: d.code,
    ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
    level: levelOf(d.severity),
    message: { text: d.clause ? `${d.message} [${d.clause}]` : d.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(f.path),
        region: {
          startLine: d.range.start.line + 1,
          startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
        },
      },
      ...(d.clause ? { logicalLocations: [{ name: d.clause, kind: 'member' }] } : {}),
    }],
    ...(f.fingerprints?.[i] ? { partialFingerprints: { 'secdraftFinding/v1': f.fingerprints[i] } } : {}),
    ...withFixes(fixesOf(d, input.pathOfUri)),
  })));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'secdraft',
          version: input.toolVersion,
          rules: input.rules.map(r => ruleDescriptor(r, input.ruleHelp)),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + path.sep).toString() } },
      invocations: [{
        executionSuccessful: input.problems.length === 0,
        toolExecutionNotifications: input.problems.map(p => ({
          level: 'error',
          message: { text: `${p.path}: ${p.reason}` },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.path) } }],
        })),
      }],
      columnKind: 'utf16CodeUnits',
      results,
      ...(input.baselined ? { properties: { baselined: input.baselined } } : {}),
    }],
  };
}

function withFixes(fixes: object[] | undefined): { fixes?: object[] } {
  return fixes ? { fixes } : {};
}
