// The package's subpath exports carry no types this project's resolution can find; the t2cn entry
// exports `Converter` as its full entry does.
declare module 'opencc-js/t2cn' {
  export { Converter } from 'opencc-js';
}
