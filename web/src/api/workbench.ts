// The workbench's own APIs (/api/todo, /api/indicators). Servers that don't offer them yet
// answer 404, which gives null here: the workbench then computes from ledger lists.
import { requestOptional, type Query } from './http'

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
export interface IndicatorFigure {
  id: string
  label: string
  unit?: string
  value: number | null
  previous?: number | null
  trend?: { year: number; value: number | null }[]
  ledger?: string
  filters?: Query
}

export async function fetchTodo(): Promise<TodoItem[] | null> {
  const body = await requestOptional<{ items?: TodoItem[] } | TodoItem[]>('/todo')
  if (body === null) return null
  if (Array.isArray(body)) return body
  return Array.isArray(body.items) ? body.items : null
}
export async function fetchIndicators(): Promise<IndicatorFigure[] | null> {
  const body = await requestOptional<{ indicators?: IndicatorFigure[] }>('/indicators')
  if (body === null || !Array.isArray(body.indicators)) return null
  return body.indicators
}
