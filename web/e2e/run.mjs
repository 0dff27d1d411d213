#!/usr/bin/env node
// Browser journeys of the web UI against a real `fazhi serve` on a demo database.
//
//   node web/e2e/run.mjs BUILD/fazhi
//
// Makes a demo database (`fazhi init --demo --scale small`; until the demo generator
// exists, organisations and users are made through the CLI instead), starts the server on
// a free loopback port, drives Debian's chromium with playwright-core, saves screenshots
// under tests-artifacts/web/, prints "N passed, M failed" and exits non-zero on a failure.
// A journey that needs a server feature not there yet fails, naming what is missing.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { ledgerTemplateXlsx } from './xlsx.mjs'
import { importMappingJourneys } from './import_mapping.mjs'
import { configure, makeDatabase, startServer, stopServer, roles, roleLabels, today } from './fazhi.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const webDir = path.resolve(here, '..')
const repo = path.resolve(webDir, '..')
const artifacts = path.join(repo, 'tests-artifacts', 'web')
const started = Date.now()
const budgetMs = 330_000

const fazhi = path.resolve(process.argv[2] || path.join(repo, 'build', 'fazhi'))
const results = []
let browser = null
let tmpDir = null

function log(...a) {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a)
}

// FAZHI_E2E_ONLY=regex runs only the journeys whose names match (and the setup).
const only = process.env.FAZHI_E2E_ONLY ? new RegExp(process.env.FAZHI_E2E_ONLY) : null

async function journey(name, fn) {
  if (only && !only.test(name) && !name.startsWith('准备')) return
  if (Date.now() - started > budgetMs) {
    results.push({ name, ok: false, why: '超出总时间预算，未运行' })
    console.log(`FAIL ${name}: time budget spent, not run`)
    return
  }
  const t = Date.now()
  try {
    await fn()
    results.push({ name, ok: true })
    console.log(`PASS ${name} (${Date.now() - t} ms)`)
  } catch (e) {
    results.push({ name, ok: false, why: e?.message || String(e) })
    console.log(`FAIL ${name} (${Date.now() - t} ms): ${(e?.message || String(e)).split('\n').slice(0, 6).join('\n    ')}`)
  }
}

function check(cond, message) {
  if (!cond) throw new Error(message)
}

function ensureBuilt() {
  if (process.env.FAZHI_E2E_WEB || fs.existsSync(path.join(webDir, 'dist', 'index.html'))) return
  log('web/dist missing: building the UI')
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' })
  check(r.status === 0, 'vite build failed')
}

// ---------------------------------------------------------------- browser helpers

async function newPage(base, viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.on('pageerror', (e) => console.log('  page error:', e.message))
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && console.log('  console:', m.text()))
  await page.goto(base + '/')
  return page
}

async function login(page, who) {
  await page.locator('input[name=login]').fill(who.login)
  await page.locator('input[name=password]').fill(who.password)
  await page.locator('button.login-submit').click()
  await page.locator('[data-test=header-user]').waitFor()
}

// English words in the interface text of `selector` (record data in links and table cells
// left out): the interface must be Chinese throughout.
async function interfaceEnglish(page, selector = '.layout-main') {
  const text = await page.evaluate((selector) => {
    const root = document.querySelector(selector).cloneNode(true)
    for (const el of root.querySelectorAll('.record-link, .el-table__body .cell, [data-field-value], .el-descriptions__content, .el-timeline-item__content strong, h1'))
      el.remove()
    return root.innerText || root.textContent
  }, selector)
  return text.match(/[A-Za-z]{3,}/g) || []
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(artifacts, name + '.png'), fullPage: true })
}

async function api(page, p) {
  return page.evaluate(async (p) => {
    const r = await fetch('/api' + p, { credentials: 'same-origin' })
    let body = null
    try {
      body = await r.json()
    } catch {}
    return { status: r.status, body }
  }, p)
}

async function fillField(page, name, value, type) {
  const item = page.locator(`.el-form-item[data-field="${name}"]`)
  if (type === 'enum' || type === 'org_ref' || type === 'boolean') {
    await item.locator('.el-select').click()
    const option = page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: value })
    await option.first().click()
  } else if (type === 'date') {
    const input = item.locator('input')
    await input.fill(value)
    await input.press('Enter')
  } else {
    const input = item.locator('input, textarea').first()
    await input.fill(String(value))
    await input.blur()
  }
}

// ---------------------------------------------------------------- the journeys

