/**
 * The connector contract. Glossary:
 * - connector: one provider's plug-in package (connectors/<id>), an object made by defineConnector.
 * - connection: an organisation's configured use of a connector (credentials, schedule), a DB row.
 * - stream: one collection a connector reads page by page (people, departments…), mapped to one model.
 * - cursor: an opaque string from which a stream's read can resume; saved after each committed batch.
 * - action: a write to the provider (e.g. import a hire), with zod input and output.
 * - full read / changes read: a stream reads everything (deletions are what is no longer there),
 *   or, where the provider can say, only what changed since the last sync (readChanges).
 * - hire: a candidate hired in an ATS, as an ATS connector reads it (`hires`) and an HRIS
 *   connector imports it (`actions.importHire`); @roster/hire-export pairs the two.
 * Connectors know the provider and nothing of PostgreSQL; the sync engine knows PostgreSQL and
 * nothing of providers.
 */
import type { Logger } from "@roster/logger";
import type { z } from "zod";
import type { HttpClient } from "./http/client";
import type { LogoDataUri } from "./logo";
import type { Hire, ImportedHire, ModelField, ModelName, Models } from "./model/index";

export interface Permission {
  /** Stable id used in code and storage, e.g. "people.manager". */
  id: string;
  /** The provider's own wording shown to a person, e.g. "Person's manager". */
  label: string;
}

export interface Manifest<C extends z.ZodType = z.ZodType> {
  id: string;
  name: string;
  kind: "hris" | "ats";
  docsUrl: string;
  /** Where an admin gets the credentials, in a sentence the connect form shows above them. */
  connectHelp?: string;
  /**
   * A small square image shown where a person picks one of several connectors (a connect link
   * offering a choice), inline as an SVG data URI (`letterMark("Z", "#e8553d")` makes a plain
   * one). Without it, the name stands alone.
   */
  logo?: LogoDataUri;
  /** Credential fields; wrap secret ones in secret(). */
  credentials: C;
  permissions: readonly Permission[];
  rateLimit?: { perSecond: number; burst?: number };
  /**
   * How many of the connector's streams (independent cursor chains) may be read at once, at
   * most; a provider that penalises parallel reads of one key says 1. The sync reads fewer when
   * the provider answers fast or the rate limit would only queue them (packages/sync's
   * stream-concurrency.ts). Default 3.
   */
  streamConcurrency?: number;
  /**
   * For streams with readChanges: a full read runs at least this often (hours) against drift
   * the change feed may miss; the syncs in between read only the changes. Default 168 (a week).
   */
  fullSyncEveryHours?: number;
}

/** What a connector's code receives: its credentials, an HTTP client already pointed at the provider, a logger, an abort signal. */
export interface ConnectorContext<Cred> {
  credentials: Cred;
  http: HttpClient;
  log: Logger;
  signal: AbortSignal;
}

/** Where and how to reach the provider for given credentials. */
export interface HttpTarget {
  baseUrl: string;
  headers: Record<string, string>;
}

export interface Page<Raw> {
  records: Raw[];
  /** Resume point after this page; null when this was the last page. */
  nextCursor: string | null;
}

/** A page of a changes read (or of named records): what changed, and what the provider says is gone. */
export interface ChangesPage<Raw> extends Page<Raw> {
  /** Remote ids deleted at the provider (nothing is deleted by absence in a changes read). */
  deleted?: string[];
}

export type Mapped<T> = { ok: true; value: T } | { ok: false; remoteId: string | null; reason: string };

export interface StreamDefinition<Cred, Raw, M extends ModelName> {
  model: M;
  /**
   * Permission ids the stream needs; without one the stream is skipped: its records stay as
   * stored (none marked deleted) and are listed as no longer kept current.
   */
  requires?: readonly string[];
  /**
   * The unified fields each permission feeds. Without the permission the provider hides them,
   * so they are unknown rather than empty: the engine keeps what is stored for them (a new
   * record gets null) and lists them as no longer kept current. Every permission that hides
   * fields of this stream must be here, or a token that loses it erases them (the contract
   * suite's `lost-permission` check).
   *
   * @example fieldsByPermission: { "people.manager": ["managerRemoteId"], "people.work_phone": ["workPhone"] }
   */
  fieldsByPermission?: { readonly [permission: string]: readonly string[] };
  /**
   * Unified fields this stream never supplies, so the engine never writes them from it: they
   * come from elsewhere (e.g. a person's dates from the employments stream, see Employee).
   */
  omits?: readonly string[];
  /**
   * A short list read in a page or two (departments, locations, field definitions), not a chain
   * that grows with the company. The sync reads lookups beside its long chains without counting
   * them against the manifest's streamConcurrency, so the long chains start at once.
   */
  lookup?: boolean;
  /**
   * Yields pages from `cursor` (null: the beginning) to the end. `since` is the last
   * successful sync, for providers with incremental reads; full reads ignore it.
   */
  read(ctx: ConnectorContext<Cred>, from: { cursor: string | null; since: Date | null }): AsyncIterable<Page<Raw>>;
  /** Pure: one raw record to the unified model, or the reason it cannot be. */
  map(raw: Raw): Mapped<Models[M]>;
  /**
   * Only what changed since `since` (the last successful sync's start), for providers that can
   * say. The engine uses it between full reads (manifest.fullSyncEveryHours) once the connection
   * has synced; records it yields are upserted, and only the ids it reports deleted are deleted.
   */
  readChanges?(ctx: ConnectorContext<Cred>, from: { cursor: string | null; since: Date }): AsyncIterable<ChangesPage<Raw>>;
  /**
   * Just these records (a webhook named them), as pages; an id the provider no longer has is
   * reported in `deleted`.
   */
  readRecords?(ctx: ConnectorContext<Cred>, remoteIds: readonly string[]): AsyncIterable<ChangesPage<Raw>>;
}

