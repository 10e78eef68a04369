import type { Store } from "../store/store";

/** `expand=` support for opportunities (reference §3): referenced ids become the objects. */
export function opportunityExpanders(store: Store): Record<string, (value: unknown) => unknown> {
  const user = (id: unknown) => (typeof id === "string" ? (store.user(id) ?? id) : id);
  return {
    contact: (id) => (typeof id === "string" ? (store.contacts.get(id) ?? id) : id),
    stage: (id) => (typeof id === "string" ? (store.stage(id) ?? id) : id),
    owner: user,
    sourcedBy: user,
    followers: (ids) => (Array.isArray(ids) ? ids.map(user) : ids),
    applications: (ids) => (Array.isArray(ids) ? ids.map((id: string) => store.applications.get(id) ?? id) : ids),
  };
}

/** `expand=creator` for offers. */
export function offerExpanders(store: Store): Record<string, (value: unknown) => unknown> {
  return { creator: (id) => (typeof id === "string" ? (store.user(id) ?? id) : id) };
}
