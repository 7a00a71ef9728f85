export { default } from '@/features/checkin/pages/checkin-calendar'
