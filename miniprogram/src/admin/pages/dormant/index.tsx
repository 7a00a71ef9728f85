export { default } from '@/features/health/pages/dormant'
