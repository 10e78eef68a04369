import { type Db, sql } from "@roster/db";
import { fanOut } from "../../src/index";
import { waitFor } from "./receiver";

/**
 * Fans out until nothing committed is left behind the fan-out's position. One fanOut may leave
 * rows for later while any older transaction of the server is open (other test files' included).
 */
export async function drainFanOut(db: Db): Promise<number> {
  let deliveries = 0;
  await waitFor("the fan-out to catch up", async () => {
    deliveries += (await fanOut(db)).deliveries;
    const { rows } = await sql<{ left: number }>`
      select (select count(*) from change_log c, event_fanout_state s
              where s.source = 'change_log' and (c.xid, c.id) > (s.after_xid, s.after_id))
           + (select count(*) from event_outbox o, event_fanout_state s
              where s.source = 'event_outbox' and (o.xid, o.id) > (s.after_xid, s.after_id)) as left`.execute(db);
    return Number(rows[0]?.left) === 0;
  });
  return deliveries;
}
