// The thread of prose-thread.ts: renders the bodies it is given with the one pipeline and posts them back in order.
import { parentPort, workerData } from 'node:worker_threads';
import { renderBody } from '../../../site/model/markdown.ts';

parentPort!.postMessage((workerData as string[]).map(renderBody));
