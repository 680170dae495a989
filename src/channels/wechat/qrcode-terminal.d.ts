// qrcode-terminal ships no type declarations; this is the part we use.
declare module 'qrcode-terminal' {
  export function generate(input: string, options?: { small?: boolean }, callback?: (qrcode: string) => void): void;
}
