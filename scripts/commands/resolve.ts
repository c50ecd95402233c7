// `candor resolve <incident>`: the all-clear, which must say whether any data was lost.
import { post } from './update.ts';

export function run(argv: string[]): Promise<number> {
  return post(argv, 'resolve');
}
