/**
 * `npm run check:cycles`: no import cycle between files, nor between top-level domain folders
 * (packages/core/src/<domain>, packages/core/providers/<name>, and whole packages). Folder
 * cycles are checked on the folder graph, so two files that never import each other still
 * count when their domains point at each other; there, type-only imports count too, as they
 * still say which way a domain depends. TypeScript 7 has no compiler API, so swc parses.
 */
const domain = "^packages/(core/(src|providers)/[^/]+|[^/]+)$";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A runtime cycle between files; files that only share types with each other may.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-circular-domains",
      severity: "error",
      scope: "folder",
      from: { path: domain },
      to: { path: domain, circular: true },
    },
  ],
  options: {
    parser: "swc",
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "node", "default"],
      extensions: [".ts", ".js", ".json"],
    },
  },
};
