// jest's node environment with the test process in the time zone its test file names in its
// docblock (` * @time-zone America/Los_Angeles`), for tests of what must not move with the zone.
// The zone is set on the real process (the sandbox's process.env is a copy that Date ignores) and
// put back when the file is done, so the worker's next file runs as before.
const { TestEnvironment } = require('jest-environment-node');

class TimeZoneEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const zone = context.docblockPragmas['time-zone'];
    if (typeof zone !== 'string' || !zone) throw new Error('time-zone-environment: name the zone in the docblock, e.g. @time-zone Asia/Tokyo');
    this.zone = zone;
  }

  async setup() {
    await super.setup();
    this.zoneBefore = process.env.TZ;
    process.env.TZ = this.zone;
    this.global.process.env.TZ = this.zone;
  }

  async teardown() {
    if (this.zoneBefore === undefined) delete process.env.TZ;
    else process.env.TZ = this.zoneBefore;
    await super.teardown();
  }
}

module.exports = TimeZoneEnvironment;
