// The yardstick of the verify benchmark: node:http answering a fixed JSON body of the size of a verification result.
const { createServer } = require('node:http');

const body = JSON.stringify({
  status: 'valid',
  revokedAt: null,
  currentVersionCode: null,
  learnerName: 'Bench Learner',
  qualification: {
    code: '603/7506/5',
    title: 'Level 3 Diploma in Light Vehicle Maintenance',
  },
  type: 'certificate',
  grade: 'Merit',
  awardDate: '2025-07-14',
  centre: { number: 'C99001', name: 'Bench College' },
  documentNumber: 'D100000001',
  issuedAt: '2025-07-20T09:00:00.000Z',
  displayEnabled: true,
});
const server = createServer((req, res) => {
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
