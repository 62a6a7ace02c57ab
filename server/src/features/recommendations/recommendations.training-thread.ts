/**
 * Entry of the training thread: trains the arrays of one kind off the event loop of the process
 * that asked (the worker, or the api too under `--role=all`) and posts them back, buffers
 * transferred rather than copied. Imports only pure model code.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { trainArrays, type TrainingInput } from './recommendations.training';

const arrays = trainArrays(workerData as TrainingInput);
const buffers = [arrays.userItems, arrays.similarities, arrays.contentSimilarities].flatMap((m) => [m.indptr.buffer, m.indices.buffer, m.values.buffer]);
parentPort!.postMessage(arrays, buffers as ArrayBuffer[]);
