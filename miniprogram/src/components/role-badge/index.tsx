import { View } from '@tarojs/components'
import type { MemberRole } from '@/api/member'
import { ROLE_LABELS } from '@/constants/member'
import './index.css'

export default function RoleBadge({ role, inverse = false }: { role: MemberRole; inverse?: boolean }) {
  return (
    <View className={`qy-role-badge qy-role-badge--${role.toLowerCase()} ${inverse ? 'qy-role-badge--inverse' : ''}`}>
      {ROLE_LABELS[role]}
    </View>
  )
}
