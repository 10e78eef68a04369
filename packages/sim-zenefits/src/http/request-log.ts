export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  /** HTTP status, or "reset" for a connection destroyed by fault injection. */
  status: number | "reset";
  durationMs: number;
}

export interface RequestLogSnapshot {
  total: number;
  /** Keyed by path with ids folded to `{id}`, e.g. "/core/people/{id}". */
  byPath: Record<string, number>;
  /** Keyed by status code as a string, plus "reset". */
  byStatus: Record<string, number>;
  /** The most recent entries, oldest first (bounded). */
  recent: RequestLogEntry[];
}

const RECENT_LIMIT = 500;

/** Folds numeric ids and the trailing slash so counts stay few and readable. */
export function normalizePath(pathname: string): string {
  const folded = pathname.replace(/\/[0-9]+(?=\/|$)/g, "/{id}").replace(/\/+$/, "");
  return folded === "" ? "/" : folded;
}

/** In-memory request counters plus a bounded ring of recent requests. */
export class RequestLog {
  private total = 0;
  private byPath = new Map<string, number>();
  private byStatus = new Map<string, number>();
  private recent: RequestLogEntry[] = [];
  private next = 0;

  record(method: string, pathname: string, status: number | "reset", durationMs: number): void {
    const path = normalizePath(pathname);
    this.total++;
    this.byPath.set(path, (this.byPath.get(path) ?? 0) + 1);
    const statusKey = String(status);
    this.byStatus.set(statusKey, (this.byStatus.get(statusKey) ?? 0) + 1);
    const entry = { at: new Date().toISOString(), method, path: pathname, status, durationMs };
    if (this.recent.length < RECENT_LIMIT) this.recent.push(entry);
    else this.recent[this.next] = entry;
    this.next = (this.next + 1) % RECENT_LIMIT;
  }

  snapshot(): RequestLogSnapshot {
    const ordered =
      this.recent.length < RECENT_LIMIT
        ? [...this.recent]
        : [...this.recent.slice(this.next), ...this.recent.slice(0, this.next)];
    return {
      total: this.total,
      byPath: Object.fromEntries(this.byPath),
      byStatus: Object.fromEntries(this.byStatus),
      recent: ordered,
    };
  }

  clear(): void {
    this.total = 0;
    this.byPath.clear();
    this.byStatus.clear();
    this.recent = [];
    this.next = 0;
  }
}
