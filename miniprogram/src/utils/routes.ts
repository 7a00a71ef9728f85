import Taro from '@tarojs/taro'
import { HOME_PATH } from './share'

/** Every page path in one place; admin pages live in the `admin` subpackage. */
export const routes = {
  home: HOME_PATH,
  createCommunity: '/pages/community-create/index',
  adminCommunity: (communityId: string) => `/admin/pages/community/index?id=${encodeURIComponent(communityId)}`,
  adminMembers: (communityId: string) => `/admin/pages/members/index?id=${encodeURIComponent(communityId)}`,
}

export function openPage(url: string): void {
  void Taro.navigateTo({ url })
}

export function goHome(): void {
  void Taro.reLaunch({ url: routes.home })
}
