export { default } from '@/features/coupons/admin/pages/coupon-template-edit'
