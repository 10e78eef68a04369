import { Counter, Histogram, type Registry } from "prom-client";

export interface HttpObservation {
  /** A route pattern, never a raw path: ids and query strings would make a series per request. */
  route: string;
  method: string;
  status: number;
  seconds: number;
}

export interface HttpMetrics {
  observe(observation: HttpObservation): void;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** HTTP requests by route, method and status, with their latency. */
export function createHttpMetrics(registry: Registry): HttpMetrics {
  const labelNames = ["route", "method", "status"] as const;
  const requests = new Counter({
    name: "roster_http_requests_total",
    help: "HTTP requests answered, by route pattern, method and status code",
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "roster_http_request_duration_seconds",
    help: "Time from a request's arrival to its response being sent, by route pattern, method and status code",
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return {
    observe({ route, method, status, seconds }) {
      const labels = { route, method, status: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
  };
}
