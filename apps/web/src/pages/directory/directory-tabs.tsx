import { Link } from "wouter";
import { paths } from "../../paths";

const tabs = [
  { href: paths.directory, label: "People" },
  { href: paths.departments, label: "Departments" },
  { href: paths.locations, label: "Locations" },
];

/** People, departments and locations: the directory's three views. */
export function DirectoryTabs() {
  return (
    <nav className="tabs" aria-label="Directory">
      {tabs.map((tab) => (
        <Link key={tab.href} href={tab.href} className={(active) => (active ? "tab active" : "tab")}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
