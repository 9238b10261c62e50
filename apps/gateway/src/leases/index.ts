// Concurrent-call leases: what the call session holds while a call is live.
export { CallLease, type LeaseTiming } from './call-lease';
export { CallLeases, type CallLeasesOptions } from './call-leases';
