// Commands to a live call (end, mute, whisper, broadcast, recording), on the call's command subject.
export { serveCallCommands } from './call-command-server';
export { CallControls, type ControlledCall } from './call-controls';
