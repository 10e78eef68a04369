import { Link, useLocation } from "wouter";
import { canSee, type Page } from "../access";
import { paths } from "../paths";
import { useSession } from "../session/session";
import { trpc } from "../trpc";

interface NavItem {
  page: Page;
  href: string;
  label: string;
}

const mainItems: NavItem[] = [
  { page: "dashboard", href: paths.dashboard, label: "Dashboard" },
  { page: "directory", href: paths.directory, label: "Directory" },
  { page: "candidates", href: paths.candidates, label: "Candidates" },
  { page: "members", href: paths.members, label: "Members" },
  { page: "audit", href: paths.audit, label: "Audit log" },
];

/** Settings → Integrations: every installed connector, HRIS first, from the server's list. */
function useIntegrationItems(enabled: boolean): NavItem[] {
  const connectors = trpc.connectors.list.useQuery(undefined, { enabled, staleTime: Number.POSITIVE_INFINITY });
  return [...(connectors.data ?? [])]
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "hris" ? -1 : 1))
    .map((c) => ({ page: c.kind === "hris" ? "hrisSettings" : "atsSettings", href: paths.integration(c.id), label: c.name }));
}

/** Settings → Developers: what the customer's own systems use. */
const developerItems: NavItem[] = [
  { page: "apiKeys", href: paths.apiKeys, label: "API keys" },
  { page: "webhooks", href: paths.webhooks, label: "Webhooks" },
];

function NavLink({ item }: { item: NavItem }) {
  const [location] = useLocation();
  // A section stays highlighted on its sub-pages (a person under Directory).
  const active = location === item.href || (item.href !== "/" && location.startsWith(`${item.href}/`));
  return (
    <li>
      <Link href={item.href} className={active ? "nav-link active" : "nav-link"} aria-current={active ? "page" : undefined}>
        {item.label}
      </Link>
    </li>
  );
}

/** Only what the role may open is listed: a member never sees Settings. */
export function SideNav() {
  const { active } = useSession();
  const visible = (item: NavItem) => canSee(item.page, active);
  const integrations = useIntegrationItems(canSee("atsSettings", active)).filter(visible);
  const overview: NavItem = { page: "atsSettings", href: paths.integrations, label: "All integrations" };
  const issues: NavItem = { page: "atsSettings", href: paths.issues, label: "Issues" };
  const groups = [
    { heading: "Integrations", items: visible(overview) ? [overview, issues, ...integrations] : [] },
    { heading: "Developers", items: developerItems.filter(visible) },
  ].filter((g) => g.items.length > 0);
  return (
    <nav className="side-nav" aria-label="Main">
      <ul>
        {mainItems.filter(visible).map((item) => (
          <NavLink key={item.page} item={item} />
        ))}
      </ul>
      {groups.length ? (
        <div className="nav-section" data-testid="nav-settings">
          <p className="nav-heading">Settings</p>
          {groups.map((group) => (
            <div key={group.heading} className="nav-group">
              <p className="nav-subheading">{group.heading}</p>
              <ul>
                {group.items.map((item) => (
                  <NavLink key={item.page} item={item} />
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
    </nav>
  );
}
