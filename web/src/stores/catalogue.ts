// The schema and the organisation tree, fetched once per session and shared by every page.
import { fetchSchema, type Ledger, type Schema } from '../api/schema'
import { fetchOrgs, type Org } from '../api/orgs'

let schemaPromise: Promise<Schema> | null = null
let orgsPromise: Promise<Org[]> | null = null

export function resetCatalogue() {
  schemaPromise = null
  orgsPromise = null
}

export function schema(): Promise<Schema> {
  if (!schemaPromise) {
    schemaPromise = fetchSchema()
    schemaPromise.catch(() => (schemaPromise = null))
  }
  return schemaPromise
}

export async function ledger(name: string): Promise<Ledger | undefined> {
  return (await schema()).ledgers.find((l) => l.name === name)
}

export function orgs(): Promise<Org[]> {
  if (!orgsPromise) {
    orgsPromise = fetchOrgs().then((b) => b.orgs || [])
    orgsPromise.catch(() => (orgsPromise = null))
  }
  return orgsPromise
}

/** Depth of an organisation in the tree, from its path (for indenting select options). */
export function orgDepth(org: Org): number {
  if (!org.path) return 0
  const parts = org.path.split('/').filter(Boolean)
  return Math.max(0, parts.length - 1)
}
