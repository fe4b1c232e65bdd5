/**
 * The review's edit history: the profile after each edit, with undo and redo. Immutable (every method returns a new
 * history), so that it can live in React state as it is. At most 100 steps can be undone; older ones are forgotten.
 */
import type { ProfileJson } from './profile-edits';

export const MAX_UNDO_STEPS = 100;

export class ProfileHistory {
  readonly #past: readonly ProfileJson[];
  readonly #future: readonly ProfileJson[];
  /** The profile in effect. */
  readonly current: ProfileJson;

  private constructor(past: readonly ProfileJson[], current: ProfileJson, future: readonly ProfileJson[]) {
    this.#past = past;
    this.current = current;
    this.#future = future;
  }

  static start(profile: ProfileJson): ProfileHistory {
    return new ProfileHistory([], profile, []);
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** A new edit: `profile` becomes current and the redo steps are forgotten. Pushing the current profile again changes nothing. */
  push(profile: ProfileJson): ProfileHistory {
    if (profile === this.current) return this;
    const past = [...this.#past, this.current];
    return new ProfileHistory(past.length > MAX_UNDO_STEPS ? past.slice(past.length - MAX_UNDO_STEPS) : past, profile, []);
  }

  /** The profile before the last edit (this history itself when there is nothing to undo). */
  undo(): ProfileHistory {
    const previous = this.#past.at(-1);
    if (previous === undefined) return this;
    return new ProfileHistory(this.#past.slice(0, -1), previous, [this.current, ...this.#future]);
  }

  /** The edit last undone, again (this history itself when there is nothing to redo). */
  redo(): ProfileHistory {
    const next = this.#future[0];
    if (next === undefined) return this;
    return new ProfileHistory([...this.#past, this.current], next, this.#future.slice(1));
  }
}