export interface VerifyResult {
  account: { id: string; name: string };
  /** Permission ids granted and missing, from the manifest's list. */
  granted: string[];
  missing: string[];
}

export interface HealthResult {
  status: "ok" | "degraded" | "broken";
  reason?: string;
}

export interface ActionDefinition<Cred, I extends z.ZodType, O extends z.ZodType> {
  /** Actions that need other credentials than the connection's (e.g. an import channel) declare them. */
  credentials?: z.ZodType;
  http?: (credentials: any) => HttpTarget;
  input: I;
  output: O;
  run(ctx: ConnectorContext<Cred>, input: z.infer<I>): Promise<z.infer<O>>;
}

/** What Roster does about a webhook event: re-read records of a stream, or export a hire. */
export type WebhookEffect =
  | { kind: "records_changed"; stream: string; remoteIds: string[] }
  | { kind: "candidate_hired"; candidateId: string };

export interface WebhookEvent {
  /** The provider's delivery or event id: used to refuse replays. */
  id: string;
  type: string;
  /** The record the event is about (e.g. an opportunity id). */
  remoteId: string;
  occurredAt: Date;
  data: unknown;
  /** What to do about it; an event without one is only acknowledged. */
  effect?: WebhookEffect;
}

export interface WebhookHandler {
  /**
   * The connection's signing secret, read from its credentials: null when it has none, and then
   * every delivery is refused (an unsigned delivery cannot be trusted).
   */
  secret(credentials: any): string | null;
  /**
   * Checks signature and freshness of a raw delivery. `malformed`: the body is not this
   * provider's delivery at all (the receiver answers 400 rather than 401).
   */
  verify(input: {
    body: string;
    headers: Record<string, string | undefined>;
    secret: string;
    now: Date;
  }): { ok: true } | { ok: false; reason: string; malformed?: boolean };
  /** Events of a verified delivery; a delivery about nothing (a provider's ping) has none. */
  parse(body: unknown): WebhookEvent[];
}

/** Where a candidate stands in an ATS: what decides whether, and as what, they may be exported. */
export interface CandidateStanding {
  status: "hired" | "offer" | "other";
  /** The candidate's name, for the transfer record and emails. */
  name: string | null;
}

export type HireRead =
  /** `summary`: what a person may be shown of where values came from (never file bytes). */
  | { ok: true; hire: Hire; summary: Record<string, unknown> }
  /** Fields the HRIS cannot import without, in people's words ("email address"). */
  | { ok: false; missing: string[] };

/** An ATS connector's side of hires: read a hired candidate as a unified Hire. */
export interface HireSource<Cred> {
  standing(ctx: ConnectorContext<Cred>, candidateId: string): Promise<CandidateStanding>;
  read(ctx: ConnectorContext<Cred>, candidateId: string, standing: CandidateStanding): Promise<HireRead>;
  /** Candidates hired since then: the reconciliation poll that catches a missed webhook. */
  hiredSince(ctx: ConnectorContext<Cred>, since: Date): Promise<string[]>;
}

/** An HRIS connector's side of hires: import one as a new person (or an import to finish). */
export interface ImportHireAction extends ActionDefinition<any, z.ZodType<Hire>, z.ZodType<ImportedHire>> {
  /** Checks the credentials the import runs with (the settings' Verify), naming the account. */
  verify(ctx: ConnectorContext<any>): Promise<{ account: { id: string; name: string } }>;
  /** Offer-stage candidates may be sent too (the HRIS runs the offer process). */
  acceptsOffers: boolean;
}

export interface Connector<C extends z.ZodType = z.ZodType> {
  manifest: Manifest<C>;
  http(credentials: z.infer<C>): HttpTarget;
  verify(ctx: ConnectorContext<z.infer<C>>): Promise<VerifyResult>;
  health(ctx: ConnectorContext<z.infer<C>>): Promise<HealthResult>;
  /** Read in declaration order: put streams whose records others reference first. */
  streams: Record<string, StreamDefinition<z.infer<C>, any, ModelName>>;
  actions?: { importHire?: ImportHireAction } & Record<string, ActionDefinition<z.infer<C>, z.ZodType, z.ZodType>>;
  webhook?: WebhookHandler;
  /** ATS connectors: hired candidates as unified hires. */
  hires?: HireSource<z.infer<C>>;
}

/** Identity helper: gives an object literal the connector types. */
export function defineConnector<C extends z.ZodType>(connector: Connector<C>): Connector<C> {
  return connector;
}

/**
 * Identity helper for a stream in its own file, so its model, mapper and the fields it names
 * (fieldsByPermission, omits) are typed together: a field the model lacks does not compile.
 */
export function defineStream<Cred, Raw, M extends ModelName>(
  stream: StreamDefinition<Cred, Raw, M> & {
    fieldsByPermission?: { readonly [permission: string]: readonly ModelField<M>[] };
    omits?: readonly ModelField<M>[];
  },
): StreamDefinition<Cred, Raw, M> {
  return stream;
}
