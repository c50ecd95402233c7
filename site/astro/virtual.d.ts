declare module 'virtual:candor/options' {
  const run: import('./options.ts').CandorRun;
  export default run;
}
