/** A choice shown to the user: an enum value with its Chinese label. */
export interface Option<T extends string> {
  value: T
  label: string
  hint?: string
}

export function labelOf<T extends string>(options: Option<T>[], value: T): string {
  return options.find((option) => option.value === value)?.label ?? value
}
