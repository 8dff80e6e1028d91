// Choosing images to run: the workspace's PNG and JPEG files in a QuickPick (the model's own folder
// first), or the system file dialog.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { orderImages } from './imageOrder';

const MAX_LISTED = 2000;

interface ImageItem extends vscode.QuickPickItem {
  uri?: vscode.Uri;
}

async function dialog(modelDir: vscode.Uri): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    canSelectMany: true,
    defaultUri: modelDir,
    filters: { Images: ['png', 'jpg', 'jpeg'] },
    openLabel: 'Run on these images',
  });
}

export async function pickImages(model: vscode.Uri): Promise<vscode.Uri[] | undefined> {
  const modelDir = vscode.Uri.joinPath(model, '..');
  const found = await vscode.workspace.findFiles('**/*.{png,jpg,jpeg,PNG,JPG,JPEG}', '**/{node_modules,.git,out,dist}/**', MAX_LISTED);
  if (found.length === 0) return dialog(modelDir);
  const byPath = new Map(found.map((u) => [u.fsPath, u]));
  const ordered = orderImages([...byPath.keys()], modelDir.fsPath);
  const browse: ImageItem = { label: '$(folder-opened) Browse…', description: 'choose files with the file dialog', alwaysShow: true };
  const items: ImageItem[] = [
    browse,
    ...ordered.map((p) => ({ label: path.basename(p), description: vscode.workspace.asRelativePath(path.dirname(p)), uri: byPath.get(p)! })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Run the model on images',
    placeHolder: 'Select one or more images (the model\'s folder first), or Browse…',
    matchOnDescription: true,
  });
  if (!picked || picked.length === 0) return undefined;
  if (picked.includes(browse)) return dialog(modelDir);
  return picked.flatMap((p) => (p.uri ? [p.uri] : []));
}
