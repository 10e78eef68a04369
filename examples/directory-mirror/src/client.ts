import createClient from "openapi-fetch";
import type { components, paths } from "./roster-api";

export type Employee = components["schemas"]["Employee"];

/** A typed client of Roster's API: paths, parameters and bodies checked against the OpenAPI document. */
export function rosterClient(baseUrl: string, apiKey: string) {
  return createClient<paths>({ baseUrl: `${baseUrl}/api/v1`, headers: { authorization: `Bearer ${apiKey}` } });
}

export type RosterClient = ReturnType<typeof rosterClient>;
