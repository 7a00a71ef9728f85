import Taro from '@tarojs/taro'

export function navigateTo(url: string): void {
  void Taro.navigateTo({ url })
}

export function redirectTo(url: string): void {
  void Taro.redirectTo({ url })
}

export function reLaunch(url: string): void {
  void Taro.reLaunch({ url })
}

export function navigateBack(): void {
  void Taro.navigateBack()
}
