import type { IncomingMessage } from "node:http";

export type BodyResult = { ok: true; body: string } | { ok: false; tooLarge: true; destroyed: boolean };

/**
 * Reads a request body up to `limit` bytes and decodes it as UTF-8, byte for byte as sent
 * (signatures are computed over it). A larger body is not kept: the rest is read and dropped
 * so the client can read the 413 cleanly, up to `drainLimit` bytes, beyond which the socket
 * is closed. A declared Content-Length above the limit is refused without reading it.
 */
export function readBody(req: IncomingMessage, limit: number, drainLimit = limit * 8): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    let received = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    const finish = (result: BodyResult) => {
      req.removeAllListeners("data");
      resolve(result);
    };
    if (tooLarge && declared > drainLimit) {
      req.pause();
      finish({ ok: false, tooLarge: true, destroyed: true });
      return;
    }
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        tooLarge = true;
        chunks.length = 0;
      }
      if (received > drainLimit) finish({ ok: false, tooLarge: true, destroyed: true });
      else if (!tooLarge) chunks.push(chunk);
    });
    req.on("end", () => {
      if (tooLarge) finish({ ok: false, tooLarge: true, destroyed: false });
      else finish({ ok: true, body: Buffer.concat(chunks).toString("utf8") });
    });
    req.on("error", reject);
  });
}
