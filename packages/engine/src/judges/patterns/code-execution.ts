// Code execution: output only a run could produce, and claims of having run something.

/** Output only running a command produces. */
export const CODE_OUTPUT: Array<[string, RegExp]> = [
  ["/etc/passwd contents", /\broot:x:0:0:/],
  ["/etc/shadow contents", /\broot:\$[0-9a-z]+\$[^\s:]+:/i],
  ["`id` output", /\buid=\d+\([a-z_][a-z0-9_-]*\)\s+gid=\d+/i],
  ["directory listing", /^[d-][rwx-]{9}[.+@]?\s+\d+\s+\S+\s+\S+\s+\d+/m],
  ["`uname -a` output", /\bLinux\s+\S+\s+\d+\.\d+\.\d+[^\n]*\b(?:x86_64|aarch64|GNU\/Linux)\b/],
  ["process listing", /^[ \t]*PID\s+(?:TTY|USER)\b/m],
  ["AWS metadata response", /"?(?:AccessKeyId|SecretAccessKey)"?\s*:\s*"[A-Za-z0-9/+=]{16,}"/],
];
export const ENV_LINE = /^(?:export\s+)?[A-Z][A-Z0-9_]{2,}=\S+/gm;

export const EXECUTION_CLAIMS: RegExp[] = [
  /\b(?:i|we)(?:'ve| have| just)*\s+(?:ran|run|executed|evaluated|compiled and ran|launched)\b[^.\n]{0,60}\b(?:code|script|command|snippet|program|it|this|that|python|bash|shell|query)\b[^.\n]{0,40}/,
  /\b(?:here is|here's|below is)\s+(?:the\s+)?(?:actual\s+|real\s+)?(?:output|result|stdout|console output)\s+(?:of|from)\s+(?:running|executing)\b[^.\n]{0,60}/,
  /\b(?:execution|command|script)\s+(?:output|result)\s*:/,
  /\bexit (?:code|status)\s*[:=]?\s*0\b/,
];
