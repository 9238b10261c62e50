// The per-call conversation loop: what runs between an accepted voice upgrade and `call.ended`.
export { CallModule } from './call.module';
export { CallSessions } from './call-sessions';
export type { CallContext, CallLease, CallSession } from './call-session';
export type { CallOrigin } from './call-events';
export type { CarrierCall } from './tool-effects';
export { CALL_SETTINGS, CALL_VADS, DEFAULT_CALL_SETTINGS, type CallSettings } from './call-settings';
