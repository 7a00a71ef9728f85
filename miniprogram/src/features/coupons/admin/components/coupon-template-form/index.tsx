import { Picker, View } from '@tarojs/components'
import { Input, Textarea } from '@/shared/ui/form-controls'
import type { Tier } from '@/features/membership/tier-api'
import ChoiceList from '@/shared/ui/choice-list'
import FormField from '@/shared/ui/form-field'
import type { Option } from '@/shared/format/option'
import { yuanToFen } from '@/shared/format/money'
import {
  type CouponTemplateForm as Form,
  TEMPLATE_DESCRIPTION_MAX,
  TEMPLATE_TITLE_MAX,
  type TemplateFormErrors,
} from '@/features/coupons/admin/template-form'
import './index.css'

interface CouponTemplateFormProps {
  form: Form
  errors: TemplateFormErrors
  tiers: Tier[]
  onChange: (form: Form) => void
}

function tierOptions(tiers: Tier[]): Option<string>[] {
  return [
    { value: '0', label: '所有成员' },
    ...tiers.filter((tier) => tier.level > 0).map((tier) => ({ value: String(tier.level), label: `${tier.name}及以上` })),
  ]
}

/** Title, value, rules and window of a coupon template; yuan as typed, fen when sent. */
export default function CouponTemplateForm({ form, errors, tiers, onChange }: CouponTemplateFormProps) {
  const set = (key: keyof Form) => (event: { detail: { value: string | number } }) =>
    onChange({ ...form, [key]: String(event.detail.value) })
  const faceValueFen = yuanToFen(form.faceValue)

  return (
    <View className='qy-template-form'>
      <View className='qy-card'>
        <FormField label='优惠券名称' required error={errors.title} counter={`${form.title.trim().length}/${TEMPLATE_TITLE_MAX}`}>
          <Input className='qy-field__input' value={form.title} maxlength={TEMPLATE_TITLE_MAX} placeholder='例如：拿铁立减券' onInput={set('title')} />
        </FormField>
        <FormField label='使用说明' counter={`${form.description.length}/${TEMPLATE_DESCRIPTION_MAX}`} hint='选填，例如适用门店和商品'>
          <Textarea
            className='qy-field__textarea qy-template-form__description'
            value={form.description}
            maxlength={TEMPLATE_DESCRIPTION_MAX}
            placeholder='例如：全部饮品可用，不与其他优惠同享'
            onInput={set('description')}
          />
        </FormField>
      </View>

      <View className='qy-card'>
        <FormField
          label='面值（元）'
          required
          error={errors.faceValue}
          hint={faceValueFen ? `兑换价 ${faceValueFen} 积分（100 积分 = ¥1）` : '兑换价按 100 积分 = ¥1 自动计算'}
        >
          <Input className='qy-field__input' type='digit' value={form.faceValue} placeholder='例如 5' onInput={set('faceValue')} />
        </FormField>
        <FormField label='使用门槛：满多少元可用' error={errors.minSpend} hint='不填表示无门槛'>
          <Input className='qy-field__input' type='digit' value={form.minSpend} placeholder='例如 30' onInput={set('minSpend')} />
        </FormField>
        <FormField label='有效天数' required error={errors.validDays} hint='从兑换当天起算'>
          <Input className='qy-field__input' type='number' value={form.validDays} onInput={set('validDays')} />
        </FormField>
      </View>

      <View className='qy-card'>
        <FormField label='总库存（张）' error={errors.stock} hint='不填表示不限量'>
          <Input className='qy-field__input' type='number' value={form.stock} placeholder='不限量' onInput={set('stock')} />
        </FormField>
        <FormField label='每人限兑（张）' error={errors.perMemberLimit} hint='不填表示不限'>
          <Input className='qy-field__input' type='number' value={form.perMemberLimit} placeholder='不限' onInput={set('perMemberLimit')} />
        </FormField>
        <FormField label='可兑换的会员等级'>
          <ChoiceList options={tierOptions(tiers)} value={form.minTierLevel} onChange={(level) => onChange({ ...form, minTierLevel: level })} layout='grid' />
        </FormField>
      </View>

      <View className='qy-card'>
        <FormField label='上架时间' error={errors.endsOn} hint='选填；不设置表示一直可兑换'>
          <View className='qy-template-form__window'>
            <Picker mode='date' value={form.startsOn} onChange={set('startsOn')}>
              <View className={`qy-template-form__date ${form.startsOn ? '' : 'is-empty'}`}>{form.startsOn || '开始日期'}</View>
            </Picker>
            <View className='qy-muted'>至</View>
            <Picker mode='date' value={form.endsOn} onChange={set('endsOn')}>
              <View className={`qy-template-form__date ${form.endsOn ? '' : 'is-empty'}`}>{form.endsOn || '结束日期'}</View>
            </Picker>
            {(form.startsOn || form.endsOn) && (
              <View className='qy-template-form__clear' onClick={() => onChange({ ...form, startsOn: '', endsOn: '' })}>
                清除
              </View>
            )}
          </View>
        </FormField>
      </View>
    </View>
  )
}
