// First load of the workbench (首页) on the demo city: cold cache, loopback. Measures the
// time from navigation to the key figures being visible, and the bytes transferred (from
// the Chrome DevTools Protocol's Network events: encoded, i.e. compressed, sizes).
//
//   node bench/web/bench.mjs BUILD/fazhi [runs]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '..', '..')
const require = createRequire(path.join(repo, 'web', 'package.json'))
const { chromium } = require('playwright-core')
const { configure, makeDatabase, startServer, stopServer } = await import(path.join(repo, 'web', 'e2e', 'fazhi.mjs'))

const fazhi = path.resolve(process.argv[2] || path.join(repo, 'build', 'fazhi'))
const runs = Number(process.argv[3] || 5)
const artifacts = path.join(repo, 'tests-artifacts', 'bench-web')
fs.mkdirSync(artifacts, { recursive: true })
configure({ fazhi, repo, artifacts, log: (...a) => console.error('[bench]', ...a) })

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-web-'))
let browser
try {
  const { db, logins, demo } = makeDatabase(dir)
  const base = await startServer(db, 'server.log')
  const who = logins.coordinator || logins.admin
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const samples = []
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const login = await context.request.post(base + '/api/login', { data: { login: who.login, password: who.password } })
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    const kinds = {}
    const bytes = { total: 0, atFigures: 0, js: 0, css: 0, api: 0, other: 0 }
    let requests = 0
    let figuresSeen = false
    cdp.on('Network.responseReceived', (e) => (kinds[e.requestId] = e.response.url))
    cdp.on('Network.loadingFinished', (e) => {
      const url = kinds[e.requestId] || ''
      const n = e.encodedDataLength
      bytes.total += n
      if (!figuresSeen) bytes.atFigures += n
      requests++
      if (url.includes('/api/')) bytes.api += n
      else if (url.endsWith('.js')) bytes.js += n
      else if (url.endsWith('.css')) bytes.css += n
      else bytes.other += n
    })
    const t0 = Date.now()
    await page.goto(base + '/')
    await page.locator('[data-test=figures-ready]').waitFor({ timeout: 60_000 })
    const tFigures = Date.now() - t0
    figuresSeen = true
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(500)
    const tIdle = Date.now() - t0
    if (i === 0) await page.screenshot({ path: path.join(artifacts, 'workbench.png'), fullPage: true })
    samples.push({ tFigures, tIdle, requests, ...bytes })
    console.error(`[bench] run ${i + 1}: figures ${tFigures} ms, idle ${tIdle} ms, ${(bytes.atFigures / 1024).toFixed(0)} KiB at figures, ${(bytes.total / 1024).toFixed(0)} KiB total, ${requests} requests`)
    await context.close()
  }
  const median = (k) => {
    const v = samples.map((s) => s[k]).sort((a, b) => a - b)
    return v[Math.floor(v.length / 2)]
  }
  const kib = (n) => (n / 1024).toFixed(0)
  console.log(`demo database: ${demo ? `fazhi init --demo --scale ${process.env.FAZHI_DEMO_SCALE || 'small'}` : 'CLI-made organisations, users and 23 cases (no demo generator yet)'}`)
  console.log(`runs: ${runs}, median of each column`)
  console.log(`| time to figures visible | time to network idle (charts drawn) | bytes at figures visible | bytes total | of which JS / CSS / API / other | requests |`)
  console.log(`|---|---|---|---|---|---|`)
  console.log(
    `| ${median('tFigures')} ms | ${median('tIdle')} ms | ${kib(median('atFigures'))} KiB | ${kib(median('total'))} KiB | ${kib(median('js'))} / ${kib(median('css'))} / ${kib(median('api'))} / ${kib(median('other'))} KiB | ${median('requests')} |`,
  )
} finally {
  if (browser) await browser.close()
  await stopServer()
  fs.rmSync(dir, { recursive: true, force: true })
}
