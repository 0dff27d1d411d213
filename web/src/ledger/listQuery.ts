// The list filters as the API and the address bar both spell them (f.FIELD, f.FIELD.gte,
// f.FIELD.lte, f.FIELD.like, f.FIELD.in, state, org, q, sort, order, page, page_size), so a
// figure on the workbench links straight to a filtered list.
import type { LocationQuery } from 'vue-router'
import type { Query } from '../api/http'

export type ListQuery = Record<string, string>

export function fromRoute(q: LocationQuery): ListQuery {
  const out: ListQuery = {}
  for (const [k, v] of Object.entries(q)) {
    const s = Array.isArray(v) ? v[0] : v
    if (s !== null && s !== undefined && s !== '') out[k] = String(s)
  }
  return out
}

/** Only the filters (no paging, no sort): what an export takes. */
export function filtersOnly(q: ListQuery): Query {
  const out: Query = {}
  for (const [k, v] of Object.entries(q)) if (k !== 'page' && k !== 'page_size') out[k] = v
  return out
}

export const pageSizes = [20, 50, 100]
