import { type FormEvent, useState } from "react";
import { Card } from "../../../components/card";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { FormAlert } from "../../../components/form-alert";
import { PageHeader } from "../../../components/page-header";
import { RequireAccess } from "../../../components/require-access";
import { EmptyState, ErrorState, Loading } from "../../../components/states";
import { TextField } from "../../../components/text-field";
import { apiProblem } from "../../../errors";
import { type RouterOutputs, trpc } from "../../../trpc";
import { useTitle } from "../../../use-title";
import { DeliveryLog } from "./delivery-log";
import { SecretOnce } from "./secret-once";

type Endpoint = RouterOutputs["webhooks"]["endpoints"]["endpoints"][number];
type EventChoice = RouterOutputs["webhooks"]["endpoints"]["eventTypes"][number];

/** Settings → Webhooks: endpoints (secret shown once), their events, the delivery log with Resend. */
export function WebhooksPage() {
  useTitle("Webhooks");
  const data = trpc.webhooks.endpoints.useQuery();
  return (
    <RequireAccess page="webhooks">
      <PageHeader
        title="Webhooks"
        description={
          <>
            Roster POSTs an event to your endpoints when the directory or a connection changes, signed per the Standard Webhooks
            specification (headers <code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>).
          </>
        }
      />
      {data.isPending ? (
        <Loading label="Loading endpoints…" />
      ) : data.isError ? (
        <ErrorState problem={apiProblem(data.error)} onRetry={() => void data.refetch()} />
      ) : (
        <>
          <AddEndpoint eventTypes={data.data.eventTypes} />
          {data.data.endpoints.length === 0 ? (
            <Card title="Endpoints">
              <EmptyState title="No endpoints yet">Add one above to receive events.</EmptyState>
            </Card>
          ) : (
            data.data.endpoints.map((endpoint) => <EndpointCard key={endpoint.id} endpoint={endpoint} />)
          )}
        </>
      )}
    </RequireAccess>
  );
}

function AddEndpoint({ eventTypes }: { eventTypes: EventChoice[] }) {
  const utils = trpc.useUtils();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<Set<string>>(new Set(eventTypes.map((e) => e.type)));
  const [secret, setSecret] = useState<string | null>(null);
  const create = trpc.webhooks.createEndpoint.useMutation({
    onSuccess: (result) => {
      setSecret(result.secret);
      setUrl("");
      void utils.webhooks.endpoints.invalidate();
    },
  });
  const problem = create.isError ? apiProblem(create.error) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ url, events: [...events] as never });
  };
  const toggle = (type: string) =>
    setEvents((current) => {
      const next = new Set(current);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      return next;
    });
  return (
    <Card title="Add an endpoint">
      {secret ? <SecretOnce label="The endpoint's signing secret." value={secret} onDone={() => setSecret(null)} /> : null}
      <form onSubmit={submit} noValidate>
        <FormAlert message={problem && !problem.fieldErrors.url && !problem.fieldErrors.events ? problem.message : null} />
        <TextField
          id="endpoint-url"
          label="Endpoint URL"
          type="url"
          placeholder="https://example.com/roster-webhooks"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={problem?.fieldErrors.url?.[0]}
        />
        <fieldset className="field">
          <legend>Events</legend>
          {eventTypes.map((choice) => (
            <label key={choice.type} className="checkbox-row">
              <input type="checkbox" checked={events.has(choice.type)} onChange={() => toggle(choice.type)} />
              <span>
                <code>{choice.type}</code>
                <span className="muted small block">{choice.description}</span>
              </span>
            </label>
          ))}
          {problem?.fieldErrors.events ? <p className="field-error">{problem.fieldErrors.events[0]}</p> : null}
        </fieldset>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add endpoint"}
        </button>
      </form>
    </Card>
  );
}

function EndpointCard({ endpoint }: { endpoint: Endpoint }) {
  const utils = trpc.useUtils();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const refresh = () => void utils.webhooks.endpoints.invalidate();
  const update = trpc.webhooks.updateEndpoint.useMutation({ onSuccess: refresh });
  const remove = trpc.webhooks.deleteEndpoint.useMutation({ onSuccess: refresh });
  const error = update.error ?? remove.error;
  return (
    <Card
      title={
        <span className="endpoint-title">
          <code>{endpoint.url}</code>{" "}
          {endpoint.enabled ? (
            <span className="badge badge-success">Active</span>
          ) : (
            <span className="badge badge-neutral">Paused</span>
          )}
        </span>
      }
      footer={
        <div className="button-row">
          <button type="button" className="button button-secondary" aria-expanded={showLog} onClick={() => setShowLog((v) => !v)}>
            {showLog ? "Hide delivery log" : "Delivery log"}
          </button>
          <button
            type="button"
            className="button button-ghost"
            disabled={update.isPending}
            onClick={() => update.mutate({ endpointId: endpoint.id, enabled: !endpoint.enabled })}
          >
            {endpoint.enabled ? "Pause" : "Resume"}
          </button>
          <button type="button" className="button button-danger-outline" onClick={() => setConfirmDelete(true)}>
            Delete
          </button>
        </div>
      }
    >
      <FormAlert message={error ? apiProblem(error).message : null} />
      <p className="muted small">Events: {endpoint.events.join(", ")}</p>
      {showLog ? <DeliveryLog endpointId={endpoint.id} /> : null}
      <ConfirmDialog
        open={confirmDelete}
        title="Delete this endpoint?"
        onClose={() => setConfirmDelete(false)}
        actions={
          <>
            <button type="button" className="button button-ghost" onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ endpointId: endpoint.id })}
            >
              Delete endpoint
            </button>
          </>
        }
      >
        No more events go to {endpoint.url}, and its delivery log is deleted with it.
      </ConfirmDialog>
    </Card>
  );
}
