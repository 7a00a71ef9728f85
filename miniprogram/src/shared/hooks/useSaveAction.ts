import { useState } from 'react'
import { messageOf } from '@/shared/graphql/errors'
import { alertMessage, toastSuccess } from '@/platform/feedback'

interface SaveAction<Input, Saved> {
  /** The checked input, or null when the form still has errors (they are shown from then on). */
  input: Input | null
  /** Asked before saving; false cancels. */
  confirm?: () => Promise<boolean>
  /** Said when the form is not ready (the errors beside the fields may be enough). */
  invalidMessage?: string
  submit: (input: Input) => Promise<Saved>
  onSaved: (saved: Saved) => void
  successText: string
}

/**
 * The admin editors' save button: show the field errors, stop while there are any, confirm when
 * asked, submit, keep the saved result, and say how it went.
 */
export function useSaveAction<Input, Saved>(action: SaveAction<Input, Saved>) {
  const [saving, setSaving] = useState(false)
  const [showErrors, setShowErrors] = useState(false)

  const save = async () => {
    setShowErrors(true)
    if (!action.input) {
      if (action.invalidMessage) void alertMessage(action.invalidMessage, '还不能保存')
      return
    }
    if (action.confirm && !(await action.confirm())) return
    setSaving(true)
    try {
      action.onSaved(await action.submit(action.input))
      setShowErrors(false)
      toastSuccess(action.successText)
    } catch (caught) {
      void alertMessage(messageOf(caught), '保存失败')
    } finally {
      setSaving(false)
    }
  }

  return { saving, showErrors, save }
}
