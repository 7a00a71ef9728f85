import { View } from '@tarojs/components'
import { Image } from '@/shared/ui/form-controls'
import { useState } from 'react'
import { type AdminGroupCode, expiresSoon, fetchGroupCodePoster } from '@/features/groupcode/admin/api'
import ActionButton from '@/shared/ui/action-button'
import { IS_WEAPP } from '@/platform/wechat'

interface GroupCodeCardProps {
  code: AdminGroupCode
  onReplace: (groupId: string) => void
}

/** One live code: each group's scans against its threshold and its QR's expiry (soon: highlighted), and its poster. */
export default function GroupCodeCard({ code, onReplace }: GroupCodeCardProps) {
  const [poster, setPoster] = useState<{ image: string } | { reason: string } | null>(null)
  const showPoster = async () => {
    const h5Origin = IS_WEAPP || typeof window === 'undefined' ? null : window.location.origin
    setPoster(await fetchGroupCodePoster(code.id, h5Origin).catch(() => ({ reason: '海报生成失败，请重试' })))
  }
  return (
    <View className='qy-card qy-group-codes__code'>
      <View className='qy-group-codes__code-head'>
        <View className='qy-group-codes__code-name'>{code.name}</View>
        {code.exhausted && <View className='qy-group-codes__badge is-danger'>没有可用的群</View>}
      </View>
      {code.groups.map((group) => (
        <View key={group.id} className={`qy-group-codes__group ${expiresSoon(group) ? 'is-expiring' : ''}`}>
          <Image className='qy-group-codes__thumb' src={group.qrUrl} mode='aspectFill' alt={`${group.name}的群二维码`} />
          <View className='qy-group-codes__group-body'>
            <View className='qy-ellipsis'>{group.name}</View>
            <View className='qy-muted'>
              已扫 {group.scans}/{group.switchAfterScans} · {group.qrExpiresOn} 到期{expiresSoon(group) ? '（即将过期）' : ''}
            </View>
          </View>
          <View className='qy-group-codes__link' onClick={() => onReplace(group.id)}>
            换二维码
          </View>
        </View>
      ))}
      <ActionButton variant='secondary' size='small' onClick={() => void showPoster()}>
        活码海报
      </ActionButton>
      {poster && (
        <View className='qy-group-codes__poster'>
          {'image' in poster ? (
            <View className='qy-group-codes__poster-frame'>
              <Image className='qy-group-codes__poster-image' src={poster.image} mode='aspectFit' showMenuByLongpress alt={`${code.name}的活码海报`} />
            </View>
          ) : (
            <View role='status'>{poster.reason}</View>
          )}
          <View className='qy-muted'>{IS_WEAPP ? '长按保存海报，扫码即可进群' : '扫码打开活码页面'}</View>
        </View>
      )}
    </View>
  )
}
