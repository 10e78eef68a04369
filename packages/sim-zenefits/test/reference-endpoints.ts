/**
 * Reads an endpoint table of a reference into (methods, path) pairs, the way a person reads
 * it: a path may be written relative to the previous one in its cell (`/resumes/:rid` after
 * `/opportunities/:id/resumes`, `… and /fields_changes/`), `[/{id}]` is optional, and a method
 * word (`POST`, `GET/POST/PUT/DELETE`) applies to the paths after it (GET until one is seen).
 * Ids become `{id}`; query strings and trailing slashes go.
 *
 * Both simulators keep an identical copy of this file: they share no code with each other.
 */
export interface ReferenceEndpoint {
  /** Any of these methods on the path counts as served (a `GET/POST/PUT/DELETE` row lists several). */
  methods: string[];
  path: string;
}

const METHOD = "(?:GET|POST|PUT|PATCH|DELETE)";
/** A method word (or `GET/POST/PUT`), or a backticked path. */
const METHOD_OR_PATH = new RegExp(`\\b(${METHOD}(?:/${METHOD})*)\\b|\`([^\`]*)\``, "g");

/** Cells of a markdown table row, honouring `\|` inside cells. */
export function tableCells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.replaceAll("\\|", "|").trim());
}

export function sectionOf(markdown: string, heading: RegExp): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) throw new Error(`heading ${heading} not found in the reference`);
  const end = lines.findIndex((line, index) => index > start && /^#{1,2} /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

function expandOptional(path: string): string[] {
  const match = /\[([^\]]*)\]/.exec(path);
  if (!match) return [path];
  const before = path.slice(0, match.index);
  const after = path.slice(match.index + match[0].length);
  return [...expandOptional(before + after), ...expandOptional(before + match[1] + after)];
}

export function normalizePath(path: string): string {
  const withoutQuery = path.split("?")[0] ?? "";
  const normalized = withoutQuery
    .replace(/\{[^}]+\}/g, "{id}")
    .replace(/:[A-Za-z_]+/g, "{id}")
    .replace(/\/+$/, "");
  return normalized === "" ? "/" : normalized;
}

/**
 * Resolves a path written relative to the previous one in the same cell: one whose first
 * segment appears deeper in the previous path continues from there; a lone segment the
 * previous path does not start with replaces its last segment. Anything else is absolute.
 */
function resolve(path: string, previous: string | undefined): string {
  const segments = path.split("/").filter(Boolean);
  if (previous === undefined) return path;
  const base = previous.split("/").filter(Boolean);
  const at = base.lastIndexOf(segments[0] ?? "");
  let prefix: string[];
  if (at >= 1) prefix = base.slice(0, at);
  else if (segments.length === 1 && at !== 0) prefix = base.slice(0, -1);
  else return path;
  return `/${[...prefix, ...segments].join("/")}${path.endsWith("/") ? "/" : ""}`;
}

/** Endpoints in the first column of every table row of `section`. */
export function endpointsOfTable(section: string): ReferenceEndpoint[] {
  const out: ReferenceEndpoint[] = [];
  for (const row of section.split("\n").filter((line) => line.trim().startsWith("|"))) {
    const cell = tableCells(row)[0] ?? "";
    let methods = ["GET"];
    let previous: string | undefined;
    for (const match of cell.matchAll(METHOD_OR_PATH)) {
      if (match[1]) {
        methods = match[1].split("/");
        continue;
      }
      const raw = (match[2] ?? "").trim();
      if (!raw.startsWith("/")) continue;
      const path = resolve(raw.replace(/\[\?[^\]]*\]/g, ""), previous);
      previous = path;
      for (const variant of expandOptional(path)) out.push({ methods, path: normalizePath(variant) });
    }
  }
  return out;
}
