import { type Connector, type ConnectorContext, defineConnector } from "@roster/core";
import { type AcmeCredentials, acmeConnector, acmePages, acmePeople } from "../fixture/acme-connector";

/**
 * Deliberately sloppy connectors. Each breaks one rule of the contract, and the testkit's own
 * tests prove the named check rejects it: a suite that passed these would protect nothing.
 */
export interface BrokenConnector {
  connector: Connector;
  /** The check that must fail. */
  failsCheck: string;
  flaw: string;
}

const withPeople = (people: Connector["streams"][string], extra: Partial<Connector> = {}): Connector =>
  defineConnector({ ...acmeConnector, ...extra, streams: { ...acmeConnector.streams, people } } as Connector);

export const brokenConnectors: BrokenConnector[] = [
  {
    flaw: "reads only the first page",
    failsCheck: "pagination",
    connector: withPeople({
      ...acmePeople,
      async *read(ctx: ConnectorContext<AcmeCredentials>) {
        for await (const page of acmePages(ctx, "/api/people", null)) {
          yield { records: page.records, nextCursor: null };
          return;
        }
      },
    }),
  },
  {
    flaw: "invents a new remote id on every read",
    failsCheck: "stable-ids",
    connector: withPeople({
      ...acmePeople,
      map(raw: unknown) {
        const mapped = acmePeople.map(raw);
        return mapped.ok
          ? { ok: true, value: { ...mapped.value, remoteId: `${mapped.value.remoteId}-${Math.random()}` } }
          : mapped;
      },
    }),
  },
  {
    flaw: "ends its streams quietly when a page fails, so a broken read looks complete",
    failsCheck: "truncated-page",
    connector: defineConnector({
      ...acmeConnector,
      streams: Object.fromEntries(
        Object.entries(acmeConnector.streams).map(([name, stream]) => [
          name,
          {
            ...stream,
            async *read(ctx: ConnectorContext<AcmeCredentials>, from: { cursor: string | null; since: Date | null }) {
              try {
                yield* stream.read(ctx, from);
              } catch {
                yield { records: [], nextCursor: null };
              }
            },
          },
        ]),
      ),
    } as Connector),
  },
  {
    flaw: "does not declare the fields a permission feeds, so a token that loses it erases them",
    failsCheck: "lost-permission",
    connector: withPeople({ ...acmePeople, fieldsByPermission: undefined }),
  },
  {
    flaw: "accepts any credentials in verify",
    failsCheck: "verify-rejects",
    connector: defineConnector({
      ...acmeConnector,
      async verify() {
        return { account: { id: "acme-1", name: "Acme Inc" }, granted: ["people", "departments", "people.manager"], missing: [] };
      },
    } as Connector),
  },
  {
    flaw: "logs the token under a key the logger does not know is secret",
    failsCheck: "no-secrets",
    connector: defineConnector({
      ...acmeConnector,
      async verify(ctx: ConnectorContext<AcmeCredentials>) {
        ctx.log.info({ using: ctx.credentials.token }, "verifying");
        return acmeConnector.verify(ctx);
      },
    } as Connector),
  },
  {
    flaw: "claims every permission whatever the token was granted",
    failsCheck: "missing-permissions",
    connector: defineConnector({
      ...acmeConnector,
      async verify(ctx: ConnectorContext<AcmeCredentials>) {
        const result = await acmeConnector.verify(ctx);
        return { ...result, granted: [...result.granted, ...result.missing], missing: [] };
      },
    } as Connector),
  },
];
