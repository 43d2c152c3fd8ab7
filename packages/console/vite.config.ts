import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The console is served by the API at /console (packages/functions/src/api/routes/console.ts)
 * under a strict CSP, so the build must put nothing inline: no modulepreload polyfill (an inline
 * script), no assets inlined as data: URLs, and all CSS in files.
 */
export default defineConfig({
  base: "/console/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    // One bundle of ~150 kB gzipped (React, Chart.js, the SDK), cached immutable: no need to split.
    chunkSizeWarningLimit: 1000,
  },
  // `npm run dev -w @hangar/console` next to `npm start`: the API calls go to the local stack.
  server: {
    proxy: { "/v1": "http://127.0.0.1:8787", "/openai": "http://127.0.0.1:8787" },
  },
});
