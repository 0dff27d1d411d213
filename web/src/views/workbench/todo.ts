// The to-do list until /api/todo answers: open records of every ledger with time limits,
// keeping the deadlines due soon, due today or overdue.
import type { Schema } from '../../api/schema'
import { listRecords, type LedgerRecord } from '../../api/ledgers'
import type { TodoItem } from '../../api/workbench'

const urgent = new Set(['due_soon', 'due_today', 'overdue'])

async function openRecords(ledger: Schema['ledgers'][number]): Promise<LedgerRecord[]> {
  const open = ledger.states.filter((s) => !s.terminal).map((s) => s.name)
  const base = { page: 1, page_size: 200, sort: 'updated_at', order: 'desc' }
  try {
    return (await listRecords(ledger.name, { ...base, 'f.state.in': open.join(',') })).records || []
  } catch {
    try {
      return (await listRecords(ledger.name, { page: 1, page_size: 200 })).records || []
    } catch {
      return []
    }
  }
}

export async function gatherTodo(schema: Schema): Promise<TodoItem[]> {
  const withLimits = schema.ledgers.filter((l) => (l.time_limits || []).length > 0)
  const lists = await Promise.all(withLimits.map(async (l) => ({ l, records: await openRecords(l) })))
  const items: TodoItem[] = []
  for (const { l, records } of lists) {
    for (const r of records) {
      for (const d of r.deadlines || []) {
        if (!urgent.has(d.state)) continue
        items.push({
          ledger: l.name,
          ledger_label: l.label,
          record_id: r.id,
          title: r.title,
          org_name: r.org_name,
          deadline: { label: d.label, due: d.due, state: d.state, state_label: d.state_label, working_days_left: d.working_days_left, source: d.source },
        })
      }
    }
  }
  items.sort((a, b) => (a.deadline.working_days_left ?? 0) - (b.deadline.working_days_left ?? 0) || String(a.deadline.due).localeCompare(String(b.deadline.due)))
  return items
}
