// Sessions: log in, log out, who am I (with the menus the server allows).
import { request } from './http'

export interface User {
  login: string
  name: string
  role: string
  role_label: string
  org_code: string
  org_name: string
}
export interface MenuEntry {
  ledger: string
  label: string
  area: string
  can_write: boolean
}
export interface Me {
  user: User
  csrf_token: string
  menus: MenuEntry[]
}

export function login(loginName: string, password: string) {
  return request<{ user: User; csrf_token: string }>('/login', {
    method: 'POST',
    json: { login: loginName, password },
    quiet401: true,
  })
}
export function logout() {
  return request<void>('/logout', { method: 'POST' })
}
export function fetchMe() {
  return request<Me>('/me', { quiet401: true })
}
