import { useCallback, useEffect, useRef, useState } from "react";

export interface Toast {
  id: number;
  message: string;
  tone: "info" | "error";
}

/** A few short-lived messages ("Sent to Zenefits"): shown bottom right and announced, gone after a few seconds. */
export function useToasts(durationMs = 6_000) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  const show = useCallback(
    (message: string, tone: Toast["tone"] = "info") => {
      const id = next.current++;
      setToasts((list) => [...list, { id, message, tone }]);
      timers.current.push(setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), durationMs));
    },
    [durationMs],
  );
  return { toasts, show };
}

export function Toasts({ toasts }: { toasts: Toast[] }) {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={toast.tone === "error" ? "toast toast-error" : "toast"} data-testid="toast">
          {toast.message}
        </div>
      ))}
    </div>
  );
}
