import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { createPublicApi } from "./app";
import type { PublicApiDeps } from "./context";

export { API_VERSION, createPublicApi, openApiDocument } from "./app";
export {
  API_KEY_PREFIX,
  type ApiKeyInput,
  type ApiKeyView,
  apiKeyInputSchema,
  createApiKey,
  hashApiKey,
  type KeyActor,
  listApiKeys,
  revokeApiKey,
} from "./auth/api-keys";
export { ORGANISATION_HEADER } from "./auth/organisation-header";
export {
  createPlatformKey,
  listPlatformKeys,
  PLATFORM_KEY_PREFIX,
  type PlatformKeyInput,
  type PlatformKeyView,
  revokePlatformKey,
} from "./auth/platform-keys";
export { type ApiScope, apiScopes, defaultScopes, scopeDescriptions } from "./auth/scopes";
export {
  ConnectLinkRefusal,
  connectPageFrameAncestors,
  looksLikeLinkToken,
  revokeConnectLink,
} from "./connect-links/connect-links";
export {
  listSentConnectLinks,
  SENT_LINK_HOURS,
  type SentLinkStatus,
  type SentLinkView,
  sendConnectLink,
} from "./connect-links/send-connect-link";
export type { PublicApiDeps } from "./context";
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./routes/resource-routes";

/** A node:http request listener for /api/*, for apps/api's server. */
export function publicApiListener(deps: PublicApiDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const app = createPublicApi(deps);
  return getRequestListener(app.fetch) as (req: IncomingMessage, res: ServerResponse) => void;
}
