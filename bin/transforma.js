#!/usr/bin/env node
// Runs the TypeScript command-line entry through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
