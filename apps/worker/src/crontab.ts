/**
 * Recurring fan-out tasks (graphile-worker crontab syntax). `max=1`: a failed run is not
 * retried, the next minute's run covers it; `jobKey`: never two waiting copies.
 */
export const crontab = [
  "* * * * * schedule_due ?max=1&jobKey=schedule_due",
  "* * * * * sweep_outbox ?max=1&jobKey=sweep_outbox",
  // Catches hires whose Lever webhook never arrived.
  "*/15 * * * * reconcile_hires ?max=1&jobKey=reconcile_hires",
  // Every emit asks for a fan-out; this catches changes whose writer asked for none (a sync run by the CLI).
  "* * * * * webhook_fanout ?max=1&jobKey=webhook_fanout",
  // Organisations deleted through the API, once their grace period is over.
  "17 * * * * erase_organisations ?max=1&jobKey=erase_organisations",
].join("\n");
