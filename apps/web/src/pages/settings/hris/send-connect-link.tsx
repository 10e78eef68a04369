import { connectLinkNoteField, emailField } from "@roster/api/schemas";
import { type FormEvent, useId, useState } from "react";
import { z } from "zod";
import { DateTime } from "../../../components/date-time";
import { FormAlert } from "../../../components/form-alert";
import { StatusBadge, type Tone } from "../../../components/status-badge";
import { TextField } from "../../../components/text-field";
import { apiProblem } from "../../../errors";
import type { ConnectorDescription } from "../../../forms/credential-inputs";
import { useZodForm } from "../../../forms/use-zod-form";
import { type RouterOutputs, trpc } from "../../../trpc";

const sendForm = z.object({ email: emailField, note: connectLinkNoteField });

type SentLink = RouterOutputs["connectLinks"]["list"][number];

const statusLabels: Record<SentLink["status"], [label: string, tone: Tone]> = {
  pending: ["Waiting", "info"],
  connected: ["Connected", "success"],
  used: ["Used", "neutral"],
  expired: ["Expired", "neutral"],
  revoked: ["Revoked", "neutral"],
};

/**
 * Settings → Integrations → <HRIS>, before it is connected (owners): when someone else holds the
 * provider's admin rights, the owner sends them a single-use link by email. They paste the token
 * into Roster's page themselves, so it never travels by email; the owner follows the link here.
 */
export function SendConnectLink({ connector }: { connector: ConnectorDescription }) {
  const utils = trpc.useUtils();
  const form = useZodForm(`send-link-${connector.id}`, sendForm, { email: "", note: "" });
  const send = trpc.connectLinks.send.useMutation();
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      const sent = await send.mutateAsync({ connectorId: connector.id, email: input.email, note: input.note });
      setSentTo(sent.email);
      form.reset();
      await utils.connectLinks.list.invalidate({ connectorId: connector.id });
    } catch (error) {
      setSentTo(null);
      form.showServerError(error);
    }
  }

  // A card of its own, named by its title (tests and screen readers find it as a region).
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 className="card-title" id={titleId}>
        Ask someone else to connect {connector.name}
      </h2>
      <div className="card-body">
        <form className="form" onSubmit={onSubmit} noValidate aria-busy={send.isPending}>
          <p className="muted">
            If someone else holds the {connector.name} admin rights (your account manager, say), Roster emails them a link that
            works once. They paste the credentials straight into Roster, so nobody needs to send a token by email.
          </p>
          <FormAlert message={form.formError} />
          {sentTo ? (
            <div className="alert alert-success" role="status">
              Link sent to <strong>{sentTo}</strong>. It works once and expires in 3 days.
            </div>
          ) : null}
          <TextField label="Their email" type="email" autoComplete="off" disabled={send.isPending} {...form.field("email")} />
          <TextField
            label="Note (optional)"
            disabled={send.isPending}
            hint="Added to the email, e.g. which permissions to tick."
            {...form.field("note")}
          />
          <div className="form-actions">
            <button type="submit" className="button button-secondary" disabled={send.isPending}>
              {send.isPending ? "Sending…" : "Send connect link"}
            </button>
          </div>
        </form>
        <SentLinks connector={connector} />
      </div>
    </section>
  );
}

/** The links sent for this provider: pending ones with their expiry and Revoke, then the last month's others. */
function SentLinks({ connector }: { connector: ConnectorDescription }) {
  const utils = trpc.useUtils();
  const links = trpc.connectLinks.list.useQuery({ connectorId: connector.id });
  const revoke = trpc.connectLinks.revoke.useMutation({
    onSuccess: () => utils.connectLinks.list.invalidate({ connectorId: connector.id }),
  });
  if (links.isPending || links.isError || links.data.length === 0) {
    return links.isError ? <FormAlert message={apiProblem(links.error).message} /> : null;
  }
  return (
    <section aria-label="Sent connect links">
      <h3 className="section-title">Sent links</h3>
      <FormAlert message={revoke.isError ? apiProblem(revoke.error).message : null} />
      <ul className="plain-list">
        {links.data.map((link) => {
          const [label, tone] = statusLabels[link.status];
          return (
            <li key={link.id} className="list-row">
              <div>
                <div>
                  {link.sentTo} <StatusBadge tone={tone}>{label}</StatusBadge>
                </div>
                <div className="muted small">
                  Sent <DateTime value={link.createdAt} />
                  {link.sentBy ? ` by ${link.sentBy}` : ""}
                  {link.status === "pending" || link.status === "expired" ? (
                    <>
                      {` · ${link.status === "pending" ? "expires" : "expired"} `}
                      <DateTime value={link.expiresAt} />
                    </>
                  ) : null}
                </div>
              </div>
              {link.status === "pending" ? (
                <button
                  type="button"
                  className="button button-ghost"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ linkId: link.id })}
                  aria-label={`Revoke the link sent to ${link.sentTo}`}
                >
                  Revoke
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
