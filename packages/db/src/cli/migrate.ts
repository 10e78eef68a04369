import { loadConfig } from "@roster/config";
import { assertDatabaseReachable, createDb, migrateDownToEmpty, migrateToLatest } from "../index";

// `pnpm --filter @roster/db migrate [down]` against DATABASE_URL.
const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error("DATABASE_URL is not set: `pnpm start` migrates its embedded database by itself.");
  process.exit(2);
}
await assertDatabaseReachable(config.DATABASE_URL);
const db = createDb(config.DATABASE_URL, { max: 1 });
try {
  const names = process.argv[2] === "down" ? await migrateDownToEmpty(db) : await migrateToLatest(db);
  console.log(names.length ? names.join("\n") : "nothing to do");
} finally {
  await db.destroy();
}
