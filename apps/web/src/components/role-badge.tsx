import type { Role } from "@roster/api/permissions";

const labels: Record<Role, string> = { owner: "Owner", admin: "Admin", member: "Member" };

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`badge badge-${role}`}>{labels[role]}</span>;
}

export const roleLabel = (role: Role) => labels[role];
