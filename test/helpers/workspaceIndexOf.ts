// The workspace index behind a service, for tests of the core's parts. Only tests reach behind
// the facade: server, CLI and client code ask SecLanguageService (lint enforces it).
import type { SecLanguageService } from '../../server/src/service';
import type { WorkspaceIndex } from '../../server/src/service/workspaceIndex';

export function workspaceIndexOf(service: SecLanguageService): WorkspaceIndex {
  return service['workspace'];
}
