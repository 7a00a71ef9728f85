import { View } from '@tarojs/components'
import { fetchTiers, setTiers } from '@/features/membership/admin/tier-api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import RowsEditor, { type EditableRow } from '@/shared/ui/rows-editor'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { useEditableCopy } from '@/shared/hooks/useEditableCopy'
import { useSaveAction } from '@/shared/hooks/useSaveAction'
import { checkTiers, MAX_TIERS, tierRows } from '@/features/membership/admin/tier-form'
import ActionButton from '@/shared/ui/action-button'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import NoticeBar from '@/shared/ui/notice-bar'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { confirmAction } from '@/platform/feedback'

const TIER_COLUMNS = [
  { key: 'name', label: '等级名称', type: 'text' as const, placeholder: '如 达人', flex: 1.4 },
  { key: 'threshold', label: '累计积分达到', type: 'number' as const, placeholder: '如 500', flex: 1.2 },
  { key: 'multiplier', label: '签到倍数', type: 'digit' as const, placeholder: '如 1.2' },
]

/** The first tier always starts at 0, whichever row ends up first. */
const withEntryTier = (rows: EditableRow[]) => rows.map((row, index) => (index === 0 ? { ...row, threshold: '0' } : row))

export default function TiersPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const tiers = useQuery(() => fetchTiers(communityId), [communityId], { enabled: admin.allowed })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.allowed) await tiers.refresh()
  })
  const [rows, setRows] = useEditableCopy(tiers.data, tierRows)
  const checked = rows ? checkTiers(rows) : null
  const { saving, showErrors, save } = useSaveAction({
    input: checked?.value ?? null,
    confirm: () =>
      confirmAction({
        title: '保存会员等级',
        content: '保存后，所有成员会按累计积分重新评定等级（消费积分不会降级）。',
        confirmText: '保存',
      }),
    submit: (input) => setTiers(communityId, input),
    onSaved: (saved) => tiers.setData(() => saved),
    successText: '已保存，成员等级已更新',
  })

  return (
    <AdminGate admin={admin}>
      {() => (
        <View className='qy-page'>
          <NoticeBar
            tone='info'
            title='等级按累计获得的积分评定'
            description='第一个等级从 0 积分开始；倍数作用于每日签到的基础积分，比如 1.2 倍。'
          />
          {tiers.loading && <LoadingView />}
          {tiers.error && <ErrorView message={tiers.error.message} onRetry={tiers.reload} />}
          {rows && (
            <>
              <View className='qy-card'>
                <RowsEditor
                  columns={TIER_COLUMNS}
                  rows={rows}
                  onChange={(next) => setRows(withEntryTier(next))}
                  newRow={() => ({ name: '', threshold: '', multiplier: '1' })}
                  addLabel='添加等级'
                  minRows={1}
                  maxRows={MAX_TIERS}
                  isLocked={(index, key) => index === 0 && key === 'threshold'}
                />
                {showErrors && checked?.error && <View className='qy-field__error'>{checked.error}</View>}
              </View>
              <ActionButton loading={saving} onClick={() => void save()}>
                保存会员等级
              </ActionButton>
            </>
          )}
        </View>
      )}
    </AdminGate>
  )
}
