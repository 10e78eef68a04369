// Input schemas of every procedure, shared with the web app's forms ("@roster/api/schemas").
// Only zod lives here: this module ends up in the browser bundle.

export * from "./api-keys";
export * from "./audit";
export * from "./auth";
export * from "./charts";
export * from "./connect-links";
export * from "./connections";
export * from "./fields";
export * from "./invites";
export * from "./lever";
export * from "./members";
export * from "./organisations";
export * from "./webhooks";
