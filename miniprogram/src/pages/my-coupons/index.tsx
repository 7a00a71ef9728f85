export { default } from '@/features/coupons/pages/my-coupons'
