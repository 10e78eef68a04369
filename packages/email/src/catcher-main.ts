import { parseArgs } from "node:util";
import { createLogger } from "@roster/logger";
import { logCaughtEmails } from "./catcher/log-caught-emails";
import { startMailCatcher } from "./catcher/mail-catcher";

// `pnpm --filter @roster/email catcher`: a local inbox for SMTP_URL=smtp://127.0.0.1:1025.
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "1025" },
    "http-port": { type: "string", default: "1080" },
    host: { type: "string", default: "127.0.0.1" },
  },
});

const log = createLogger("mail-catcher");
const catcher = await startMailCatcher({
  port: Number(values.port),
  httpPort: Number(values["http-port"]),
  host: values.host,
});
logCaughtEmails(catcher, log);
log.info(
  { smtpUrl: catcher.smtpUrl, messagesUrl: `http://${values.host}:${catcher.httpPort}/messages` },
  `mail catcher listening: SMTP_URL=${catcher.smtpUrl}, inbox at http://${values.host}:${catcher.httpPort}/messages`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void catcher.stop().then(() => process.exit(0));
  });
}
