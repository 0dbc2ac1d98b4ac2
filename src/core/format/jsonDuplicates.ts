// Finds keys that appear twice in one JSON object. JSON.parse silently keeps the last of them,
// so `"cell": "lstm", "cell": "rnn"` would run as an RNN: the worksheet reader refuses it instead.

interface ObjectFrame {
  kind: 'object';
  path: string;
  keys: Set<string>;
  key: string | null;
  expectKey: boolean;
}
interface ArrayFrame {
  kind: 'array';
  path: string;
  index: number;
}

/**
 * The paths (`params.W_hh`, `vocabulary["a"]`) of every key that repeats within its object.
 * @param text  JSON text that JSON.parse has already accepted
 */
export function findDuplicateKeys(text: string): string[] {
  const found: string[] = [];
  const stack: (ObjectFrame | ArrayFrame)[] = [];
  const childPath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    return top.kind === 'array' ? `${top.path}[${top.index}]` : joinKey(top.path, top.key ?? '');
  };
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    const top = stack[stack.length - 1];
    if (ch === '"') {
      const end = endOfString(text, k);
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(k, end + 1)) as string;
        if (top.keys.has(key)) found.push(joinKey(top.path, key));
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      k = end;
    } else if (ch === '{') {
      stack.push({ kind: 'object', path: childPath(), keys: new Set(), key: null, expectKey: true });
    } else if (ch === '[') {
      stack.push({ kind: 'array', path: childPath(), index: 0 });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      if (top?.kind === 'object') top.expectKey = true;
      else if (top?.kind === 'array') top.index++;
    }
  }
  return found;
}

/** The index of the quote that closes the string opening at `start`. */
function endOfString(text: string, start: number): number {
  for (let k = start + 1; k < text.length; k++) {
    if (text[k] === '\\') k++;
    else if (text[k] === '"') return k;
  }
  return text.length - 1;
}

function joinKey(path: string, key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]{0,39}$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
}
