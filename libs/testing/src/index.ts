export { testInfra, resolveInfra, InfraUnavailableError } from './test-infra';
export type { ResolveInfraOptions } from './test-infra';
export type { TestInfra, InfraService } from './infra-services';
export { INFRA_SERVICES } from './infra-services';
export { createTestDatabase } from './test-database';
export type { TestDatabase } from './test-database';
export { uniqueNamespace } from './unique-namespace';
export * from './call-client';
