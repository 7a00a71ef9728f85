import { Image as TaroImage, Input as TaroInput, Switch as TaroSwitch, Textarea as TaroTextarea } from '@tarojs/components'
import type { ImageProps } from '@tarojs/components/types/Image'
import type { InputProps } from '@tarojs/components/types/Input'
import type { SwitchProps } from '@tarojs/components/types/Switch'
import type { TextareaProps } from '@tarojs/components/types/Textarea'
import { createContext, useContext } from 'react'
import { controlName, imageDescription } from '@/platform/accessibility'

/**
 * Taro's Input, Textarea, Switch and Image with an accessible name on every platform (platform/accessibility.ts).
 * A control inside a FormField is named by the field's label; elsewhere, or when one field holds several
 * controls, give it `label`. An image takes `alt` ('' when it is decoration next to its text).
 */
export const FieldLabelContext = createContext<string | undefined>(undefined)

interface Labelled {
  /** The control's accessible name (read by screen readers); inside a FormField, its label by default. */
  label?: string
}

function useControlName(label: string | undefined) {
  const fieldLabel = useContext(FieldLabelContext)
  const name = label ?? fieldLabel
  return name ? controlName(name) : {}
}

export function Input({ label, ...props }: InputProps & Labelled) {
  return <TaroInput {...props} {...useControlName(label)} />
}

export function Textarea({ label, ...props }: TextareaProps & Labelled) {
  return <TaroTextarea {...props} {...useControlName(label)} />
}

export function Switch({ label, ...props }: SwitchProps & Labelled) {
  return <TaroSwitch {...props} {...useControlName(label)} />
}

export function Image({ alt, ...props }: ImageProps & { alt: string }) {
  return <TaroImage {...props} {...imageDescription(alt)} />
}
