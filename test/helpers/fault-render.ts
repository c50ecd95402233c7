// Test-only: breaks rendering at the first incident page, after other pages have been written, as a crashing
// renderer would. Production code knows nothing of it: the tests hand its URL to the build through its dependency
// parameter (scripts/commands/build.ts BuildDeps), see candor-with-fault.ts.
export default function fault(pathname: string): void {
  if (pathname.includes('/incidents/')) throw new Error(`fault injected while rendering ${pathname}`);
}
