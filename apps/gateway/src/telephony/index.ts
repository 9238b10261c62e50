// Carrier media-stream protocols on the call transport seam (`../call/client-channel.ts`).
export type { CarrierInbound, CarrierProtocol, CarrierStart, CarrierStream, WireFrame } from './carrier-protocol';
export { CarrierTransport, carrierConnector } from './carrier-transport';
export { awaitCarrierStart } from './carrier-start';
export { carrierNamed, carrierNames } from './carriers';
export { dtmfTurnText } from './dtmf-turn';
