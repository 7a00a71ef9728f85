import Taro from '@tarojs/taro'

/** A short success toast. */
export function toastSuccess(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 })
}

/** A message that must be read (errors from the server are whole sentences). */
export async function alertMessage(content: string, title = '提示'): Promise<void> {
  await Taro.showModal({ title, content, showCancel: false, confirmText: '知道了', confirmColor: '#07c160' })
}

/** `cancelText` for confirmations whose action is itself a 取消 (取消报名 …), so the two buttons differ. */
export async function confirmAction(options: { title: string; content: string; confirmText: string; cancelText?: string; danger?: boolean }) {
  const { confirm } = await Taro.showModal({
    title: options.title,
    content: options.content,
    confirmText: options.confirmText,
    cancelText: options.cancelText ?? '取消',
    confirmColor: options.danger ? '#f53f3f' : '#07c160',
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
