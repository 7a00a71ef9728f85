// Webpack loader for the generated `*.generated.ts` modules (see codegen.ts): each typed document ships as a
// plain, minified string. The TypedDocumentString class the generator writes into every module only carries
// the result and variable types, which matter to tsc and not at run time (the client sends
// `document.toString()`, the same string); dropping it and the pretty-printing keeps the main package small.
const { stripIgnoredCharacters } = require('graphql')

const CLASS = /^export class TypedDocumentString<[\s\S]*?^}\n/m
const DOCUMENT = /new TypedDocumentString\(`([^`]*)`(?:, \{[^\n]*?\})?\) as unknown as TypedDocumentString<[^;\n]*>;/g

module.exports = function compactDocuments(source) {
  const compacted = source.replace(CLASS, '').replace(DOCUMENT, (_, document) => `${JSON.stringify(stripIgnoredCharacters(document))};`)
  if (compacted.includes('TypedDocumentString(')) {
    throw new Error(`${this.resourcePath}: a generated document was left as a TypedDocumentString (did the codegen output change?)`)
  }
  return compacted
}
