import type { ConnectorNames } from "../names";

export function readmeMd(n: ConnectorNames): string {
  return `# ${n.packageName}

Roster connector for ${n.title}: reads its people and departments into Roster's unified directory.
Scaffolded by \`roster new-connector ${n.id}\` against a small in-folder simulator, so it passes the whole
contract suite before you change anything. Replace the simulator's API with the provider's, one TODO at a time,
and keep the suite green.

## Files

- \`src/manifest.ts\`: id, name, credentials (secrets wrapped in \`secret()\`), permissions (\`id\` + the provider's own label), rate limit
- \`src/client.ts\`: base URL and auth header (\`http\`), and \`pages()\`, one list read page by page from a cursor
- \`src/raw.ts\`: lenient zod schemas of the provider's payloads (unknown fields pass through)
- \`src/verify.ts\`: the identity call: account id and name, permissions granted and missing
- \`src/health.ts\`: a cheap call: \`ok\`, \`degraded\` or \`broken\`
- \`src/streams/*.ts\`: one file per collection: the model it fills, the permissions it needs, \`read()\`
- \`src/mappers/*.ts\`: pure functions, raw record → unified model, or the reason it cannot be mapped
- \`src/index.ts\`: \`defineConnector({ manifest, http, verify, health, streams })\`, wiring only
- \`test/simulator.ts\`: the stand-in provider on localhost (no Roster imports)
- \`test/contract-simulator.ts\`: that simulator adapted to the suite's \`ContractSimulator\`
- \`test/contract.test.ts\`: \`runConnectorContract(...)\`, the shared suite
- \`test/mappers.test.ts\`: table tests of the mappers; add the provider's recorded payloads here

## The contract

A connector knows the provider and nothing of PostgreSQL; the sync engine (\`packages/sync\`) knows PostgreSQL
and nothing of providers. What the connector promises (\`packages/core/src/connector.ts\`):

- **Credentials** are parsed by the manifest's zod schema before any request; a bad one names the field.
- **verify** reports the account and, for every permission in the manifest, whether the token has it.
  Wrong or revoked credentials fail with \`ConnectorError("invalid_credentials")\` (\`ctx.http\` does this for a 401).
- **Streams** are read in declaration order (put what others reference first). \`read()\` yields pages with a
  \`nextCursor\`; the engine saves it after each committed batch, so a crashed sync resumes there. Honour
  \`ctx.signal\`. A stream whose \`requires\` permission is missing is skipped with a warning, not failed.
- **Mappers** are pure. References (department, manager) stay remote ids: the engine links them after all pages,
  so a manager on a later page still resolves. A record that cannot be mapped returns \`{ ok: false, remoteId,
  reason }\` and is reported, never half-stored.
- **Errors** are typed: \`invalid_credentials\`, \`forbidden\`, \`unreachable\`, \`rate_limited\`, \`provider_error\`.
  \`ctx.http\` retries 429 and 5xx with backoff and \`Retry-After\`; a truncated or malformed page must fail the run
  (throw), never end the stream early, or records would be marked deleted.
- **Secrets** never reach a log line, an error message or a stored row.

The suite (\`packages/testkit/README.md\` lists every check) proves all of this against the simulator over real
HTTP into a real PostgreSQL database: manifest, verify accepts and rejects, missing permissions, pagination,
mapping, stable ids, idempotent re-sync, changes and deletions, transient and persistent faults, truncated pages,
revoked token, resume, abort, and no secrets in logs or storage.

## Run the tests

From the repository root, after \`pnpm install\` has linked this package:

\`\`\`bash
pnpm exec vitest run --project connector-${n.id}   # the contract suite and the mapper tests
pnpm --filter ${n.packageName} typecheck
\`\`\`

## Make it real

1. Replace the TODOs in \`src/\` with the provider's API (auth, endpoints, pagination, payloads), a docs link
   above each call.
2. Teach \`test/simulator.ts\` the same API (or move it to \`packages/sim-${n.id}\`), and keep the suite green.
3. Register the connector: add \`"${n.packageName}": "workspace:*"\` to \`packages/registry/package.json\`,
   then in \`packages/registry/src/index.ts\` import \`{ ${n.camel} }\` from \`"${n.packageName}"\` and add it to
   the \`connectors\` array. Run \`pnpm install\`.
`;
}
