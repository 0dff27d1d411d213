// Ledger declarations as the server publishes them (GET /api/schema).
import { request } from './http'

export type FieldType =
  | 'text' | 'long_text' | 'integer' | 'decimal' | 'date' | 'datetime' | 'enum' | 'boolean'
  | 'national_code' | 'org_ref' | 'person_ref' | 'record_ref' | 'attachment'

export interface Option { value: string; label: string }
export interface Field {
  name: string
  label: string
  type: FieldType
  required?: boolean
  unique?: boolean
  options?: Option[]
  code?: string
  ref_ledger?: string
  max_length?: number | null
  min?: number | null
  max?: number | null
  help?: string
  in_list?: boolean
}
export interface State { name: string; label: string; terminal?: boolean }
export interface Transition { name: string; label: string; from: string[]; to: string; requires_fields: string[] }
export interface TimeLimit {
  name: string
  label: string
  from: string
  days: number
  count: 'working_days' | 'calendar_days'
  until?: string
  source?: string
}
export interface Ledger {
  name: string
  label: string
  area: string
  title_field: string
  can_write: boolean
  fields: Field[]
  states: State[]
  initial_state: string
  transitions: Transition[]
  time_limits: TimeLimit[]
}
export interface Schema {
  ledgers: Ledger[]
  roles: { name: string; label: string }[]
}

export function fetchSchema() {
  return request<Schema>('/schema', { quiet401: true })
}
