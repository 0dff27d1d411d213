// Routes. Hash history, so any address works whatever the server does with unknown paths.
// Every page is its own chunk; the workbench is the only one on the first load.
import { createRouter, createWebHashHistory } from 'vue-router'
import WorkbenchView from '../views/workbench/WorkbenchView.vue'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'workbench', component: WorkbenchView, meta: { title: '首页' } },
    {
      path: '/ledgers/reconsideration/:id(\\d+)',
      name: 'reconsideration-case',
      component: () => import('../views/reconsideration/CaseView.vue'),
      meta: { title: '行政复议案件' },
    },
    {
      path: '/ledgers/report_round/:id(\\d+)',
      name: 'report-round',
      component: () => import('../views/report/ReportRoundView.vue'),
      meta: { title: '年度报告' },
    },
    {
      path: '/ledgers/report_part/:id(\\d+)',
      name: 'report-part',
      component: () => import('../views/report/ReportPartView.vue'),
      meta: { title: '年度报告部门材料' },
    },
    { path: '/indicators/:id', name: 'indicator-records', component: () => import('../views/indicator/IndicatorRecordsView.vue'), meta: { title: '指标明细' } },
    { path: '/reports', name: 'reports', component: () => import('../views/report/ReportRoundsView.vue'), meta: { title: '年度报告编制' } },
    { path: '/ledgers/:ledger', name: 'ledger-list', component: () => import('../views/ledger/LedgerListView.vue') },
    { path: '/ledgers/:ledger/new', name: 'ledger-new', component: () => import('../views/ledger/LedgerEditView.vue') },
    { path: '/ledgers/:ledger/:id(\\d+)', name: 'ledger-record', component: () => import('../views/ledger/LedgerRecordView.vue') },
    { path: '/ledgers/:ledger/:id(\\d+)/edit', name: 'ledger-edit', component: () => import('../views/ledger/LedgerEditView.vue') },
    { path: '/admin/audit', name: 'audit', component: () => import('../views/admin/AuditView.vue'), meta: { title: '审计日志' } },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('../views/NotFoundView.vue') },
  ],
  scrollBehavior: () => ({ top: 0 }),
})
