import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // ECharts and Cytoscape are large but load only on the pages that draw charts.
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 700 },
});
