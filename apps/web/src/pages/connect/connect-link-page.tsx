import { type FormEvent, useEffect, useMemo, useState } from "react";
import { z } from "zod";
import { FormAlert } from "../../components/form-alert";
import { TextField } from "../../components/text-field";
import { CredentialInputs, credentialsFormSchema, emptyCredentials, givenCredentials } from "../../forms/credential-inputs";
import { useZodForm } from "../../forms/use-zod-form";
import {
  completeLink,
  describeLink,
  type LinkConnector,
  type LinkDescription,
  LinkProblem,
  type VerifyResult,
  verifyLink,
} from "./connect-link-api";

const marks = { granted: "✓", missing: "✗" } as const;

/** What a framing page receives when the connect succeeded (the same name @roster/connect-react listens for). */
export const CONNECT_RESULT_MESSAGE = "roster:connect-link:completed";

/**
 * /connect/:token, outside the signed-in app: whoever holds the provider's admin rights connects
 * it for one organisation (choosing the provider first when the link offers several), under the
 * brand of the product that made the link, then goes back there; a link an owner sent from the
 * dashboard has nowhere to go back to, so this page says it is done.
 */
export function ConnectLinkPage({ token }: { token: string }) {
  const [link, setLink] = useState<LinkDescription | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    describeLink(token).then(setLink, (error: unknown) =>
      setRefusal(error instanceof LinkProblem ? error.message : "This page could not be loaded."),
    );
  }, [token]);

  if (refusal) {
    return (
      <main className="connect-link">
        <div className="alert alert-error" role="alert">
          {refusal}
        </div>
      </main>
    );
  }
  if (!link) {
    return (
      <main className="connect-link" aria-busy="true">
        <span className="spinner" aria-hidden="true" /> Loading…
      </main>
    );
  }
  return <ConnectLink token={token} link={link} />;
}

