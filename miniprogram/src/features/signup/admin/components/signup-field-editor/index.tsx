import { View } from '@tarojs/components'
import { Input, Switch } from '@/shared/ui/form-controls'
import type { SignupFieldType } from '@/features/signup/api'
import { isChoiceField, SIGNUP_FIELD_TYPE_OPTIONS, SIGNUP_LABEL_MAX } from '@/features/signup/labels'
import { type FieldDraft, newOptionRow } from '@/features/signup/admin/signup-form'
import RowsEditor from '@/shared/ui/rows-editor'
// The inputs share the form fields' look (qy-field__input / qy-field__textarea).
import '@/shared/ui/form-field/index.css'
import './index.css'

interface SignupFieldEditorProps {
  index: number
  count: number
  field: FieldDraft
  error: string | null
  onChange: (field: FieldDraft) => void
  onMove: (delta: -1 | 1) => void
  onRemove: () => void
}

/** One field of the sign-up form being built: type chips, label, required, options for choices. */
export default function SignupFieldEditor({ index, count, field, error, onChange, onMove, onRemove }: SignupFieldEditorProps) {
  const setType = (type: SignupFieldType) =>
    onChange({ ...field, type, options: isChoiceField(type) ? (field.options.length ? field.options : [newOptionRow(), newOptionRow()]) : [] })

  return (
    <View className={`qy-card qy-field-editor ${error ? 'is-invalid' : ''}`}>
      <View className='qy-field-editor__head'>
        <View className='qy-field-editor__index'>字段 {index + 1}</View>
        <View className='qy-field-editor__tools'>
          {index > 0 && (
            <View className='qy-field-editor__tool' onClick={() => onMove(-1)}>
              上移
            </View>
          )}
          {index < count - 1 && (
            <View className='qy-field-editor__tool' onClick={() => onMove(1)}>
              下移
            </View>
          )}
          {count > 1 && (
            <View className='qy-field-editor__tool is-danger' onClick={onRemove}>
              删除
            </View>
          )}
        </View>
      </View>
      <View className='qy-field-editor__types'>
        {SIGNUP_FIELD_TYPE_OPTIONS.map((option) => (
          <View
            key={option.value}
            className={`qy-field-editor__type ${option.value === field.type ? 'is-selected' : ''}`}
            onClick={() => setType(option.value)}
          >
            {option.label}
          </View>
        ))}
      </View>
      <Input
        className='qy-field__input qy-field-editor__label'
        label='字段名称'
        value={field.label}
        maxlength={SIGNUP_LABEL_MAX}
        placeholder='字段名称，例如：参加人数'
        onInput={(event) => onChange({ ...field, label: event.detail.value })}
      />
      <View className='qy-field-editor__switch'>
        <View>必填</View>
        <Switch label='必填' checked={field.required} color='#07c160' onChange={(event) => onChange({ ...field, required: event.detail.value })} />
      </View>
      {isChoiceField(field.type) && (
        <RowsEditor
          columns={[{ key: 'value', label: '选项', type: 'text', placeholder: '选项内容' }]}
          rows={field.options}
          onChange={(options) => onChange({ ...field, options })}
          newRow={newOptionRow}
          addLabel='添加选项'
          minRows={2}
          maxRows={20}
        />
      )}
      {error && <View className='qy-field-editor__error'>{error}</View>}
    </View>
  )
}
