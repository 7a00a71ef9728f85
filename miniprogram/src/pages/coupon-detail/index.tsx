export { default } from '@/features/coupons/pages/coupon-detail'
