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
  /** The period `value` counts: [from, to]; `previous` is the same period a year earlier. */
  from: string
  to: string
  /** Five calendar years, the current one to date; empty until `loadTrend`. */
  years: number[]
  trend: (number | null)[]
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

/**
 * The figures first (two list calls each: this year to date and the same period last
 * year), so they show before the trends are fetched. Early in a year, or on data that
 * stops at the last year, every figure of this year is 0: then the figures show the last
 * full year against the year before. Returns the figures and the label of their period.
 */
export async function loadFigures(specs: FigureSpec[], today: Date): Promise<{ figures: ComputedFigure[]; period: string }> {
  const y = today.getFullYear()
  const md = `${pad(today.getMonth() + 1)}-${pad(today.getDate())}`
  const figures = await Promise.all(
    specs.map(async (spec) => {
      const [value, previous] = await Promise.all([
        count(spec, `${y}-01-01`, `${y}-${md}`),
        count(spec, `${y - 1}-01-01`, `${y - 1}-${md}`),
      ])
      return { spec, value, previous, from: `${y}-01-01`, to: `${y}-${md}`, years: [], trend: [] } as ComputedFigure
    }),
  )
  const toDate = `${y}年1月1日至${today.getMonth() + 1}月${today.getDate()}日`
  if (!figures.length || figures.some((f) => f.value)) return { figures, period: toDate }
  const lastYears = await Promise.all(
    figures.map((f) => Promise.all([count(f.spec, `${y - 1}-01-01`, `${y - 1}-12-31`), count(f.spec, `${y - 2}-01-01`, `${y - 2}-12-31`)])),
  )
  if (!lastYears.some(([last]) => last)) return { figures, period: toDate }
  figures.forEach((f, i) => {
    ;[f.value, f.previous] = lastYears[i]
    f.from = `${y - 1}-01-01`
    f.to = `${y - 1}-12-31`
  })
  return { figures, period: `${y - 1}年全年（本年尚无数据）` }
}

/** Five calendar years for each figure; the current year is the year to date. */
export async function loadTrend(f: ComputedFigure, today: Date): Promise<void> {
  const y = today.getFullYear()
  const md = `${pad(today.getMonth() + 1)}-${pad(today.getDate())}`
  const years = [y - 4, y - 3, y - 2, y - 1, y]
  f.trend = await Promise.all(years.map((yy) => (yy === y ? count(f.spec, `${y}-01-01`, `${y}-${md}`) : count(f.spec, `${yy}-01-01`, `${yy}-12-31`))))
  f.years = years
}
