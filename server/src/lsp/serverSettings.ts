// The server's settings and their sources, with their own state: the client's `secDrafting.*`
// settings (given at start-up, then pulled or pushed), the repository's .secdraft.json and word
// list, and the file watchers their globs need. Merged by settings.ts mergeSettings, the same
// merge as the CLI's; every change is handed to the core.
import type { Connection, Disposable, InitializeParams } from 'vscode-languageserver/node';
import { DidChangeConfigurationNotification } from 'vscode-languageserver/node';
import type { SecLanguageService } from '../service';
import { type SecConfig, DEFAULT_CONFIG } from '../io/config';
import { readWorkspaceConfig } from '../io/workspace';
import { isWordListFile, workspaceWordList } from '../io/wordList';
import { type ClientSettings, type EffectiveSettings, mergeSettings, settingsIn } from '../io/settings';
import { watchFiles } from './watchedFiles';
import { type FolderConfig, withFolderConfigs } from '../io/folderSettings';
import { type IgnoreRules, ignoreRulesOf } from '../io/ignores';

export interface ServerSettingsContext {
  connection: Connection;
  service: SecLanguageService;
  /** The first workspace folder, where .secdraft.json and sec-words.txt are looked for. */
  root: () => string | undefined;
  /** Every workspace folder (the first is `root`): each one's nearest .secdraft.json applies below it. */
  folders?: () => string[];
  warn: (message: string) => void;
  /** .secdraft.json was (re-)read: the baseline beside it may have moved. */
  configRead: () => void;
  /** The settings changed: findings must be re-checked. */
  changed: () => void;
  /** The settings were applied (the comparison with a baseline follows them). */
  applied?: (applied: { legalGlobs: string[]; consultationGlobs: string[]; client: ClientSettings; config: SecConfig }) => void;
}

export class ServerSettings {
  /** Settings given at start-up; pulled or pushed settings are laid over them. */
  private initSettings: ClientSettings = {};
  private clientSettings: ClientSettings = {};
  private repoConfig: SecConfig | undefined;
  /** The other workspace folders' configs (folderSettings.ts). */
  private folderConfigs: FolderConfig[] = [];
  private canPull = false;
  private canRegisterWatchers = false;
  private canRegisterConfiguration = false;
  /** The globs the settings add to the watchers, as last registered, and that registration. */
  private watchedExtra: string | undefined;
  private watchers: Disposable | undefined;
  /** The warnings the last read of the configs gave, and whether a re-read repeats them. */
  private configWarnings = new Set<string>();
  /** Counts configuration changes: a pull that a newer change overtook is dropped. */
  private configChanges = 0;

  constructor(private readonly ctx: ServerSettingsContext) {}

  /** What the client can do with settings and watchers, and the settings it started with. */
  initialize(params: InitializeParams): void {
    this.canPull = !!params.capabilities.workspace?.configuration;
    this.canRegisterWatchers = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.canRegisterConfiguration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    this.initSettings = settingsIn(params.initializationOptions) ?? {};
    this.clientSettings = this.initSettings;
  }

  /** The repository's config (defaults until .secdraft.json is read). */
  get config(): SecConfig {
    return this.repoConfig ?? DEFAULT_CONFIG;
  }

  /** The globs that say which files are legal text and collations. */
  globs(): Omit<EffectiveSettings, 'settings'> {
    const { legalGlobs, consultationGlobs } = withFolderConfigs(mergeSettings(this.config, { words: [] }, this.clientSettings), this.config, this.folderConfigs, this.clientSettings);
    return { legalGlobs, consultationGlobs };
  }

  /** Every folder's "ignores", each applying below its own config's folder. */
  ignoreRules(): IgnoreRules[] {
    return [this.config, ...this.folderConfigs.map(f => f.config)].map(ignoreRulesOf).filter((r): r is IgnoreRules => r !== undefined);
  }

  /** After `initialized`: ask for change notifications (where the client can register them) and pull the settings. */
  async start(): Promise<void> {
    if (!this.canPull) return;
    // Only where the client can register it (Neovim 0.7 cannot, and warns): it pushes anyway.
    if (this.canRegisterConfiguration) void this.ctx.connection.client.register(DidChangeConfigurationNotification.type, { section: 'secDrafting' });
    this.clientSettings = (await this.pull()) ?? this.clientSettings;
  }

