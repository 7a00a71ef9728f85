import { View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import { fetchCheckInRule } from '@/features/checkin/api'
import { updateCheckInRule } from '@/features/checkin/admin/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import EconomyCapsCard from '@/features/points/admin/components/economy-caps-card'
import ExpiryPolicyCard from '@/features/points/admin/components/expiry-policy-card'
import RowsEditor from '@/shared/ui/rows-editor'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { useEditableCopy } from '@/shared/hooks/useEditableCopy'
import { useSaveAction } from '@/shared/hooks/useSaveAction'
import { checkCheckInRule, checkInRuleForm, MAX_CYCLE_DAYS } from '@/features/checkin/admin/checkin-rule-form'
import ActionButton from '@/shared/ui/action-button'
import CheckInRuleSummary from '@/features/checkin/components/check-in-rule-summary'
import ErrorView from '@/shared/ui/error-view'
import FormField from '@/shared/ui/form-field'
import LoadingView from '@/shared/ui/loading-view'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'

const BONUS_COLUMNS = [
  { key: 'day', label: '连签第几天', type: 'number' as const, placeholder: '如 3' },
  { key: 'points', label: '额外积分', type: 'number' as const, placeholder: '如 10' },
]

export default function CheckInRulePage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const rule = useQuery(() => fetchCheckInRule(communityId), [communityId], { enabled: admin.allowed })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.allowed) await rule.refresh()
  })
  const [form, setForm] = useEditableCopy(rule.data, checkInRuleForm)
  const checked = form ? checkCheckInRule(form) : null
  const { saving, showErrors, save } = useSaveAction({
    input: checked?.value ?? null,
    submit: (input) => updateCheckInRule(communityId, input),
    onSaved: (saved) => rule.setData(() => saved),
    successText: '签到规则已保存',
  })

  return (
    <AdminGate admin={admin}>
      {(self) => (
        <View className='qy-page'>
          <EconomyCapsCard communityId={communityId} editable={self.role === 'OWNER'} />
          <ExpiryPolicyCard communityId={communityId} editable={self.role === 'OWNER'} />
          {rule.loading && <LoadingView />}
          {rule.error && <ErrorView message={rule.error.message} onRetry={rule.reload} />}
          {form && (
            <>
              <View className='qy-card'>
                <FormField label='每日签到积分' required hint='成员每天签到获得的基础积分，会乘以会员等级的倍数；乘上最高倍数再加最大连签奖励，不能超过群主设置的单次上限'>
                  <Input
                    className='qy-field__input'
                    type='number'
                    value={form.basePoints}
                    onInput={(event) => setForm({ ...form, basePoints: event.detail.value })}
                  />
                </FormField>
                <FormField label='奖励周期（天）' required hint={`连签奖励每个周期重新开始，1–${MAX_CYCLE_DAYS} 天`}>
                  <Input
                    className='qy-field__input'
                    type='number'
                    value={form.cycleDays}
                    onInput={(event) => setForm({ ...form, cycleDays: event.detail.value })}
                  />
                </FormField>
                <FormField label='连签奖励' hint='连续签到到第几天时，额外奖励多少积分'>
                  <RowsEditor
                    columns={BONUS_COLUMNS}
                    rows={form.bonuses}
                    onChange={(bonuses) => setForm({ ...form, bonuses })}
                    newRow={() => ({ day: '', points: '' })}
                    addLabel='添加奖励'
                    maxRows={MAX_CYCLE_DAYS}
                  />
                </FormField>
                <FormField label='补签消耗积分' required hint='成员补签一天要花的积分；补签的那天计入连签，但不再发签到积分'>
                  <Input
                    className='qy-field__input'
                    type='number'
                    value={form.makeUpCost}
                    onInput={(event) => setForm({ ...form, makeUpCost: event.detail.value })}
                  />
                </FormField>
                <FormField label='每月补签次数' required hint='每位成员每月最多补签几天（只能补最近 7 天），填 0 关闭补签'>
                  <Input
                    className='qy-field__input'
                    type='number'
                    value={form.makeUpMonthlyAllowance}
                    onInput={(event) => setForm({ ...form, makeUpMonthlyAllowance: event.detail.value })}
                  />
                </FormField>
                {showErrors && checked?.error && <View className='qy-field__error'>{checked.error}</View>}
              </View>

              {checked?.value && (
                <>
                  <View className='qy-section-title'>成员看到的规则</View>
                  <View className='qy-card'>
                    <CheckInRuleSummary rule={checked.value} />
                  </View>
                </>
              )}

              <ActionButton loading={saving} onClick={() => void save()}>
                保存签到规则
              </ActionButton>
            </>
          )}
        </View>
      )}
    </AdminGate>
  )
}
