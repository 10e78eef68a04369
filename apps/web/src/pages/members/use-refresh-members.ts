import { trpc } from "../../trpc";

/** After any membership change: the list, the open invites, and the caller's own role may all differ. */
export function useRefreshMembers() {
  const utils = trpc.useUtils();
  return () => Promise.all([utils.members.list.invalidate(), utils.invites.list.invalidate(), utils.auth.me.invalidate()]);
}
