/**
 * The one list of places where secrets can appear in a log object. Every
 * logger in Roster uses it, so adding a secret field is a one-line change here.
 * pino's wildcard matches one level, so common nestings are listed explicitly.
 */
const secretKeys = [
  "token",
  "accessToken",
  "access_token",
  "apiKey",
  "api_key",
  "clientSecret",
  "client_secret",
  "signatureToken",
  "signingToken",
  "password",
  "passwordHash",
  "secret",
  "credentials",
  "authorization",
  "cookie",
  "encryptionKey",
];

const nestings = ["", "*.", "*.*.", "req.headers.", "request.headers.", "headers.", "res.headers."];

export const redactPaths: string[] = [
  ...nestings.flatMap((prefix) => secretKeys.map((key) => `${prefix}${key}`)),
  'req.headers["set-cookie"]',
  'res.headers["set-cookie"]',
];

export const REDACTED = "[redacted]";
