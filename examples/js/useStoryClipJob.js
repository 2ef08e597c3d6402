// React hook for StoryClip jobs, in plain JavaScript with JSDoc types (no JSX, no build step,
// no npm dependency: your app's own React is passed in once).
//
//   import * as React from "react";
//   import { createUseStoryClipJob } from "./useStoryClipJob.js";
//   export const useStoryClipJob = createUseStoryClipJob(React, {
//     baseUrl: "http://127.0.0.1:8765", token: () => sessionStorage.getItem("storyclipToken"),
//   });
//
//   function JobProgress({ jobId }) {
//     const { job, connection, error } = useStoryClipJob(jobId);
//     if (error) return React.createElement("p", null, error.message);
//     if (!job) return React.createElement("p", null, connection);
//     return React.createElement("progress", { max: 100, value: job.progress }, job.message);
//   }
//
// The page's origin must be listed in the server's `server_allowed_origins`.

import { watchJob } from "./storyclip-client.js";

/**
 * @typedef {import("./storyclip-client.js").JobMessage} JobMessage
 *
 * @typedef {Object} StoryClipJobState
 * @property {JobMessage|null} job  the latest state of the job (merged from every message)
 * @property {"idle"|"connecting"|"open"|"reconnecting"|"closed"} connection
 * @property {boolean} done         completed, failed or cancelled
 * @property {Error|null} error     the server refused the token
 *
 * @typedef {Object} HookConfig
 * @property {string} baseUrl                        "http://127.0.0.1:8765"
 * @property {string|(() => string|null)|null} token  the server token (or a function reading it)
 * @property {typeof WebSocket} [WebSocket]          another implementation (tests)
 *
 * @typedef {Object} ReactLike  the part of React the hook uses
 * @property {Function} useState
 * @property {Function} useEffect
 */

const FINAL = new Set(["completed", "failed", "cancelled"]);

/**
 * Make `useStoryClipJob(jobId)` for an app's React and server.
 *
 * @param {ReactLike} React
 * @param {HookConfig} config
 * @returns {(jobId: string|null|undefined) => StoryClipJobState}
 */
export function createUseStoryClipJob(React, config) {
  const { useState, useEffect } = React;
  const wsBase = config.baseUrl.replace(/^http/, "ws").replace(/\/$/, "");

  /**
   * Follow one job live; re-subscribes when `jobId` changes, closes on unmount.
   * @param {string|null|undefined} jobId
   * @returns {StoryClipJobState}
   */
  return function useStoryClipJob(jobId) {
    /** @type {[StoryClipJobState, (s: StoryClipJobState | ((p: StoryClipJobState) => StoryClipJobState)) => void]} */
    const [state, setState] = useState(
      /** @type {StoryClipJobState} */ ({ job: null, connection: "idle", done: false, error: null }),
    );
    useEffect(() => {
      if (!jobId) return undefined;
      const token = typeof config.token === "function" ? config.token() : config.token;
      setState({ job: null, connection: "connecting", done: false, error: null });
      const watch = watchJob(
        `${wsBase}/ws?jobId=${encodeURIComponent(jobId)}`,
        token ?? null,
        (msg) =>
          setState((previous) => {
            // a snapshot carries the job's fields at the top; later messages update them
            const job = /** @type {JobMessage} */ ({ ...(previous.job ?? {}), ...msg });
            return { ...previous, job, done: FINAL.has(job.status ?? "") };
          }),
        {
          WebSocket: config.WebSocket,
          onConnection: ({ state: connection }) =>
            setState((previous) => ({ ...previous, connection })),
        },
      );
      watch.done.catch((error) =>
        setState((previous) => ({ ...previous, error, connection: "closed" })),
      );
      return () => watch.close();
    }, [jobId]);
    return state;
  };
}
