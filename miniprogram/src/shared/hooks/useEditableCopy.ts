import { useEffect, useState } from 'react'

/** An editable copy of loaded data: set again whenever the data is (re)loaded or saved. */
export function useEditableCopy<T, F>(source: T | undefined, toForm: (source: T) => F) {
  const [form, setForm] = useState<F | null>(null)
  useEffect(() => {
    if (source !== undefined) setForm(toForm(source))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source])
  return [form, setForm] as const
}
