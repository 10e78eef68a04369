import type { Role } from "@roster/db";

/** The sandbox's demo organisation and its three logins (seeded by seed-demo.ts, printed by `pnpm start`). */
export const DEMO_ORGANISATION = "Demo Co";
export const DEMO_PASSWORD = "roster-demo";
export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "owner@demo.roster.dev", name: "Olivia Owner", role: "owner" },
  { email: "admin@demo.roster.dev", name: "Adam Admin", role: "admin" },
  { email: "member@demo.roster.dev", name: "Mia Member", role: "member" },
];
