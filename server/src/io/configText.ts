// The text of `.secdraft.json` as JSON with comments (JSONC, like VS Code's own settings):
// `//` and `/* */` comments and trailing commas are allowed, so a team can say why a severity
// was changed. Keys become own data properties exactly as JSON.parse makes them ("__proto__"
// included), so nothing in the file can reach an object's prototype.
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';

/** Line and column (1-based) of an offset, for messages. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

function valueOf(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        Object.defineProperty(o, String(key.value), { value: valueOf(value), enumerable: true, writable: true, configurable: true });
      }
      return o;
    }
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value;
  }
}

/** The value of JSONC text; throws Error("line L, column C: reason") at the first syntax error. */
export function parseJsonc(text: string): unknown {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) throw new Error(`${lineColumn(text, errors[0].offset)}: ${printParseErrorCode(errors[0].error)}`);
  if (!tree) throw new Error('empty file');
  return valueOf(tree);
}
