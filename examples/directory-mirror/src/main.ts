import pg from "pg";
import { rosterClient } from "./client";
import { exportAll } from "./mirror";
import { createMirrorTables } from "./mirror-table";
import { createReceiver } from "./receiver";

// `pnpm start` here: ROSTER_URL, ROSTER_API_KEY, ROSTER_WEBHOOK_SECRET, DATABASE_URL (the local
// copy), PORT (where Roster's webhooks arrive). Exports everything once, then listens.
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const db = new pg.Pool({ connectionString: env("DATABASE_URL") });
const client = rosterClient(env("ROSTER_URL"), env("ROSTER_API_KEY"));
await createMirrorTables(db);
const { records, pages } = await exportAll(client, db);
console.log(`exported ${records} people in ${pages} pages`);
const port = Number(process.env.PORT ?? 4100);
createReceiver({ client, db, secret: env("ROSTER_WEBHOOK_SECRET"), onError: (e) => console.error(e) }).listen(port, () =>
  console.log(`receiving Roster webhooks on http://localhost:${port}/`),
);
