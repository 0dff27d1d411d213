// The one place where HTTP answers become values or errors. Every call goes through
// `request`: it sends the session cookie, adds X-CSRF-Token to every write, and turns an
// error answer ({"error": {code, message, field?, details?}}) into an ApiError whose
// `fieldErrors` a form shows at the field and whose `message` is Chinese for the user.

export interface ErrorDetail {
  message: string
  reason?: string
  field?: string
  place?: string
  value?: string
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field?: string
  readonly details: ErrorDetail[]
  constructor(status: number, code: string, message: string, field?: string, details: ErrorDetail[] = []) {
    super(message)
    this.status = status
    this.code = code
    this.field = field
    this.details = details
  }
  /** field name → message, from `field` and every detail that names a field. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {}
    // At the field, the field's name is already in its label: keep only the reason.
    const atField = (m: string) => m.replace(/^字段「[^」]*」[：:]\s*/, '')
    if (this.field) out[this.field] = atField(this.message)
    for (const d of this.details) if (d.field && !out[d.field]) out[d.field] = atField(d.reason || d.message)
    return out
  }
}

const statusMessages: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  409: '数据已被他人修改或状态不允许此操作，请刷新后重试',
  413: '提交的内容过大',
  422: '文件中有错误，未导入任何记录',
  500: '服务器内部错误，请稍后重试',
  503: '服务暂不可用，请稍后重试',
}

let csrfToken = ''
let onUnauthenticated: (() => void) | null = null

export function setCsrfToken(token: string) {
  csrfToken = token
}
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler
}

export type Query = Record<string, string | number | undefined | null>

export function queryString(query?: Query): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    params.append(k, String(v))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

export interface RequestOptions {
  method?: string
  query?: Query
  json?: unknown
  body?: BodyInit
  contentType?: string
  /** Extra request headers (ASCII values), e.g. X-File-Name for uploads. */
  headers?: Record<string, string>
  /** Statuses the caller handles itself (no global unauthenticated redirect). */
  quiet401?: boolean
}

async function errorFrom(res: Response): Promise<ApiError> {
  let code = 'http_' + res.status
  let message = statusMessages[res.status] || `请求失败（${res.status}）`
  let field: string | undefined
  let details: ErrorDetail[] = []
  try {
    const body = await res.json()
    if (body && body.error) {
      code = body.error.code || code
      if (body.error.message) message = body.error.message
      field = body.error.field || undefined
      if (Array.isArray(body.error.details)) details = body.error.details
    }
  } catch {
    // not JSON: keep the message for the status
  }
  return new ApiError(res.status, code, message, field, details)
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method || 'GET'
  const headers: Record<string, string> = { Accept: 'application/json', ...(opts.headers || {}) }
  let body: BodyInit | undefined = opts.body
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.json)
  } else if (opts.contentType) {
    headers['Content-Type'] = opts.contentType
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  let res: Response
  try {
    res = await fetch('/api' + path + queryString(opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试')
  }
  if (!res.ok) {
    const err = await errorFrom(res)
    if (res.status === 401 && !opts.quiet401 && onUnauthenticated) onUnauthenticated()
    throw err
  }
  if (res.status === 204) return undefined as T
  const type = res.headers.get('Content-Type') || ''
  if (type.includes('application/json')) return (await res.json()) as T
  return (await res.text()) as unknown as T
}

/** Like `request`, but a 404 (an API not yet offered by this server) gives null. */
export async function requestOptional<T>(path: string, opts: RequestOptions = {}): Promise<T | null> {
  try {
    return await request<T>(path, opts)
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405 || e.status === 501)) return null
    throw e
  }
}

/** The message to show for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  if (e instanceof Error && /[\u4e00-\u9fff]/.test(e.message)) return e.message
  return '操作失败，请稍后重试'
}
