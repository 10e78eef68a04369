import { createRng, deriveSeed, type Rng } from "../prng";
import type { CompanyData, PersonRecord } from "../store/records";
import { idSequence, type MODULE_ID_BASES } from "./ids";

/** What each module's seeding step gets: the directory, a PRNG stream per module, id sequences. */
export interface ModuleSeedContext {
  data: CompanyData;
  /** A stream of its own per module, so adding a module never shifts another's data. */
  rng(module: ModuleStream): Rng;
  ids(kind: keyof typeof MODULE_ID_BASES): () => string;
}

export const MODULE_STREAMS = {
  laborGroups: 1,
  eeo: 2,
  timeOff: 3,
  timeAttendance: 4,
  payroll: 5,
  platform: 6,
} as const;
export type ModuleStream = keyof typeof MODULE_STREAMS;

export function createModuleSeedContext(data: CompanyData): ModuleSeedContext {
  const idRng = createRng(deriveSeed(data.moduleSeed, 0));
  return {
    data,
    rng: (module) => createRng(deriveSeed(data.moduleSeed, MODULE_STREAMS[module])),
    ids: (kind) => idSequence(kind, data.index, idRng),
  };
}

/** People on the payroll at some point: regular accounts that are not pending hires. */
export function hasStarted(person: PersonRecord): boolean {
  return person.type === "regular" && person.status !== "requested" && person.status !== "setup";
}
