// Typed NATS client over @parley/contracts, and its Nest module.
export { Bus, type BusOptions } from './bus';
export { BusError } from './core/bus-error';
export type { BusLogger, BusStats } from './core/bus-logger';
export type { BusSubscription, MessageMeta } from './core/bus-context';
export type { MessageHandler, SubscribeOptions } from './core/messages';
export type { AudioHandler } from './core/audio';
export type { TapHandler, TappedEvent } from './core/event-tap';
export type { RequestOptions } from './rpc/rpc-client';
export type { RpcHandler, ServeOptions } from './rpc/rpc-server';
export { SERVICE_ERROR, SERVICE_ERROR_CODE } from './rpc/service-error-headers';
export type { EventAck, PublishEventOptions } from './jetstream/events';
export type { ConsumedEvent, ConsumeOptions, EventConsumer, EventHandler } from './jetstream/event-consumer';
export { BusModule, type BusModuleOptions } from './nest/bus.module';
