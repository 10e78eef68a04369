import { randomBytes } from "node:crypto";
import { normalizeScopes } from "./permissions";

export interface TokenInfo {
  token: string;
  companyId: string;
  /** Canonical order, exactly what /core/me reports. */
  scopes: readonly string[];
  scopeSet: ReadonlySet<string>;
}

export type TokenLookup = { ok: true; info: TokenInfo } | { ok: false; reason: "unknown" | "revoked" };

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** ~20 char [A-Za-z0-9] strings, like the customer tokens seen in the wild. */
function newTokenString(): string {
  const bytes = randomBytes(24);
  let out = "";
  for (const byte of bytes) out += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return out;
}

/** Bearer tokens, each scoped to exactly one company. */
export class TokenStore {
  private readonly active = new Map<string, TokenInfo>();
  private readonly revoked = new Set<string>();

  create(companyId: string, scopes?: readonly string[], fixedToken?: string): TokenInfo {
    const normalized = normalizeScopes(scopes);
    const token = fixedToken ?? newTokenString();
    const info: TokenInfo = { token, companyId, scopes: normalized, scopeSet: new Set(normalized) };
    this.active.set(token, info);
    this.revoked.delete(token);
    return info;
  }

  /** An admin editing the token's checkboxes in Zenefits: same token, other scopes. False when it is not active. */
  setScopes(token: string, scopes: readonly string[]): boolean {
    const info = this.active.get(token);
    if (!info) return false;
    this.create(info.companyId, scopes, token);
    return true;
  }

  revoke(token: string): boolean {
    const existed = this.active.delete(token);
    if (existed) this.revoked.add(token);
    return existed;
  }

  lookup(token: string): TokenLookup {
    const info = this.active.get(token);
    if (info) return { ok: true, info };
    return { ok: false, reason: this.revoked.has(token) ? "revoked" : "unknown" };
  }

  list(): TokenInfo[] {
    return [...this.active.values()];
  }
}

/** The token from `Authorization: Bearer <token>` (scheme case-insensitive), or null. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
