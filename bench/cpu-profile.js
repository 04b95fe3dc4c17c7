// Preloaded into a service by bench/what-if-run.ts when BENCH_PROFILE_DIR is set
// (NODE_OPTIONS="--require bench/cpu-profile.js"; node refuses --cpu-prof there): profiles the
// whole process and writes <dir>/<pid>.cpuprofile when it exits, for Chrome DevTools or speedscope.
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
