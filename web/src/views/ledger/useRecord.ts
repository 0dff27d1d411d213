// Loads the ledger declaration, the organisations and one record for a record page.
import { ref } from 'vue'
import type { Ledger } from '../../api/schema'
import type { Org } from '../../api/orgs'
import { getRecord, type LedgerRecord } from '../../api/ledgers'
import { errorMessage } from '../../api/http'
import { ledger as findLedger, orgs as loadOrgs } from '../../stores/catalogue'

export function useRecord(name: string, id: string | undefined) {
  const ledger = ref<Ledger | null>(null)
  const record = ref<LedgerRecord | null>(null)
  const orgs = ref<Org[]>([])
  const failure = ref('')
  const loading = ref(true)
  async function load() {
    loading.value = true
    failure.value = ''
    try {
      const l = await findLedger(name)
      if (!l) {
        failure.value = '没有这个台账，或您没有查看权限'
        return
      }
      ledger.value = l
      const [r, o] = await Promise.all([id ? getRecord(name, id) : Promise.resolve(null), loadOrgs().catch(() => [] as Org[])])
      record.value = r
      orgs.value = o
      if (r) document.title = `${r.title || l.label} - 法治政府建设管理平台`
    } catch (e) {
      failure.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }
  load()
  return { ledger, record, orgs, failure, loading, load }
}
