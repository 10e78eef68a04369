import type { User } from "../model";
import { COMPANY_EMAIL_DOMAIN, FIRST_NAMES, LAST_NAMES } from "./catalog";
import { asciiSlug, DAY, SEED_ANCHOR_MS, type SeedContext } from "./seed-context";

/** Who does what in the pipeline; postings and interviews draw from these pools. */
export interface UserPools {
  recruiters: User[];
  hiringManagers: User[];
  interviewers: User[];
}

type Role = "lead" | "recruiter" | "hiringManager" | "interviewer";

const HIRING_MANAGER_TITLES = ["Engineering Manager", "Head of Sales", "Support Lead", "Finance Manager", "Marketing Lead"];
const INTERVIEWER_TITLES = [
  "Senior Software Engineer",
  "Staff Engineer",
  "Account Executive",
  "Product Designer",
  "Data Analyst",
];

function roleFor(index: number): Role {
  if (index === 0) return "lead";
  if (index <= 2) return "recruiter";
  return index % 3 === 0 ? "hiringManager" : "interviewer";
}

/** 10 users plus one per 40 opportunities (at most 300); the last one is deactivated. */
export function seedUsers(ctx: SeedContext, opportunityCount: number): UserPools {
  const { prng, store } = ctx;
  const count = Math.min(300, 10 + Math.ceil(opportunityCount / 40));
  const pools: UserPools = { recruiters: [], hiringManagers: [], interviewers: [] };
  const usedEmails = new Set<string>();
  for (let i = 0; i < count; i++) {
    const role = roleFor(i);
    const name = `${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_NAMES)}`;
    let local = asciiSlug(name);
    for (let n = 2; usedEmails.has(local); n++) local = `${asciiSlug(name)}${n}`;
    usedEmails.add(local);
    const lead = store.users[0];
    const manager = role === "interviewer" ? (pools.hiringManagers.at(-1) ?? lead) : lead;
    const user: User = {
      id: prng.uuid(),
      name,
      username: local,
      email: `${local}@${COMPANY_EMAIL_DOMAIN}`,
      accessRole:
        role === "lead"
          ? "super admin"
          : role === "recruiter"
            ? "admin"
            : role === "hiringManager"
              ? "team member"
              : "interviewer",
      photo: null,
      createdAt: SEED_ANCHOR_MS - prng.int(400, 1500) * DAY,
      deactivatedAt: i === count - 1 ? SEED_ANCHOR_MS - prng.int(10, 90) * DAY : null,
      externalDirectoryId: null,
      linkedContactIds: [],
      jobTitle:
        role === "lead"
          ? "Head of Talent"
          : role === "recruiter"
            ? "Recruiter"
            : role === "hiringManager"
              ? prng.pick(HIRING_MANAGER_TITLES)
              : prng.pick(INTERVIEWER_TITLES),
      managerId: role === "lead" ? null : (manager?.id ?? null),
    };
    store.addUser(user);
    if (user.deactivatedAt !== null) continue;
    if (role === "lead" || role === "recruiter") pools.recruiters.push(user);
    else if (role === "hiringManager") pools.hiringManagers.push(user);
    else pools.interviewers.push(user);
  }
  return pools;
}
