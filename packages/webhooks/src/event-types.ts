/**
 * Every event a webhook endpoint can subscribe to. Record events come from change_log (written
 * by the sync in the transaction of each change); the others from event_outbox (emit-event.ts).
 */
export const eventTypes = [
  "employee.created",
  "employee.updated",
  "employee.deleted",
  "sync.succeeded",
  "sync.failed",
  "connection.created",
  "connection.disabled",
  "connection.restored",
  "connection.permissions_changed",
  "hire.exported",
  "hire.failed",
  "issue.opened",
  "issue.resolved",
] as const;

export type EventType = (typeof eventTypes)[number];

/** Events not about one record: written to event_outbox by the change that causes them. */
export type OutboxEventType = Exclude<EventType, `employee.${string}`>;

export const eventDescriptions: Record<EventType, string> = {
  "employee.created": "A person appeared in the HRIS (not sent for a connection's first load: export by cursor then)",
  "employee.updated": "A person's fields changed; data.changed_fields names them",
  "employee.deleted": "A person is gone from the HRIS (kept in Roster with remote_deleted_at)",
  "sync.succeeded": "A sync finished; data.counts has what it read and wrote per stream",
  "sync.failed": "A sync failed; data.error_kind and data.error_message say why",
  "connection.created":
    "An HRIS was connected (in the dashboard, through a connect link, or by the command line); data.connect_link_id names the link it came through",
  "connection.disabled": "A connection stopped syncing (failures in a row, or an owner disabled it)",
  "connection.restored": "A sync succeeded after failures or after the connection was disabled",
  "connection.permissions_changed": "The permissions the provider grants the connection's token changed",
  "hire.exported": "A hire was sent to the HRIS",
  "hire.failed": "Sending a hire to the HRIS failed (it is retried)",
  "issue.opened": "An integration issue opened (token rejected, permission lost, …); data.problem names it",
  "issue.resolved": "An integration issue closed on its own: the next sync, export or delivery worked",
};

export function isEventType(value: string): value is EventType {
  return (eventTypes as readonly string[]).includes(value);
}
