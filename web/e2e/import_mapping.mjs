// Browser journeys of import mappings (导入映射): a coordinator saves a mapping from a city's
// own 12345 export in the import dialog; a clerk picks it, sees where each of the file's
// columns goes, imports, and has a value the mapping does not know refused; a clerk imports a
// province's 好差评 export (.xlsx) through a mapping the administrator put in the server's
// mapping folder. Run by e2e/run.mjs (FAZHI_MAPPINGS_DIR is the run's own folder).
import fs from 'node:fs'
import path from 'node:path'
import { ledgerTemplateXlsx } from './xlsx.mjs'

// 示例市's export: its own headers, kind names and date layout, and a column the ledger has
// no field for (坐席工号).
function cityExport(prefix, kinds = ['投诉类', '咨询类', '投诉类']) {
  const days = ['2025/03/03 09:30', '2025/03/04 14:05', '2025/03/05 10:00']
  const rows = kinds.map((k, i) => `${prefix}-${i + 1},${k},${days[i % 3]},诉求内容${i + 1},A0${17 + i}`)
  return ['工单号,工单类型,来电时间,诉求内容,坐席工号', ...rows].join('\n') + '\n'
}

export async function importMappingJourneys({ journey, newPage, login, api, shot, check, base, L, artifacts }) {
  const tickets = 'hotline_ticket'
  const mappingName = 'e2e-city12345'
  const mappingTitle = 'E2E示例市12345工单导出'
  const stamp = Date.now() % 1_000_000
  const mappingsDir = process.env.FAZHI_MAPPINGS_DIR

  // Chooses `text` in the first select of `scope`, and waits for its list to close (a list
  // still fading out would otherwise answer the next choice).
  const pick = async (page, scope, text) => {
    await scope.locator('.el-select').first().click()
    const item = page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: text }).first()
    await item.click()
    await item.waitFor({ state: 'hidden' })
  }

  await journey('协调员按某市 12345 导出的表头新建导入映射：逐列选择字段，取值与日期写法自动对照，保存后可选用', async () => {
    const who = L.coordinator || L.admin
    const page = await newPage(base)
    await login(page, who)
    const file = path.join(artifacts, 'mapping-city12345.csv')
    fs.writeFileSync(file, cityExport(`E2EM${stamp}`))
    await page.goto(`${base}/#/ledgers/${tickets}`)
    await page.locator('[data-test=import]').click()
    await page.locator('[data-test=import-file]').setInputFiles(file)
    const columns = page.locator('[data-test=import-columns]')
    await columns.waitFor()
    const before = await columns.innerText()
    check(before.includes('没有对应的字段'), `不用映射时“工单号”应无对应字段：${before.slice(0, 300)}`)
    await page.locator('[data-test=mapping-new]').click()
    const editor = page.locator('[data-test=mapping-editor]')
    await editor.waitFor()
    // Element Plus puts the attributes of <el-input> on the input itself.
    await editor.locator('input[data-test=mapping-name], [data-test=mapping-name] input').first().fill(mappingName)
    await editor.locator('input[data-test=mapping-title], [data-test=mapping-title] input').first().fill(mappingTitle)
    const row = (h) => editor.locator(`.map-row[data-header="${h}"]`)
    await pick(page, row('工单号'), '工单编号')
    await pick(page, row('工单类型'), '诉求类型')
    await pick(page, row('来电时间'), '受理时间')
    // The file's values and date layout, guessed from the rows read.
    const kinds = await row('工单类型').innerText()
    const chosen = await row('工单类型').locator('.value-row .el-select').evaluateAll((els) => els.map((e) => e.innerText.trim()))
    check(chosen.join(',') === '投诉,咨询', `工单类型的取值对照：${chosen.join(',')}（${kinds}）`)
    const format = await row('来电时间').locator('input[data-test=mapping-format], [data-test=mapping-format] input').first().inputValue()
    check(format === '%Y/%m/%d %H:%M', `来电时间的日期写法：${format}`)
    const contentField = (await row('诉求内容').locator('.el-select').innerText()).trim()
    check(contentField === '诉求内容', `与台账同名的列应默认导入到该字段：${contentField}`)
    check((await row('坐席工号').locator('.el-select').innerText()).includes('不导入'), '“坐席工号”应默认不导入')
    check((await editor.locator('[data-test=mapping-missing]').count()) === 0, '三个必填字段都已对应，仍提示缺少必填列')
    await shot(page, 'mapping-editor')
    await editor.locator('[data-test=mapping-save]').click()
    await editor.waitFor({ state: 'detached' })
    const selected = await page.locator('[data-test=import-mapping]').innerText()
    check(selected.includes(mappingTitle), `保存后没有选中新映射：${selected}`)
    await page.locator('[data-test=import-columns]', { hasText: '按映射' }).waitFor()
    await shot(page, 'mapping-saved')
    const saved = await api(page, `/import-mappings/${mappingName}`)
    check(saved.status === 200, `GET /import-mappings/${mappingName} 返回 ${saved.status}`)
    const byHeader = Object.fromEntries(saved.body.columns.map((c) => [c.header, c]))
    check(byHeader['工单号']?.field === 'ticket_number', `工单号：${JSON.stringify(byHeader['工单号'])}`)
    check(byHeader['工单类型']?.values?.['投诉类'] === 'complaint' && byHeader['工单类型']?.values?.['咨询类'] === 'consultation',
      `工单类型：${JSON.stringify(byHeader['工单类型'])}`)
    check(byHeader['来电时间']?.format === '%Y/%m/%d %H:%M', `来电时间：${JSON.stringify(byHeader['来电时间'])}`)
    check(saved.body.ignore.includes('坐席工号'), `忽略的列：${JSON.stringify(saved.body.ignore)}`)
    if (mappingsDir) check(fs.existsSync(path.join(mappingsDir, `${mappingName}.json`)), '映射文件夹中没有新映射文件')
    await page.context().close()
  })

  await journey('经办人选用导入映射导入 12345 导出：先看各列导入到哪个字段，导入后取值已换算；映射外的取值被拒绝', async () => {
    const page = await newPage(base)
    await login(page, L.clerk)
    const menus = (await api(page, '/me')).body.menus
    check(menus.some((m) => m.ledger === tickets && m.can_write), '经办人不能写 12345 热线工单')
    const total = async () => (await api(page, `/ledgers/${tickets}?page_size=1`)).body.total
    const before = await total()
    await page.goto(`${base}/#/ledgers/${tickets}`)
    await page.locator('[data-test=import]').click()
    await pick(page, page.locator('[data-test=import-dialog]'), mappingTitle)
    const prefix = `E2EC${stamp}`
    const file = path.join(artifacts, 'import-city12345.csv')
    fs.writeFileSync(file, cityExport(prefix))
    await page.locator('[data-test=import-file]').setInputFiles(file)
    const columns = page.locator('[data-test=import-columns]', { hasText: '工单编号' })
    await columns.waitFor()
    const shown = await columns.innerText()
    for (const want of ['工单号', '工单编号', '受理时间', '按映射', '日期写法 %Y/%m/%d %H:%M', '坐席工号', '不导入'])
      check(shown.includes(want), `导入前的列对照没有“${want}”：${shown.slice(0, 400)}`)
    await shot(page, 'import-mapping-columns')
    await page.locator('[data-test=import-send]').click()
    await page.locator('[data-test=import-ok]', { hasText: '导入成功' }).waitFor()
    const after = await total()
    check(after === before + 3, `导入 3 行后工单数从 ${before} 变为 ${after}`)
    const rec = (await api(page, `/ledgers/${tickets}?f.ticket_number=${encodeURIComponent(prefix + '-1')}`)).body.records?.[0]
    check(rec, `没有找到导入的工单 ${prefix}-1`)
    check(rec.fields.kind === 'complaint', `“投诉类”导入为 ${rec.fields.kind}`)
    check(String(rec.fields.received_at).startsWith('2025-03-03T09:30'), `“2025/03/03 09:30”导入为 ${rec.fields.received_at}`)
    await shot(page, 'import-mapping-ok')

    // A kind the city's mapping does not know: flagged before, refused on import.
    const bad = path.join(artifacts, 'import-city12345-unknown-kind.csv')
    fs.writeFileSync(bad, cityExport(`E2ED${stamp}`, ['投诉类', '催办类']))
    await page.locator('[data-test=import-file]').setInputFiles(bad)
    await page.locator('[data-test=import-columns]', { hasText: '不在映射对照中：催办类' }).waitFor()
    await page.locator('[data-test=import-send]').click()
    await page.locator('[data-test=import-rejected]').waitFor()
    const errors = await page.locator('[data-test=import-errors]').innerText()
    check(errors.includes('催办类') && errors.includes('工单类型') && /\b3\b/.test(errors), `错误表没有指出第 3 行“工单类型”的“催办类”：${errors}`)
    check((await total()) === after, '被拒绝的文件写入了记录')
    await shot(page, 'import-mapping-rejected')
    await page.context().close()
  })

  await journey('经办人用管理员放入映射文件夹的映射导入某省好差评导出（.xlsx）', async () => {
    check(mappingsDir, '没有设置 FAZHI_MAPPINGS_DIR')
    const ratings = 'service_rating'
    fs.writeFileSync(path.join(mappingsDir, 'e2e-province-ratings.json'), JSON.stringify({
      name: 'E2E示例省好差评导出',
      ledger: ratings,
      columns: {
        评价编号: 'rating_number',
        评价事项: 'service_item',
        评价渠道: { field: 'channel', values: { 政务服务网: 'web', 移动端: 'app', 服务窗口: 'window' } },
        评价时间: { field: 'rated_at', format: '%Y年%m月%d日 %H:%M' },
        评价等级: { field: 'stars', values: { 非常满意: '5', 满意: '4', 基本满意: '3', 不满意: '2', 非常不满意: '1' } },
      },
      ignore: ['序号'],
    }))
    const page = await newPage(base)
    await login(page, L.clerk)
    const total = async () => (await api(page, `/ledgers/${ratings}?page_size=1`)).body.total
    const before = await total()
    await page.goto(`${base}/#/ledgers/${ratings}`)
    await page.locator('[data-test=import]').click()
    await pick(page, page.locator('[data-test=import-dialog]'), 'E2E示例省好差评导出')
    const file = path.join(artifacts, 'import-province-ratings.xlsx')
    fs.writeFileSync(file, ledgerTemplateXlsx(['序号', '评价编号', '评价事项', '评价渠道', '评价时间', '评价等级'], [
      ['1', `E2EP${stamp}-1`, '法律援助申请', '移动端', '2025年03月03日 10:05', '非常满意'],
      ['2', `E2EP${stamp}-2`, '公证办理', '服务窗口', '2025年03月04日 16:40', '不满意'],
    ]))
    await page.locator('[data-test=import-file]').setInputFiles(file)
    const columns = page.locator('[data-test=import-columns]', { hasText: '评价星级' })
    await columns.waitFor()
    const shown = await columns.innerText()
    check(shown.includes('评价等级') && shown.includes('序号') && shown.includes('不导入'), `好差评的列对照：${shown.slice(0, 400)}`)
    await page.locator('[data-test=import-send]').click()
    await page.locator('[data-test=import-ok]', { hasText: '导入成功' }).waitFor()
    check((await total()) === before + 2, '好差评导出没有导入 2 行')
    const rec = (await api(page, `/ledgers/${ratings}?f.rating_number=${encodeURIComponent(`E2EP${stamp}-2`)}`)).body.records?.[0]
    check(rec && Number(rec.fields.stars) === 2 && rec.fields.channel === 'window', `“不满意”“服务窗口”导入为 ${JSON.stringify(rec?.fields)}`)
    await shot(page, 'import-ratings-ok')
    await page.context().close()
  })
}
