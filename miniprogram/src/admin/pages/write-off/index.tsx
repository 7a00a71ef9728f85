export { default } from '@/features/coupons/admin/pages/write-off'
