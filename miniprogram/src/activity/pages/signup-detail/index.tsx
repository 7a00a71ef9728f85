export { default } from '@/features/signup/pages/signup-detail'
