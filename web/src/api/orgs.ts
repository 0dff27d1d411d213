// Organisations in the user's scope, in tree order (GET /api/orgs).
import { request } from './http'

export interface Org {
  code: string
  name: string
  kind: string
  parent_code: string
  region_code: string
  path: string
}
export function fetchOrgs() {
  return request<{ orgs: Org[] }>('/orgs')
}
