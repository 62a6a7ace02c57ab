import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ArrayTrainer, TrainedArrays, TrainingInput } from './recommendations.training';

/**
 * The training thread's code: `recs-training-thread.js` beside the bundle (see build.mjs), or,
 * running from source (tests, `npm run dev`), the TypeScript entry beside this file loaded
 * through tsx's require hook.
 */
function threadEntry(): { code: string | URL; eval: boolean } {
  if (!__filename.endsWith('.ts')) return { code: new URL(`file://${path.join(__dirname, 'recs-training-thread.js')}`), eval: false };
  const entry = path.join(__dirname, 'recommendations.training-thread.ts');
  return { code: `require('tsx/cjs'); require(${JSON.stringify(entry)});`, eval: true };
}

/**
 * Trains on a thread of its own, so seconds of matrix work never stall the event loop that
 * serves requests and other jobs. The input's coordinate buffers move to the thread (unusable
 * here afterwards) and the result's move back: nothing large is copied. One thread per call.
 */
export const trainOnThread: ArrayTrainer = (input: TrainingInput) =>
  new Promise<TrainedArrays>((resolve, reject) => {
    const entry = threadEntry();
    const moved = [input.ratings, input.listens].flatMap((coo) => (coo ? [coo.rows.buffer, coo.cols.buffer, coo.values.buffer] : []));
    const worker = new Worker(entry.code, { eval: entry.eval, workerData: input, transferList: moved as ArrayBuffer[] });
    let settled = false;
    worker.once('message', (arrays: TrainedArrays) => {
      settled = true;
      resolve(arrays);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the recommendations training thread exited with code ${code} before answering`));
    });
  });
