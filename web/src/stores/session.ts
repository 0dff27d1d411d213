// Who is logged in, with the CSRF token and menus from /api/me. One reactive object shared
// by the app; `ready` turns true once the first /api/me has answered.
import { reactive } from 'vue'
import { ApiError, setCsrfToken } from '../api/http'
import { fetchMe, login, logout, type MenuEntry, type User } from '../api/session'
import { resetCatalogue, schema } from './catalogue'

export const session = reactive({
  ready: false,
  user: null as User | null,
  menus: [] as MenuEntry[],
})

export async function loadSession(): Promise<void> {
  // The schema is wanted by every page: ask for it beside /api/me rather than after it.
  schema().catch(() => resetCatalogue())
  try {
    const me = await fetchMe()
    session.user = me.user
    session.menus = me.menus || []
    setCsrfToken(me.csrf_token)
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) console.warn('me', e)
    session.user = null
    session.menus = []
  } finally {
    session.ready = true
  }
}

export async function logIn(name: string, password: string): Promise<void> {
  const answer = await login(name, password)
  setCsrfToken(answer.csrf_token)
  resetCatalogue()
  await loadSession()
}

export async function logOut(): Promise<void> {
  try {
    await logout()
  } finally {
    clearSession()
  }
}

export function clearSession() {
  session.user = null
  session.menus = []
  setCsrfToken('')
  resetCatalogue()
}

export const isAdmin = () => session.user?.role === 'admin'
