import { View } from '@tarojs/components'
import type { MemberRole } from '@/features/membership/api'
import { ROLE_LABELS } from '@/features/membership/labels'
import './index.css'

export default function RoleBadge({ role, inverse = false }: { role: MemberRole; inverse?: boolean }) {
  return (
    <View className={`qy-role-badge qy-role-badge--${role.toLowerCase()} ${inverse ? 'qy-role-badge--inverse' : ''}`}>
      {ROLE_LABELS[role]}
    </View>
  )
}
