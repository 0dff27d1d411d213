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
    { path: '/ledgers/:ledger', name: 'ledger-list', component: () => import('../views/ledger/LedgerListView.vue') },
    { path: '/ledgers/:ledger/new', name: 'ledger-new', component: () => import('../views/ledger/LedgerEditView.vue') },
    { path: '/ledgers/:ledger/:id(\\d+)', name: 'ledger-record', component: () => import('../views/ledger/LedgerRecordView.vue') },
    { path: '/ledgers/:ledger/:id(\\d+)/edit', name: 'ledger-edit', component: () => import('../views/ledger/LedgerEditView.vue') },
    { path: '/admin/audit', name: 'audit', component: () => import('../views/admin/AuditView.vue'), meta: { title: '审计日志' } },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('../views/NotFoundView.vue') },
  ],
  scrollBehavior: () => ({ top: 0 }),
})
