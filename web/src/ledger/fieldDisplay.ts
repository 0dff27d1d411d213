// How a field's value reads in a table or detail: the server's label for enums, booleans
// and organisations when it sends one, else the option label, else the value itself.
import type { Field } from '../api/schema'
import type { LedgerRecord } from '../api/ledgers'

export function displayValue(field: Field, record: LedgerRecord): string {
  const label = record.labels?.[field.name]
  if (label !== undefined && label !== null && label !== '') return String(label)
  const v = record.fields?.[field.name]
  if (v === undefined || v === null || v === '') return ''
  switch (field.type) {
    case 'boolean':
      return v === true || v === 'true' || v === 1 ? '是' : '否'
    case 'enum':
      return field.options?.find((o) => o.value === v)?.label ?? String(v)
    case 'attachment':
      return Array.isArray(v) ? `${v.length} 个附件` : String(v)
    default:
      return Array.isArray(v) ? v.join('、') : String(v)
  }
}

export const dateFieldTypes = new Set(['date', 'datetime'])

/** Fields a list shows by default: declared in_list (the default is true). */
export function listFields(fields: Field[]): Field[] {
  return fields.filter((f) => f.in_list !== false && f.type !== 'attachment' && f.type !== 'long_text')
}

/** "2026-01-05T09:30:12Z" → "2026-01-05 09:30". */
export function formatDateTime(v: string | null | undefined): string {
  if (!v) return ''
  return String(v).replace('T', ' ').replace(/(\d{2}:\d{2}):\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/, '$1')
}
