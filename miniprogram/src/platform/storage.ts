import Taro from '@tarojs/taro'

/** Keys of everything the app keeps on the device. */
export const STORAGE_KEYS = {
  token: 'qy.token',
  currentCommunityId: 'qy.currentCommunityId',
} as const

type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS]

// Storage can throw (quota, private mode); losing a cached value must never break a page.
export function readStorage(key: StorageKey): string | null {
  try {
    const value: unknown = Taro.getStorageSync(key)
    return typeof value === 'string' && value !== '' ? value : null
  } catch {
    return null
  }
}

export function writeStorage(key: StorageKey, value: string | null): void {
  try {
    if (value === null) Taro.removeStorageSync(key)
    else Taro.setStorageSync(key, value)
  } catch {
    // best effort: the value lives on in memory for this session
  }
}
