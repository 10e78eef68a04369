export { type AuditAction, type AuditEntry, CLI_VIA, recordAudit } from "./audit";
export { AlreadyMemberError, type CreatedInvite, createInvite, INVITE_DAYS } from "./invites";
export { createOrganisationWithOwner } from "./organisations";
export { decoyPasswordHash, hashPassword, verifyPassword } from "./passwords";
export { findOrCreateUser, findUserByEmail } from "./users";
