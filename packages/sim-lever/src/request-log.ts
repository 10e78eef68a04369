/** Counts of API requests (admin calls excluded), by route pattern and by status. */
export interface RequestLogSnapshot {
  total: number;
  /** Keyed by "METHOD /v1/route/:pattern" (raw path when no route matched). */
  byPath: Record<string, number>;
  /** Keyed by HTTP status, or "reset" for connections cut by fault injection. */
  byStatus: Record<string, number>;
}

export class RequestLog {
  private total = 0;
  private byPath = new Map<string, number>();
  private byStatus = new Map<string, number>();

  record(path: string, status: number | "reset"): void {
    this.total++;
    this.byPath.set(path, (this.byPath.get(path) ?? 0) + 1);
    const key = String(status);
    this.byStatus.set(key, (this.byStatus.get(key) ?? 0) + 1);
  }

  snapshot(): RequestLogSnapshot {
    return { total: this.total, byPath: Object.fromEntries(this.byPath), byStatus: Object.fromEntries(this.byStatus) };
  }

  clear(): void {
    this.total = 0;
    this.byPath.clear();
    this.byStatus.clear();
  }
}
