// The annual report (法治政府建设年度报告): rounds and departments' parts are ledgers
// (report_round, report_part, through api/ledgers.ts); these are the round's own views —
// who has handed in, the body as it stands, the consistency check, publication — and the
// report's files (docs/api.md, "Report rounds").
import { request, queryString } from './http'
import type { LedgerRecord } from './ledgers'

export interface RoundDepartment {
  org_code: string
  org_name: string
  had_records: boolean
  part_id: number | null
  state: string
  state_label: string
  submitted_on: string | null
  return_comment: string | null
}
export interface RoundStatus {
  round_id: number
  year: number
  org_code: string
  org_name: string
  title: string
  state: string
  deadline: string
  submitted: number
  outstanding: number
  departments: RoundDepartment[]
}
export interface BodyFigure { indicator: string; label: string; text: string; unit: string; chapter: string; change_text: string }
export interface RoundBody { round_id: number; title: string; edited: boolean; body: string; figures: BodyFigure[] }
export interface Finding { kind: string; blocking: boolean; message: string; indicator?: string }
export interface RoundCheck { round_id: number; publishable: boolean; findings: Finding[] }
export interface PublishOutcome { published: boolean; findings: Finding[]; record?: LedgerRecord }

export const reportFormats = [
  { format: 'docx', label: '公文格式文档（可编辑）' },
  { format: 'pdf', label: '版式文件（打印、归档）' },
  { format: 'html', label: '网页（发布到门户网站）' },
  { format: 'md', label: '纯文本' },
  { format: 'json', label: '数据文件（含每个指标的计算来源）' },
] as const

/** The chapter fields of a department's part, in the report's order (labels from the schema). */
export const partChapters = [
  'functions', 'institutions', 'decisions', 'enforcement', 'emergency', 'disputes', 'oversight',
  'technology', 'leadership', 'first_responsibility', 'shortcomings', 'next_year',
]

export const findingKindLabels: Record<string, string> = {
  empty_slot: '数据缺失',
  rate_mismatch: '比率不一致',
  stale_figure: '数据已变化',
  missing_part: '部门材料未报送',
  typed_figure: '手填数字与台账不符',
}
export function findingKindLabel(kind: string): string {
  if (findingKindLabels[kind]) return findingKindLabels[kind]
  if (kind.startsWith('review:')) return '文字审读建议'
  return '其他'
}

/** A round the user's department writes a part for (its own or an organisation's above it). */
export interface MyRound {
  round_id: number
  year: number
  org_code: string
  org_name: string
  title: string
  deadline: string
  state: string
  part_id: number | null
  part_state: string | null
}
export function myRounds() {
  return request<{ rounds: MyRound[] }>('/report-rounds/mine')
}

export function roundStatus(id: number | string) {
  return request<RoundStatus>(`/report-rounds/${id}/status`)
}
export function roundBody(id: number | string) {
  return request<RoundBody>(`/report-rounds/${id}/body`)
}
export function roundCheck(id: number | string) {
  return request<RoundCheck>(`/report-rounds/${id}/check`)
}
/** Publishes after the check; a blocking finding answers 409 with the findings. */
export async function publishRound(id: number | string, publishedOn?: string): Promise<PublishOutcome> {
  return request<PublishOutcome>(`/report-rounds/${id}/publish`, { method: 'POST', json: { published_on: publishedOn } })
}
export function reportFileUrl(year: number | string, org: string, format: string, download = true) {
  return `/api/reports/${year}${queryString({ org, format, download: download ? 1 : undefined })}`
}
