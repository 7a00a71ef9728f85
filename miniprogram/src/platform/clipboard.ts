import Taro from '@tarojs/taro'

/** Copies `data`; `done` is the toast that confirms it (omit it to confirm yourself). */
export async function copyText(data: string, done?: string): Promise<void> {
  await Taro.setClipboardData({ data })
  if (done) void Taro.showToast({ title: done, icon: 'none' })
}
