// Packages published only as ES modules. Node 20.19+ loads them with require(); jest's module
// system does not, so they are transpiled to CommonJS like our own code. Shared by the server's
// and the browser tests' jest configs.
const ESM_ONLY = [
  'content-disposition',
  'otplib',
  '@otplib',
  '@scure/base',
  '@noble/hashes',
  '@simplewebauthn/server',
  '@levischuck/tiny-cbor',
  '@hexagon/base64',
  '@peculiar/[^/]+',
];

module.exports = { transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`] };
