// Ledger records: list, read, create, edit, transitions, delete, import, export.
import { request, queryString, type Query } from './http'

export interface Deadline {
  name: string
  label: string
  /** The start date (ISO), or empty when the start is not recorded yet. */
  from: string
  days: number
  count: 'working_days' | 'calendar_days'
  due: string | null
  done_on: string | null
  state: 'running' | 'due_soon' | 'due_today' | 'overdue' | 'met' | 'met_late' | 'unknown'
  state_label: string
  working_days_left: number | null
  source?: string
  /** Why the state is unknown, when it is. */
  note?: string
}
export interface RecordTransition { name: string; label: string; to: string; requires_fields: string[] }
export interface LedgerRecord {
  id: number
  title: string
  org_code: string
  org_name: string
  state: string
  state_label: string
  version: number
  created_at: string
  created_by: string
  updated_at: string
  updated_by: string
  fields: Record<string, unknown>
  labels?: Record<string, string>
  transitions?: RecordTransition[]
  deadlines?: Deadline[]
}
export interface RecordPage {
  total: number
  page: number
  page_size: number
  records: LedgerRecord[]
}
export interface ImportResult { rows: number; first_id?: number; last_id?: number; dry_run?: boolean }

const base = (ledger: string) => `/ledgers/${encodeURIComponent(ledger)}`

export function listRecords(ledger: string, query: Query) {
  return request<RecordPage>(base(ledger), { query })
}
export function getRecord(ledger: string, id: number | string) {
  return request<LedgerRecord>(`${base(ledger)}/${id}`)
}
export function createRecord(ledger: string, fields: Record<string, unknown>, orgCode?: string) {
  return request<LedgerRecord>(base(ledger), { method: 'POST', json: { org_code: orgCode || undefined, fields } })
}
export function updateRecord(ledger: string, id: number, version: number, fields: Record<string, unknown>) {
  return request<LedgerRecord>(`${base(ledger)}/${id}`, { method: 'PATCH', json: { version, fields } })
}
export function takeTransition(ledger: string, id: number, step: string, version: number, fields: Record<string, unknown>) {
  return request<LedgerRecord>(`${base(ledger)}/${id}/transitions/${encodeURIComponent(step)}`, {
    method: 'POST',
    json: { version, fields },
  })
}
export function deleteRecord(ledger: string, id: number, version: number) {
  return request<void>(`${base(ledger)}/${id}`, { method: 'DELETE', query: { version } })
}
/** `mapping`: the name of a saved import mapping to read the file through, or '' for none. */
export function importFile(ledger: string, file: File, dryRun: boolean, mapping = '') {
  return request<ImportResult>(`${base(ledger)}/import`, {
    method: 'POST',
    query: { filename: file.name, dry_run: dryRun ? 1 : undefined, mapping: mapping || undefined },
    body: file,
    contentType: 'application/octet-stream',
  })
}
/** The URL that downloads the records matching `filters` (no paging). */
export function exportUrl(ledger: string, format: 'xlsx' | 'csv', filters: Query) {
  const q: Query = { ...filters, format, page: undefined, page_size: undefined }
  return `/api${base(ledger)}/export${queryString(q)}`
}
