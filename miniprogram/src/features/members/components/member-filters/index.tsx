import { View } from '@tarojs/components'
import type { MemberRole } from '@/features/membership/api'
import { ROLE_LABELS } from '@/features/membership/labels'
import './index.css'

const ROLES: MemberRole[] = ['OWNER', 'ADMIN', 'STAFF', 'MEMBER']

interface TierChoice {
  level: number
  name: string
}

interface MemberFiltersProps {
  role: MemberRole | undefined
  onRole: (role: MemberRole | undefined) => void
  tiers: TierChoice[]
  tierLevel: number | undefined
  onTierLevel: (level: number | undefined) => void
  /** The questionnaire tag filtered by (chosen by tapping a member's tag). */
  tag: string | undefined
  onClearTag: () => void
}

interface ChipProps {
  label: string
  active: boolean
  onClick: () => void
}

function Chip({ label, active, onClick }: ChipProps) {
  return (
    <View
      className={`qy-member-filters__chip ${active ? 'is-active' : ''}`}
      ariaRole='button'
      ariaLabel={`${label}${active ? '，已选中' : ''}`}
      onClick={onClick}
    >
      {label}
    </View>
  )
}

/** Filter chips of the member list: role, tier, and the tag chosen from a member's row. */
export default function MemberFilters({ role, onRole, tiers, tierLevel, onTierLevel, tag, onClearTag }: MemberFiltersProps) {
  return (
    <View className='qy-card qy-member-filters'>
      <View className='qy-member-filters__row'>
        <View className='qy-member-filters__label'>角色</View>
        <View className='qy-member-filters__chips'>
          <Chip label='全部' active={!role} onClick={() => onRole(undefined)} />
          {ROLES.map((value) => (
            <Chip key={value} label={ROLE_LABELS[value]} active={role === value} onClick={() => onRole(role === value ? undefined : value)} />
          ))}
        </View>
      </View>
      {tiers.length > 1 && (
        <View className='qy-member-filters__row'>
          <View className='qy-member-filters__label'>等级</View>
          <View className='qy-member-filters__chips'>
            <Chip label='全部' active={tierLevel === undefined} onClick={() => onTierLevel(undefined)} />
            {tiers.map((tier) => (
              <Chip key={tier.level} label={tier.name} active={tierLevel === tier.level} onClick={() => onTierLevel(tierLevel === tier.level ? undefined : tier.level)} />
            ))}
          </View>
        </View>
      )}
      <View className='qy-member-filters__row'>
        <View className='qy-member-filters__label'>标签</View>
        <View className='qy-member-filters__chips'>
          {tag ? (
            <View className='qy-member-filters__chip is-active' ariaRole='button' ariaLabel={`标签 ${tag}，点击取消`} onClick={onClearTag}>
              {tag} ×
            </View>
          ) : (
            <View className='qy-member-filters__hint'>点成员的标签即可按标签筛选</View>
          )}
        </View>
      </View>
    </View>
  )
}
