// Synthetic configuration for benchmarks: an imta.cnf of about 10 MB (200,000 rewrite
// rules, 5,000 channel blocks with continued keyword lines) and a job_controller.cnf
// defining the pools its channels use. Deterministic, so runs compare.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const RULES = 200_000;
export const CHANNELS = 5_000;
export const POOLS = 50;

export function generateConfig(dir, { rules = RULES, channels = CHANNELS } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const out = [];
  out.push('! synthetic imta.cnf for cnflint benchmarks', '! part I: rewrite rules');
  out.push('mail.bench.example $U%mail.bench.example@mail.bench.example');
  for (let i = 0; i < rules; i++) {
    const ch = i % channels;
    if (i % 1000 === 0) out.push(`! domains ${i} to ${i + 999}`);
    const dom = `d${i}.customer${i % 97}.example`;
    out.push(i % 2 ? `${dom.padEnd(28)} $U%$D@tcp_c${ch}-daemon` : `.${dom.padEnd(27)} $U%$H$D@tcp_c${ch}-daemon`);
  }
  out.push(`${'.'.padEnd(28)} $U%$H@tcp-daemon`);
  out.push('');
  out.push('defaults notices 1 2 4 7 copywarnpost copysendpost postheadonly immnonurgent logging');
  out.push('');
  out.push('l subdirs 20 viaaliasrequired maxjobs 7 pool LOCAL_POOL', 'mail.bench.example', '');
  out.push('tcp_local smtp mx single_sys remotehost inner switchchannel identnonenumeric \\', '  subdirs 20 maxjobs 7 pool SMTP_POOL maytlsserver maysaslserver', 'tcp-daemon', '');
  for (let c = 0; c < channels; c++) {
    out.push(
      `tcp_c${c} smtp mx single_sys remotehost inner allowswitchchannel identnonenumeric \\`,
      `  subdirs 20 maxjobs 7 pool POOL_${c % POOLS} maytlsserver maysaslserver \\`,
      '  saslswitchchannel tcp_local missingrecipientpolicy 0',
      `tcp_c${c}-daemon`,
      '',
    );
  }
  fs.writeFileSync(path.join(dir, 'imta.cnf'), out.join('\n'));
  const jc = ['! synthetic job_controller.cnf', 'tcp_port=27442', 'slave_command=NULL', 'sync_time=04:00', '!'];
  jc.push('[POOL=DEFAULT]', 'job_limit=10', '!', '[POOL=LOCAL_POOL]', 'job_limit=10', '!', '[POOL=SMTP_POOL]', 'job_limit=10');
  for (let p = 0; p < POOLS; p++) jc.push('!', `[POOL=POOL_${p}]`, 'job_limit=5');
  jc.push('!', '[CHANNEL=l]', 'master_command=/opt/sun/comms/messaging64/lib/l_master', '!', '[CHANNEL=tcp_*]', 'master_command=/opt/sun/comms/messaging64/lib/tcp_smtp_client', '');
  fs.writeFileSync(path.join(dir, 'job_controller.cnf'), jc.join('\n'));
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'bench/out/big';
  generateConfig(dir);
  console.log(`wrote ${dir}: imta.cnf ${(fs.statSync(path.join(dir, 'imta.cnf')).size / 1e6).toFixed(1)} MB`);
}
