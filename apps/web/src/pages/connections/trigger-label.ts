/** Why a sync ran, as the history and the run page say it (never the stored code). */
const triggerLabels: Record<string, string> = {
  initial: "First sync",
  scheduled: "Scheduled",
  manual: "Sync now",
  retry: "Automatic retry",
  rotation: "After new credentials",
  cli: "Command line",
};

export function triggerLabel(trigger: string): string {
  return triggerLabels[trigger] ?? "Sync";
}
