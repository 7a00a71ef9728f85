export { default } from '@/features/points/admin/pages/points-adjust'
