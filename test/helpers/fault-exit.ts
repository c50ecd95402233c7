// Test-only: ends the render thread itself at the first incident page, as a thread that runs out of memory would:
// no error reaches the thread's own handler, only its exit reaches the pool.
export default function fault(pathname: string): void {
  if (pathname.includes('/incidents/')) process.exit(3);
}
