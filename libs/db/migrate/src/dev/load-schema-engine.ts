import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConstructorOptions, SchemaEngine } from '@prisma/schema-engine-wasm';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

type EngineClass = typeof SchemaEngine;

// Node provides WebAssembly at run time; the workspace's ES2022 lib (no DOM) carries no types for it.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: Record<string, unknown> };
};

// wasm-bindgen keeps one instance per module; instantiating twice makes the engine fail with
// `unwrap_throw failed`, so every engine of this process shares one instantiation.
let engineClass: Promise<EngineClass> | undefined;

/**
 * Starts Prisma's schema engine (the wasm build of the native one the CLI would download) on a
 * driver adapter. The package's entry point imports the .wasm file as an ES module, which Node
 * only allows behind a flag, so the bindings are wired to the module by hand here.
 */
export async function startSchemaEngine(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  options: ConstructorOptions,
): Promise<SchemaEngine> {
  engineClass ??= instantiate();
  const Engine = await engineClass;
  return Engine.new(options, () => undefined, bindMigrationAwareSqlAdapterFactory(adapter));
}

/**
 * Where the engine writes a Rust panic's message just before it traps (Prisma's CLI installs the
 * same global); without it a panic surfaces as a TypeError about the registry itself.
 */
class WasmPanicRegistry {
  private message = '';

  set_message(message: string): void {
    this.message = message;
  }

  takeMessage(): string {
    const message = this.message;
    this.message = '';
    return message;
  }
}

const panics = new WasmPanicRegistry();

/** Rewrites a wasm trap into an error carrying the engine's panic message. */
export function explainPanic(error: unknown): unknown {
  const message = panics.takeMessage();
  return message ? new Error(`Prisma schema engine panicked: ${message}`, { cause: error }) : error;
}

async function instantiate(): Promise<EngineClass> {
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: WasmPanicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panics;
  const bindingsFile = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(path.join(path.dirname(bindingsFile), 'schema_engine_bg.wasm'));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    './schema_engine_bg.js': bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings.SchemaEngine;
}
