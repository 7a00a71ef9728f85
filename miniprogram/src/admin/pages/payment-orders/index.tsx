export { default } from '@/features/payment/admin/pages/payment-orders'
