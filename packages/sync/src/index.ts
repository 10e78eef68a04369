export { changedFieldLabels } from "./changed-fields";
export { type CopyColumn, copyField, copyFields, copyRow } from "./copy-text";
export { emptyCounts, type RunCounts, totals } from "./counts";
export { resolveReferences } from "./references";
export { ConnectionNotFoundError, type RunConnectionSyncInput, runConnectionSync } from "./run-connection-sync";
export { type RunSyncInput, runSync, SyncInProgressError, type SyncOutcome } from "./run-sync";
export { type TableSpec, tableSpecs } from "./tables/index";
export { staleFieldLabels, type UnknownField, unknownFields, WHOLE_COLLECTION } from "./unknown-fields";
export { upsertBatch } from "./upsert";
