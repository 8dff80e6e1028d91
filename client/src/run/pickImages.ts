// Choosing images to run: the workspace's PNG and JPEG files in a QuickPick (the model's own folder
// first), or the system file dialog.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { t } from '../l10n';
import { orderImages } from './imageOrder';

const MAX_LISTED = 2000;

interface ImageItem extends vscode.QuickPickItem {
  uri?: vscode.Uri;
}

async function dialog(modelDir: vscode.Uri): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    canSelectMany: true,
    defaultUri: modelDir,
    filters: { [t('run.dialogFilter')]: ['png', 'jpg', 'jpeg'] },
    openLabel: t('run.dialogLabel'),
  });
}

export async function pickImages(model: vscode.Uri): Promise<vscode.Uri[] | undefined> {
  const modelDir = vscode.Uri.joinPath(model, '..');
  const found = await vscode.workspace.findFiles('**/*.{png,jpg,jpeg,PNG,JPG,JPEG}', '**/{node_modules,.git,out,dist}/**', MAX_LISTED);
  if (found.length === 0) return dialog(modelDir);
  const byPath = new Map(found.map((u) => [u.fsPath, u]));
  const ordered = orderImages([...byPath.keys()], modelDir.fsPath);
  const browse: ImageItem = { label: t('run.browse'), description: t('run.browseDetail'), alwaysShow: true };
  const items: ImageItem[] = [
    browse,
    ...ordered.map((p) => ({ label: path.basename(p), description: vscode.workspace.asRelativePath(path.dirname(p)), uri: byPath.get(p)! })),
  ];
  const picked = await choose(items);
  if (picked === undefined) return undefined; // dismissed (Escape): nothing to say
  if (picked.length === 0) {
    void vscode.window.showInformationMessage(t('run.nothingChosen'));
    return undefined;
  }
  if (picked.includes(browse)) return dialog(modelDir);
  return picked.flatMap((p) => (p.uri ? [p.uri] : []));
}

/**
 * The ticked items when the user accepts; with none ticked, the highlighted one, else the only one
 * the filter leaves (filtering the list to one image and pressing Enter means that image); [] when
 * none of these.
 */
export function acceptedItems<T>(selected: readonly T[], active: readonly T[], filtered: readonly T[]): T[] {
  if (selected.length > 0) return [...selected];
  if (active.length > 0) return active.slice(0, 1);
  return filtered.length === 1 ? [...filtered] : [];
}

/** The items whose label or description contains every word of the filter (how the list narrows), for a non-empty filter. */
function matching(items: readonly ImageItem[], value: string): ImageItem[] {
  const words = value.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return items.filter((i) => i.uri && words.every((w) => `${i.label} ${i.description ?? ''}`.toLowerCase().includes(w)));
}

const shown = new vscode.EventEmitter<vscode.QuickPick<vscode.QuickPickItem>>();
/** Fires with the image picker when it opens (for the extension's tests, through its API). */
export const onDidShowImagePicker = shown.event;

function choose(items: ImageItem[]): Promise<ImageItem[] | undefined> {
  const qp = vscode.window.createQuickPick<ImageItem>();
  qp.items = items;
  qp.canSelectMany = true;
  qp.title = t('run.pickerTitle');
  qp.placeholder = t('run.pickerPlaceholder');
  qp.matchOnDescription = true;
  return new Promise((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      done = true;
      resolve(acceptedItems(qp.selectedItems, qp.activeItems, matching(qp.items, qp.value)));
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
    shown.fire(qp);
  });
}
