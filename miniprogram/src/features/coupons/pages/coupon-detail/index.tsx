import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Image } from '@/shared/ui/form-controls'
import { fetchCoupon } from '@/features/coupons/api'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import LoginPanel from '@/features/session/components/login-panel'
import { COUPON_STATUS_LABELS, COUPON_STATUS_TONES } from '@/features/coupons/labels'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { useToken } from '@/features/session/hooks/useSession'
import { faceValueText, groupedCode, spendConditionText } from '@/features/coupons/rules'
import { formatDate, formatDateTime } from '@/shared/format/format'
import { goHome } from '@/shared/routes'
import './index.css'

export default function CouponDetailPage() {
  const token = useToken()
  const { params } = useRouter()
  const couponId = params.id ?? ''
  const coupon = useQuery(() => fetchCoupon(couponId), [couponId, token], { enabled: token !== null && !!couponId })
  usePageRefresh(coupon.refresh)

  if (!token) return <LoginPanel />
  if (coupon.loading) {
    return (
      <View className='qy-page'>
        <LoadingView />
      </View>
    )
  }
  if (coupon.error) {
    return (
      <View className='qy-page'>
        <ErrorView message={coupon.error.message} onRetry={coupon.reload} />
      </View>
    )
  }
  const data = coupon.data
  if (!data) {
    return (
      <View className='qy-page'>
        <EmptyView icon='券' tone='gray' title='没有找到这张券' description='它可能不属于当前登录的账号。'>
          <ActionButton variant='secondary' onClick={goHome}>
            返回首页
          </ActionButton>
        </EmptyView>
      </View>
    )
  }

  const usable = data.status === 'UNUSED'
  return (
    <View className='qy-page qy-coupon-detail'>
      <View className='qy-card qy-coupon-detail__card'>
        <View className='qy-coupon-detail__value'>{faceValueText(data.faceValueFen)}</View>
        <View className='qy-coupon-detail__title'>{data.title}</View>
        <View className='qy-muted'>{spendConditionText(data.minSpendFen)}</View>

        <View className={`qy-coupon-detail__qr ${usable ? '' : 'is-muted'}`}>
          <Image className='qy-coupon-detail__qr-image' src={data.qrCodeDataUrl} mode='aspectFit' alt='核销二维码' />
          {!usable && <View className='qy-coupon-detail__stamp'>{COUPON_STATUS_LABELS[data.status]}</View>}
        </View>
        <View className='qy-coupon-detail__code'>{groupedCode(data.code)}</View>
        <View className='qy-coupon-detail__hint'>{usable ? '到店出示此码核销' : '此券已不可使用'}</View>

        <View className='qy-coupon-detail__facts'>
          <View className='qy-coupon-detail__fact'>
            <View className='qy-muted'>状态</View>
            <View className={`qy-tag ${COUPON_STATUS_TONES[data.status]} qy-coupon-detail__status`}>
              {COUPON_STATUS_LABELS[data.status]}
            </View>
          </View>
          <View className='qy-coupon-detail__fact'>
            <View className='qy-muted'>有效期至</View>
            <View>{formatDate(data.expiresAt)}</View>
          </View>
          {data.usedAt && (
            <View className='qy-coupon-detail__fact'>
              <View className='qy-muted'>核销时间</View>
              <View>{formatDateTime(data.usedAt)}</View>
            </View>
          )}
          <View className='qy-coupon-detail__fact'>
            <View className='qy-muted'>兑换时间</View>
            <View>{formatDateTime(data.redeemedAt)}</View>
          </View>
          <View className='qy-coupon-detail__fact'>
            <View className='qy-muted'>消耗积分</View>
            <View>{data.pointsCost}</View>
          </View>
        </View>
        {data.template.description && <View className='qy-coupon-detail__description'>{data.template.description}</View>}
      </View>
      <ActionButton variant='secondary' className='qy-coupon-detail__refresh' onClick={() => void coupon.refresh()}>
        刷新状态
      </ActionButton>
    </View>
  )
}
