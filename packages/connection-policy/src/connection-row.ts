import type { Database, Selectable } from "@roster/db";

export type ConnectionRow = Selectable<Database["connections"]>;
