import { defineConfig } from "vite";

// Relative asset paths, so that `dist/` can be served from any directory of any static server.
export default defineConfig({
  base: "./",
  build: {
    target: "es2022",
  },
});
