/**
 * `npm run check:cycles`: no import cycle between files, nor between top-level domain folders
 * (packages/core/src/<domain>, packages/core/providers/<name>, and whole packages). Folder
 * cycles are checked on the folder graph, so two files that never import each other still
 * count when their domains point at each other. Type-only imports are erased at build time and
 * are not followed. TypeScript 7 has no compiler API for the parser, so swc parses.
 */
const domain = "^packages/(core/(src|providers)/[^/]+|[^/]+)$";

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
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
