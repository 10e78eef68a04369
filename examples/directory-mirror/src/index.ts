export { type Employee, type RosterClient, rosterClient } from "./client";
export { applyEvent, exportAll, type RosterEvent } from "./mirror";
export { createMirrorTables, upsertEmployees } from "./mirror-table";
export { createReceiver } from "./receiver";
