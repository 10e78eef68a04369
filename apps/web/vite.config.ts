import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The dashboard talks to the API through this server (dev and preview alike), so the
// browser sees one origin and the session cookie stays first-party.
const apiTarget = `http://127.0.0.1:${Number(process.env.API_PORT || 3001)}`;
const webPort = Number(process.env.WEB_PORT || 5173);
const proxy = { "/trpc": apiTarget, "/healthz": apiTarget, "/api": apiTarget, "/exports": apiTarget };

export default defineConfig({
  plugins: [react()],
  server: { host: "127.0.0.1", port: webPort, strictPort: true, proxy },
  preview: { host: "127.0.0.1", port: webPort, strictPort: true, proxy },
});
