/**
 * The admin surface under /__admin (no auth; a loopback tool; never rate limited, faulted or
 * logged), as `roster simulate lever --help` prints it. Imports nothing, so the CLI can read it
 * cheaply; a test checks it against the admin routes.
 */
export const LEVER_ADMIN_ROUTES: readonly { route: string; purpose: string }[] = [
  { route: "GET /__admin", purpose: "this index: URL, API key, seed, ids" },
  { route: "POST /__admin/opportunities/:id/hire", purpose: "hire (archive as Hired, sign the offer, send webhooks)" },
  { route: "POST /__admin/opportunities/:id/offer", purpose: "move to the Offer stage" },
  { route: "POST /__admin/opportunities/:id/stage", purpose: "move to any stage {stageId}" },
  {
    route: "POST /__admin/opportunities/:id/feedback",
    purpose: "another scorecard {userId, interviewId?, rating, completedAt?}",
  },
  { route: "DELETE /__admin/opportunities/:id/feedback/:feedbackId", purpose: "delete a scorecard (deletedAt set)" },
  { route: "POST /__admin/opportunities/:id/interviews/:interviewId/cancel", purpose: "cancel an interview" },
  { route: "PUT /__admin/opportunities/:id/offer-fields", purpose: "change the offer's fields {fields: {identifier: value}}" },
  { route: "POST /__admin/mutate", purpose: "edit, add and delete candidates {update?, add?, remove?}" },
  { route: "GET|PUT|DELETE /__admin/webhook", purpose: "the settings-page webhook {url, signatureToken?, events?}" },
  { route: "GET /__admin/webhook/log", purpose: "webhook delivery log" },
  { route: "POST /__admin/webhook/replay", purpose: "resend the last delivery byte for byte" },
  { route: "POST /__admin/webhook/forged", purpose: "send a candidateHired signed with the wrong key" },
  { route: "POST /__admin/webhook/verify", purpose: 'the "Verify connection" ping (data: {})' },
  { route: "GET|PUT|DELETE /__admin/faults", purpose: "read, set or clear fault injection" },
  { route: "PUT /__admin/rate-limit", purpose: "change the rate limit {perSecond, burst}, or false to turn it off" },
  { route: "POST /__admin/api-keys", purpose: "create a key {scopes?, confidential?}" },
  { route: "DELETE /__admin/api-keys/:key", purpose: "revoke a key" },
  { route: "GET|DELETE /__admin/requests", purpose: "request log, or clear it" },
  { route: "GET /__admin/truth", purpose: "all data as the API serves it" },
  { route: "GET /__admin/stages/:stageId/opportunities", purpose: 'active opportunities in a stage ("hired": the hired ones)' },
  { route: "POST /__admin/reset", purpose: "back to the state right after start" },
];
