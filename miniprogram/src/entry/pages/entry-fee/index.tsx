export { default } from '@/features/payment/pages/entry-fee'
