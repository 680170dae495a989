// opencc-js publishes its subpaths through package "exports", which moduleResolution "node" does not
// read: the one entry point we use, typed here (the package's own types/full.d.ts declares the same).
declare module 'opencc-js/t2cn' {
  export function Converter(options: { from: string; to: string }): (text: string) => string;
}
