// The workbench's key figures until /api/indicators answers: each is the count of a
// ledger's records whose date field falls in a period, read from the `total` of a filtered
// list call. A figure whose ledger the user cannot read is left out.
import type { Schema } from '../../api/schema'
import { listRecords } from '../../api/ledgers'

export interface FigureSpec {
  id: string
  label: string
  ledger: string
  dateField: string
  unit: string
}

export const figureSpecs: FigureSpec[] = [
  { id: 'reconsideration_received', label: '行政复议收案', ledger: 'reconsideration', dateField: 'received_on', unit: '件' },
  { id: 'reconsideration_concluded', label: '行政复议审结', ledger: 'reconsideration', dateField: 'concluded_on', unit: '件' },
  { id: 'litigation_filed', label: '行政应诉案件', ledger: 'litigation', dateField: 'filed_on', unit: '件' },
  { id: 'enforcement_opened', label: '行政执法立案', ledger: 'enforcement_case', dateField: 'opened_on', unit: '件' },
  { id: 'dispute_found', label: '矛盾纠纷排查登记', ledger: 'dispute', dateField: 'found_on', unit: '件' },
  { id: 'petition_received', label: '信访事项', ledger: 'petition', dateField: 'received_on', unit: '件' },
]

export interface ComputedFigure {
  spec: FigureSpec
  value: number | null
  previous: number | null
  years: number[]
  trend: (number | null)[]
  /** The period `value` counts: [from, to]; `previous` is the same period a year earlier. */
  from: string
  to: string
}

const pad = (n: number) => String(n).padStart(2, '0')

export function periodQuery(spec: FigureSpec, from: string, to: string): Record<string, string> {
  return { [`f.${spec.dateField}.gte`]: from, [`f.${spec.dateField}.lte`]: to }
}

async function count(spec: FigureSpec, from: string, to: string): Promise<number | null> {
  try {
    const r = await listRecords(spec.ledger, { ...periodQuery(spec, from, to), page: 1, page_size: 1 })
    return r.total ?? null
  } catch {
    return null
  }
}

export function applicableSpecs(schema: Schema): FigureSpec[] {
  const chosen = figureSpecs.filter((s) => {
    const l = schema.ledgers.find((x) => x.name === s.ledger)
    return !!l && l.fields.some((f) => f.name === s.dateField)
  })
  if (chosen.length) return chosen
  // None of the usual figures is readable here: count the user's ledgers by their first
  // required date (the date a record is registered on), at most six of them.
  const generic: FigureSpec[] = []
  for (const l of schema.ledgers) {
    const date = l.fields.find((f) => f.type === 'date' && f.required) || l.fields.find((f) => f.type === 'date')
    if (date) generic.push({ id: `${l.name}_${date.name}`, label: l.label, ledger: l.name, dateField: date.name, unit: '条' })
    if (generic.length === 6) break
  }
  return generic
}

/** This year to date, the same period last year, and five calendar years. */
export async function computeFigure(spec: FigureSpec, today: Date): Promise<ComputedFigure> {
  const y = today.getFullYear()
  const md = `${pad(today.getMonth() + 1)}-${pad(today.getDate())}`
  const years = [y - 4, y - 3, y - 2, y - 1, y]
  // The trend's current year is the year to date, the same count as the figure itself.
  const [value, previous, ...past] = await Promise.all([
    count(spec, `${y}-01-01`, `${y}-${md}`),
    count(spec, `${y - 1}-01-01`, `${y - 1}-${md}`),
    ...years.slice(0, 4).map((yy) => count(spec, `${yy}-01-01`, `${yy}-12-31`)),
  ])
  const trend = [...past, value]
  return { spec, value, previous, years, trend, from: `${y}-01-01`, to: `${y}-${md}` }
}

/**
 * Early in a year (or on data that stops at the last year) every figure of this year is
 * still 0: then the figures show the last full year against the year before, from the
 * trend already fetched. Returns the label of the period shown.
 */
export function settlePeriod(figures: ComputedFigure[], today: Date): string {
  const y = today.getFullYear()
  const thisYearEmpty = figures.every((f) => !f.value)
  const lastYearHas = figures.some((f) => (f.trend[3] ?? 0) > 0)
  if (!figures.length || !thisYearEmpty || !lastYearHas) return `${y}年1月1日至${today.getMonth() + 1}月${today.getDate()}日`
  for (const f of figures) {
    f.value = f.trend[3]
    f.previous = f.trend[2]
    f.from = `${y - 1}-01-01`
    f.to = `${y - 1}-12-31`
  }
  return `${y - 1}年全年（本年尚无数据）`
}
