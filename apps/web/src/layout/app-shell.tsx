import type { ReactNode } from "react";
import { EmptyState } from "../components/states";
import { useSession, useSignOut } from "../session/session";
import { OrganisationSwitcher } from "./organisation-switcher";
import { SideNav } from "./side-nav";

/** The signed-in frame: brand, organisation, navigation and account on the left; the page on the right. */
export function AppShell({ children }: { children: ReactNode }) {
  const { user, active } = useSession();
  const signOut = useSignOut();
  return (
    <div className="shell">
      {/* The first stop for a keyboard: past the navigation, straight to the page. */}
      <a href="#content" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">Roster</div>
        <OrganisationSwitcher />
        {active ? <SideNav /> : null}
        <div className="account">
          <div className="account-name">{user.name}</div>
          <div className="account-email">{user.email}</div>
          <button type="button" className="button button-ghost" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </button>
        </div>
      </aside>
      <main className="content" id="content" tabIndex={-1}>
        {active ? (
          children
        ) : (
          <EmptyState title="You're not in an organisation">
            <p>Ask an owner to invite you, then open the link in their email.</p>
          </EmptyState>
        )}
      </main>
    </div>
  );
}
