import { useState } from "react";
import { Card } from "../../components/card";
import { PageHeader } from "../../components/page-header";
import { RequireAccess } from "../../components/require-access";
import { ErrorState, Loading } from "../../components/states";
import { apiProblem } from "../../errors";
import { useSession } from "../../session/session";
import { trpc } from "../../trpc";
import { useTitle } from "../../use-title";
import { LeverSetupForm } from "./lever/lever-setup-form";
import { type LeverConnectionView, LeverStatus, WebhookUrl } from "./lever/lever-status";

/**
 * Settings → Integrations → Lever. Owners set it up and change it; admins see the same page
 * read-only (status, settings, hints, the webhook URL), since they follow the exports too.
 */
export function LeverSettingsPage() {
  useTitle("Lever");
  return (
    <RequireAccess page="atsSettings">
      <PageHeader title="Lever" description="Applicant tracking: candidates hired in Lever are sent to Zenefits as new hires." />
      <LeverSettings />
    </RequireAccess>
  );
}

function LeverSettings() {
  const { active } = useSession();
  const utils = trpc.useUtils();
  // Until the first sync of the candidates has succeeded, the status card follows it.
  const view = trpc.lever.get.useQuery(undefined, {
    refetchInterval: (q) => {
      const connection = q.state.data?.connection;
      return connection?.settings.enabled && !connection.sync.lastSuccessAt ? 1_500 : false;
    },
  });
  const [saved, setSaved] = useState<string | null>(null);
  if (view.isPending) return <Loading label="Loading the Lever setup…" />;
  if (view.isError) return <ErrorState problem={apiProblem(view.error)} onRetry={() => void view.refetch()} />;
  const connection = view.data.connection;
  const isOwner = active?.role === "owner";

  return (
    <>
      {saved ? (
        <div className="alert alert-success banner" role="status" data-testid="lever-saved">
          {saved}
        </div>
      ) : null}
      {connection ? <LeverStatus connection={connection} /> : null}
      {isOwner ? (
        <LeverSetupForm
          key={connection?.id ?? "new"}
          view={view.data}
          onSaved={(next, note) => {
            utils.lever.get.setData(undefined, next);
            setSaved(note);
            // The offers mode decides every row's button: no cached page of the old mode may show again.
            void utils.lever.candidates.reset();
            void utils.connections.list.invalidate();
          }}
        />
      ) : connection ? (
        <ReadOnlySetup connection={connection} />
      ) : (
        <Card title="Not connected">
          <p className="muted">An owner of your organisation can connect Lever here.</p>
        </Card>
      )}
      {connection ? (
        <Card title="Webhook">
          <WebhookUrl url={connection.webhookUrl} />
        </Card>
      ) : isOwner ? (
        <Card title="Webhook">
          <p className="muted">Save the setup first: the webhook URL to paste into Lever appears here.</p>
        </Card>
      ) : null}
    </>
  );
}

/** What admins see: the setup as it is, no secrets, and who may change it. */
function ReadOnlySetup({ connection }: { connection: LeverConnectionView }) {
  const members = trpc.members.list.useQuery();
  const contact = members.data?.find((m) => m.userId === connection.settings.contactUserId);
  const { credentials, settings } = connection;
  return (
    <Card title="Setup">
      <dl className="sent-fields" data-testid="lever-readonly">
        <dt>Integration</dt>
        <dd>{settings.enabled ? "On" : "Off"}</dd>
        <dt>Offers</dt>
        <dd>{settings.offersMode === "zenefits" ? "Zenefits offers (Send to Zenefits on Offer candidates)" : "Lever offers"}</dd>
        <dt>Contact for failures</dt>
        <dd>{settings.contactUserId ? (contact ? `${contact.name} (${contact.email})` : "A member") : "The owners"}</dd>
        <dt>Lever API key</dt>
        <dd>{credentials.apiKeyHint ?? "—"}</dd>
        <dt>Webhook signing token</dt>
        <dd>{credentials.webhookSigningTokenHint ?? "—"}</dd>
        <dt>Zenefits company ID</dt>
        <dd>{credentials.zenefitsCompanyId ?? "—"}</dd>
        <dt>Zenefits client secret</dt>
        <dd>{credentials.zenefitsClientSecretHint ?? "—"}</dd>
      </dl>
      <p className="muted small">Only owners can change this setup.</p>
    </Card>
  );
}
