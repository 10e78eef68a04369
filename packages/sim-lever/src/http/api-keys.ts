import { randomBytes } from "node:crypto";

/** What a key may do: Lever sets endpoint permissions and confidential access per key (reference §1). */
export interface KeyGrant {
  /** Allowed scopes such as "opportunities:read:admin"; "all" for a key with every permission. */
  scopes: readonly string[] | "all";
  /** Chosen at creation only in Lever: whether confidential postings/opportunities are visible. */
  confidential: boolean;
}

export interface ApiKeyOptions {
  scopes?: readonly string[];
  confidential?: boolean;
}

export class ApiKeys {
  private readonly grants = new Map<string, KeyGrant>();

  /** Registers `key` (or a new random one) and returns it. */
  create(options: ApiKeyOptions = {}, key = randomBytes(24).toString("base64url")): string {
    this.grants.set(key, { scopes: options.scopes ?? "all", confidential: options.confidential ?? true });
    return key;
  }

  revoke(key: string): void {
    this.grants.delete(key);
  }

  clear(): void {
    this.grants.clear();
  }

  /**
   * Basic auth with the key as username (the password is ignored; Lever's docs say leave it empty),
   * or a Bearer token, which the simulator treats as an API key too.
   */
  authenticate(authorization: string | undefined): { key: string; grant: KeyGrant } | undefined {
    if (!authorization) return undefined;
    const [scheme, credentials = ""] = authorization.trim().split(/\s+/, 2);
    let key: string | undefined;
    if (scheme?.toLowerCase() === "basic") {
      const decoded = Buffer.from(credentials, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      key = colon >= 0 ? decoded.slice(0, colon) : decoded;
    } else if (scheme?.toLowerCase() === "bearer") {
      key = credentials;
    }
    const grant = key ? this.grants.get(key) : undefined;
    return key && grant ? { key, grant } : undefined;
  }
}

export function allows(grant: KeyGrant, scope: string | undefined): boolean {
  if (!scope || grant.scopes === "all") return true;
  return grant.scopes.includes(scope);
}
