// The fazhi side of the browser runs: a demo database and `fazhi serve` on a free loopback
// port. Used by e2e/run.mjs and bench/web/bench.mjs; `configure` first.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

let fazhi = ''
let repo = ''
let artifacts = ''
let log = console.log
let server = null

export function configure(options) {
  fazhi = options.fazhi
  repo = options.repo
  artifacts = options.artifacts
  if (options.log) log = options.log
}

function check(cond, message) {
  if (!cond) throw new Error(message)
}

export function run(args, input) {
  const r = spawnSync(fazhi, args, { input, encoding: 'utf8', timeout: 600_000 })
  return { code: r.status, out: r.stdout || '', err: r.stderr || '' }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

export function today(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86400000)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export const roles = ['admin', 'coordinator', 'clerk', 'leader', 'reader']
export const roleLabels = { admin: '系统管理员', coordinator: '协调员', clerk: '经办人', leader: '领导', reader: '查阅人员' }

// Reads the demo logins from `fazhi init --demo` output: one line per user naming the role
// (code or Chinese label), the login and, on that line or once for all, the password.
export function parseDemoLogins(text) {
  const lines = text.split(/\r?\n/)
  const shared = text.match(/(?:密码|password)\s*[：:=]?\s*([^\s，,；;）)]+)/i)?.[1]
  const found = {}
  for (const line of lines) {
    const role = roles.find((r) => new RegExp(`\\b${r}\\b`).test(line)) || roles.find((r) => line.includes(roleLabels[r]))
    if (!role || found[role]) continue
    // "  login / password  （role，organisation）", as `fazhi init --demo` prints them.
    const pair = line.match(/^\s*([A-Za-z0-9_.@-]+)\s+\/\s+(\S+)/)
    if (pair) {
      found[role] = { login: pair[1], password: pair[2] }
      continue
    }
    const own = line.match(/(?:密码|password)\s*[：:=]?\s*([^\s，,；;）)]+)/i)?.[1]
    const loginLabelled = line.match(/(?:用户名|账号|登录名|login)\s*[：:=]?\s*([A-Za-z0-9_.@-]+)/i)?.[1]
    const tokens = (line.match(/[A-Za-z][A-Za-z0-9_.@-]{2,}/g) || []).filter(
      (t) => !roles.includes(t) && !/^(password|login|role|org|demo)$/i.test(t) && t !== own && t !== shared,
    )
    const login = loginLabelled || tokens[0]
    const password = own || shared
    if (login && password) found[role] = { login, password }
  }
  return found
}

function orgCsv() {
  return [
    '单位编码,单位名称,单位类别,上级单位编码,行政区划代码',
    '370100,测试市人民政府,人民政府,,370100',
    '370100.sfj,测试市司法局,政府部门,370100,370100',
    '370100.scjgj,测试市市场监督管理局,政府部门,370100,370100',
    '370102,测试市甲区人民政府,人民政府,370100,370102',
    '370102.sfj,测试市甲区司法局,政府部门,370102,370102',
  ].join('\n') + '\n'
}

export function makeDatabase(dir) {
  const db = path.join(dir, 'demo.db')
  // The browser journeys use the small city; the first-load benchmark may ask for the full
  // one (FAZHI_DEMO_SCALE=city).
  const demo = run(['init', '--db', db, '--demo', '--scale', process.env.FAZHI_DEMO_SCALE || 'small'])
  if (demo.code === 0) {
    const logins = parseDemoLogins(demo.out + '\n' + demo.err)
    fs.writeFileSync(path.join(artifacts, 'demo-init.txt'), demo.out + demo.err)
    if (roles.every((r) => logins[r])) return { db, logins, demo: true }
    log('demo logins not all found in `fazhi init --demo` output; adding e2e users', JSON.stringify(logins))
    return { db, logins: { ...addUsers(db, null), ...logins }, demo: true }
  }
  log(`\`fazhi init --demo\` failed (exit ${demo.code}): ${(demo.err || demo.out).trim().split('\n')[0]}; making organisations and users by CLI`)
  const init = run(['init', '--db', db])
  if (init.code !== 0) log(`\`fazhi init\` exit ${init.code}: ${(init.err || init.out).trim().split('\n')[0]}`)
  const csv = path.join(dir, 'orgs.csv')
  fs.writeFileSync(csv, orgCsv())
  const imp = run(['import', '--db', db, '--ledger', 'organizations', csv])
  check(imp.code === 0, `导入单位失败：\`fazhi import --ledger organizations\` exit ${imp.code}: ${(imp.err || imp.out).trim()}`)
  const logins = addUsers(db, { admin: '370100', coordinator: '370100', clerk: '370102.sfj', leader: '370100', reader: '370102.sfj' })
  seedCases(dir, db)
  return { db, logins, demo: false }
}

// A few cases over five years in two organisations, so lists, figures and the to-do list
// have something to show when there is no demo generator.
function seedCases(dir, db) {
  const y = new Date().getFullYear()
  for (const [org, n] of [['370100.sfj', 14], ['370102.sfj', 9]]) {
    const rows = ['案号,申请人,被申请人,被申请复议的行政行为,收到申请日期']
    for (let i = 0; i < n; i++) {
      const yy = y - (i % 5)
      const date = i < 2 ? today(-2 - i) : `${yy}-${String(1 + (i % 11)).padStart(2, '0')}-1${i % 9}`
      rows.push(`种子${org}〔${yy}〕${i + 1}号,申请人${i},${org},行政处罚决定,${date}`)
    }
    const file = path.join(dir, `seed-${org}.csv`)
    fs.writeFileSync(file, rows.join('\n') + '\n')
    const r = run(['import', '--db', db, '--ledger', 'reconsideration', '--org', org, file])
    if (r.code !== 0) log(`seeding cases for ${org} failed: ${(r.err || r.out).trim().split('\n').slice(0, 3).join(' | ')}`)
  }
}

function addUsers(db, orgByRole) {
  const password = 'Passw0rd!'
  const out = {}
  for (const role of roles) {
    const org = orgByRole ? orgByRole[role] : null
    if (!org) continue
    const login = `e2e_${role}`
    const r = run(['user', 'add', '--db', db, '--login', login, '--role', role, '--org', org], password + '\n')
    check(r.code === 0, `添加用户失败：\`fazhi user add --role ${role}\` exit ${r.code}: ${(r.err || r.out).trim()}`)
    out[role] = { login, password }
  }
  return out
}

export async function startServer(db, logName = 'server.log') {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const logFile = fs.openSync(path.join(artifacts, logName), 'w')
  // FAZHI_E2E_WEB: a web UI built elsewhere than web/dist (`vite build --outDir`).
  const web = process.env.FAZHI_E2E_WEB ? ['--web', process.env.FAZHI_E2E_WEB] : []
  server = spawn(fazhi, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, ...web], {
    cwd: repo,
    stdio: ['ignore', logFile, logFile],
  })
  let exited = null
  server.once('exit', (code) => (exited = code))
  for (let i = 0; i < 150; i++) {
    if (exited !== null) throw new Error(`\`fazhi serve\` exited with ${exited}; see ${path.join(artifacts, logName)}`)
    try {
      const r = await fetch(base + '/api/health')
      if (r.ok) return base
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('`fazhi serve` did not answer /api/health within 15 s')
}

/** Stops the server this module started: SIGTERM, then SIGKILL after 3 s. */
export async function stopServer() {
  const child = server
  server = null
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), 3000))
  if ((await Promise.race([exited, timer])) === 'timeout') {
    child.kill('SIGKILL')
    await exited
  }
}
