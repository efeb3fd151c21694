// A build's worker thread (worker-pool.ts): it answers each job with its result, one job at a time and in the
// order they came, so that a context sent to every worker (the link targets notes resolve against) is in place
// before the jobs that need it.
import { parentPort } from "node:worker_threads";
import { createJobHandlers, type JobKind, type JobPayload } from "./jobs.ts";

const handlers = createJobHandlers();
let queue: Promise<void> = Promise.resolve();

parentPort!.on("message", ({ id, kind, payload }: { id: number; kind: JobKind; payload: JobPayload<JobKind> }) => {
  queue = queue.then(async () => {
    try {
      const result = await (handlers[kind] as (payload: unknown) => Promise<unknown>)(payload);
      parentPort!.postMessage({ id, result });
    } catch (error) {
      const { message, stack, name } = error instanceof Error ? error : new Error(String(error));
      parentPort!.postMessage({ id, error: { message, stack, name } });
    }
  });
});
