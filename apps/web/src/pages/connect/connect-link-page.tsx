import { type FormEvent, useEffect, useMemo, useState } from "react";
import { z } from "zod";
import { FormAlert } from "../../components/form-alert";
import { TextField } from "../../components/text-field";
import { CredentialInputs, credentialsFormSchema, emptyCredentials, givenCredentials } from "../../forms/credential-inputs";
import { useZodForm } from "../../forms/use-zod-form";
import { completeLink, describeLink, type LinkDescription, LinkProblem, type VerifyResult, verifyLink } from "./connect-link-api";

const marks = { granted: "✓", missing: "✗" } as const;

/** What a framing page receives when the connect succeeded (the same name @roster/connect-react listens for). */
export const CONNECT_RESULT_MESSAGE = "roster:connect-link:completed";

/**
 * /connect/:token, outside the signed-in app: whoever holds the provider's admin rights connects
 * it for one organisation, under the brand of the product that made the link, then goes back there.
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
  return <ConnectLinkForm token={token} link={link} />;
}

function ConnectLinkForm({ token, link }: { token: string; link: LinkDescription }) {
  const fields = link.connector.credential_fields;
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
    void run(async () => setVerified(await verifyLink(token, givenCredentials(input, fields))));
  }

  function onConnect() {
    const input = form.parse();
    if (!input) return;
    void run(async () => {
      const done = await completeLink(token, givenCredentials(input, fields), input.notificationEmail || null);
      if (window.parent !== window && link.allowed_origins.length > 0) {
        // Framed by the product: tell it (only its own origins can receive this) and let it close the frame.
        const message = { type: CONNECT_RESULT_MESSAGE, connectionId: done.connection_id, redirectUrl: done.redirect_url };
        for (const origin of link.allowed_origins) window.parent.postMessage(message, origin);
        setConnected(true);
        return;
      }
      window.location.assign(done.redirect_url);
    });
  }

  if (connected) {
    return (
      <main className="connect-link">
        <h1>{link.connector.name} connected</h1>
        <p role="status">You can close this window and return to {brandName}.</p>
      </main>
    );
  }

  return (
    <main className="connect-link">
      <header className="connect-link-brand">
        {link.brand.logo_url ? <img src={link.brand.logo_url} alt="" height={32} /> : null}
        <span>{brandName}</span>
      </header>
      <h1>Connect {link.connector.name}</h1>
      <p className="muted">
        {link.connector.connect_help ? `${link.connector.connect_help} ` : ""}
        {link.brand.name ? `${link.brand.name} uses Roster to read your directory. ` : ""}The credentials go straight to Roster,
        which checks them with {link.connector.name} and stores them encrypted.
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
                      ? ` — without it, not kept current: ${p.feeds.join(", ")}. Grant it in ${link.connector.name} and verify again.`
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
