// Usage metering of live calls, for billing.
export { CallMeter, type CallMeterOptions, METERING_INTERVAL_MS, type MeteredCallIdentity, type UsagePublisher } from './call-meter';
export { usagePublisher } from './usage-publisher';
