// `secdraft check --format sarif`: the findings as a SARIF 2.1.0 log, so code-scanning tools
// (GitHub code scanning, Azure DevOps, VS Code's SARIF viewer) show them. Lines and columns
// are 1-based; columns count UTF-16 code units, SARIF's default and LSP's unit alike.
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { SecDiagnostic, SeverityLevel } from '../service/types';
import type { RuleInfo } from '../service/rules/registry';
import type { FileProblem } from '../files';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifInput {
  files: { path: string; diagnostics: SecDiagnostic[] }[];
  rules: readonly RuleInfo[];
  /** Files that could not be read: tool notifications, not results. */
  problems: FileProblem[];
  toolVersion: string;
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

export function toSarif(input: SarifInput): object {
  const ruleIndex = new Map(input.rules.map((r, i) => [r.code, i]));
  const results = input.files.flatMap(f => f.diagnostics.map(d => ({
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
  })));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'secdraft',
          version: input.toolVersion,
          rules: input.rules.map(r => ({
            id: r.code,
            name: r.code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, c => c.toUpperCase()),
            shortDescription: { text: r.description },
            defaultConfiguration: r.defaultSeverity === 'ignore' ? { enabled: false, level: 'warning' } : { level: levelOf(r.defaultSeverity) },
            properties: { tags: [r.family] },
          })),
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
    }],
  };
}
