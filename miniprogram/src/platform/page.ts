import Taro from '@tarojs/taro'

/** The page on screen: scrolling, title, pull-down, image preview, the share menu, the scanner. */
export function scrollToTop(): void {
  void Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
}

/** Scrolls an element (`#id`) into view with a little room above it. */
export function scrollToSelector(selector: string): void {
  void Taro.pageScrollTo({ selector, offsetTop: -24, duration: 300 }).catch(() => undefined)
}

export function setPageTitle(title: string): void {
  void Taro.setNavigationBarTitle({ title })
}

export function stopPullDownRefresh(): void {
  Taro.stopPullDownRefresh()
}

export function previewImages(current: string, urls: string[]): void {
  void Taro.previewImage({ current, urls })
}

/** Share cards carry withShareTicket, so a card opened in a group tells which group it is. */
export function showShareMenuWithTicket(): void {
  void Taro.showShareMenu({ withShareTicket: true })
}

/** The camera scanner (QR and bar codes); null when the member closed it. */
export async function scanCode(): Promise<string | null> {
  try {
    return (await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode', 'barCode'] })).result
  } catch {
    return null
  }
}
