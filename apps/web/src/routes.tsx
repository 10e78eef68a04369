import { Redirect, Route, Switch } from "wouter";
import { AppShell } from "./layout/app-shell";
import { AuditLogPage } from "./pages/audit/audit-log-page";
import { AcceptInvitePage } from "./pages/auth/accept-invite-page";
import { SignInPage } from "./pages/auth/sign-in-page";
import { SignUpPage } from "./pages/auth/sign-up-page";
import { CandidatesPage } from "./pages/candidates/candidates-page";
import { ConnectLinkPage } from "./pages/connect/connect-link-page";
import { ConnectionPage } from "./pages/connections/connection-page";
import { RunPage } from "./pages/connections/run-page";
import { DashboardPage } from "./pages/dashboard/dashboard-page";
import { GroupsPage } from "./pages/directory/groups-page";
import { PeoplePage } from "./pages/directory/people-page";
import { PersonPage } from "./pages/directory/person-page";
import { MembersPage } from "./pages/members/members-page";
import { NotFoundPage } from "./pages/not-found-page";
import { ApiKeysPage } from "./pages/settings/developers/api-keys-page";
import { WebhooksPage } from "./pages/settings/developers/webhooks-page";
import { IntegrationSettingsPage } from "./pages/settings/integration-settings-page";
import { IntegrationsPage } from "./pages/settings/integrations-page";
import { IssuesPage } from "./pages/settings/issues-page";
import { paths } from "./paths";
import { RequireSignIn } from "./session/session";

/** Every page; signed-in pages render inside the shell. A new page is one <Route> here and one nav line. */
export function Routes() {
  return (
    <Switch>
      <Route path={paths.signIn} component={SignInPage} />
      <Route path={paths.signUp} component={SignUpPage} />
      <Route path="/invite/:token">{(params) => <AcceptInvitePage token={params.token} />}</Route>
      <Route path="/connect/:token">{(params) => <ConnectLinkPage token={params.token} />}</Route>
      <Route>
        <RequireSignIn>
          <AppShell>
            <Switch>
              <Route path={paths.dashboard} component={DashboardPage} />
              <Route path={paths.directory} component={PeoplePage} />
              <Route path={paths.departments}>{() => <GroupsPage kind="departments" />}</Route>
              <Route path={paths.locations}>{() => <GroupsPage kind="locations" />}</Route>
              <Route path="/directory/people/:id">{(params) => <PersonPage key={params.id} personId={params.id} />}</Route>
              <Route path="/connections/:id/runs/:runId">
                {(params) => <RunPage key={params.runId} connectionId={params.id} runId={params.runId} />}
              </Route>
              <Route path="/connections/:id/hires">
                {(params) => <ConnectionPage key={params.id} connectionId={params.id} section="hires" />}
              </Route>
              <Route path="/connections/:id">{(params) => <ConnectionPage key={params.id} connectionId={params.id} />}</Route>
              <Route path={paths.candidates} component={CandidatesPage} />
              <Route path={paths.members} component={MembersPage} />
              <Route path={paths.audit} component={AuditLogPage} />
              <Route path={paths.integrations} component={IntegrationsPage} />
              <Route path={paths.issues} component={IssuesPage} />
              <Route path="/settings/integrations/:connectorId">
                {(params) => <IntegrationSettingsPage key={params.connectorId} connectorId={params.connectorId} />}
              </Route>
              {/* Where the Zenefits settings lived before every provider got the same page. */}
              <Route path="/settings/hris/:connectorId">
                {(params) => <Redirect to={paths.integration(params.connectorId)} replace />}
              </Route>
              <Route path={paths.apiKeys} component={ApiKeysPage} />
              <Route path={paths.webhooks} component={WebhooksPage} />
              <Route component={NotFoundPage} />
            </Switch>
          </AppShell>
        </RequireSignIn>
      </Route>
    </Switch>
  );
}
