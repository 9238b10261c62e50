// Jest runs each spec file in its own realm, with its own typed-array constructors. ONNX Runtime's
// native side builds its output tensors with Node's, which onnxruntime-common (loaded inside the
// spec's realm) then rejects: "A float32 tensor's data must be type of function Float32Array()".
// Specs that run Silero inference name this environment in a `@jest-environment` docblock: it is
// Jest's node environment with Node's own typed arrays.
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = [
  'ArrayBuffer',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

class OnnxEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxEnvironment;
