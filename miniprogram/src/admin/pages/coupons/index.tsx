export { default } from '@/features/coupons/admin/pages/coupons'
