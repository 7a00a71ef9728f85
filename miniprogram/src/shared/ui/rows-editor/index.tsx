import { View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import './index.css'

export type EditableRow = Record<string, string>

export interface RowColumn {
  key: string
  label: string
  /** number: whole numbers; digit: decimals allowed */
  type: 'text' | 'number' | 'digit'
  placeholder?: string
  /** relative width */
  flex?: number
}

interface RowsEditorProps {
  columns: RowColumn[]
  rows: EditableRow[]
  onChange: (rows: EditableRow[]) => void
  newRow: () => EditableRow
  addLabel: string
  minRows?: number
  maxRows?: number
  /** Cells the admin may not change (e.g. the first tier's threshold, always 0). */
  isLocked?: (rowIndex: number, key: string) => boolean
}

/** A small table of inputs with add and remove: the bonus table, the tiers. */
export default function RowsEditor({ columns, rows, onChange, newRow, addLabel, minRows = 0, maxRows = 20, isLocked }: RowsEditorProps) {
  const update = (index: number, key: string, value: string) =>
    onChange(rows.map((row, rowIndex) => (rowIndex === index ? { ...row, [key]: value } : row)))
  const remove = (index: number) => onChange(rows.filter((_, rowIndex) => rowIndex !== index))

  return (
    <View className='qy-rows'>
      <View className='qy-rows__head'>
        {columns.map((column) => (
          <View key={column.key} className='qy-rows__label' style={{ flex: column.flex ?? 1 }}>
            {column.label}
          </View>
        ))}
        <View className='qy-rows__remove-space' />
      </View>
      {rows.map((row, index) => (
        <View key={index} className='qy-rows__row'>
          {columns.map((column) => {
            const locked = isLocked?.(index, column.key) ?? false
            return (
              <Input
                key={column.key}
                className={`qy-rows__input ${locked ? 'is-locked' : ''}`}
                style={{ flex: column.flex ?? 1 }}
                label={`第 ${index + 1} 行${column.label}`}
                type={column.type === 'text' ? 'text' : column.type}
                value={row[column.key] ?? ''}
                placeholder={column.placeholder}
                disabled={locked}
                onInput={(event) => update(index, column.key, event.detail.value)}
              />
            )
          })}
          {rows.length > minRows ? (
            <View className='qy-rows__remove' hoverClass='is-pressed' onClick={() => remove(index)}>
              ×
            </View>
          ) : (
            <View className='qy-rows__remove-space' />
          )}
        </View>
      ))}
      {rows.length < maxRows && (
        <View className='qy-rows__add' hoverClass='is-pressed' onClick={() => onChange([...rows, newRow()])}>
          + {addLabel}
        </View>
      )}
    </View>
  )
}
