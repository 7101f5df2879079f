import { defineConfig } from "vite";

export default defineConfig({
  // Relative asset paths, so that `dist/` can be served from any directory of any static server.
  base: "./",
  resolve: {
    alias: [
      // polkadot-api's smoldot provider imports one error class from `@polkadot-api/smoldot`,
      // whose index re-exports all of `smoldot`, bytecode included (3 MB): take the class from
      // `smoldot/no-auto-bytecode` instead, so the bytecode ships once, in the worker.
      { find: /^@polkadot-api\/smoldot$/, replacement: "smoldot/no-auto-bytecode" },
    ],
  },
  build: {
    target: "es2022",
    // The smoldot worker is one 3 MB chunk by nature (its WebAssembly inside).
    chunkSizeWarningLimit: 3_200,
  },
});
