import Taro from '@tarojs/taro'

/** The modal buttons' text colors: app.css's --qy-green and --qy-danger (4.5:1 on white at least). */
const CONFIRM_COLOR = '#07803f'
const DANGER_COLOR = '#b92f2a'

/** A short success toast. */
export function toastSuccess(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 })
}

/** A message that must be read (errors from the server are whole sentences). */
export async function alertMessage(content: string, title = '提示'): Promise<void> {
  await Taro.showModal({ title, content, showCancel: false, confirmText: '知道了', confirmColor: CONFIRM_COLOR })
}

/** `cancelText` for confirmations whose action is itself a 取消 (取消报名 …), so the two buttons differ. */
export async function confirmAction(options: { title: string; content: string; confirmText: string; cancelText?: string; danger?: boolean }) {
  const { confirm } = await Taro.showModal({
    title: options.title,
    content: options.content,
    confirmText: options.confirmText,
    cancelText: options.cancelText ?? '取消',
    confirmColor: options.danger ? DANGER_COLOR : CONFIRM_COLOR,
  })
  return confirm
}

/** A short note without an icon (full sentences: Chinese titles up to the toast's width). */
export function toastText(title: string): void {
  void Taro.showToast({ title, icon: 'none' })
}

/** An action sheet; the index of the item picked, null when dismissed. */
export async function chooseAction(itemList: string[]): Promise<number | null> {
  try {
    return (await Taro.showActionSheet({ itemList })).tapIndex
  } catch {
    return null
  }
}
