export {
  emitConnectionCreated,
  emitConnectionDisabled,
  emitConnectionRestored,
  emitSyncFinished,
  lifecycleEpisodeOpen,
  type Permissions,
  recordConnectionPermissions,
} from "./connection-events";
export { type DeliverResult, deliverBatch } from "./deliver";
export { type DeliveryView, listDeliveries, resendDelivery } from "./delivery-log";
export { emitEvent, type OutboxEvent, requestFanOut } from "./emit-event";
export {
  createEndpoint,
  deleteEndpoint,
  type EndpointActor,
  type EndpointInput,
  type EndpointUpdate,
  type EndpointView,
  endpointInputSchema,
  endpointUpdateSchema,
  getEndpoint,
  listEndpoints,
  updateEndpoint,
} from "./endpoints";
export { changedFields, changeEvent, type EventBody } from "./event-bodies";
export { type EventType, eventDescriptions, eventTypes, isEventType } from "./event-types";
export { type FanOutResult, fanOut } from "./fan-out";
export { emitHireOutcome } from "./hire-events";
export { emitIssueChanged, type IssueChange } from "./issue-events";
export {
  DELIVER_TASK,
  DELIVERY_MAX_ATTEMPTS,
  type DeliverPayload,
  FANOUT_JOB_KEY,
  FANOUT_TASK,
  type FanoutPayload,
} from "./job-names";
export { generateSigningSecret, sign, signedHeaders } from "./signing";
export { DeliveriesPendingError, deliverWebhooksTask, type WebhookTaskDeps, webhookFanoutTask } from "./tasks";
