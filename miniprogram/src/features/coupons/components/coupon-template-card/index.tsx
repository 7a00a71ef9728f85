import { View } from '@tarojs/components'
import type { CouponTemplate } from '@/features/coupons/template-api'
import { templateFacts } from '@/features/coupons/rules'
import ActionButton from '@/shared/ui/action-button'
import CouponTicket from '@/features/coupons/components/coupon-ticket'
import './index.css'

interface CouponTemplateCardProps {
  template: CouponTemplate
  /** 暂停发放: the community stopped issuing coupons for now. */
  paused: boolean
  redeeming: boolean
  onRedeem: () => void
}

function blockedLabel(template: CouponTemplate, paused: boolean): string | null {
  if (paused) return '暂停兑换'
  if (template.remaining === 0) return '已兑完'
  if (template.perMemberLimit !== null && template.myRedeemedCount >= template.perMemberLimit) return '已达上限'
  return null
}

/** A coupon in the shop: what it is worth, its rules, its price in points and 兑换. */
export default function CouponTemplateCard({ template, paused, redeeming, onRedeem }: CouponTemplateCardProps) {
  const blocked = blockedLabel(template, paused)
  return (
    <CouponTicket
      title={template.title}
      faceValueFen={template.faceValueFen}
      minSpendFen={template.minSpendFen}
      muted={blocked !== null}
      footer={
        <>
          <View className='qy-template-card__price'>
            <View className='qy-template-card__cost'>{template.pointsCost}</View> 积分
          </View>
          <ActionButton size='small' loading={redeeming} disabled={blocked !== null} onClick={onRedeem}>
            {blocked ?? '兑换'}
          </ActionButton>
        </>
      }
    >
      {template.description && <View className='qy-template-card__description'>{template.description}</View>}
      {templateFacts(template).map((fact) => (
        <View key={fact}>{fact}</View>
      ))}
      {template.myRedeemedCount > 0 && <View className='qy-template-card__mine'>已兑 {template.myRedeemedCount} 张</View>}
    </CouponTicket>
  )
}