/** A link offering several connectors asks which one first; the chosen one's own form follows. */
function ConnectLink({ token, link }: { token: string; link: LinkDescription }) {
  const [chosen, setChosen] = useState<LinkConnector | null>(link.connectors.length === 1 ? (link.connectors[0] ?? null) : null);
  if (chosen) {
    return (
      <ConnectLinkForm
        key={chosen.id}
        token={token}
        link={link}
        connector={chosen}
        onChooseAnother={link.connectors.length > 1 ? () => setChosen(null) : null}
      />
    );
  }
  return (
    <main className="connect-link">
      <LinkHeader link={link} />
      <h1>Connect your HR system</h1>
      <Requested link={link} />
      <p className="muted">Choose the one your company uses. You will then paste its credentials straight into Roster.</p>
      <ul className="connector-choices" aria-label="HR systems">
        {link.connectors.map((connector) => (
          <li key={connector.id}>
            <button type="button" className="connector-choice" onClick={() => setChosen(connector)}>
              {connector.logo ? <img src={connector.logo} alt="" width={32} height={32} /> : null}
              <span>{connector.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

function LinkHeader({ link }: { link: LinkDescription }) {
  return (
    <header className="connect-link-brand">
      {link.brand.logo_url ? <img src={link.brand.logo_url} alt="" height={32} /> : null}
      <span>{link.brand.name ?? "Roster"}</span>
    </header>
  );
}

/** A link an owner sent from the dashboard says who asked, for which organisation. */
function Requested({ link }: { link: LinkDescription }) {
  if (!link.requested_by) return null;
  return (
    <p>
      {link.requested_by.name} asked you to do this for <strong>{link.requested_by.organisation_name}</strong>.
    </p>
  );
}

function ConnectLinkForm({
  token,
  link,
  connector,
  onChooseAnother,
}: {
  token: string;
  link: LinkDescription;
  connector: LinkConnector;
  onChooseAnother: (() => void) | null;
}) {
  const fields = connector.credential_fields;
  // The notification email is optional here: the admin connecting may not be the one to alert.
  const schema = useMemo(
    () =>
      credentialsFormSchema(fields, "connect", false).extend({
        notificationEmail: z.union([z.literal(""), z.email("Enter an email address, or leave it blank")]),
      }),
    [fields],
  );
  const form = useZodForm("connect-link", schema, { ...emptyCredentials(fields), notificationEmail: "" });
  const [verified, setVerified] = useState<VerifyResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [connected, setConnected] = useState(false);
  const brandName = link.brand.name ?? "Roster";
  const accent = link.brand.colour ? { backgroundColor: link.brand.colour, borderColor: link.brand.colour } : undefined;

  async function run(step: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    try {
      await step();
    } catch (error) {
      setProblem(error instanceof LinkProblem ? error.message : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  }

  function onVerify(event: FormEvent) {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    void run(async () => setVerified(await verifyLink(token, connector.id, givenCredentials(input, fields))));
  }

  function onConnect() {
    const input = form.parse();
    if (!input) return;
    void run(async () => {
      const done = await completeLink(token, connector.id, givenCredentials(input, fields), input.notificationEmail || null);
      if (window.parent !== window && link.allowed_origins.length > 0) {
        // Framed by the product: tell it (only its own origins can receive this) and let it close the frame.
        const message = {
          type: CONNECT_RESULT_MESSAGE,
          connectionId: done.connection_id,
          connectorId: done.connector_id,
          redirectUrl: done.redirect_url,
        };
        for (const origin of link.allowed_origins) window.parent.postMessage(message, origin);
        setConnected(true);
        return;
      }
      // No return URL (a link sent from the dashboard): the person who opened it is done here.
      if (done.redirect_url) window.location.assign(done.redirect_url);
      else setConnected(true);
    });
  }

  if (connected) {
    return (
      <main className="connect-link">
        <h1>{connector.name} connected</h1>
        <p role="status">
          {link.requested_by
            ? `${link.requested_by.organisation_name}'s directory now syncs from ${connector.name}, and ${link.requested_by.name} can see it in Roster. You can close this page.`
            : `You can close this window and return to ${brandName}.`}
        </p>
      </main>
    );
  }

  return (
    <main className="connect-link">
      <LinkHeader link={link} />
      <h1>Connect {connector.name}</h1>
      <Requested link={link} />
      {onChooseAnother ? (
        <p>
          <button type="button" className="button button-ghost" onClick={onChooseAnother} disabled={busy}>
            Choose another HR system
          </button>
        </p>
      ) : null}
      <p className="muted">
        {connector.connect_help ? `${connector.connect_help} ` : ""}
        {link.brand.name ? `${link.brand.name} uses Roster to read your directory. ` : ""}The credentials go straight to Roster,
        which checks them with {connector.name} and stores them encrypted: never send them to anyone.
      </p>
      <form className="form" onSubmit={onVerify} noValidate aria-busy={busy}>
        <FormAlert message={problem ?? form.formError} />
        <CredentialInputs fields={fields} field={form.field} disabled={busy} mode="connect" />
        <TextField
          label="Notification email"
          type="email"
          autoComplete="email"
          disabled={busy}
          hint="Where Roster writes when a sync fails (optional)."
          {...form.field("notificationEmail")}
        />
        {verified ? (
          <section aria-label="Permissions">
            <p>
              Verified: <strong>{verified.account.name}</strong>.{" "}
              {verified.permissions.filter((p) => p.state === "granted").length} of {verified.permissions.length} permissions
              granted.
            </p>
            <ul className="checklist">
              {verified.permissions.map((p) => (
                <li key={p.id} className={`check check-${p.state}`}>
                  <span className="check-mark" aria-hidden="true">
                    {marks[p.state]}
                  </span>
                  <span>
                    {p.label}
                    {p.state === "missing" && p.feeds.length > 0
                      ? ` — without it, not kept current: ${p.feeds.join(", ")}. Grant it in ${connector.name} and verify again.`
                      : ""}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            className={verified ? "button" : "button button-primary"}
            style={verified ? undefined : accent}
            disabled={busy}
          >
            {verified ? "Verify again" : "Verify"}
          </button>
          {verified ? (
            <button type="button" className="button button-primary" style={accent} disabled={busy} onClick={onConnect}>
              Connect
            </button>
          ) : null}
        </div>
      </form>
    </main>
  );
}
