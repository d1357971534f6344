/**
 * The native folder picker, when the host has one. In the browser there is none and the export
 * dialog's path field is the way to name a folder. The desktop's native dialogs (a later issue)
 * plug in here: set `pickFolder` to a function that opens the system dialog and resolves to the
 * chosen absolute path, or null when the user cancels; the dialog then shows a "Choose…" button.
 */
export type FolderPicker = () => Promise<string | null>;

export const pickFolder: FolderPicker | null = null;
