/** What the host's screens may ask of the page: act on the room, build links, leave. */
import type { Screen } from '../screens.js';
import type { HostAction, HostView, ScenarioInfo } from '../../server/protocol.js';

export interface HostContext {
  /** Send a host action; resolves when answered (failures are shown by the page). */
  act(action: HostAction): Promise<boolean>;
  /** True while an action is on its way or its result has not arrived yet. */
  busy(): boolean;
  /** The trainer key, when this browser holds one. */
  key(): string | undefined;
  /** Where trainees join this room (a LAN address when the server gives one). */
  joinUrl(code: string): string;
  /** Whether the join link still says localhost (phones cannot use it). */
  joinIsLocal(): boolean;
  /** Whether the server listens on loopback only (no phone can reach it, whatever the link says). */
  joinUnreachable(): boolean;
  /** The scenarios the server can host (for the next scenario of a session). */
  scenarios(): ScenarioInfo[];
  /** Leave this room's screen for the start screen (the room stays open). */
  newSession(): void;
}

export type HostScreen = Screen<HostView>;
