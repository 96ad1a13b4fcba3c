#!/usr/bin/env node
/**
 * Builds libs/identity/src/passwords/common-passwords.json: the local list of common and
 * breached-style passwords that registration, reset and change refuse (ASVS 6.2.x, NIST 800-63B
 * 5.1.1.2). No breach corpus can be downloaded here, so the list is assembled from the patterns
 * that dominate every published top-passwords list: the well-known passwords themselves, number
 * and keyboard sequences, repeated characters, and common words, names, teams and places with the
 * usual suffixes (digits, years, "!") and letter-for-symbol swaps; and the base words themselves, so that
 * a common word with any digits or symbols around it is refused at check time. Only entries of 8 or more
 * characters are kept (shorter ones fail the length rule anyway). The list is data, not code: the
 * identity lib reads it once, when password-policy.ts is first loaded.
 *
 *   node libs/identity/scripts/build-common-passwords.js
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** Passwords that head the published lists, as they appear there. */
const WELL_KNOWN = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football monkey
letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman 1qaz2wsx 7777777
121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew
tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer
michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess
joshua cheese amanda summer love ashley nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder
taylor matrix mobilemail mom monitor monitoring montana moon moscow password1 password12 password123 passw0rd p@ssw0rd
p@ssword pa55word pa$$word welcome welcome1 welcome123 admin admin123 administrator root toor changeme changeme123
letmein123 iloveyou1 iloveyou123 qwerty123 qwerty1 qwerty12 qwertyui qwertyu 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e
q1w2e3r4 q1w2e3r4t5 zaq12wsx zaq1zaq1 zaq1xsw2 1qazxsw2 2wsx3edc qazwsxedc qweasdzxc qweasd asdfghjkl asdfasdf asdf1234
zxcv1234 qwer1234 abcd1234 abcdefgh abcdefg abcdef abc12345 abcd123 aa123456 a1b2c3d4 a1b2c3 1a2b3c4d 123abc 123qweasd
1234qwer 12qwaszx qwaszx 147258369 741852963 963852741 789456123 123654789 1234554321 0987654321 87654321 98765432
1029384756 0123456789 01234567 12341234 123123123 12344321 11223344 11112222 12121212 13131313 10203040 147852369
159357 159951 753951 951753 852456 456123 789456 147258 258369 369258 00000000 99999999 88888888 77777777 66666666
55555555 44444444 33333333 22222222 aaaaaaaa zzzzzzzz xxxxxxxx qqqqqqqq iloveu iloveyou2 loveyou loveme lovely
fuckyou fuckoff asshole bitch whatever nothing secret secret123 password! password1! passwort motdepasse contrasena
senha parola salasana wachtwoord haslo sommar sunshine1 princess1 football1 baseball1 monkey1 dragon1 shadow1 master1
michael1 superman1 batman1 charlie1 hello123 hello1234 helloworld hellokitty internet trustme letmeinnow opensesame
default guest guest123 test test123 test1234 testing testing123 demo demo123 user user123 login login123 sample
temp temp123 temporary blahblah blabla nopassword mypassword yourpassword thepassword newpassword oldpassword
password2 password3 password01 password0 passwordpassword 123password password1234 pass1234 pass12345 pass123
passpass abcabc abc123abc qweqwe qweqweqwe asdasd asdasdasd zxczxc 1qaz2wsx3edc 1qaz!qaz !qaz2wsx 1qaz@wsx
`;

/** Words, names, teams and places that the lists are full of (with suffixes and swaps they make most of the rest). */
const WORDS = `
password passwd pass secret letmein welcome hello hi login admin master access monkey dragon shadow sunshine princess
football baseball soccer hockey basketball tennis golf rugby cricket boxing racing skater surfer hunter fishing
superman batman spiderman ironman hulk wolverine starwars startrek pokemon pikachu mario zelda minecraft fortnite
roblox gamer player killer sniper ninja samurai pirate wizard merlin gandalf hobbit frodo matrix neo trinity zombie
vampire monster devil angel heaven jesus christ god lord blessed faith grace hope love lover loving lovely sweet
sweetie sweetheart honey sugar candy cookie cupcake cheese pizza chocolate coffee banana orange apple cherry lemon
peach mango strawberry purple yellow silver golden diamond crystal flower rose daisy lily butterfly rainbow unicorn
sunflower summer winter autumn spring christmas easter holiday birthday freedom liberty america england london
paris berlin madrid rome tokyo canada australia ireland scotland wales britain europe africa mexico brazil india
china russia texas dallas chicago boston miami vegas california florida newyork manchester liverpool chelsea arsenal
everton tottenham united city leeds celtic rangers barcelona juventus milan bayern yankees cowboys eagles steelers
packers lakers bulls celtics redsox giants raiders broncos patriots mustang ferrari porsche mercedes bmw audi toyota
honda nissan corvette camaro harley yamaha ducati jaguar tiger lion eagle falcon hawk phoenix raven wolf fox bear
panther cobra python snake shark dolphin whale rabbit bunny kitten kitty puppy doggy doggie horse pony donkey turtle
monkey chicken penguin teddy teddybear buster tigger snoopy scooby garfield mickey minnie pluto goofy simba nemo
charlie michael jennifer jessica ashley amanda daniel thomas robert matthew andrew joshua george jordan taylor
michelle nicole hannah sarah emily olivia sophie chloe jack harry james william oliver jacob lucas ethan noah liam
mason logan alex alexander anthony christopher david edward richard joseph steven kevin brian jason justin ryan
eric adam peter paul mark john mike chris dave steve tom ben sam max leo jake luke nick tony lisa laura anna maria
mary linda karen susan helen emma kate katie lucy amy rachel rebecca natalie victoria elizabeth samantha stephanie
melissa heather tiffany brittany crystal amber megan lauren danielle courtney alexis madison abigail isabella
mia ava grace lily ella charlotte amelia poppy freya isla ruby evie scarlett maggie bailey buddy lucky molly bella
daisy rocky duke bandit shadow pepper ginger sammy toby oscar milo coco lola rosie max tyson zeus
computer internet google yahoo facebook twitter instagram youtube netflix amazon apple samsung iphone android
windows linux microsoft oracle cisco server network system office work school college student teacher doctor
nurse police soldier army navy marine warrior knight king queen prince royal legend hero champion winner success
money cash dollar rich million billion business company manager director boss office london123
happy smile funny crazy cool awesome super magic lucky mystery secret private personal family friends friend
forever always together mother father mommy daddy mummy brother sister baby babygirl babyboy darling beautiful
pretty sexy hottie hot fire water earth wind storm thunder lightning ocean river mountain forest garden nature
music guitar piano drums rock metal punk jazz blues dance party cheese chicken bacon burger pepper
qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm qazwsx abc abcd abcdef iloveyou loveyou fuckyou trustno1 whatever
nothing everything something anything someone welcome changeme default guest test testing sample example
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december portal achievement certificate centre center
`;

/** The usual decorations; other digit and symbol endings are caught at check time (see password-policy.ts). */
const SUFFIXES = ['', '1', '12', '123', '1234', '12345', '!', '1!', '01', '69', '99', '007'];
for (let y = 2015; y <= 2026; y++) SUFFIXES.push(String(y));
const LEET = [
  (w) => w.replace(/a/g, '@'),
  (w) => w.replace(/o/g, '0'),
  (w) => w.replace(/a/g, '@').replace(/o/g, '0').replace(/e/g, '3').replace(/i/g, '1').replace(/s/g, '$'),
];

const out = new Set();
const add = (p) => {
  if (p.length >= 8 && p.length <= 64) out.add(p.toLowerCase());
};

const words = (text) => [
  ...new Set(
    text
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w.toLowerCase()),
  ),
];

for (const p of words(WELL_KNOWN)) {
  add(p);
  for (const s of ['1', '12', '123', '1234', '!', '1!', '01', '2024', '2025', '2026']) add(p + s);
}

// every digit repeated, and the ascending / descending digit runs of 8 to 12
for (let d = 0; d <= 9; d++) for (let n = 8; n <= 12; n++) add(String(d).repeat(n));
for (let c = 97; c <= 122; c++) for (let n = 8; n <= 10; n++) add(String.fromCharCode(c).repeat(n));
const digits = '01234567890123456789';
for (let start = 0; start < 10; start++)
  for (let n = 8; n <= 12; n++) {
    add(digits.slice(start, start + n));
    add([...digits.slice(start, start + n)].reverse().join(''));
  }
// keyboard walks
for (const row of ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890', 'qazwsxedcrfvtgbyhnujm', '1qaz2wsx3edc4rfv5tgb', 'zaq12wsxcde34rfv']) {
  for (let n = 8; n <= row.length; n++) add(row.slice(0, n));
}
// dates people use: DDMMYYYY and YYYYMMDD of the first of each month, and every year twice
for (let y = 1950; y <= 2030; y++) {
  add(`${y}${y}`);
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    add(`01${mm}${y}`);
    add(`${y}${mm}01`);
  }
}

for (const w of words(WORDS)) {
  for (const suffix of SUFFIXES) add(w + suffix);
  for (const leet of LEET) for (const suffix of ['', '1', '123', '!']) add(leet(w) + suffix);
  for (const pre of ['my', 'the', 'ilove']) add(pre + w);
  add(w + w);
}

const list = [...out].sort();
const baseWords = words(WORDS)
  .filter((w) => w.length >= 4 && /^[a-z]+$/.test(w))
  .sort();
const data = {
  about: 'Generated by libs/identity/scripts/build-common-passwords.js: do not edit by hand.',
  passwords: list,
  words: baseWords,
};
const target = join(__dirname, '..', 'src', 'passwords', 'common-passwords.json');
writeFileSync(target, `${JSON.stringify(data, null, 2)}\n`);
console.log(`Wrote ${list.length} passwords and ${baseWords.length} words to ${target}`);
