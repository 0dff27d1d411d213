// Import mappings (导入映射): a city's own 12345 or 好差评 export headers mapped onto a ledger,
// kept by the server (GET/POST /api/import-mappings), and the column preview of a file before
// importing it (POST /api/ledgers/NAME/import/columns). See docs/api.md.
import { request } from './http'

export interface MappingEntry { name: string; title?: string; ledger?: string; error?: string }
export interface MappedColumn { header: string; field: string; values?: Record<string, string>; format?: string }
export interface Mapping {
  name: string
  title: string
  ledger: string
  columns: MappedColumn[]
  ignore: string[]
  due?: { field: string; from: string; by: string; working_days: Record<string, number>; default_working_days: number }
  on_time?: { field: string; done: string; due: string }
}
/** The mapping file's own form (src/ledger/import_mapping.h), as a coordinator saves it. */
export interface MappingText {
  name: string
  ledger: string
  columns: Record<string, string | { field: string; values?: Record<string, string>; format?: string }>
  ignore?: string[]
}
export type ColumnHow = 'mapping' | 'label' | 'org' | 'state' | 'system' | 'ignored' | 'duplicate' | 'unknown'
export interface PreviewColumn {
  header: string
  how: ColumnHow
  field?: string
  format?: string
  samples: string[]
  more_samples: boolean
  unmapped: string[]
}
export interface ColumnPreview {
  ledger: string
  mapping: string | null
  columns: PreviewColumn[]
  computed: string[]
  missing: string[]
  rows_read: number
}

export function listMappings() {
  return request<MappingEntry[]>('/import-mappings')
}
export function getMapping(name: string) {
  return request<Mapping>(`/import-mappings/${encodeURIComponent(name)}`)
}
export function createMapping(name: string, mapping: MappingText) {
  return request<Mapping>('/import-mappings', { method: 'POST', json: { name, mapping } })
}

// The start of a large .csv is enough to see its columns; an .xlsx is read whole.
const csvPreviewBytes = 256 * 1024
async function previewBody(file: File): Promise<Blob> {
  if (!/\.csv$/i.test(file.name) || file.size <= csvPreviewBytes) return file
  const head = new Uint8Array(await file.slice(0, csvPreviewBytes).arrayBuffer())
  const lastNewline = head.lastIndexOf(0x0a)
  return new Blob([lastNewline > 0 ? head.subarray(0, lastNewline + 1) : head])
}
export async function previewColumns(ledger: string, file: File, mapping: string) {
  return request<ColumnPreview>(`/ledgers/${encodeURIComponent(ledger)}/import/columns`, {
    method: 'POST',
    query: { filename: file.name, mapping: mapping || undefined },
    body: await previewBody(file),
    contentType: 'application/octet-stream',
  })
}
