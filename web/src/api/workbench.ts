// The workbench's own APIs (docs/api.md): /api/todo (deadlines due soon, today or overdue)
// and /api/indicators (figures for an organisation and a period, with the same period a
// year earlier, and the records behind each figure).
import { ApiError, request } from './http'
import type { LedgerRecord } from './ledgers'

/** A to-do row as the workbench shows it. */
export interface TodoItem {
  ledger: string
  ledger_label?: string
  record_id: number
  title: string
  org_name?: string
  deadline: {
    label: string
    due: string | null
    state: string
    state_label: string
    working_days_left: number | null
    source?: string
  }
}
/** One item of GET /api/todo. */
interface TodoApiItem {
  ledger: string
  ledger_label: string
  record: number
  record_title: string
  step: string
  step_label: string
  due: string | null
  state: string
  state_label?: string
  rule?: string
  source?: string
  org_code?: string
  org_name?: string
  working_days_left?: number | null
}
export interface TodoPage {
  total: number
  totals: { due_soon: number; due_today: number; overdue: number }
  items: TodoItem[]
}

export interface IndicatorFigure {
  id: string
  label: string
  unit?: string
  area?: string
  value: number | null
  previous: number | null
  change?: number | null
  numerator?: number | null
  denominator?: number | null
  ledger?: string
}
export interface IndicatorAnswer {
  org: string
  org_name: string
  from: string
  to: string
  previous_from: string
  previous_to: string
  indicators: IndicatorFigure[]
}
export interface IndicatorRecords {
  indicator: string
  ledger: string
  total: number
  page: number
  page_size: number
  records: LedgerRecord[]
}

const stateLabels: Record<string, string> = { due_soon: '即将到期', due_today: '今日到期', overdue: '已逾期' }

function todoRow(i: TodoApiItem): TodoItem {
  return {
    ledger: i.ledger,
    ledger_label: i.ledger_label,
    record_id: i.record,
    title: i.record_title,
    org_name: i.org_name,
    deadline: {
      label: i.step_label,
      due: i.due,
      state: i.state,
      state_label: i.state_label || stateLabels[i.state] || i.state,
      working_days_left: i.working_days_left ?? null,
      source: [i.rule, i.source].filter(Boolean).join('，') || undefined,
    },
  }
}

/** The user's to-do list, up to `maxPages` pages of 200. */
export async function fetchTodo(maxPages = 10): Promise<TodoPage> {
  const first = await request<{ total: number; page_size: number; totals: TodoPage['totals']; items: TodoApiItem[] }>('/todo', {
    query: { page: 1, page_size: 200 },
  })
  const items = (first.items || []).map(todoRow)
  const pages = Math.min(maxPages, Math.ceil((first.total || 0) / Math.max(1, first.page_size || items.length || 1)))
  for (let p = 2; p <= pages; p++) {
    const next = await request<{ items: TodoApiItem[] }>('/todo', { query: { page: p, page_size: 200 } })
    items.push(...(next.items || []).map(todoRow))
  }
  return { total: first.total, totals: first.totals, items }
}

/** The workbench's key indicators, in the order shown (ids of INDICATORS.md). */
export const keyIndicatorIds = [
  'reconsideration.concluded',
  'reconsideration.correction_rate',
  'litigation.head_appearance_rate',
  'enforcement.cases',
  'enforcement.legal_review_rate',
  'disputes.resolution_rate',
  'petition.received',
  'hotline.satisfaction_rate',
]

/**
 * Figures for `org` over [from, to] with the same period a year earlier. An id the server
 * does not know makes it refuse the list: then every indicator is asked for and the first
 * eight are kept.
 */
export async function fetchIndicators(org: string, from: string, to: string, ids = keyIndicatorIds): Promise<IndicatorAnswer> {
  try {
    return await request<IndicatorAnswer>('/indicators', { query: { org, from, to, ids: ids.join(',') } })
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 400 && e.status !== 404)) throw e
    const all = await request<IndicatorAnswer>('/indicators', { query: { org, from, to } })
    all.indicators = all.indicators.slice(0, 8)
    return all
  }
}

/** The records behind indicator `id` (its drill-down), one page. */
export function fetchIndicatorRecords(id: string, query: { org: string; from: string; to: string; page: number; page_size: number }) {
  return request<IndicatorRecords>(`/indicators/${encodeURIComponent(id)}/records`, { query })
}
