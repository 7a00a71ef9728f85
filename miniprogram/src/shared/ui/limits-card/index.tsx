import { View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import { useState } from 'react'
import { messageOf } from '@/shared/graphql/errors'
import { parseWhole } from '@/shared/format/number-text'
import ActionButton from '@/shared/ui/action-button'
import { alertMessage, toastSuccess } from '@/platform/feedback'
import './index.css'

export interface LimitField {
  label: string
  value: number
}

interface LimitsCardProps {
  /** The limits in one line, as everyone reads them. */
  summary: string
  /** A second, quieter line (what the reader has used of them…). */
  detail?: string
  fields: LimitField[]
  /** Only the owner (群主) sets limits; admins see them. */
  editable: boolean
  /** Why the typed values cannot be saved, or null (each is a whole number > 0 already). */
  refusal?: (values: number[]) => string | null
  /** Saves the values in the order of `fields`. */
  onSave: (values: number[]) => Promise<void>
}

/** Limits the owner sets and admins work within: shown in a line, edited in place by the owner. */
export default function LimitsCard({ summary, detail, fields, editable, refusal, onSave }: LimitsCardProps) {
  const [editing, setEditing] = useState(false)
  const [typed, setTyped] = useState(() => fields.map((field) => String(field.value)))
  const [saving, setSaving] = useState(false)

  const save = async () => {
    const values = typed.map(parseWhole)
    const whole = values.every((value): value is number => value !== null && value > 0)
    const problem = whole ? refusal?.(values) ?? null : '请填写大于 0 的整数'
    if (problem) {
      void alertMessage(problem, '无法保存')
      return
    }
    setSaving(true)
    try {
      await onSave(values as number[])
      setEditing(false)
      toastSuccess('已保存')
    } catch (caught) {
      void alertMessage(messageOf(caught), '保存失败')
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='qy-card qy-limits'>
      <View className='qy-limits__row'>
        <View>{summary}</View>
        {editable && !editing && (
          <View className='qy-limits__edit' ariaRole='button' onClick={() => setEditing(true)}>
            修改
          </View>
        )}
      </View>
      {detail && <View className='qy-limits__detail'>{detail}</View>}
      {editing && (
        <View className='qy-limits__form'>
          {fields.map((field, index) => (
            <View key={field.label} className='qy-limits__field'>
              <View className='qy-limits__label'>{field.label}</View>
              <Input
                className='qy-field__input'
                type='number'
                label={field.label}
                value={typed[index]}
                onInput={(event) => setTyped(typed.map((value, i) => (i === index ? event.detail.value : value)))}
              />
            </View>
          ))}
          <ActionButton size='small' loading={saving} onClick={() => void save()}>
            保存上限
          </ActionButton>
        </View>
      )}
    </View>
  )
}
