import { GENERATED_EXAMPLES } from './examples.generated';
import type { ExampleToken } from './types';

export type { ExampleToken } from './types';

/** Built-in examples, in the order the "Load example" menu shows them. */
export const EXAMPLES: readonly ExampleToken[] = GENERATED_EXAMPLES;

export function exampleByName(name: string): ExampleToken | undefined {
  return EXAMPLES.find((e) => e.name === name);
}
