// No module-level mutable state in the core (issue 17): what the core derives lives in the
// WorkspaceIndex and on the objects it is derived from (server/src/service/cache.ts), so two
// service instances in one process share nothing. A static check over the sources with the
// TypeScript compiler API; it fails on:
// - a module-level `let` or `var`;
// - a module-level call of `memo(` (the old per-object cache);
// - a module-level `const` made with new Map/Set/WeakMap/WeakSet/Array/a typed array, `[]` or
//   `{}`, that a function of the file mutates (set, add, push, an element or property assigned …),
//   or an object literal whose own methods change it (`this.x = …`);
// - a module-level regex with the g or y flag used with exec/test/lastIndex (lastIndex is state
//   carried from one call to the next; matchAll, replace and split do not read it).
// Constant tables (frozen sets, lookup maps filled once at load) are allowed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');
const core = path.join(root, 'server', 'src', 'service');

/**
 * Module-level state kept on purpose, with the reason. Keep this list short: every entry is a
 * place where two service instances share something.
 */
const ALLOWED: Record<string, string> = {};

/** Classes whose instances do not change once made: allowed at module level. */
const IMMUTABLE_CLASSES = new Set(['RegExp', 'DerivedKey', 'CategoryVocabulary']);

const MUTATING_METHODS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'length']);
const CONTAINERS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Int8Array', 'Uint8Array', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array']);

/** The module-level state of one source file, as "name: why" lines. */
export function moduleStateIn(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const containers = new Set<string>();
  const stickyRegexes = new Set<string>();
  for (const statement of sf.statements) {
    if (ts.isVariableStatement(statement)) {
      const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const d of statement.declarationList.declarations) {
        const name = d.name.getText(sf);
        if (!isConst) {
          found.push(`${name}: module-level let/var`);
          continue;
        }
        const init = d.initializer && skipCasts(d.initializer);
        if (!init) continue;
        if (isContainer(init)) containers.add(name);
        else if (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && !IMMUTABLE_CLASSES.has(init.expression.text)) {
          found.push(`${name}: an instance of ${init.expression.text} at module level`);
        }
        if (ts.isObjectLiteralExpression(init) && changesThis(init)) found.push(`${name}: a module-level object whose methods change it (this.… = …)`);
        if (isStickyRegex(init)) stickyRegexes.add(name);
        forEachCall(init, call => { if (calleeName(call) === 'memo') found.push(`${name}: memo( at module level`); });
      }
    } else if (ts.isExpressionStatement(statement)) {
      forEachCall(statement.expression, call => { if (calleeName(call) === 'memo') found.push(`memo( at module level`); });
    }
  }
  // Uses inside functions: filling a table while the module loads is initialisation, not state.
  const visit = (node: ts.Node, inFunction: boolean): void => {
    const inside = inFunction || ts.isFunctionLike(node) || ts.isClassLike(node);
    if (inside) {
      const mutated = mutatedName(node, sf);
      if (mutated && containers.has(mutated.name)) found.push(`${mutated.name}: a module-level container mutated (${mutated.how})`);
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && stickyRegexes.has(node.expression.text)
        && ['exec', 'test'].includes(node.name.text) && !resetBefore(node, node.expression.text)) {
        found.push(`${node.expression.text}: a module-level g/y regex used with ${node.name.text} without setting lastIndex first in the same function (lastIndex is state)`);
      }
    }
    ts.forEachChild(node, child => visit(child, inside));
  };
  visit(sf, false);
  return [...new Set(found)];
}

/** Does the function around `use` set `name.lastIndex` before it (so no call sees what the last one left)? */
function resetBefore(use: ts.Node, name: string): boolean {
  let fn: ts.Node | undefined = use.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  if (!fn) return false;
  let reset = false;
  const visit = (node: ts.Node): void => {
    if (reset || node.getStart() >= use.getStart()) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)
      && ts.isIdentifier(node.left.expression) && node.left.expression.text === name && node.left.name.text === 'lastIndex') reset = true;
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return reset;
}

/** Does a method of the object literal assign to (or ++/--) a property of `this`? */
function changesThis(object: ts.ObjectLiteralExpression): boolean {
  const onThis = (e: ts.Expression): boolean => {
    e = skipCasts(e);
    if (e.kind === ts.SyntaxKind.ThisKeyword) return true;
    return (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) && onThis(e.expression);
  };
  let changes = false;
  const visit = (node: ts.Node): void => {
    if (changes) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      && !ts.isIdentifier(skipCasts(node.left)) && onThis(node.left)) changes = true;
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node))
      && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) && onThis(node.operand)) changes = true;
    ts.forEachChild(node, visit);
  };
  for (const member of object.properties) visit(member);
  return changes;
}

function skipCasts(e: ts.Expression): ts.Expression {
  while (ts.isAsExpression(e) || ts.isParenthesizedExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
  return e;
}

function isContainer(e: ts.Expression): boolean {
  if (ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e)) return true;
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression)) return CONTAINERS.has(e.expression.text);
  // new Array(n).fill(x) and the like
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) return isContainer(skipCasts(e.expression.expression));
  return false;
}

