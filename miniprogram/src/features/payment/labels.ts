import { fenToYuan } from '@/shared/format/money'

/** 990 → "¥9.90": the amount as WeChat Pay's cashier shows it. */
export function feeText(amountFen: number): string {
  const [yuan, cents = ''] = fenToYuan(amountFen).split('.')
  return `¥${yuan}.${cents.padEnd(2, '0')}`
}