async function main() {
  fs.mkdirSync(artifacts, { recursive: true })
  configure({ fazhi, repo, artifacts, log })
  check(process.env.FAZHI_E2E_URL || fs.existsSync(fazhi), `没有找到 fazhi 可执行文件：${fazhi}`)
  ensureBuilt()
  const dir = (tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-')))
  // The server's import mappings (导入映射): the run's own folder, which journeys write.
  if (!process.env.FAZHI_MAPPINGS_DIR) process.env.FAZHI_MAPPINGS_DIR = path.join(dir, 'mappings')
  fs.mkdirSync(process.env.FAZHI_MAPPINGS_DIR, { recursive: true })
  let setup
  let base
  await journey('准备演示数据库并启动 fazhi serve', async () => {
    if (process.env.FAZHI_E2E_URL) {
      // A server already running (for developing the UI): logins as JSON {role: {login, password}}.
      setup = { logins: JSON.parse(process.env.FAZHI_E2E_LOGINS || '{}'), demo: true }
      base = process.env.FAZHI_E2E_URL
      return
    }
    setup = makeDatabase(dir)
    log('logins:', Object.entries(setup.logins).map(([r, v]) => `${r}=${v.login}`).join(' '))
    base = await startServer(setup.db)
    log('server at', base)
  })
  if (!base) return finish(dir)

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const L = setup.logins
  const seen = {}

  await journey('未登录访问 / 显示登录页，界面无英文，错误密码提示', async () => {
    const page = await newPage(base)
    await page.locator('input[name=login]').waitFor()
    const text = await page.locator('body').innerText()
    check(text.includes('登录'), '登录页没有“登录”字样')
    const english = text.match(/[A-Za-z]{3,}/g)
    check(!english, `登录页有英文：${english}`)
    await shot(page, 'login')
    await page.locator('input[name=login]').fill(L.admin.login)
    await page.locator('input[name=password]').fill('wrong-password-1')
    await page.locator('button.login-submit').click()
    await page.locator('[data-test=login-error]').waitFor()
    await page.context().close()
  })

  for (const role of roles) {
    await journey(`以${roleLabels[role]}登录：页头、菜单与首页`, async () => {
      check(L[role], `没有${roleLabels[role]}的演示账号`)
      const page = await newPage(base)
      await login(page, L[role])
      const header = await page.locator('[data-test=header-user]').innerText()
      check(header.includes(roleLabels[role]), `页头没有角色「${roleLabels[role]}」：${header}`)
      const me = await api(page, '/me')
      check(me.status === 200, `/api/me 返回 ${me.status}`)
      const menus = me.body.menus || []
      const shown = await page.locator('.layout-aside [data-ledger]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ledger')))
      check(menus.length > 0, '/api/me 没有菜单')
      check(
        menus.every((m) => shown.includes(m.ledger)) && shown.length === menus.length,
        `侧边菜单与 /api/me 不符：菜单 ${shown.length} 项，接口 ${menus.length} 项`,
      )
      const auditMenu = await page.locator('.layout-aside .el-menu-item', { hasText: '审计日志' }).count()
      check(role === 'admin' ? auditMenu === 1 : auditMenu === 0, `审计日志菜单对${roleLabels[role]}${auditMenu ? '可见' : '不可见'}`)
      await page.locator('[data-test=figures-ready], [data-test=figures] .el-empty, [data-test=figures] .el-alert').first().waitFor()
      await page.locator('[data-test=todo-table], [data-test=todo] .el-alert').first().waitFor()
      await page.waitForTimeout(300)
      // Interface text only: record numbers and names in links and table cells are data.
      const body = await page.evaluate(() => {
        const root = document.querySelector('.layout-main').cloneNode(true)
        for (const el of root.querySelectorAll('.record-link, .el-table__body .cell')) el.remove()
        return root.innerText || root.textContent
      })
      await shot(page, `workbench-${role}`)
      const english = (body.match(/[A-Za-z]{3,}/g) || []).filter((w) => ![L[role].login].includes(w))
      check(english.length === 0, `首页有英文：${english.slice(0, 5).join(' ')}`)
      seen[role] = { me: me.body }
      await page.context().close()
    })
  }

  const recon = 'reconsideration'
  await journey('经办人只看到本单位及下级的记录，查阅人员没有新建按钮', async () => {
    const page = await newPage(base)
    await login(page, L.clerk)
    const menus = seen.clerk?.me?.menus || (await api(page, '/me')).body.menus
    const target = menus.find((m) => m.ledger === recon) || menus[0]
    await page.goto(`${base}/#/ledgers/${target.ledger}`)
    await page.locator('[data-test=ledger-table]').waitFor()
    await page.locator('[data-test=list-total]').waitFor()
    const scope = (await api(page, '/orgs')).body.orgs.map((o) => o.code)
    const list = await api(page, `/ledgers/${target.ledger}?page_size=200`)
    check(list.status === 200, `列表返回 ${list.status}`)
    // A record is in scope when its organisation is, or when it names an organisation in
    // scope (a reconsideration case is also visible to the organ it is against).
    const schema = (await api(page, '/schema')).body
    const orgFields = schema.ledgers.find((l) => l.name === target.ledger).fields.filter((f) => f.type === 'org_ref').map((f) => f.name)
    const outside = list.body.records.filter((r) => !scope.includes(r.org_code) && !orgFields.some((f) => scope.includes(r.fields[f])))
    check(outside.length === 0, `经办人看到 ${outside.length} 条本单位范围以外的记录`)
    const rows = await page.locator('[data-test=record-link]').count()
    check(rows === Math.min(list.body.total, 20), `表格 ${rows} 行，接口共 ${list.body.total} 条`)
    await shot(page, 'list-clerk')
    const listEnglish = await interfaceEnglish(page)
    check(listEnglish.length === 0, `列表页有英文：${listEnglish.slice(0, 5).join(' ')}`)
    await page.context().close()

    const admin = await newPage(base)
    await login(admin, L.admin)
    const all = await api(admin, `/ledgers/${target.ledger}?page_size=1`)
    check(all.body.total >= list.body.total, '管理员看到的记录比经办人少')
    if (setup.demo) check(all.body.total > list.body.total || list.body.total === 0, `演示数据中经办人与管理员看到同样多的记录（${all.body.total}）`)
    await admin.context().close()

    const reader = await newPage(base)
    await login(reader, L.reader)
    const rmenus = (await api(reader, '/me')).body.menus
    check(rmenus.every((m) => !m.can_write), '查阅人员有可写的台账')
    await reader.goto(`${base}/#/ledgers/${rmenus[0].ledger}`)
    await reader.locator('[data-test=ledger-title]').waitFor()
    await reader.locator('[data-test=list-total]').waitFor()
    check((await reader.locator('[data-test=create]').count()) === 0, '查阅人员看到了“新建”按钮')
    check((await reader.locator('[data-test=import]').count()) === 0, '查阅人员看到了“导入”按钮')
    await shot(reader, 'list-reader')
    await reader.context().close()
  })

  // Who may write reconsideration cases: the first of these roles with can_write.
  const writer = ['clerk', 'coordinator', 'admin'].find((r) => (seen[r]?.me?.menus || []).some((m) => m.ledger === recon && m.can_write))
  const caseNumber = `E2E复〔${new Date().getFullYear()}〕${Date.now() % 100000}号`
  let caseUrl = null

  await journey('新建行政复议案件，受理审查期限出现并显示剩余工作日；受理后起算审理期限', async () => {
    check(writer, '没有可写行政复议案件的演示账号')
    const page = await newPage(base)
    await login(page, L[writer])
    await page.goto(`${base}/#/ledgers/${recon}`)
    await page.locator('[data-test=create]').click()
    await page.locator('.ledger-form').waitFor()
    const orgs = (await api(page, '/orgs')).body.orgs
    await fillField(page, 'case_number', caseNumber)
    await fillField(page, 'applicant', '张某某')
    await fillField(page, 'respondent_org', orgs[orgs.length - 1].name, 'org_ref')
    await fillField(page, 'act_description', '对申请人作出的罚款决定')
    await fillField(page, 'received_on', today(), 'date')
    await shot(page, 'reconsideration-new')
    await page.locator('[data-test=save]').click()
    await page.locator('[data-test=case-timeline]').waitFor()
    caseUrl = page.url()
    const tag = page.locator('[data-test=deadlines] .deadline-tag').first()
    await tag.waitFor()
    const text = await page.locator('[data-test=deadlines]').innerText()
    check(/受理审查期限/.test(text), `期限表没有“受理审查期限”：${text.slice(0, 200)}`)
    check(/剩 \d+ 个工作日|今日到期/.test(text), `期限表没有剩余工作日：${text.slice(0, 200)}`)
    const timeline = await page.locator('[data-test=case-timeline]').innerText()
    check(/受理审查期限届满/.test(timeline), '时间线没有“受理审查期限届满”')
    await shot(page, 'reconsideration-case')

    await page.locator('[data-step=accept]').click()
    const dialog = page.locator('.el-dialog:visible')
    await dialog.waitFor()
    const starts = await dialog.innerText()
    check(/法定期限/.test(starts), '受理对话框没有说明起算的法定期限')
    await fillField(page, 'examination_outcome', '受理', 'enum')
    await shot(page, 'reconsideration-accept')
    await page.locator('[data-test=transition-submit]').click()
    await page.locator('[data-test=record-state]', { hasText: '已受理' }).waitFor()
    await page.waitForTimeout(300)
    const after = await page.locator('[data-test=deadlines]').innerText()
    check(/审理期限|决定期限|复议决定/.test(after), `受理后没有出现审理期限：${after.slice(0, 300)}`)
    await shot(page, 'reconsideration-accepted')
    const caseEnglish = await interfaceEnglish(page)
    check(caseEnglish.length === 0, `案件页有英文：${caseEnglish.slice(0, 5).join(' ')}`)
    await page.context().close()
  })

  await journey('为行政复议案件上传 PDF 案件材料，详情页显示文件名和大小，下载回来内容一致', async () => {
    check(caseUrl, '前一步没有建成行政复议案件')
    const page = await newPage(base)
    await login(page, L[writer])
    await page.goto(caseUrl)
    await page.locator('[data-test=edit]').click()
    await page.locator('.ledger-form').waitFor()
    const name = '复议申请书（扫描件）.pdf'
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
        'trailer << /Root 1 0 R >>\n%%EOF\n',
    )
    const file = path.join(artifacts, 'attachment-upload.pdf')
    fs.writeFileSync(file, pdf)
    const field = page.locator('.el-form-item[data-field=attachments]')
    await field.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf })
    await field.locator('.attachment-file', { hasText: name }).waitFor()
    await shot(page, 'attachment-upload')
    await page.locator('[data-test=save]').click()
    const link = page.locator('[data-attachments=attachments] [data-test=attachment-link]', { hasText: name })
    await link.waitFor()
    const row = await page.locator('[data-attachments=attachments]').innerText()
    check(row.includes(`${pdf.length} 字节`), `详情页没有显示文件大小：${row}`)
    await shot(page, 'attachment-detail')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    check(download.suggestedFilename() === name, `下载的文件名为「${download.suggestedFilename()}」`)
    const back = path.join(artifacts, 'attachment-download.pdf')
    await download.saveAs(back)
    check(fs.readFileSync(back).equals(pdf), '下载回来的文件与上传的内容不一致')
    // The record's JSON names the file and its size.
    const id = caseUrl.match(/\/(\d+)(?:\?.*)?$/)[1]
    const rec = await api(page, `/ledgers/${recon}/${id}`)
    const files = rec.body?.fields?.attachments || []
    check(files.length === 1 && files[0].name === name && files[0].size === pdf.length, `记录中的附件：${JSON.stringify(files)}`)
    // Someone outside the case's organisation gets nothing.
    const other = await newPage(base)
    await login(other, L.reader)
    const denied = await api(other, `/attachments/${files[0].id}`)
    const readable = (await api(other, `/ledgers/${recon}/${id}`)).status === 200
    check(readable ? denied.status === 200 : denied.status === 404, `查阅人员下载附件返回 ${denied.status}（案件${readable ? '可' : '不可'}查看）`)
    await other.context().close()
    await page.context().close()
  })

  await journey('错误的字段被拒绝，消息显示在该字段下（客户端与服务器）', async () => {
    check(writer, '没有可写行政复议案件的演示账号')
    const page = await newPage(base)
    await login(page, L[writer])
    await page.goto(`${base}/#/ledgers/${recon}/new`)
    await page.locator('.ledger-form').waitFor()
    await page.locator('[data-test=save]').click()
    const required = page.locator('.el-form-item[data-field=applicant] .el-form-item__error')
    await required.waitFor()
    check((await required.innerText()).includes('请填写申请人'), '必填提示不在“申请人”下')
    await fillField(page, 'applicant', '张'.repeat(201))
    const tooLong = await page.locator('.el-form-item[data-field=applicant] .el-form-item__error').innerText()
    check(tooLong.includes('200'), `超长提示不对：${tooLong}`)
    // The server's check: a case number already used.
    const orgs = (await api(page, '/orgs')).body.orgs
    await fillField(page, 'applicant', '李某')
    await fillField(page, 'case_number', caseNumber)
    await fillField(page, 'respondent_org', orgs[orgs.length - 1].name, 'org_ref')
    await fillField(page, 'act_description', '不予登记决定')
    await fillField(page, 'received_on', today(), 'date')
    await page.locator('[data-test=save]').click()
    const serverError = page.locator('.el-form-item[data-field=case_number] .el-form-item__error')
    await serverError.waitFor()
    const msg = await serverError.innerText()
    check(/已被|重复|已存在/.test(msg), `案号重复的服务器提示不在“案号”下：${msg}`)
    await shot(page, 'field-errors')
    await page.context().close()
  })

  await journey('导入有一个错误单元格的 Excel：指出该单元格，未导入任何记录；改正后先检查再导入', async () => {
    check(writer, '没有可写行政复议案件的演示账号')
    const page = await newPage(base)
    await login(page, L[writer])
    const schema = (await api(page, '/schema')).body
    const ledger = schema.ledgers.find((l) => l.name === recon)
    const orgs = (await api(page, '/orgs')).body.orgs
    const before = (await api(page, `/ledgers/${recon}?page_size=1`)).body.total
    const label = (n) => ledger.fields.find((f) => f.name === n).label
    const header = [label('case_number'), label('applicant'), label('respondent_org'), label('act_description'), label('received_on')]
    const y = new Date().getFullYear()
    const rows = [
      [`E2E导〔${y}〕1号`, '王某', orgs[0].code, '罚款决定', `${y}-01-05`],
      [`E2E导〔${y}〕2号`, '赵某', orgs[0].code, '责令停产停业决定', `${y}-13-45`],
      [`E2E导〔${y}〕3号`, '钱某', orgs[0].code, '没收违法所得决定', `${y}-02-10`],
    ]
    const file = path.join(artifacts, 'import-one-bad-cell.xlsx')
    fs.writeFileSync(file, ledgerTemplateXlsx(header, rows))
    await page.goto(`${base}/#/ledgers/${recon}`)
    await page.locator('[data-test=import]').click()
    await page.locator('[data-test=import-file]').setInputFiles(file)
    await page.locator('[data-test=import-send]').click()
    await page.locator('[data-test=import-rejected]').waitFor()
    const text = await page.locator('[data-test=import-rejected]').innerText()
    check(text.includes('没有导入任何记录'), '没有说明未导入任何记录')
    const table = page.locator('[data-test=import-errors]')
    await table.waitFor()
    const cells = await table.innerText()
    check(cells.includes(label('received_on')), `错误表没有指出列「${label('received_on')}」：${cells}`)
    check(/\b3\b/.test(cells), `错误表没有指出第 3 行：${cells}`)
    await shot(page, 'import-rejected')
    const after = (await api(page, `/ledgers/${recon}?page_size=1`)).body.total
    check(after === before, `导入失败后记录数从 ${before} 变为 ${after}`)

    // The corrected file: checked only (nothing written), then imported.
    rows[1][4] = `${y}-03-15`
    const good = path.join(artifacts, 'import-corrected.xlsx')
    fs.writeFileSync(good, ledgerTemplateXlsx(header, rows))
    await page.locator('[data-test=import-file]').setInputFiles(good)
    await page.locator('[data-test=import-dialog] .el-checkbox', { hasText: '仅检查' }).click()
    await page.locator('[data-test=import-send]').click()
    const ok = page.locator('[data-test=import-ok]')
    await ok.waitFor()
    check((await ok.innerText()).includes('检查通过'), `仅检查的结果：${await ok.innerText()}`)
    check((await api(page, `/ledgers/${recon}?page_size=1`)).body.total === before, '仅检查却写入了记录')
    await page.locator('[data-test=import-dialog] .el-checkbox', { hasText: '仅检查' }).click()
    await page.locator('[data-test=import-send]').click()
    await page.locator('[data-test=import-ok]', { hasText: '导入成功' }).waitFor()
    const imported = (await api(page, `/ledgers/${recon}?page_size=1`)).body.total
    check(imported === before + 3, `导入 3 行后记录数从 ${before} 变为 ${imported}`)
    await shot(page, 'import-ok')
    await page.context().close()
  })

  await importMappingJourneys({ journey, newPage, login, api, shot, check, base, L, artifacts })

  await journey('列表：排序、翻页、列设置和按状态筛选', async () => {
    const page = await newPage(base)
    await login(page, L.coordinator || L.admin)
    await page.goto(`${base}/#/ledgers/${recon}`)
    await page.locator('[data-test=list-total]').waitFor()
    const total = (await api(page, `/ledgers/${recon}?page_size=1`)).body.total
    check(total > 20, `演示数据中行政复议案件只有 ${total} 件，无法翻页`)
    const firstTitle = async () => (await page.locator('[data-test=record-link]').first().innerText()).trim()
    await page.locator('.ledger-table th', { hasText: '收到申请日期' }).locator('.caret-wrapper').click()
    await page.waitForURL(/sort=received_on/)
    const order = new URL(page.url().replace('/#/', '/')).searchParams.get('order') || 'asc'
    const sorted = (await api(page, `/ledgers/${recon}?sort=received_on&order=${order}&page_size=1`)).body.records[0].title
    const shows = async (title) => {
      for (let i = 0; i < 50 && (await firstTitle()) !== title; i++) await page.waitForTimeout(100)
      return (await firstTitle()) === title
    }
    check(await shows(sorted), `按收到申请日期排序（${order}）后第一行为「${await firstTitle()}」，接口为「${sorted}」`)
    const sortedFirst = sorted
    await page.locator('.el-pagination .number', { hasText: /^2$/ }).click()
    await page.waitForURL(/page=2/)
    const second = (await api(page, `/ledgers/${recon}?sort=received_on&order=${order}&page=2&page_size=20`)).body.records[0].title
    check(second !== sortedFirst && (await shows(second)), `翻到第 2 页后第一行为「${await firstTitle()}」，接口为「${second}」`)
    const before = await page.locator('.ledger-table th').count()
    await page.locator('[data-test=columns]').click()
    await page.locator('.column-choice .el-checkbox', { hasText: '申请人' }).first().click()
    await page.waitForTimeout(300)
    const after = await page.locator('.ledger-table th').count()
    check(after !== before, `列设置后列数没有变化（${before}）`)
    await page.keyboard.press('Escape')
    await page.locator('[data-test=filter-state]').click()
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '已受理' }).first().click()
    await page.locator('[data-test=filter-apply]').click()
    await page.waitForURL(/state=accepted/)
    const accepted = (await api(page, `/ledgers/${recon}?state=accepted&page_size=1`)).body.total
    const totalShown = page.locator('[data-test=list-total]', { hasText: ` ${accepted} ` })
    await totalShown.waitFor({ timeout: 5000 }).catch(() => {})
    const shownTotal = await page.locator('[data-test=list-total]').innerText()
    check(shownTotal.includes(` ${accepted} `), `按状态“已受理”筛选：接口 ${accepted} 条，页面“${shownTotal}”`)
    await shot(page, 'list-sorted-filtered')
    await page.context().close()
  })

  await journey('按当前筛选导出电子表格', async () => {
    const page = await newPage(base)
    await login(page, L.coordinator || L.admin)
    const menus = (await api(page, '/me')).body.menus
    const target = menus.find((m) => m.ledger === recon) || menus[0]
    const filter = target.ledger === recon ? '?f.received_on.gte=2000-01-01' : ''
    await page.goto(`${base}/#/ledgers/${target.ledger}${filter}`)
    await page.locator('[data-test=list-total]').waitFor()
    const href = await page.locator('[data-test=export]').getAttribute('href')
    check(href.includes('format=xlsx'), `导出链接不对：${href}`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export]').click()])
    const file = path.join(artifacts, 'export.xlsx')
    await download.saveAs(file)
    const bytes = fs.readFileSync(file)
    check(bytes.length > 100 && bytes.subarray(0, 2).toString() === 'PK', `导出的不是 xlsx 文件（${bytes.length} 字节）`)
    log('exported', download.suggestedFilename(), bytes.length, 'bytes')
    await page.context().close()
  })

  await journey('点击首页指标进入对应的记录列表，条数一致', async () => {
    const page = await newPage(base)
    await login(page, L.coordinator || L.admin)
    await page.locator('[data-test=figures-ready]').waitFor()
    const figure = page.locator('[data-test=figure]').first()
    check((await figure.count()) === 1, '首页没有指标')
    const value = (await figure.locator('[data-test=figure-value]').innerText()).trim()
    await figure.click()
    await page.locator('[data-test=ledger-table]').waitFor()
    await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
    const total = await page.locator('[data-test=list-total]').innerText()
    const url = new URL(page.url().replace('/#/', '/'))
    check(url.pathname.startsWith('/indicators/'), `点击指标后没有打开指标明细页：${page.url()}`)
    {
      // /api/indicators: the figure's own drill-down records, counted by the server.
      const id = decodeURIComponent(url.pathname.split('/')[2])
      const q = `org=${url.searchParams.get('org')}&from=${url.searchParams.get('from')}&to=${url.searchParams.get('to')}`
      const fig = (await api(page, `/indicators?${q}&ids=${encodeURIComponent(id)}`)).body.indicators.find((i) => i.id === id)
      const records = (await api(page, `/indicators/${encodeURIComponent(id)}/records?${q}&page=1&page_size=1`)).body
      // A count's drill-down is the records counted; a rate's, the records of its numerator or
      // of its denominator.
      const rate = fig.denominator !== null && fig.denominator !== undefined
      const counted = rate ? [fig.numerator, fig.denominator] : [fig.value]
      check(String(fig.value) === value, `首页显示 ${value}，接口指标值为 ${fig.value}`)
      check(counted.includes(records.total), `指标计数 ${counted.join('/')}，明细接口 ${records.total} 条`)
      check(total.includes(` ${records.total} `), `明细接口 ${records.total} 条，页面显示“${total}”`)
    }
    await shot(page, 'figure-drill')
    await page.context().close()
  })

  await journey('年度报告：报送情况，部门按章节编写材料并提交，正文，一致性检查，各格式下载', async () => {
    const coord = L.coordinator || L.admin
    const page = await newPage(base)
    await login(page, coord)
    await page.locator('[data-test=menu-reports]').click()
    await page.locator('[data-test=rounds-table]').waitFor()
    const me = (await api(page, '/me')).body.user
    let rounds = (await api(page, `/ledgers/report_round?state=open&org=${me.org_code}&page_size=50`)).body.records || []
    let round = rounds.find((r) => r.org_code === me.org_code)
    if (!round) {
      const all = (await api(page, `/ledgers/report_round?org=${me.org_code}&page_size=100`)).body.records || []
      const year = Math.max(2020, ...all.map((r) => Number(r.fields.year))) + 1
      await page.locator('input[data-test=round-year], [data-test=round-year] input').first().fill(String(year))
      await page.locator('[data-test=round-create]').click()
      await page.locator('[data-test=round-status]').waitFor()
      round = (await api(page, `/ledgers/report_round?state=open&org=${me.org_code}&page_size=50`)).body.records.find((r) => r.org_code === me.org_code)
      check(round, `启动 ${year} 年度报告后没有找到编制中的报告`)
      await page.goto(`${base}/#/reports`)
      await page.locator('[data-test=rounds-table]').waitFor()
    }
    await shot(page, 'report-rounds')
    await page.locator('[data-test=round-link]', { hasText: round.title }).first().click()
    await page.locator('[data-test=round-status]').waitFor({ timeout: 30_000 })
    const status = (await api(page, `/report-rounds/${round.id}/status`)).body
    check(status.departments?.length > 0, `报送情况没有部门：${JSON.stringify(status).slice(0, 200)}`)
    const rows = await page.locator('[data-test=round-status] .el-table__body tr').count()
    check(rows === status.departments.length, `报送情况表 ${rows} 行，接口 ${status.departments.length} 个部门`)
    const summary = await page.locator('[data-test=status-summary]').innerText()
    check(summary.includes(`已提交 ${status.submitted} 个`), `报送情况摘要“${summary}”与接口已提交 ${status.submitted} 不符`)
    await shot(page, 'report-round-status')
    const roundEnglish = await interfaceEnglish(page)
    check(roundEnglish.length === 0, `年度报告页有英文：${roundEnglish.slice(0, 5).join(' ')}`)

    // A department's clerk writes a chapter of their part and submits it; a part already
    // submitted is first returned by the coordinator, with a comment.
    const clerkPage = await newPage(base)
    await login(clerkPage, L.clerk)
    const clerkOrg = (await api(clerkPage, '/me')).body.user.org_code
    const dept = status.departments.find((d) => d.org_code === clerkOrg)
    check(dept, `报送情况中没有经办人所在单位 ${clerkOrg}`)
    let partId = dept.part_id
    if (partId && dept.state === 'submitted') {
      await page.goto(`${base}/#/ledgers/report_part/${partId}`)
      await page.locator('[data-step=return]').click()
      await fillField(page, 'return_comment', '请补充行政执法部分的具体数字')
      await page.locator('[data-test=transition-submit]').click()
      await page.locator('[data-test=part-state]', { hasText: '已退回修改' }).waitFor()
    }
    // The clerk finds the round among those their department writes for, and opens (or
    // starts) the part there.
    await clerkPage.locator('[data-test=menu-reports]').click()
    const myRow = clerkPage.locator('[data-test=my-rounds] .el-table__body tr', { hasText: round.title })
    await myRow.first().waitFor()
    await myRow.first().locator('[data-test=my-round-part]').click()
    await clerkPage.locator('[data-test=part-title]').waitFor()
    const opened = Number(clerkPage.url().match(/report_part\/(\d+)/)[1])
    check(!partId || opened === partId, `打开的部门材料 ${opened} 不是报送情况中的 ${partId}`)
    partId = opened
    await clerkPage.locator('[data-chapter=enforcement]').click()
    await clerkPage.locator('[data-test=chapter-title]', { hasText: '行政执法' }).waitFor()
    const chapterText = `本年度本单位严格规范公正文明执法，经端到端测试于${today()}补充。`
    await clerkPage.locator('textarea[data-test=chapter-text], [data-test=chapter-text] textarea').first().fill(chapterText)
    await clerkPage.locator('[data-test=chapter-save]').click()
    await clerkPage.locator('[data-chapter=enforcement] .chapter-count', { hasText: `${[...chapterText].length} 字` }).waitFor()
    await shot(clerkPage, 'report-part')
    const saved = (await api(clerkPage, `/ledgers/report_part/${partId}`)).body
    check(saved.fields.enforcement === chapterText, `保存后“行政执法”一章为：${saved.fields.enforcement}`)
    await clerkPage.locator('[data-step=submit]').click()
    await clerkPage.locator('[data-test=transition-submit]').click()
    await clerkPage.locator('[data-test=part-state]', { hasText: '已提交' }).or(clerkPage.locator('.el-dialog:visible .el-alert')).first().waitFor()
    const refused = await clerkPage.locator('.el-dialog:visible .el-alert').count()
    if (refused) await shot(clerkPage, 'report-part-submit-refused')
    check(!refused, `提交部门材料被拒绝：${refused ? await clerkPage.locator('.el-dialog:visible .el-alert').innerText() : ''}`)
    check((await clerkPage.locator('[data-test=part-readonly]').count()) === 1, '提交后材料仍可编辑')
    await clerkPage.context().close()

    await page.goto(`${base}/#/ledgers/report_round/${round.id}?tab=status`)
    await page.reload()
    await page.locator('[data-test=round-status]').waitFor({ timeout: 30_000 })
    const after = (await api(page, `/report-rounds/${round.id}/status`)).body
    check(after.departments.find((d) => d.org_code === clerkOrg)?.state === 'submitted', '协调员看到的经办人单位材料不是“已提交”')
    const deptRow = page.locator('[data-test=round-status] .el-table__body tr', { hasText: dept.org_name })
    check((await deptRow.first().innerText()).includes('已提交'), `报送情况表中${dept.org_name}不是“已提交”`)

    await page.locator('.round-tabs .el-tabs__item', { hasText: '报告正文' }).click()
    // Composing the body computes every figure of the year: slower than a list.
    await page.locator('[data-test=round-body] h3').first().waitFor({ timeout: 60_000 })
    const body = (await api(page, `/report-rounds/${round.id}/body`)).body
    const shownTitle = await page.locator('[data-test=round-body] .report-title').innerText()
    check(shownTitle.trim() === body.title, `正文标题“${shownTitle}”与接口“${body.title}”不符`)
    await shot(page, 'report-body')

    await page.locator('.round-tabs .el-tabs__item', { hasText: '一致性检查' }).click()
    await page.locator('[data-test=check-verdict]').waitFor({ timeout: 60_000 })
    const findings = (await api(page, `/report-rounds/${round.id}/check`)).body.findings
    const findingRows = await page.locator('[data-test=check-findings] .el-table__body tr').count()
    check(findingRows === findings.length, `检查结果 ${findingRows} 行，接口 ${findings.length} 条`)
    await shot(page, 'report-check')

    await page.locator('.round-tabs .el-tabs__item', { hasText: '下载' }).click()
    const formats = await page.locator('[data-test=report-files] a').evaluateAll((as) => as.map((a) => a.getAttribute('data-format')))
    check(['docx', 'pdf', 'html', 'md', 'json'].every((f) => formats.includes(f)), `下载格式不全：${formats}`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=report-files] a[data-format=md]').click()])
    const md = path.join(artifacts, 'report.md')
    await download.saveAs(md)
    check(fs.readFileSync(md, 'utf8').includes(body.title), '下载的 Markdown 报告没有报告标题')
    for (const f of ['html', 'docx']) {
      const href = await page.locator(`[data-test=report-files] a[data-format=${f}]`).getAttribute('href')
      const r = await page.evaluate(async (href) => (await fetch(href)).status, href)
      check(r === 200, `下载 ${f} 返回 ${r}`)
    }
    await page.context().close()
  })

  await journey('管理员查看审计日志与审计链核验状态；非管理员被拒绝', async () => {
    const page = await newPage(base)
    await login(page, L.admin)
    await page.goto(`${base}/#/admin/audit`)
    const status = page.locator('[data-test=audit-status]')
    await status.waitFor()
    await page.waitForFunction(() => /审计链|无法核验/.test(document.querySelector('[data-test=audit-status]')?.textContent || ''))
    const s = await status.innerText()
    check(s.includes('审计链完整'), `审计链状态：${s}`)
    await page.locator('[data-test=audit-table] .el-table__row').first().waitFor()
    await shot(page, 'audit')
    const auditEnglish = await interfaceEnglish(page)
    check(auditEnglish.length === 0, `审计日志页有英文：${auditEnglish.slice(0, 5).join(' ')}`)
    await page.context().close()
    const reader = await newPage(base)
    await login(reader, L.reader)
    const r = await api(reader, '/audit?page_size=1')
    check(r.status === 403, `查阅人员访问审计日志返回 ${r.status}`)
    await reader.context().close()
  })

  await journey('手机宽度可阅读：菜单收进抽屉，案件页可读', async () => {
    const page = await newPage(base, { width: 390, height: 844 })
    await login(page, L.leader)
    await page.locator('[data-test=figures-ready], [data-test=figures] .el-empty').first().waitFor()
    check(await page.locator('.menu-toggle').isVisible(), '手机宽度下没有菜单按钮')
    check(!(await page.locator('.layout-aside').isVisible()), '手机宽度下侧边栏仍然占位')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    check(overflow <= 1, `页面横向溢出 ${overflow}px`)
    await shot(page, 'phone-workbench')
    await page.locator('.menu-toggle').click()
    await page.locator('.menu-drawer .side-menu').waitFor()
    await shot(page, 'phone-menu')
    if (caseUrl) {
      await page.goto(caseUrl)
      await page.locator('[data-test=case-timeline]').waitFor()
      await page.locator('[data-test=deadlines]').waitFor()
      await shot(page, 'phone-case')
      const caseOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      check(caseOverflow <= 1, `案件页横向溢出 ${caseOverflow}px`)
    }
    await page.context().close()
  })

  await journey('键盘可操作：Tab 到登录按钮，回车登录；退出登录后会话失效', async () => {
    const page = await newPage(base)
    await page.locator('input[name=login]').focus()
    await page.keyboard.type(L.leader.login)
    await page.keyboard.press('Tab')
    await page.keyboard.type(L.leader.password)
    await page.keyboard.press('Enter')
    await page.locator('[data-test=header-user]').waitFor()
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.textContent || '')
    check(focused.includes('跳到主要内容'), `第一个 Tab 没有到“跳到主要内容”：${focused}`)
    await page.locator('[data-test=logout]').click()
    await page.locator('input[name=login]').waitFor()
    const me = await api(page, '/me')
    check(me.status === 401, `退出登录后 /api/me 返回 ${me.status}`)
    await page.context().close()
  })

  await journey('模板中用到的 Element Plus 组件都已注册', async () => {
    const src = path.join(webDir, 'src')
    const reg = fs.readFileSync(path.join(src, 'plugins', 'element.ts'), 'utf8')
    const registered = new Set([...reg.matchAll(/\bEl([A-Z]\w+)/g)].map((m) => m[1].replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()))
    const used = new Set()
    const walk = (d) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name))
        else if (e.name.endsWith('.vue')) for (const m of fs.readFileSync(path.join(d, e.name), 'utf8').matchAll(/<el-([a-z-]+)/g)) used.add(m[1])
      }
    }
    walk(src)
    const missing = [...used].filter((t) => !registered.has(t))
    check(missing.length === 0, `未注册：${missing.join(', ')}`)
  })

  finish(dir)
}

function finish(dir) {
  const passed = results.filter((r) => r.ok).length
  const failed = results.length - passed
  if (failed) {
    console.log('\nFailed journeys:')
    for (const r of results.filter((r) => !r.ok)) console.log(`  - ${r.name}: ${r.why.split('\n')[0]}`)
  }
  console.log(`screenshots: ${path.relative(process.cwd(), artifacts)}/`)
  console.log(`${passed} passed, ${failed} failed`)
  return failed
}

let exitCode = 1
try {
  await main()
  exitCode = results.some((r) => !r.ok) || results.length === 0 ? 1 : 0
} catch (e) {
  console.log('e2e aborted:', e?.stack || e)
  console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`)
} finally {
  if (browser) await browser.close().catch(() => {})
  await stopServer()
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true })
}
process.exit(exitCode)
