import http from "node:http";

/**
 * A consumer of the public API over one kept-alive connection (node:http, as figure 6's clients:
 * undici's fetch costs the load process about twice the CPU per request, CPU the measured API and
 * database share on this 2-core machine). Bearer key, JSON bodies.
 */
export class RestClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  /** One GET, timed from sending the request to the last byte; non-2xx throws. */
  async get<T>(path: string): Promise<{ ms: number; data: T }> {
    const started = performance.now();
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.get(
        `${this.baseUrl}${path}`,
        { agent: this.agent, headers: { authorization: `Bearer ${this.apiKey}` } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
    });
    const ms = performance.now() - started;
    if (status < 200 || status >= 300) throw new Error(`${path} answered ${status}: ${text.slice(0, 200)}`);
    return { ms, data: JSON.parse(text) as T };
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface EmployeePage {
  data: { id: string }[];
  next_cursor: string | null;
}
