export interface RequestLogEntry {
  at: string;
  method: string;
  /** The path as requested, company domain and ids included. */
  path: string;
  /** HTTP status, or "reset" for a connection destroyed by fault injection. */
  status: number | "reset";
  requestId: string;
}

export interface RequestLogSnapshot {
  total: number;
  /** Keyed by "METHOD /v1/route/:pattern" (the raw path when no route matched). */
  byRoute: Record<string, number>;
  /** Keyed by status code as a string, plus "reset". */
  byStatus: Record<string, number>;
  /** The most recent entries, oldest first (bounded). */
  recent: RequestLogEntry[];
}

const RECENT_LIMIT = 500;

/** Counts of API requests (admin calls excluded) plus a bounded list of recent ones. */
export class RequestLog {
  private total = 0;
  private byRoute = new Map<string, number>();
  private byStatus = new Map<string, number>();
  private recent: RequestLogEntry[] = [];

  record(route: string, entry: Omit<RequestLogEntry, "at">): void {
    this.total++;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    const statusKey = String(entry.status);
    this.byStatus.set(statusKey, (this.byStatus.get(statusKey) ?? 0) + 1);
    this.recent.push({ at: new Date().toISOString(), ...entry });
    if (this.recent.length > RECENT_LIMIT) this.recent.splice(0, this.recent.length - RECENT_LIMIT);
  }

  snapshot(): RequestLogSnapshot {
    return {
      total: this.total,
      byRoute: Object.fromEntries(this.byRoute),
      byStatus: Object.fromEntries(this.byStatus),
      recent: [...this.recent],
    };
  }

  clear(): void {
    this.total = 0;
    this.byRoute.clear();
    this.byStatus.clear();
    this.recent = [];
  }
}