  /**
   * .secdraft.json: a broken one falls back to defaults; ignored keys are shown, once each read.
   * With `repeat` false (the workspace folders changed, no config did), only warnings the last
   * read did not give are shown: adding a folder does not repeat what is wrong with another's.
   */
  readRepoConfig(repeat = true): SecConfig {
    const { connection } = this.ctx;
    const before = this.configWarnings;
    this.configWarnings = new Set();
    const warn = (message: string) => {
      this.configWarnings.add(message);
      if (repeat || !before.has(message)) this.ctx.warn(message);
    };
    const { config, error } = readWorkspaceConfig(this.ctx.root());
    this.repoConfig = config;
    if (error) warn(`SEC Drafting: ${error}. Using default settings.`);
    for (const warning of config.warnings ?? []) connection.console.warn(warning);
    if (config.warnings?.length) warn(`SEC Drafting: ${config.warnings.join('; ')}.`);
    this.readFolderConfigs(warn);
    this.ctx.configRead();
    return config;
  }

  /** The other workspace folders' configs, each with its word list; a broken one is reported and left out. */
  private readFolderConfigs(warn: (message: string) => void): void {
    this.folderConfigs = [];
    for (const folder of (this.ctx.folders?.() ?? []).slice(1)) {
      const { config, error } = readWorkspaceConfig(folder);
      if (error) warn(`SEC Drafting: ${error}. Its settings are not used for ${folder}.`);
      for (const warning of config.warnings ?? []) this.ctx.connection.console.warn(warning);
      this.folderConfigs.push({ folder, config, words: workspaceWordList(folder, config).words });
    }
  }

  /** Hand the merged settings to the core. */
  apply(): void {
    const merged = mergeSettings(this.config, workspaceWordList(this.ctx.root(), this.config), this.clientSettings);
    const { settings, legalGlobs, consultationGlobs } = withFolderConfigs(merged, this.config, this.folderConfigs, this.clientSettings);
    this.ctx.service.updateSettings(settings, { legalGlobs, consultationGlobs });
    this.ctx.changed();
    this.ctx.applied?.({ legalGlobs, consultationGlobs, client: this.clientSettings, config: this.config });
  }

  /** Does a changed file feed the settings (.secdraft.json, a word list)? */
  isSettingsFile(file: string): boolean {
    return file.endsWith('.secdraft.json') || [this.config, ...this.folderConfigs.map(f => f.config)].some(c => isWordListFile(file, c));
  }

  /** A settings file changed on disk: read it again and apply. */
  settingsFileChanged(): void {
    this.readRepoConfig();
    this.apply();
    void this.rewatch();
  }

  /** workspace/didChangeConfiguration: pushed settings are taken as they are; otherwise ask for them. */
  async didChangeConfiguration(params: { settings?: unknown } | undefined): Promise<void> {
    const change = ++this.configChanges;
    const pushed = settingsIn(params?.settings, true);
    if (pushed) this.clientSettings = { ...this.initSettings, ...pushed };
    else {
      const pulled = await this.pull();
      if (change !== this.configChanges) return;
      if (pulled) this.clientSettings = pulled;
    }
    this.apply();
    await this.rewatch();
  }

  /** (Re-)register the file watchers when the globs from the settings changed. */
  async rewatch(): Promise<void> {
    if (!this.canRegisterWatchers) return;
    const { legalGlobs, consultationGlobs } = this.globs();
    const extra = [...legalGlobs, ...consultationGlobs, ...this.config.wordFiles];
    if (JSON.stringify(extra) === this.watchedExtra) return;
    this.watchedExtra = JSON.stringify(extra);
    this.watchers = await watchFiles(this.ctx.connection, extra, this.watchers);
  }

  /** The client's settings over the start-up ones; undefined when they cannot be asked for. */
  private async pull(): Promise<ClientSettings | undefined> {
    if (!this.canPull) return undefined;
    try {
      const s = settingsIn(await this.ctx.connection.workspace.getConfiguration('secDrafting'));
      // A client with nothing under secDrafting answers null: the start-up settings stay.
      return { ...this.initSettings, ...(s ?? {}) };
    } catch (e) {
      this.ctx.connection.console.warn(`could not read settings: ${(e as Error).message}`);
      return undefined;
    }
  }
}
