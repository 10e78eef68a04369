import { createInviteInput } from "@roster/api/schemas";
import { type FormEvent, useState } from "react";
import { Card } from "../../components/card";
import { FormAlert } from "../../components/form-alert";
import { TextField } from "../../components/text-field";
import { useZodForm } from "../../forms/use-zod-form";
import { type RouterOutputs, trpc } from "../../trpc";
import { useRefreshMembers } from "./use-refresh-members";

type CreatedInvite = RouterOutputs["invites"]["create"];

export function InviteForm() {
  const form = useZodForm("invite", createInviteInput, { email: "", role: "member" });
  const create = trpc.invites.create.useMutation();
  const refresh = useRefreshMembers();
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [copied, setCopied] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      setCreated(await create.mutateAsync(input));
      setCopied(false);
      form.reset();
      await refresh();
    } catch (error) {
      form.showServerError(error);
    }
  }

  async function copyLink(link: string) {
    await navigator.clipboard?.writeText(link).catch(() => {});
    setCopied(true);
  }

  return (
    <Card title="Invite someone">
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={form.formError} />
        <TextField label="Email" type="email" autoComplete="off" {...form.field("email")} />
        <div className="field">
          <label htmlFor={form.fieldId("role")}>Role</label>
          <select id={form.fieldId("role")} value={form.values.role} onChange={(e) => form.setValue("role", e.target.value)}>
            <option value="member">Member: sees the dashboard and directory</option>
            <option value="admin">Admin: also manages ATS integrations</option>
            <option value="owner">Owner: everything, including members and the HRIS</option>
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? "Sending…" : "Send invitation"}
        </button>
      </form>
      {created ? (
        <div className="alert alert-success invite-created" role="status">
          <p>
            We've emailed <strong>{created.email}</strong> an invitation. You can also share this link (it works once):
          </p>
          <div className="copy-row">
            <input
              aria-label="Invite link"
              className="invite-link"
              readOnly
              value={created.link}
              onFocus={(e) => e.target.select()}
            />
            <button type="button" className="button button-secondary" onClick={() => void copyLink(created.link)}>
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
