import { Picker, View } from '@tarojs/components'
import { Input, Textarea } from '@/shared/ui/form-controls'
import type { SignupField } from '@/features/signup/api'
import ChoiceList from '@/shared/ui/choice-list'
import FormField from '@/shared/ui/form-field'
import { maxLengthOf } from '@/features/signup/answers'
import './index.css'

interface SignupFieldInputProps {
  field: SignupField
  value: string | string[] | undefined
  error: string | null
  onChange: (value: string | string[]) => void
}

const PLACEHOLDERS: Partial<Record<SignupField['type'], string>> = {
  TEXT: '请输入',
  TEXTAREA: '请输入',
  NUMBER: '请输入数字',
  PHONE: '请输入 11 位手机号',
}

/** One field of the admin's form, drawn by its type. */
export default function SignupFieldInput({ field, value, error, onChange }: SignupFieldInputProps) {
  const text = typeof value === 'string' ? value : ''
  const picked = Array.isArray(value) ? value : []
  const options = field.options.map((option) => ({ value: option, label: option }))
  const max = maxLengthOf(field)

  let control
  switch (field.type) {
    case 'TEXTAREA':
      control = (
        <Textarea
          className='qy-field__textarea'
          value={text}
          maxlength={max}
          placeholder={PLACEHOLDERS.TEXTAREA}
          onInput={(event) => onChange(event.detail.value)}
        />
      )
      break
    case 'SINGLE_CHOICE':
      control = <ChoiceList options={options} value={text || null} onChange={onChange} />
      break
    case 'MULTI_CHOICE':
      control = <ChoiceList multiple options={options} value={picked} onChange={onChange} />
      break
    case 'DATE':
      control = (
        <Picker mode='date' value={text || ''} onChange={(event) => onChange(String(event.detail.value))}>
          <View className={`qy-field__input qy-signup-field__picker ${text ? '' : 'is-empty'}`}>{text || '请选择日期'}</View>
        </Picker>
      )
      break
    default:
      control = (
        <Input
          className='qy-field__input'
          type={field.type === 'PHONE' ? 'number' : field.type === 'NUMBER' ? 'digit' : 'text'}
          value={text}
          maxlength={max ?? 140}
          placeholder={PLACEHOLDERS[field.type]}
          onInput={(event) => onChange(event.detail.value)}
        />
      )
  }

  return (
    <View id={`field-${field.id}`} className={`qy-signup-field ${error ? 'is-invalid' : ''}`}>
      <FormField label={field.label} required={field.required} error={error}>
        {control}
      </FormField>
    </View>
  )
}
