// Encrypts endpoint and asset secrets at rest with AES-256-GCM under the server key.
// The tenant id is bound as associated data, so a ciphertext copied to another tenant's row won't open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface SecretBox {
  seal(plaintext: string, tenantId: string): string;
  open(sealed: string, tenantId: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error("the secret key must be 32 bytes (base64 in PENAXTRA_SECRET_KEY)");
  return {
    seal(plaintext, tenantId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(tenantId));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64")}`;
    },
    open(sealed, tenantId) {
      if (!sealed.startsWith("v1:")) throw new Error("unknown secret format");
      const raw = Buffer.from(sealed.slice(3), "base64");
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(tenantId));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}

/** PENAXTRA_SECRET_KEY when set; otherwise a key kept in the data dir (created on first start). */
export function loadSecretKey(secretKey: string | null, dataDir: string): Buffer {
  if (secretKey) return Buffer.from(secretKey, "base64");
  const path = join(dataDir, "secret.key");
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  }
  return Buffer.from(readFileSync(path, "utf8").trim(), "base64");
}

/** For create and PATCH bodies: undefined leaves a secret as it is, null clears it, a string replaces it. */
export function sealOptional(
  box: SecretBox,
  secret: string | null | undefined,
  tenantId: string,
): string | null | undefined {
  if (secret === undefined || secret === null) return secret;
  return box.seal(secret, tenantId);
}
