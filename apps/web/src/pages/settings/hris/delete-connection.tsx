import { useId, useState } from "react";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { FormAlert } from "../../../components/form-alert";
import { apiProblem } from "../../../errors";
import type { ConnectorDescription } from "../../../forms/credential-inputs";
import { trpc } from "../../../trpc";
import type { ConnectionView } from "../../connections/use-live-connection";

/** Delete, behind a dialog where the owner types the company's name: it removes the synced directory too. */
export function DeleteConnection({
  connector,
  view,
  onDeleted,
}: {
  connector: ConnectorDescription;
  view: ConnectionView;
  onDeleted: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const inputId = useId();
  const remove = trpc.connections.delete.useMutation({ onSuccess: onDeleted });
  const companyName = view.account?.name ?? view.displayName;
  const confirmed = typed.trim() === companyName;
  const close = () => {
    setOpen(false);
    setTyped("");
    remove.reset();
  };
  return (
    <>
      <button type="button" className="button button-danger-outline" onClick={() => setOpen(true)}>
        Delete integration
      </button>
      <ConfirmDialog
        open={open}
        onClose={close}
        title={`Delete the ${connector.name} integration?`}
        actions={
          <>
            <button type="button" className="button button-ghost" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={!confirmed || remove.isPending}
              onClick={() => remove.mutate({ connectionId: view.id })}
            >
              {remove.isPending ? "Deleting…" : "Delete integration"}
            </button>
          </>
        }
      >
        <div className="stack">
          <p>
            Roster stops syncing and deletes the directory it copied from {companyName}: people, departments, locations and
            history. {connector.name} itself is not touched. The audit log keeps a record.
          </p>
          <FormAlert message={remove.isError ? apiProblem(remove.error).message : null} />
          <div className="field">
            <label htmlFor={inputId}>
              Type <strong>{companyName}</strong> to confirm
            </label>
            <input id={inputId} value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
          </div>
        </div>
      </ConfirmDialog>
    </>
  );
}
