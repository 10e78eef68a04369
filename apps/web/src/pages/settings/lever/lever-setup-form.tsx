import { leverSaveInput } from "@roster/api/schemas";
import { type FormEvent, useState } from "react";
import { canSee } from "../../../access";
import { Card } from "../../../components/card";
import { FormAlert } from "../../../components/form-alert";
import { TextField } from "../../../components/text-field";
import { apiProblem } from "../../../errors";
import { trpc } from "../../../trpc";
import type { LeverView } from "./lever-status";
import { type VerifyResult, VerifyResultList } from "./verify-result";

type Credentials = { apiKey: string; webhookSigningToken: string; zenefitsCompanyId: string; zenefitsClientSecret: string };
type OffersMode = "zenefits" | "lever";

const stored = (hint: string | null | undefined) => (hint ? `Stored ${hint}. Leave blank to keep it.` : undefined);

/**
 * Settings → Integrations → Lever (owners): the toggle, Lever's API key and webhook signing
 * token, where hires are sent (the Zenefits import channel, or an HRIS connection that can
 * receive hires), Zenefits' company ID and client secret, the contact for failed exports, Verify (a real
 * request to both sides), the offers mode, Save. Secrets are password fields that start blank:
 * the stored ones are only hinted ("Stored ••••1234") and kept when left blank.
 */
