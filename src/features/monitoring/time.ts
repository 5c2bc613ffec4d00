export { isoWithOffset as isoNow, formatDuration } from '@/features/adverse-events';
export { formatDateTime, formatTime } from '@/ui/format';
