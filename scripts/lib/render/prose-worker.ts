// The thread of prose-thread.ts: renders bodies of the list as they arrive, taking each by the shared counter
// (prose-claim.ts), and posts what it rendered once the list is complete and every place in it is taken.
import { parentPort, workerData } from 'node:worker_threads';
import { renderBody } from '../../../site/model/markdown.ts';
import { claimNext, type BodiesMessage, type RenderedShare } from './prose-claim.ts';

const counter = new Int32Array(workerData as SharedArrayBuffer);
const list: string[] = [];
const mine: RenderedShare = [];

parentPort!.on('message', ({ bodies, total }: BodiesMessage) => {
  for (const body of bodies) list.push(body);
  for (let i = claimNext(counter, list.length); i >= 0; i = claimNext(counter, list.length)) mine.push([i, renderBody(list[i]!)]);
  if (total !== undefined) parentPort!.postMessage(mine);
});
