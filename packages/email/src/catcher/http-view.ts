import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { MailCatcher } from "./mail-catcher";

export interface HttpView {
  port: number;
  stop(): Promise<void>;
}

/** `GET /messages`: every caught message as JSON, newest last; `DELETE /messages` empties the inbox. */
export async function startHttpView(
  catcher: Pick<MailCatcher, "messages" | "clear">,
  port: number,
  host: string,
): Promise<HttpView> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/messages" && req.method === "GET") {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(catcher.messages()));
      return;
    }
    if (path === "/messages" && req.method === "DELETE") {
      catcher.clear();
      res.writeHead(204).end();
      return;
    }
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "try GET /messages" }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
