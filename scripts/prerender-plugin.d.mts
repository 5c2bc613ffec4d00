import type { Plugin } from 'vite';
export function prerenderFirstScreen(): Plugin;
