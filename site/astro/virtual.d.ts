declare module 'virtual:candor/options' {
  const options: import('./options.ts').CandorOptions;
  export default options;
}
