import type { Connector } from "@roster/core";
import { type Db, sql } from "@roster/db";
import { connectLinkRequest, enqueueEmail } from "@roster/email";
import { ConnectLinkRefusal, connectLinkUrl, createConnectLink } from "./connect-links";

/** How long a link sent by email lasts: long enough to reach someone busy, short enough to not linger. */
export const SENT_LINK_HOURS = 72;

export interface SendConnectLinkInput {
  organisationId: string;
  connectorId: string;
  /** Whoever holds the provider's admin rights; needs no Roster account. */
  to: string;
  note: string | null;
  /** The owner who sends it: named in the email and on the page, and in the audit log. */
  userId: string;
  publicUrl: string;
}

/**
 * Dashboard → Settings → Integrations → <HRIS> → "Send a connect link": a single-use link for
 * this organisation and connector (the same links the API makes), emailed through the outbox in
 * the transaction that creates it. The recipient pastes the token into Roster's page, so it never
 * travels by email; the page then says it is done (no return URL: the recipient usually has no
 * Roster account, and the owner sees the connection in the dashboard).
 */
export async function sendConnectLink(
  db: Db,
  installed: readonly Connector[],
  input: SendConnectLinkInput,
): Promise<{ id: string; expiresAt: Date }> {
  const connector = installed.find((k) => k.manifest.id === input.connectorId);
  const existing = await db
    .selectFrom("connections")
    .select("id")
    .where("organisation_id", "=", input.organisationId)
    .where("connector_id", "=", input.connectorId)
    .executeTakeFirst();
  if (existing) {
    throw new ConnectLinkRefusal(
      "already_connected",
      `${connector?.manifest.name ?? input.connectorId} is already connected: replace its token in the integration's settings instead.`,
    );
  }
  return db.transaction().execute(async (trx) => {
    const { token, link } = await createConnectLink(trx, installed, {
      organisationId: input.organisationId,
      connectorIds: [input.connectorId],
      returnUrl: null,
      allowedOrigins: [],
      brand: { name: null, logoUrl: null, colour: null },
      expiresInMinutes: SENT_LINK_HOURS * 60,
      createdBy: { apiKeyId: null, platformKeyId: null, userId: input.userId },
      sentTo: input.to,
    });
    const facts = await trx
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .innerJoin("organisations as o", "o.id", "m.organisation_id")
      .select(["u.name", "u.email", "o.name as organisationName"])
      .where("m.user_id", "=", input.userId)
      .where("m.organisation_id", "=", input.organisationId)
      .executeTakeFirstOrThrow();
    await enqueueEmail(trx, {
      organisationId: input.organisationId,
      kind: "connect_link",
      to: [input.to],
      ...connectLinkRequest({
        requesterName: facts.name,
        requesterEmail: facts.email,
        organisationName: facts.organisationName,
        // createConnectLink has checked it is installed.
        providerName: connector?.manifest.name ?? input.connectorId,
        url: connectLinkUrl(input.publicUrl, token),
        expiresAt: link.expires_at,
        note: input.note,
      }),
      dedupeKey: `connect_link:${link.id}`,
    });
    return { id: link.id, expiresAt: link.expires_at };
  });
}

/** Used: taken by a connect under way, or its connection was deleted since. */
export type SentLinkStatus = "pending" | "connected" | "used" | "expired" | "revoked";

export interface SentLinkView {
  id: string;
  connectorIds: string[];
  sentTo: string;
  sentBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  status: SentLinkStatus;
  connectionId: string | null;
}

/**
 * The links owners sent from the dashboard for one connector: every pending one, and the last month's others
 * (connected, expired, revoked), newest first. Status by the database's clock, as the link
 * page judges expiry.
 */
export async function listSentConnectLinks(db: Db, organisationId: string, connectorId: string): Promise<SentLinkView[]> {
  const rows = await db
    .selectFrom("connect_links as l")
    .leftJoin("users as u", "u.id", "l.created_by_user_id")
    .select([
      "l.id",
      "l.connector_ids as connectorIds",
      "l.sent_to as sentTo",
      "u.name as sentBy",
      "l.created_at as createdAt",
      "l.expires_at as expiresAt",
      "l.connection_id as connectionId",
      sql<SentLinkStatus>`case
        when l.connection_id is not null then 'connected'
        when l.revoked_at is not null then 'revoked'
        when l.used_at is not null then 'used'
        when l.expires_at <= now() then 'expired'
        else 'pending' end`.as("status"),
    ])
    .where("l.organisation_id", "=", organisationId)
    .where("l.sent_to", "is not", null)
    .where(sql<boolean>`${connectorId} = any(l.connector_ids)`)
    .where((eb) =>
      eb.or([eb("l.expires_at", ">", sql<Date>`now()`), eb("l.created_at", ">", sql<Date>`now() - interval '30 days'`)]),
    )
    .orderBy("l.created_at", "desc")
    .limit(50)
    .execute();
  return rows.map((row) => ({ ...row, sentTo: row.sentTo ?? "" }));
}
