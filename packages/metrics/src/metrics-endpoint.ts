import type http from "node:http";
import type { Registry } from "prom-client";

/** GET /metrics: the registry in Prometheus' text format. */
export function serveMetrics(registry: Registry, res: http.ServerResponse): void {
  registry.metrics().then(
    (body) => {
      res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
      res.end(body);
    },
    () => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("metrics unavailable\n");
    },
  );
}
