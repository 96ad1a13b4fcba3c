import { execFileSync } from 'node:child_process';
import { readVspaccess, signatureMatches, signedCommand } from './opayo-reporting-protocol';

describe("Opayo's Reporting API commands", () => {
  it('are signed with the MD5 of their elements followed by the password element', () => {
    const xml = signedCommand('getTransactionDetail', 'achievementdemo', 'reporter', 'Pa&ss', [['vendortxcode', 'AP-1']]);
    const elements = '<command>getTransactionDetail</command><vendor>achievementdemo</vendor><user>reporter</user><vendortxcode>AP-1</vendortxcode>';
    // worked out independently with md5sum
    const md5 = execFileSync('md5sum', { input: `${elements}<password>Pa&amp;ss</password>` })
      .toString()
      .split(' ')[0];
    expect(xml).toBe(`<vspaccess>${elements}<signature>${md5}</signature></vspaccess>`);
    expect(signatureMatches(elements, 'Pa&ss', md5.toUpperCase())).toBe(true);
    expect(signatureMatches(elements, 'another', md5)).toBe(false);
    expect(signatureMatches(elements, 'Pa&ss', '')).toBe(false);
  });

  it('answers are read by their simple elements, unescaped; anything else is not an answer', () => {
    const answer = readVspaccess(
      '<?xml version="1.0"?><vspaccess><errorcode>0000</errorcode><status>A &amp; B</status><basket><item>x</item></basket></vspaccess>',
    );
    expect(answer?.fields).toMatchObject({ errorcode: '0000', status: 'A & B', item: 'x' });
    expect(readVspaccess('<html>Service Unavailable</html>')).toBeNull();
    expect(readVspaccess('')).toBeNull();
  });
});
