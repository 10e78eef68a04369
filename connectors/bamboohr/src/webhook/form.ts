const unsafeKeys = new Set(["__proto__", "constructor", "prototype"]);

/**
 * PHP-style form bodies (`type=employee.updated&data[employeeId]=4&data[changedFields][0]=firstName`),
 * what a webhook created with `format: "form-encoded"` posts (reference §5.2), as nested objects;
 * objects whose keys are all 0, 1, 2… become arrays.
 */
export function parseFormBody(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/\[|\]\[|\]/).filter((part, index) => index === 0 || part !== "");
    // A body is untrusted until verified, and parse may see one first: no prototype keys.
    if (path.some((part) => unsafeKeys.has(part))) continue;
    let node: Record<string, unknown> = root;
    for (const [index, part] of path.entries()) {
      if (index === path.length - 1) node[part] = value;
      else {
        if (typeof node[part] !== "object" || node[part] === null) node[part] = {};
        node = node[part] as Record<string, unknown>;
      }
    }
  }
  return arraysOf(root) as Record<string, unknown>;
}

function arraysOf(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, arraysOf(v)] as const);
  const indexed = entries.length > 0 && entries.every(([k], i) => k === String(i));
  return indexed ? entries.map(([, v]) => v) : Object.fromEntries(entries);
}
