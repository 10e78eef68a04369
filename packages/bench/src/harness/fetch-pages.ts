/**
 * The raw floor's reader: plain fetch + JSON.parse, following Zenefits' absolute next_url
 * exactly as the connector does (first page `?limit=100`), with none of the client's
 * retries, rate limiting or envelope validation.
 */
export async function* fetchPages(baseUrl: string, token: string, path: string): AsyncGenerator<unknown[]> {
  let url: string | null = `${baseUrl}${path}?limit=100`;
  while (url !== null) {
    const response: Response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
    const text = await response.text();
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 200)}`);
    const body = JSON.parse(text) as { data: { data: unknown[]; next_url?: string | null } };
    yield body.data.data;
    url = body.data.next_url ?? null;
  }
}

/** The Zenefits list endpoint behind each connector stream (connectors/zenefits/src/streams). */
export const streamPaths: Record<string, string> = {
  companies: "/core/companies",
  locations: "/core/locations",
  departments: "/core/departments",
  people: "/core/people",
  employments: "/core/employments",
  customFields: "/core/custom_fields",
  customFieldValues: "/core/custom_field_values",
};
