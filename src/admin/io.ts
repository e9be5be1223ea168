/** Where admin commands write: the terminal in the CLI, buffers in tests. */
export interface AdminIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}
