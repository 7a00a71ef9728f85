import type { CommunityCategory, JoinPolicy } from '@/features/community/api'
import { labelOf, type Option } from '@/shared/format/option'

export const CATEGORY_OPTIONS: Option<CommunityCategory>[] = [
  { value: 'PRODUCT_SERVICE', label: '产品服务群', hint: '品牌、门店的客户群' },
  { value: 'INTEREST', label: '兴趣社群', hint: '同好交流、俱乐部' },
  { value: 'LEARNING', label: '培训学习群', hint: '课程、训练营' },
  { value: 'PERKS', label: '福利通知群', hint: '优惠、活动通知' },
]

export const JOIN_POLICY_OPTIONS: Option<JoinPolicy>[] = [
  { value: 'OPEN', label: '直接加入', hint: '打开链接或群卡片即成为成员' },
  { value: 'QUESTIONNAIRE', label: '填写问卷审核后加入', hint: '先填写入群问卷，通过后成为成员' },
  { value: 'INVITE', label: '邀请制', hint: '只能通过成员的专属邀请加入，群公开邀请码不再生效' },
  { value: 'CLOSED', label: '暂停加入', hint: '暂不接受新成员' },
]

export const categoryLabel = (category: CommunityCategory): string => labelOf(CATEGORY_OPTIONS, category)
export const joinPolicyLabel = (policy: JoinPolicy): string => labelOf(JOIN_POLICY_OPTIONS, policy)

export const COMMUNITY_NAME_MIN = 2
export const COMMUNITY_NAME_MAX = 30
export const COMMUNITY_DESCRIPTION_MAX = 500
