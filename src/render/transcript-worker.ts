// A worker thread that renders transcripts for render-edition.ts: it receives batches of jobs and answers each
// batch with its results, in order. One renderer per thread, so its processors are built once.
import { parentPort } from "node:worker_threads";
import { TranscriptRenderer, type TranscriptJob } from "./transcript-job.ts";

const renderer = new TranscriptRenderer();
parentPort!.on("message", (jobs: TranscriptJob[]) => {
  parentPort!.postMessage(jobs.map((job) => renderer.render(job)));
});
