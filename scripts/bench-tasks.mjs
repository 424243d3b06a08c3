// The frame figures' measure, shared by the benchmarks: the longest task
// on the page's main thread while something happens, from Chromium's trace.
import { traceOverPipe } from './devtools-pipe.mjs';

/** The longest main-thread task (ms) of the page's renderer while `action`
 *  runs, and how many tasks took over `goal` ms (Chromium's trace, from a
 *  browser over the bare pipe). BENCH_VERBOSE=1 prints what the long ones
 *  were made of. */
export async function longestTaskWhile(browser, action, goal) {
  const events = await traceOverPipe(browser, ['devtools.timeline', 'disabled-by-default-devtools.timeline'], action);
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map();
  for (const e of events) {
    if (e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`)) {
      const key = `${e.pid}:${e.tid}`;
      byThread.set(key, [...(byThread.get(key) ?? []), e.dur / 1000]);
    }
  }
  // The page's renderer is the busy one.
  const [thread, tasks] = [...byThread.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
  const longest = Math.max(0, ...tasks);
  if (process.env.BENCH_VERBOSE) {
    // What the long tasks were made of: their children over 3 ms, and the
    // time no traced event covers (the browser's own work; under Playwright
    // this was once DevTools keeping the feed's body, 30 ms of a 46 ms
    // refresh task, which is why these figures are measured over the pipe).
    const long = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && `${e.pid}:${e.tid}` === thread && e.dur / 1000 > goal);
    for (const task of long) {
      const beneath = events.filter(
        (e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread && e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur,
      );
      const inside = beneath.filter((e) => e.dur > 3000);
      let [covered, reached] = [0, task.ts];
      for (const e of [...beneath].sort((a, b) => a.ts - b.ts)) {
        if (e.ts + e.dur > reached) [covered, reached] = [covered + e.ts + e.dur - Math.max(e.ts, reached), e.ts + e.dur];
      }
      const parts = inside.map((e) => `${e.name}${e.args?.data?.type ? `(${e.args.data.type})` : ''}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${(e.dur / 1000).toFixed(0)}`);
      console.log(`task ${(task.dur / 1000).toFixed(0)} ms:`, parts.join(', '), `; no traced event beneath: ${((task.dur - covered) / 1000).toFixed(0)} ms`);
    }
  }
  return { longest, over: tasks.filter((d) => d > goal).length };
}
