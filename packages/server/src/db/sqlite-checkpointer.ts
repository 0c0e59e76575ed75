import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often committed WAL frames are forced to disk: what a power cut can take back is at most this (plus one fsync). */
export const WAL_SYNC_INTERVAL_MS = 100;
/** How often the WAL is copied back into the database file (PASSIVE: it never blocks the server's connection). */
export const CHECKPOINT_INTERVAL_MS = 1000;

// Plain CommonJS run with `eval`: it needs no TypeScript loader and survives bundling.
const WORKER_SOURCE = `
const fs = require("node:fs");
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = 5000");
// A checkpoint syncs the WAL before copying and the database file after, with this connection's setting.
db.pragma("synchronous = NORMAL");
let walFd = -1;
let lastCheckpoint = Date.now();
function syncWal() {
  if (walFd < 0) {
    try {
      walFd = fs.openSync(workerData.file + "-wal", "r+");
    } catch (error) {
      if (error.code === "ENOENT") return; // no WAL yet: nothing written
      throw error;
    }
  }
  fs.fdatasyncSync(walFd);
}
function tick() {
  try {
    if (Date.now() - lastCheckpoint >= workerData.checkpointMs) {
      lastCheckpoint = Date.now();
      db.pragma("wal_checkpoint(PASSIVE)");
    } else {
      syncWal();
    }
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.stack) || error) });
  }
}
const timer = setInterval(tick, workerData.syncMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  try {
    syncWal();
  } finally {
    if (walFd >= 0) fs.closeSync(walFd);
    db.close();
    parentPort.close();
  }
});
`;

export type Checkpointer = {
  /** Asks the worker to sync once more, close its connection and exit. */
  stop: () => void;
  /** Resolves when the worker has exited. */
  stopped: Promise<void>;
};

/**
 * The WAL's background syncer and checkpointer for a database the server opens with `synchronous=NORMAL`: its own
 * connection in a worker thread, so none of its fsyncs stalls the event loop (better-sqlite3 is synchronous: with
 * `synchronous=FULL` every commit waited for an fsync on the one thread that serves requests). Every
 * `WAL_SYNC_INTERVAL_MS` it fdatasyncs the WAL — the commits of that interval share one fsync (group commit) —
 * and every `CHECKPOINT_INTERVAL_MS` it runs a PASSIVE checkpoint. `onFailure` runs if the worker dies, so the
 * caller can go back to syncing every commit itself.
 */
export function startCheckpointer(file: string, onFailure: (error: Error) => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver, syncMs: WAL_SYNC_INTERVAL_MS, checkpointMs: CHECKPOINT_INTERVAL_MS },
  });
  // It must never keep a finished process (a CLI command, a test) alive.
  worker.unref();
  let stopping = false;
  worker.on("error", (error) => onFailure(error));
  worker.on("message", (message: { error?: string }) => {
    if (message.error) process.emitWarning(`SQLite WAL sync: ${message.error}`);
  });
  const stopped = new Promise<void>((resolve) => {
    worker.once("exit", (code) => {
      if (!stopping && code !== 0) onFailure(new Error(`exited with code ${code}`));
      resolve();
    });
  });
  return {
    stop: () => {
      if (stopping) return;
      stopping = true;
      // Held until it has synced and closed, so whoever awaits `stopped` is not left with an empty event loop.
      worker.ref();
      worker.postMessage("stop");
    },
    stopped,
  };
}
