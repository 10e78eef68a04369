import { readFileSync } from "node:fs";

/**
 * A JSON fixture from test/fixtures, parsed fresh each call so tests may modify it.
 * NoInfer: the type comes from the explicit argument or the default, never from where the value is passed.
 */
export function fixture<T = Record<string, unknown>>(name: string): NoInfer<T> {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8")) as T;
}
