export { FakeTwilioServer, type FakeTwilioOptions } from './fake-twilio-server';
export {
  FakeTwilioCall,
  type FakeTwilioCallScript,
  type TwilioAnsweredBy,
  type TwilioCallOutcome,
  type TwilioCallStatus,
  type TwilioStatusCallback,
} from './fake-twilio-call';
export { silentMediaLeg, type TwilioMediaLeg, type TwilioMediaLegRunner } from './twilio-media-leg';
export { twilioRequestSignature } from './twilio-request-signature';
export { parseTwimlStream, type TwimlStream } from './twiml-stream';
export { scriptedCallee, type ScriptedCalleeOptions } from './scripted-callee';
