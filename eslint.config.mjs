import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/generated/**', 'tmp/**', '.nx/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // An app depends only on libraries, never on another app.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:db'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:db', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
            // Dev tools (the seed) write into several owners' slices, as an operator would.
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:db'] },
            // A Prisma slice is imported only by the service that owns it.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared', 'scope:gateway'] },
            { sourceTag: 'scope:stt-worker', onlyDependOnLibsWithTags: ['scope:shared', 'scope:stt-worker'] },
            { sourceTag: 'scope:llm-worker', onlyDependOnLibsWithTags: ['scope:shared', 'scope:llm-worker'] },
            { sourceTag: 'scope:tts-worker', onlyDependOnLibsWithTags: ['scope:shared', 'scope:tts-worker'] },
            { sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['scope:shared', 'scope:billing'] },
            { sourceTag: 'scope:dialer', onlyDependOnLibsWithTags: ['scope:shared', 'scope:dialer'] },
            { sourceTag: 'scope:webhooks', onlyDependOnLibsWithTags: ['scope:shared', 'scope:webhooks'] },
            { sourceTag: 'scope:rest-api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:rest-api'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
