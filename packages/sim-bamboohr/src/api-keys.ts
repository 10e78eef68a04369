import { randomBytes } from "node:crypto";

/** An API key belongs to one user of one company; the user's permissions are the key's (reference §1.2). */
export interface KeyGrant {
  key: string;
  companyDomain: string;
  userId: number;
}

export type KeyLookup = { ok: true; grant: KeyGrant } | { ok: false; reason: "unknown" | "revoked" };

/** "A 160-bit number expressed in hexadecimal form": 40 hex characters. */
export function newApiKey(): string {
  return randomBytes(20).toString("hex");
}

export class ApiKeys {
  private readonly active = new Map<string, KeyGrant>();
  private readonly revoked = new Set<string>();

  create(companyDomain: string, userId: number, key = newApiKey()): KeyGrant {
    const grant = { key, companyDomain, userId };
    this.active.set(key, grant);
    this.revoked.delete(key);
    return grant;
  }

  revoke(key: string): boolean {
    const existed = this.active.delete(key);
    if (existed) this.revoked.add(key);
    return existed;
  }

  lookup(key: string): KeyLookup {
    const grant = this.active.get(key);
    if (grant) return { ok: true, grant };
    return { ok: false, reason: this.revoked.has(key) ? "revoked" : "unknown" };
  }

  list(): KeyGrant[] {
    return [...this.active.values()];
  }
}

/**
 * The key from `Authorization: Basic base64(key:password)`. The password is
 * ignored, as BambooHR ignores it ("any random string", clients send "x").
 */
export function basicUsername(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^\s*basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const username = colon >= 0 ? decoded.slice(0, colon) : decoded;
  return username.length > 0 ? username : null;
}
