import { View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import { useState } from 'react'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import WriteOffResult from '@/features/coupons/admin/components/write-off-result'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { useWriteOff } from '@/features/coupons/admin/hooks/useWriteOff'
import ActionButton from '@/shared/ui/action-button'
import CouponCard from '@/features/coupons/components/coupon-card'
import NoticeBar from '@/shared/ui/notice-bar'
import { IS_WEAPP } from '@/platform/wechat'
import './index.css'

export default function WriteOffPage() {
  const admin = useAdminCommunity({ allowStaff: true })
  const writeOff = useWriteOff(admin.communityId ?? '')
  const [code, setCode] = useState('')

  const next = () => {
    writeOff.reset()
    setCode('')
  }

  return (
    <AdminGate admin={admin}>
      {() => (
        <View className='qy-page qy-writeoff'>
          {writeOff.outcome && <WriteOffResult outcome={writeOff.outcome} onNext={next} />}

          {!writeOff.outcome && writeOff.preview && (
            <>
              <View className='qy-section-title'>核对优惠券</View>
              <CouponCard coupon={writeOff.preview} showOwner />
              {writeOff.blockedReason ? (
                <NoticeBar tone='warning' title={writeOff.blockedReason} />
              ) : (
                <ActionButton loading={writeOff.busy} onClick={() => void writeOff.confirm()}>
                  确认核销
                </ActionButton>
              )}
              <ActionButton variant='plain' className='qy-writeoff__cancel' onClick={next}>
                {writeOff.blockedReason ? '重新输入' : '取消'}
              </ActionButton>
            </>
          )}

          {!writeOff.outcome && !writeOff.preview && (
            <View className='qy-card qy-writeoff__entry'>
              <View className='qy-writeoff__icon'>核</View>
              <View className='qy-writeoff__title'>扫描会员出示的券码</View>
              <View className='qy-muted'>核对券的内容后再确认核销，核销后不可撤销</View>
              {IS_WEAPP && (
                <ActionButton className='qy-writeoff__scan' loading={writeOff.busy} onClick={() => void writeOff.scan()}>
                  扫码核销
                </ActionButton>
              )}
              <View className='qy-writeoff__manual'>
                <Input
                  className='qy-writeoff__input'
                  label='券码'
                  value={code}
                  placeholder={IS_WEAPP ? '或手动输入券码' : '输入或粘贴券码'}
                  confirmType='search'
                  onInput={(event) => setCode(event.detail.value)}
                  onConfirm={() => void writeOff.lookUp(code)}
                />
                <ActionButton
                  variant={IS_WEAPP ? 'secondary' : 'primary'}
                  className='qy-writeoff__query'
                  loading={!IS_WEAPP && writeOff.busy}
                  onClick={() => void writeOff.lookUp(code)}
                >
                  查询
                </ActionButton>
              </View>
            </View>
          )}
        </View>
      )}
    </AdminGate>
  )
}
