import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { FieldLabelContext } from '@/shared/ui/form-controls'
import './index.css'

interface FormFieldProps {
  label: string
  required?: boolean
  hint?: string
  error?: string | null
  counter?: string
  children: ReactNode
}

/** A labelled form row; the Input/Textarea/Switch of shared/ui/form-controls inside it are named by its label. */
export default function FormField({ label, required, hint, error, counter, children }: FormFieldProps) {
  return (
    <View className='qy-field'>
      <View className='qy-field__head'>
        <View className='qy-field__label'>
          {label}
          {required && <View className='qy-field__required'>*</View>}
        </View>
        {counter && <View className='qy-field__counter'>{counter}</View>}
      </View>
      <FieldLabelContext.Provider value={label}>{children}</FieldLabelContext.Provider>
      {error ? <View className='qy-field__error'>{error}</View> : hint && <View className='qy-field__hint'>{hint}</View>}
    </View>
  )
}
