import { View } from '@tarojs/components'
import { Input, Textarea } from '@/shared/ui/form-controls'
import { useState } from 'react'
import { isErrorResult, messageOf } from '@/shared/graphql/errors'
import { type Member } from '@/features/membership/api'
import { adjustPoints, fetchPointsAdjustPolicy } from '@/features/points/admin/api'
import AdjustPolicyCard from '@/features/points/admin/components/adjust-policy-card'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import MemberPicker from '@/features/members/components/member-picker'
import MemberRow from '@/features/members/components/member-row'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { parseWhole } from '@/shared/format/number-text'
import ActionButton from '@/shared/ui/action-button'
import ChoiceList from '@/shared/ui/choice-list'
import FormField from '@/shared/ui/form-field'
import NoticeBar from '@/shared/ui/notice-bar'
import type { Option } from '@/shared/format/option'
import { signedPoints } from '@/features/points/labels'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { economyFailureMessage } from '@/features/points/economy-messages'
import { alertMessage, confirmAction } from '@/platform/feedback'
import './index.css'

type Direction = 'ADD' | 'DEDUCT'

const DIRECTIONS: Option<Direction>[] = [
  { value: 'ADD', label: '增加 +' },
  { value: 'DEDUCT', label: '扣减 −' },
]

const REASON_MAX = 100
const AMOUNT_MAX = 1_000_000

function amountError(text: string): string | null {
  const amount = parseWhole(text)
  if (amount === null || amount < 1) return '请输入大于 0 的整数'
  if (amount > AMOUNT_MAX) return `单次最多调整 ${AMOUNT_MAX} 积分`
  return null
}

export default function PointsAdjustPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const policy = useQuery(() => fetchPointsAdjustPolicy(communityId), [communityId], { enabled: admin.allowed })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.allowed) await policy.refresh()
  })

  const [picked, setPicked] = useState<Member | null>(null)
  const [direction, setDirection] = useState<Direction>('ADD')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [showErrors, setShowErrors] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [done, setDone] = useState<{ name: string; amount: number; balance: number } | null>(null)

  const problems = { amount: amountError(amount), reason: reason.trim() ? null : '请填写调整原因，成员会在积分明细里看到' }

  const submit = async (member: Member) => {
    setShowErrors(true)
    if (problems.amount || problems.reason) return
    const signed = (direction === 'ADD' ? 1 : -1) * parseWhole(amount)!
    const name = member.nickname || ANONYMOUS_NICKNAME
    const confirmed = await confirmAction({
      title: '确认调整积分',
      content: `给「${name}」${signed > 0 ? '增加' : '扣减'} ${Math.abs(signed)} 积分？\n原因：${reason.trim()}`,
      confirmText: '确认',
      danger: signed < 0,
    })
    if (!confirmed) return
    setSubmitting(true)
    try {
      const result = await adjustPoints(communityId, member.id, signed, reason.trim())
      if (isErrorResult(result)) {
        void alertMessage(economyFailureMessage(result), '调整失败')
        return
      }
      setDone({ name, amount: signed, balance: result.member.points })
      setPicked({ ...member, points: result.member.points, lifetimePoints: result.member.lifetimePoints })
      setAmount('')
      setReason('')
      setShowErrors(false)
      void policy.refresh()
    } catch (caught) {
      void alertMessage(messageOf(caught), '调整失败')
    } finally {
      setSubmitting(false)
    }
  }

  const pick = (member: Member | null) => {
    setPicked(member)
    setDone(null)
    setShowErrors(false)
  }

  return (
    <AdminGate admin={admin}>
      {(self) => (
        <View className='qy-page qy-points-adjust'>
          {policy.data && (
            <AdjustPolicyCard
              communityId={communityId}
              policy={policy.data}
              editable={self.role === 'OWNER'}
              onSaved={(saved) => policy.setData(() => saved)}
            />
          )}
          {!picked && (
            <>
              <View className='qy-section-title qy-points-adjust__step'>选择成员</View>
              <MemberPicker communityId={communityId} selfId={self.id} onPick={pick} />
            </>
          )}
          {picked && (
            <>
              {done && (
                <NoticeBar
                  tone='success'
                  title={`已给「${done.name}」${signedPoints(done.amount)} 积分`}
                  description={`TA 当前积分 ${done.balance}`}
                />
              )}
              <View className='qy-card qy-points-adjust__member'>
                <MemberRow member={picked} isSelf={picked.id === self.id} actionLabel='更换' onClick={() => pick(null)} />
              </View>
              <View className='qy-card'>
                <FormField label='调整方式' required>
                  <ChoiceList options={DIRECTIONS} value={direction} onChange={setDirection} layout='grid' />
                </FormField>
                <FormField label='积分数量' required error={showErrors ? problems.amount : null}>
                  <Input
                    className='qy-field__input qy-points-adjust__amount'
                    type='number'
                    value={amount}
                    placeholder='例如 100'
                    onInput={(event) => setAmount(event.detail.value)}
                  />
                </FormField>
                <FormField
                  label='调整原因'
                  required
                  counter={`${reason.length}/${REASON_MAX}`}
                  error={showErrors ? problems.reason : null}
                  hint='成员会在积分明细里看到'
                >
                  <Textarea
                    className='qy-field__textarea qy-points-adjust__reason'
                    value={reason}
                    maxlength={REASON_MAX}
                    placeholder='例如：线下活动奖励'
                    onInput={(event) => setReason(event.detail.value)}
                  />
                </FormField>
              </View>
              <ActionButton loading={submitting} onClick={() => void submit(picked)}>
                确认调整
              </ActionButton>
            </>
          )}
        </View>
      )}
    </AdminGate>
  )
}
