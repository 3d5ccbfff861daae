/*
 * The audit trail. Writers: `writeAudit`/`writeAuditMany` inside the change's own transaction, with an
 * entity and action from the vocabulary. Readers: lib/audit/queries.ts (server-only) returns rows
 * described in words by lib/audit/describe.ts.
 */

export type { AuditAction, AuditActionOf, AuditEntity, AuditPair } from './vocabulary'
export { type AuditInput, writeAudit, writeAuditMany } from './write'
