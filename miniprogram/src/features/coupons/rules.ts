import { fenToYuan } from '@/shared/format/money'

/** "¥5" */
export function faceValueText(faceValueFen: number): string {
  return `¥${fenToYuan(faceValueFen)}`
}

/** "满 ¥50 可用", or "无门槛" */
export function spendConditionText(minSpendFen: number): string {
  return minSpendFen > 0 ? `满 ¥${fenToYuan(minSpendFen)} 可用` : '无门槛'
}

/** "ABCD EFGH JKLM" — easier to read out at the counter */
export function groupedCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ')
}

/**
 * What the staff typed or scanned, as the server's code: spaces and dashes dropped, upper case.
 * A scanned QR code may carry a URL or path with `code=`.
 */
export function normalizeCouponCode(raw: string): string {
  const fromQuery = /[?&]code=([^&#]+)/.exec(raw)
  const value = fromQuery ? decodeURIComponent(fromQuery[1]) : raw
  return value.replace(/[\s-]+/g, '').toUpperCase()
}

interface TemplateLimits {
  validDays: number
  remaining: number | null
  perMemberLimit: number | null
  minTierLevel: number
  minTier: { name: string } | null
}

/** The rules of a coupon template, one short phrase each: validity, stock, limit, tier. */
export function templateFacts(template: TemplateLimits): string[] {
  const facts = [`领取后 ${template.validDays} 天内有效`]
  facts.push(template.remaining === null ? '不限量' : `剩余 ${template.remaining} 张`)
  facts.push(template.perMemberLimit === null ? '每人不限' : `每人限兑 ${template.perMemberLimit} 张`)
  if (template.minTierLevel > 0 && template.minTier) facts.push(`${template.minTier.name}及以上可兑`)
  return facts
}

/**
 * The coupons `points` can buy in the shop (in stock, the member under their limit), cheapest
 * first: what the coupon shop suggests for points about to expire (积分有效期).
 */
export function affordableWith<T extends { pointsCost: number; remaining: number | null; myRedeemedCount: number; perMemberLimit: number | null }>(templates: T[], points: number): T[] {
  return templates
    .filter((template) => template.pointsCost <= points && template.remaining !== 0 && (template.perMemberLimit === null || template.myRedeemedCount < template.perMemberLimit))
    .sort((a, b) => a.pointsCost - b.pointsCost)
}
