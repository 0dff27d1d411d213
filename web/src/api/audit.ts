// The audit log and its hash-chain verification (admins only).
import { request, type Query } from './http'

export interface AuditEntry {
  seq: number
  at: string
  actor: string
  actor_org: string
  action: string
  ledger: string
  record_id: number | null
  before: unknown
  after: unknown
  detail: string
  hash: string
}
export interface AuditVerification {
  intact: boolean
  entries: number
  rows: number
  head_hash: string
  problems: unknown[]
}
export function fetchAudit(query: Query) {
  return request<{ total: number; entries: AuditEntry[] }>('/audit', { query })
}
export function verifyAudit() {
  return request<AuditVerification>('/audit/verify')
}
