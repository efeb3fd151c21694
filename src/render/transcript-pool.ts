// Renders many transcripts across worker threads. unified is CPU-bound and single-threaded, so a large cold
// build spends most of its render stage waiting on one core; jobs are independent, so they split cleanly.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { RenderedTranscript, TranscriptJob } from "./transcript-job.ts";

/** Jobs per message to a worker: large enough that messaging costs little, small enough to balance the load. */
const BATCH = 64;

export function defaultThreadCount(): number {
  return Math.max(1, os.availableParallelism());
}

function startWorker(): Worker {
  const entry = new URL("./transcript-worker.ts", import.meta.url).href;
  // A worker on Node 20 does not inherit the TypeScript loader that `--import tsx` registered in this thread, so
  // it registers tsx itself before loading its entry.
  const code = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}

/**
 * Renders `jobs` on `threads` workers and returns the results in the order of `jobs`. Rejects if a worker fails,
 * so that a broken worker can never silently drop a transcript.
 */
export async function renderInWorkers(jobs: TranscriptJob[], threads: number): Promise<RenderedTranscript[]> {
  const results: RenderedTranscript[] = new Array(jobs.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(threads, Math.ceil(jobs.length / BATCH)) }, startWorker);
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let start = 0;
            const send = () => {
              if (next >= jobs.length) return resolve();
              start = next;
              next = Math.min(jobs.length, next + BATCH);
              worker.postMessage(jobs.slice(start, next));
            };
            worker.on("message", (batch: RenderedTranscript[]) => {
              for (let i = 0; i < batch.length; i++) results[start + i] = batch[i]!;
              send();
            });
            worker.once("error", reject);
            worker.once("exit", (code) => reject(new Error(`A render worker stopped (exit code ${code}) before its work was done`)));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
