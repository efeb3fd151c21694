// Threads for the heavy stages: unified, citeproc, page building and Pagefind are each single-threaded, so a build
// spends most of its time on one core unless its partitions run side by side. The pool keeps one worker per core,
// sends each job to the next free worker, and fails the build if a worker fails, so that no partition can be
// silently left out.
import os from "node:os";
import { Worker } from "node:worker_threads";
// Types only: the jobs' code (which writes pages, and so imports the site stage) is loaded by the threads that run
// them, so that `npm run check` never loads it.
import type { JobKind, JobPayload, JobResult } from "./jobs.ts";

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  busy: boolean;
  pending: Map<number, Pending>;
}

/** The same small number for the same name, in every run (FNV-1a). */
function stableIndex(name: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}

export function defaultThreadCount(): number {
  return Math.max(1, os.availableParallelism());
}

/**
 * With one thread, jobs run in this thread, one at a time, as a worker would run them: an edition of one partition
 * is not worth a worker's start-up.
 */
class InlineWorker {
  #handlers: ReturnType<typeof import("./jobs.ts").createJobHandlers> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  run<K extends JobKind>(kind: K, payload: JobPayload<K>): Promise<JobResult<K>> {
    const result = this.#queue.then(async () => {
      this.#handlers ??= (await import("./jobs.ts")).createJobHandlers();
      return (this.#handlers[kind] as (payload: JobPayload<K>) => Promise<JobResult<K>>)(payload);
    });
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

export class WorkerPool {
  readonly size: number;
  #inline: InlineWorker | undefined;
  readonly #workers: PoolWorker[] = [];
  readonly #queue: Array<() => void> = [];
  #next = 0;
  #failure: Error | undefined;

  constructor(size = defaultThreadCount()) {
    this.size = Math.max(1, size);
  }

  #start(): PoolWorker {
    const entry = new URL("./worker.ts", import.meta.url).href;
    // A worker on Node 20 does not inherit the TypeScript loader that `--import tsx` registered in this thread, so
    // it registers tsx itself before loading its entry.
    const code = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); await import(${JSON.stringify(entry)});`;
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
    const state: PoolWorker = { worker, busy: false, pending: new Map() };
    worker.on("message", ({ id, result, error }: { id: number; result?: unknown; error?: { message: string; stack?: string; name?: string } }) => {
      const pending = state.pending.get(id);
      if (!pending) return;
      state.pending.delete(id);
      if (!state.pending.size) worker.unref();
      if (error) pending.reject(Object.assign(new Error(error.message), { name: error.name ?? "Error", stack: error.stack }));
      else pending.resolve(result);
    });
    const fail = (error: Error) => {
      worker.unref();
      this.#failure ??= error;
      for (const pending of state.pending.values()) pending.reject(error);
      state.pending.clear();
    };
    worker.once("error", fail);
    worker.once("exit", (code) => fail(new Error(`A build worker stopped (exit code ${code}) before its work was done`)));
    // An idle pool must not keep the process alive: `npm run build` exits when its work is done.
    worker.unref();
    return state;
  }

  #workersStarted(): PoolWorker[] {
    while (this.#workers.length < this.size) this.#workers.push(this.#start());
    return this.#workers;
  }

  #send<K extends JobKind>(state: PoolWorker, kind: K, payload: JobPayload<K>): Promise<JobResult<K>> {
    const id = this.#next++;
    return new Promise<JobResult<K>>((resolve, reject) => {
      state.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      // While it has work, the worker keeps the process alive.
      state.worker.ref();
      state.worker.postMessage({ id, kind, payload });
    });
  }

  /**
   * Runs a job on the next free worker; or, with `on`, always on the same worker for the same name (after the jobs
   * sent to it before), so that a watching server's partition stays in one worker's memory.
   */
  async run<K extends JobKind>(kind: K, payload: JobPayload<K>, options: { on?: string } = {}): Promise<JobResult<K>> {
    if (this.size === 1) return (this.#inline ??= new InlineWorker()).run(kind, payload);
    if (this.#failure) throw this.#failure;
    const workers = this.#workersStarted();
    if (options.on !== undefined) return this.#send(workers[stableIndex(options.on, workers.length)]!, kind, payload);
    let free = workers.find((state) => !state.busy);
    while (!free) {
      await new Promise<void>((resolve) => this.#queue.push(resolve));
      free = workers.find((state) => !state.busy);
    }
    free.busy = true;
    try {
      return await this.#send(free, kind, payload);
    } finally {
      free.busy = false;
      this.#queue.shift()?.();
    }
  }

  /** Runs a job on every worker (to give each the same context), once each. */
  async broadcast<K extends JobKind>(kind: K, payload: JobPayload<K>): Promise<void> {
    if (this.size === 1) return void (await this.run(kind, payload));
    if (this.#failure) throw this.#failure;
    await Promise.all(this.#workersStarted().map((state) => this.#send(state, kind, payload)));
  }

  async close(): Promise<void> {
    const workers = this.#workers.splice(0);
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
}
