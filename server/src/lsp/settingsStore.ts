// Settings per document (rounding and inlay hints may differ by folder): pulled with
// workspace/configuration where the client supports it, else taken from what didChangeConfiguration
// pushes. A client that does not answer is not waited for long.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, readSettings, SECTION, type Settings } from './settings';

const ANSWER_WAIT_MS = 2000;

export class SettingsStore {
  private readonly byUri = new Map<string, Settings>();
  private readonly loading = new Map<string, Promise<void>>();
  private pushed: Settings = DEFAULT_SETTINGS;
  canPull = false;

  constructor(private readonly connection: Connection) {}

  forUri(uri: string): Settings {
    return this.byUri.get(uri) ?? this.pushed;
  }

  /** Settles when the settings of `uri` are known (pulled once, however many ask). */
  ready(uri: string): Promise<void> {
    if (!this.canPull || this.byUri.has(uri)) return Promise.resolve();
    let p = this.loading.get(uri);
    if (!p) {
      p = this.load(uri).finally(() => this.loading.delete(uri));
      this.loading.set(uri, p);
    }
    return p;
  }

  private async load(uri: string): Promise<void> {
    this.byUri.set(uri, await this.pull(uri));
  }

  private async pull(uri: string): Promise<Settings> {
    if (!this.canPull) return this.pushed;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ANSWER_WAIT_MS);
    });
    try {
      const raw: unknown = await Promise.race([this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }), late]);
      return raw === undefined ? this.pushed : readSettings(raw);
    } catch {
      return this.pushed;
    } finally {
      clearTimeout(timer);
    }
  }

  /** didChangeConfiguration: take pushed settings, and pull again for the open documents. */
  async changed(pushedSettings: unknown, open: string[]): Promise<void> {
    if (pushedSettings && typeof pushedSettings === 'object' && SECTION in pushedSettings) {
      this.pushed = readSettings((pushedSettings as Record<string, unknown>)[SECTION]);
    }
    // The old values stay in use until the new ones are in: no check runs with half-known settings.
    const fresh = await Promise.all(open.map(async (uri) => [uri, await this.pull(uri)] as const));
    for (const [uri, settings] of fresh) this.byUri.set(uri, settings);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
