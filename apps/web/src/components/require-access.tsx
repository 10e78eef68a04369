import type { ReactNode } from "react";
import { canSee, type Page } from "../access";
import { useSession } from "../session/session";
import { NoAccess } from "./no-access";

/** Shows a page only to roles that may see it; everyone else gets "You don't have access". */
export function RequireAccess({ page, children }: { page: Page; children: ReactNode }) {
  const { active } = useSession();
  return canSee(page, active) ? children : <NoAccess page={page} />;
}
