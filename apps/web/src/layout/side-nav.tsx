import { Link, useLocation } from "wouter";
import { canSee, type Page } from "../access";
import { paths } from "../paths";
import { useSession } from "../session/session";

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

/** Settings, grouped as the product names them; more providers add a line here. */
const settingsGroups: { heading: string; items: NavItem[] }[] = [
  { heading: "HRIS integration", items: [{ page: "zenefits", href: paths.zenefits, label: "Zenefits" }] },
  { heading: "Integrations", items: [{ page: "lever", href: paths.lever, label: "Lever" }] },
  {
    heading: "Developers",
    items: [
      { page: "apiKeys", href: paths.apiKeys, label: "API keys" },
      { page: "webhooks", href: paths.webhooks, label: "Webhooks" },
    ],
  },
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
  const groups = settingsGroups.map((g) => ({ ...g, items: g.items.filter(visible) })).filter((g) => g.items.length);
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
