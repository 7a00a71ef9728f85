export { default } from '@/features/groupcode/pages/view'
