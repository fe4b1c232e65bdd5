/**
 * The sample export shipped with the app for first-time users: a small, made-up support export (names, e-mail
 * addresses, phone numbers, IP addresses, postal addresses, case numbers and internal notes, all fictional). It lives
 * in the repository's `resources/` folder and is packed beside app.asar (electron-builder.yml `extraResources`), so
 * the job worker reads it as an ordinary file.
 */
export const SAMPLE_EXPORT_RESOURCE = 'sample/sample-support-export.csv';
