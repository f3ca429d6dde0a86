/**
 * The offline console: the bot in a terminal, without a Slack workspace. It drives the very app of
 * production mode through the stand-in for Slack (../standin), as a person would in Slack — `/handbooks
 * …`, `@handbooks …`, direct messages, buttons pressed by number, dialogs filled in one field at a time,
 * App Home — and shows what the app posted, rendered from its Block Kit (./render.ts).
 *
 * At a terminal it prompts; with a script on standard input (`npm start < session.txt`) it reads the
 * same commands one a line and echoes each after its prompt, so the output is a readable transcript.
 *
 *   const running = await startOfflineConsole({ deps, input: process.stdin, output: process.stdout });
 *   await running.finished;   // the person typed quit, or the script ended; the app has stopped
 *
 * Modules: ./render.ts (Block Kit → lines, pure), ./mrkdwn-text.ts (mrkdwn → text, pure), ./inputs.ts
 * (modal fields → answers, pure), ./line-reader.ts (terminal or script input), ./session.ts (the session),
 * ./run.ts (a session on a connected stand-in), ./start.ts (app + stand-in + session, for src/main.ts).
 */
export { OFFLINE_USER, runOfflineConsole, type OfflineConsoleOptions } from './run.js';
export { OFFLINE_ORDERS_CHANNEL, startOfflineConsole, type OfflineConsoleStart, type RunningConsole } from './start.js';
