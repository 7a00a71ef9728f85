import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Image } from '@/shared/ui/form-controls'
import { fetchGroupCodeView, slugFromParams } from '@/features/groupcode/api'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { IS_WEAPP } from '@/platform/wechat'
import { previewImages } from '@/platform/page'
import './index.css'

/** 群活码's public page: the QR of the group that admits now, large, to long-press in WeChat; a kind word when none is left. */
export default function GroupCodeViewPage() {
  const { params } = useRouter()
  const slug = slugFromParams(params)
  const view = useQuery(() => fetchGroupCodeView(slug ?? ''), [slug], { enabled: Boolean(slug) })
  usePageRefresh(view.refresh)

  if (!slug) return <EmptyView title='链接不完整' description='请重新扫码或打开分享的链接' />
  return (
    <View className='qy-page qy-group-code'>
      {view.loading && <LoadingView />}
      {view.error && <ErrorView message={view.error.message} onRetry={view.reload} />}
      {view.data === null && <EmptyView title='这个活码不存在' description='可能链接有误，请向群主要一个新的' />}
      {view.data && (
        <View className='qy-card qy-group-code__card'>
          <View className='qy-group-code__title'>{view.data.name}</View>
          {view.data.current ? (
            <>
              <View className='qy-group-code__group'>{view.data.current.name}</View>
              <View className='qy-group-code__frame'>
                <Image
                className='qy-group-code__qr'
                src={view.data.current.qrUrl}
                mode='aspectFit'
                showMenuByLongpress
                alt={`${view.data.current.name}的群二维码`}
                onClick={() => !IS_WEAPP && previewImages(view.data!.current!.qrUrl, [view.data!.current!.qrUrl])}
                />
              </View>
              <View className='qy-group-code__hint'>长按识别二维码加入群聊</View>
            </>
          ) : (
            <View className='qy-group-code__none' role='status'>
              <View className='qy-group-code__none-title'>群已满员，新群正在准备中</View>
              <View className='qy-muted'>群主已经收到提醒，请稍后再扫一次</View>
            </View>
          )}
        </View>
      )}
    </View>
  )
}