export function LeverSetupForm({ view, onSaved }: { view: LeverView; onSaved: (next: LeverView, note: string) => void }) {
  const connection = view.connection;
  const members = trpc.members.list.useQuery();
  const [enabled, setEnabled] = useState(connection?.settings.enabled ?? true);
  const [credentials, setCredentials] = useState<Credentials>({
    apiKey: "",
    webhookSigningToken: "",
    zenefitsCompanyId: connection?.credentials.zenefitsCompanyId ?? "",
    zenefitsClientSecret: "",
  });
  const [contactUserId, setContactUserId] = useState<string | null>(connection?.settings.contactUserId ?? null);
  const [offersMode, setOffersMode] = useState<OffersMode>(connection?.settings.offersMode ?? "lever");
  const [exportTo, setExportTo] = useState<string | null>(connection?.settings.exportTo ?? null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [verified, setVerified] = useState<VerifyResult | null>(null);
  const verify = trpc.lever.verify.useMutation();
  const save = trpc.lever.save.useMutation();
  const busy = verify.isPending || save.isPending;

  const field = (name: keyof Credentials) => ({
    id: `lever-${name}`,
    name,
    value: credentials[name],
    error: errors[name],
    disabled: busy,
    onChange: (event: { target: { value: string } }) => {
      setCredentials((c) => ({ ...c, [name]: event.target.value }));
      setVerified(null);
      if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
    },
  });

  /** The input as the API takes it, or null after showing what is wrong beside each field. */
  function parse() {
    setFormError(null);
    const result = leverSaveInput.safeParse({ enabled, credentials, contactUserId, offersMode, exportTo });
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const next: Record<string, string> = {};
    for (const issue of result.error.issues) next[String(issue.path.at(-1) ?? "")] ??= issue.message;
    setErrors(next);
    return null;
  }

  function showServerError(error: unknown) {
    const problem = apiProblem(error);
    const byField = Object.fromEntries(
      Object.entries(problem.fieldErrors).flatMap(([k, v]) => (v?.[0] && k !== "credentials" ? [[k, v[0]]] : [])),
    );
    if (Object.keys(byField).length) {
      setErrors(byField);
      setFormError("Some fields need your attention.");
    } else setFormError(problem.message);
  }

  async function onVerify() {
    const input = parse();
    if (!input) return;
    setVerified(null);
    try {
      setVerified(await verify.mutateAsync({ credentials: input.credentials, exportTo: input.exportTo ?? null }));
    } catch (error) {
      showServerError(error);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = parse();
    if (!input) return;
    try {
      const result = await save.mutateAsync(input);
      setCredentials((c) => ({ ...c, apiKey: "", webhookSigningToken: "", zenefitsClientSecret: "" }));
      const sandbox =
        result.sandboxWebhook === "pointed"
          ? " The Lever simulator now sends its webhooks to this connection."
          : result.sandboxWebhook === "failed"
            ? " The Lever simulator could not be pointed at this connection: is it running?"
            : "";
      onSaved(
        result.view,
        `${result.created ? "Lever is connected: the first sync of your candidates is on its way." : "Saved."}${sandbox}`,
      );
    } catch (error) {
      showServerError(error);
    }
  }

  const hints = connection?.credentials;
  return (
    <Card title={connection ? "Setup" : "Connect Lever"}>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={busy} aria-label="Lever setup">
        {view.sandbox ? (
          <p className="hint">
            Sandbox: the Lever simulator's API key is <code>lever-sandbox-api-key</code> and its signing token{" "}
            <code>lever-sandbox-signing-token</code>; <code>pnpm start</code> printed the Zenefits company ID and client secret.
          </p>
        ) : null}
        <FormAlert message={formError} />
        <label className="switch">
          <input type="checkbox" checked={enabled} disabled={busy} onChange={(e) => setEnabled(e.target.checked)} />
          <span className="switch-track" aria-hidden="true" />
          <span>Lever integration on</span>
        </label>
        <p className="muted small">
          When on, candidates hired in Lever are sent to the HRIS chosen below, and candidates are synced from Lever every day.
          When off, nothing is sent or synced.
        </p>

        <h3 className="section-title">Lever</h3>
        <TextField
          label="Lever API key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint={stored(hints?.apiKeyHint) ?? "Lever → Settings → Integrations and API → API Credentials. Stored encrypted."}
          {...field("apiKey")}
        />
        <TextField
          label="Webhook signing token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint={stored(hints?.webhookSigningTokenHint) ?? "Lever → Settings → Integrations and API → Webhooks."}
          {...field("webhookSigningToken")}
        />

        <div className="field">
          <label htmlFor="lever-exportTo">Send hires to</label>
          <select
            id="lever-exportTo"
            value={exportTo ?? ""}
            disabled={busy}
            aria-invalid={errors.exportTo ? true : undefined}
            onChange={(e) => {
              setExportTo(e.target.value || null);
              setVerified(null);
            }}
          >
            <option value="">Zenefits, through the import channel below</option>
            {view.exportTargets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.displayName} ({t.connectorName})
              </option>
            ))}
          </select>
          <p className="hint">
            {exportTo
              ? "Hires are created as new people in this HRIS connection; the Zenefits fields below are then not needed."
              : "An HRIS connected under Settings → Integrations that can receive hires can be chosen instead."}
          </p>
          {errors.exportTo ? <p className="field-error">{errors.exportTo}</p> : null}
        </div>

        <h3 className="section-title">Zenefits</h3>
        <TextField
          label="Zenefits company ID"
          autoComplete="off"
          spellCheck={false}
          hint="Zenefits → ATS integration → Connect: the Company ID."
          {...field("zenefitsCompanyId")}
        />
        <TextField
          label="Zenefits client secret"
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint={stored(hints?.zenefitsClientSecretHint) ?? "Generated on the same Zenefits page. Stored encrypted."}
          {...field("zenefitsClientSecret")}
        />

        <div className="field">
          <label htmlFor="lever-contactUserId">Contact when an export fails</label>
          <select
            id="lever-contactUserId"
            value={contactUserId ?? ""}
            disabled={busy || members.isPending}
            aria-invalid={errors.contactUserId ? true : undefined}
            onChange={(e) => setContactUserId(e.target.value || null)}
          >
            <option value="">The organisation's owners</option>
            {(members.data ?? [])
              // The email links to the hire exports, which only owners and admins can open (the server refuses others).
              .filter((m) => canSee("connection", m))
              .map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name} ({m.email})
                </option>
              ))}
          </select>
          {errors.contactUserId ? <p className="field-error">{errors.contactUserId}</p> : null}
        </div>

        <div className="form-actions">
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void onVerify()}>
            {verify.isPending ? "Verifying…" : "Verify"}
          </button>
          {verify.isPending ? (
            <span className="inline-status" role="status">
              <span className="spinner" aria-hidden="true" />
              Sending a test request to Lever and to the HRIS…
            </span>
          ) : null}
        </div>
        {verified ? <VerifyResultList result={verified} /> : null}

        <fieldset className="radio-group">
          <legend>Who makes the offers?</legend>
          <label className="radio-option">
            <input
              type="radio"
              name="offersMode"
              value="zenefits"
              checked={offersMode === "zenefits"}
              disabled={busy}
              onChange={() => setOffersMode("zenefits")}
            />
            <span>
              <strong>Zenefits offers</strong>
              <span className="muted small">
                Candidates in Lever's Offer stage get a Send to Zenefits button, so the offer is made in Zenefits.
              </span>
            </span>
          </label>
          <label className="radio-option">
            <input
              type="radio"
              name="offersMode"
              value="lever"
              checked={offersMode === "lever"}
              disabled={busy}
              onChange={() => setOffersMode("lever")}
            />
            <span>
              <strong>Lever offers</strong>
              <span className="muted small">Offers are made in Lever; candidates are sent to Zenefits once hired.</span>
            </span>
          </label>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {save.isPending ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </Card>
  );
}