function isStickyRegex(e: ts.Expression): boolean {
  if (ts.isRegularExpressionLiteral(e)) return /[gy][a-z]*$/.test(e.text.slice(e.text.lastIndexOf('/') + 1));
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'RegExp') {
    const flags = e.arguments?.[1];
    return flags !== undefined && ts.isStringLiteralLike(flags) && /[gy]/.test(flags.text);
  }
  return false;
}

function calleeName(call: ts.CallExpression): string | undefined {
  return ts.isIdentifier(call.expression) ? call.expression.text : undefined;
}

function forEachCall(node: ts.Node, f: (call: ts.CallExpression) => void): void {
  if (ts.isCallExpression(node)) f(node);
  // Not into functions: a call inside an arrow made at module level runs later, on its caller's data.
  if (!ts.isFunctionLike(node)) ts.forEachChild(node, child => forEachCall(child, f));
}

/** The module-level name a node mutates, if it is `X.set(…)`, `X[i] = …`, `X.p = …`, `X[i]++` … */
function mutatedName(node: ts.Node, sf: ts.SourceFile): { name: string; how: string } | undefined {
  const root = (e: ts.Expression): string | undefined => {
    e = skipCasts(e);
    if (ts.isIdentifier(e)) return e.text;
    if (ts.isElementAccessExpression(e) || ts.isPropertyAccessExpression(e)) return root(e.expression);
    return undefined;
  };
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATING_METHODS.has(node.expression.name.text)) {
    const target = skipCasts(node.expression.expression);
    if (ts.isIdentifier(target)) return { name: target.text, how: `.${node.expression.name.text}(…)` };
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
    const left = skipCasts(node.left);
    if (ts.isElementAccessExpression(left) || ts.isPropertyAccessExpression(left)) {
      const name = root(left);
      if (name) return { name, how: node.getText(sf).slice(0, 40) };
    }
  }
  if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node))
    && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
    const operand = skipCasts(node.operand);
    if (ts.isElementAccessExpression(operand) || ts.isPropertyAccessExpression(operand)) {
      const name = root(operand);
      if (name) return { name, how: node.getText(sf) };
    }
  }
  return undefined;
}

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourcesUnder(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

test('the check finds each kind of module-level state (so it can fail)', () => {
  const found = moduleStateIn('x.ts', `
    let count = 0;
    const cache = new Map<string, number>();
    const byModel = new WeakMap<object, string>();
    const list: string[] = [];
    const TABLE = new Set(['a', 'b']);
    const WORD_RE = /\\w+/g;
    const ONCE_RE = /\\w+/;
    const SPLIT_RE = /,/g;
    const RESET_RE = /\\d+/y;
    const known = new Uint8Array(10);
    const cached = memo(model, 'x', () => 1);
    const scratch = new WordsBuilder(16);
    const KEY = new DerivedKey<string>('x');
    const found = { count: 0, items: new Int32Array(4), put(n: number) { this.items[this.count++] = n; } };
    const TOTALS = { reset() { this.n = 0; }, n: 0 };
    function f(model: object, s: string) {
      cache.set(s, 1);
      byModel.set(model, s);
      list.push(s);
      known[3] = 1;
      WORD_RE.exec(s);
      ONCE_RE.exec(s);
      s.split(SPLIT_RE);
      RESET_RE.lastIndex = 2;
      RESET_RE.exec(s);
      return TABLE.has(s);
    }`);
  assert.deepEqual(found.map(f => f.slice(0, f.indexOf(':'))).sort(), ['TOTALS', 'WORD_RE', 'byModel', 'cache', 'cached', 'count', 'found', 'known', 'list', 'scratch']);
});

test('constant tables filled while the module loads are not state', () => {
  const found = moduleStateIn('x.ts', `
    const TABLE = new Map<string, number>();
    for (const [i, w] of ['a', 'b'].entries()) TABLE.set(w, i);
    const FLAGS = new Uint8Array(4);
    FLAGS[1] = 1;
    export function rank(w: string) { return TABLE.get(w) ?? FLAGS[0]; }`);
  assert.deepEqual(found, []);
});

test('no file in server/src/service keeps module-level mutable state', () => {
  const problems: string[] = [];
  const allowedSeen = new Set<string>();
  for (const file of sourcesUnder(core)) {
    const rel = path.relative(core, file).split(path.sep).join('/');
    for (const f of moduleStateIn(rel, fs.readFileSync(file, 'utf8'))) {
      const key = `${rel}#${f.slice(0, f.indexOf(':'))}`;
      if (ALLOWED[key]) allowedSeen.add(key);
      else problems.push(`${rel}: ${f}`);
    }
  }
  assert.deepEqual(problems, [], 'move this state into the WorkspaceIndex or onto the object it derives from (server/src/service/cache.ts)');
  // An allowance nothing needs any more is removed, so the list stays honest.
  assert.deepEqual(Object.keys(ALLOWED).filter(k => !allowedSeen.has(k)), []);
});
