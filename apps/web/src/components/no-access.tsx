import { Link } from "wouter";
import { levelWho, type Page, pageAccess } from "../access";
import { paths } from "../paths";

/** What a page says to someone whose role does not reach it (the API refuses them too). */
export function NoAccess({ page }: { page: Page }) {
  return (
    <div className="state state-empty no-access">
      <p className="state-title">You don't have access</p>
      <p>This page is for {levelWho[pageAccess[page]]}. Ask an owner of your organisation if you need it.</p>
      <Link href={paths.dashboard} className="button button-secondary">
        Back to the dashboard
      </Link>
    </div>
  );
}
