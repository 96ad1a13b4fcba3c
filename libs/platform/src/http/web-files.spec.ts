import { isHashedFileName, webFileCacheControl } from './web-files';

describe('built web files', () => {
  it('knows the names the bundler gives after the content', () => {
    for (const name of [
      'chunk-J37KVSPW.js',
      'main-ABCD1234.js',
      'styles-5INURTSO.css',
      'media/material-symbols-outlined-URT2MO6R.woff2',
      '_angular_core.R1G3dcjbJD.js',
      'rxjs.BO7OReHRm-.js',
      '/x/chunk-J37KVSPW.js.br',
      'chunk-J37KVSPW.js.gz',
    ]) {
      expect({ name, hashed: isHashedFileName(name) }).toEqual({ name, hashed: true });
    }
  });

  it('asks again for the names written by hand, and for names that only look long', () => {
    for (const name of [
      'index.html',
      'index.html.br',
      'remoteEntry.json',
      'federation.manifest.json',
      'importmap.json',
      'favicon.ico',
      'some-component.js',
      'my-logo.svg',
      '3rdpartylicenses.txt',
      'chunk-j37kvspw.js',
    ]) {
      expect({ name, hashed: isHashedFileName(name) }).toEqual({ name, hashed: false });
    }
    expect(webFileCacheControl('index.html')).toBe('no-cache');
    expect(webFileCacheControl('chunk-J37KVSPW.js')).toBe('public, max-age=31536000, immutable');
  });
});
