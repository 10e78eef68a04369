import { setNotificationEmailInput } from "@roster/api/schemas";
import { type FormEvent, useState } from "react";
import { Card } from "../../../components/card";
import { FormAlert } from "../../../components/form-alert";
import { TextField } from "../../../components/text-field";
import { useZodForm } from "../../../forms/use-zod-form";
import { trpc } from "../../../trpc";
import type { ConnectionView } from "../../connections/use-live-connection";

const emailOnly = setNotificationEmailInput.pick({ notificationEmail: true });

/** Where failure emails go, besides every owner. */
export function NotificationEmailForm({ view, onSaved }: { view: ConnectionView; onSaved: (view: ConnectionView) => void }) {
  const form = useZodForm("notify", emailOnly, { notificationEmail: view.notificationEmail ?? "" });
  const save = trpc.connections.setNotificationEmail.useMutation();
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const input = form.parse();
    if (!input) return;
    try {
      onSaved(await save.mutateAsync({ connectionId: view.id, notificationEmail: input.notificationEmail }));
      setSaved(true);
    } catch (error) {
      form.showServerError(error);
    }
  }

  return (
    <Card title="Notification email">
      <form className="form" onSubmit={onSubmit} noValidate>
        <p className="muted">Roster writes here when a sync fails, when it gives up, and when it recovers.</p>
        <FormAlert message={form.formError} />
        <TextField label="Notification email" type="email" autoComplete="email" {...form.field("notificationEmail")} />
        <div className="form-actions">
          <button type="submit" className="button button-secondary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save email"}
          </button>
          {saved ? (
            <span className="inline-status success-text" role="status">
              Saved
            </span>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
