import type { Role } from "@roster/db";

/**
 * Who may read the hire transfers (names, salaries, interview scores: the "secret story"):
 * owners, admins, and members holding the sensitive-data flag. The API enforces it; this is
 * the one rule both the API and the web app read.
 */
export function canSeeHireTransfers(member: { role: Role; sensitive: boolean }): boolean {
  return member.role === "owner" || member.role === "admin" || member.sensitive;
}
