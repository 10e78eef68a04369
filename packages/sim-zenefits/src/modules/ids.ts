import type { Rng } from "../prng";

/**
 * Each company's module records take ids from a range of their own, so a
 * company's ids never depend on which company was read first (module data is
 * built on first read). Within a company, ids ascend with gaps of 1–3 like the
 * directory's.
 */
const COMPANY_SPAN = 100_000_000;

export const MODULE_ID_BASES = {
  laborGroupType: 4410,
  laborGroup: 88120,
  eeo: 3301842,
  vacationType: 7731,
  vacationRequest: 1520044,
  timeDuration: 60311790,
  payrun: 40221,
  payStub: 9120553,
  application: 1201,
  companyInstall: 55012,
  personSubscription: 880214,
  flow: 31207,
} as const;

export function idSequence(kind: keyof typeof MODULE_ID_BASES, companyIndex: number, rng: Rng): () => string {
  let next = MODULE_ID_BASES[kind] + companyIndex * COMPANY_SPAN;
  return () => {
    const id = next;
    next += rng.int(1, 3);
    return String(id);
  };
}
