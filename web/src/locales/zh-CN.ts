// Words the interface shows that the server does not send: area names of the side menu,
// and labels for deadline states and field values.

export const areaLabels: Record<string, string> = {
  functions: '政府职能履行',
  institutions: '制度体系建设',
  decisions: '行政决策',
  enforcement: '行政执法',
  emergency: '突发事件应对',
  disputes: '矛盾纠纷化解',
  oversight: '权力制约监督',
  leadership: '组织保障',
}
export const areaOrder = ['functions', 'institutions', 'decisions', 'enforcement', 'emergency', 'disputes', 'oversight', 'leadership']

export function areaLabel(area: string): string {
  return areaLabels[area] || '其他台账'
}

export const deadlineStateLabels: Record<string, string> = {
  running: '进行中',
  due_soon: '即将到期',
  due_today: '今日到期',
  overdue: '已逾期',
  met: '按期完成',
  met_late: '逾期完成',
  unknown: '无法计算',
}

export const countLabels: Record<string, string> = {
  working_days: '个工作日',
  calendar_days: '日',
}

export const auditActionLabels: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  transition: '流转',
  import: '导入',
  login: '登录',
  logout: '退出',
  login_failed: '登录失败',
  export: '导出',
  password: '修改密码',
  lock: '锁定账号',
}

/** Ledgers the audit log names that are not in the schema of ledgers a user reads. */
export const systemLedgerLabels: Record<string, string> = {
  users: '用户账号',
  organizations: '单位',
  people: '人员',
  sessions: '会话',
}

export const yes = '是'
export const no = '否'
