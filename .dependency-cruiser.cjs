/**
 * Dependency rules (docs/architecture.md "Libraries and their order"): no cycles; libs never import apps, tests or scripts;
 * a library imports only libraries to its left in this order (same rank: neither imports the other).
 */
const ORDER = [
  ['core', 'standards'],
  ['audit', 'events'],
  ['auth'],
  ['regions'],
  ['facilities'],
  ['applications'],
  ['staff'],
  ['filing'],
  ['inspections'],
  ['incidents'],
  ['complaints'],
  ['credit'],
  ['targets', 'search'],
  ['reports'],
];

const rankRules = ORDER.flatMap((names, rank) => {
  const sameOrRight = ORDER.slice(rank).flat();
  return names.map((name) => ({
    name: `lib-order-${name}`,
    severity: 'error',
    comment: `libs/${name} may import only libraries to its left: ${ORDER.slice(0, rank).flat().join(', ') || '(none)'}`,
    from: { path: `^libs/${name}/` },
    to: { path: `^libs/(${sameOrRight.filter((n) => n !== name).join('|')})/` },
  }));
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'libs-not-to-apps', severity: 'error', from: { path: '^libs/' }, to: { path: '^(apps|test|scripts|migrations)/' } },
    { name: 'apps-not-to-tests', severity: 'error', from: { path: '^(apps|libs|scripts|migrations)/' }, to: { path: '^test/' } },
    {
      name: 'web-only-to-standards',
      severity: 'error',
      comment: 'the web app may import one library: libs/standards (pure: vocabularies, labels, checksums)',
      from: { path: '^apps/web/' },
      to: { path: '^libs/', pathNot: '^libs/standards/' },
    },
    {
      name: 'standards-pure',
      severity: 'error',
      comment: 'libs/standards is pure (the web app bundles it): no Node built-ins, no packages, no other library',
      from: { path: '^libs/standards/', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypesNot: ['local', 'type-only'] },
    },
    { name: 'apps-not-to-apps', severity: 'error', from: { path: '^apps/([^/]+)/' }, to: { path: '^apps/', pathNot: '^apps/$1/' } },
    ...rankRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|node_modules)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};
