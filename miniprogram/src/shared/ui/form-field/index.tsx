import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

interface FormFieldProps {
  label: string
  required?: boolean
  hint?: string
  error?: string | null
  counter?: string
  children: ReactNode
}

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
      {children}
      {error ? <View className='qy-field__error'>{error}</View> : hint && <View className='qy-field__hint'>{hint}</View>}
    </View>
  )
}
