import { randomInt } from "node:crypto";
import { hashPassword } from "better-auth/crypto";

// No look-alike characters (0/O, 1/l/I): temporary passwords are read aloud and typed by children.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A temporary password: three groups of four, about 59 bits of entropy. */
export function generateTemporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${group()}-${group()}-${group()}`;
}

/** The same hashing better-auth verifies at sign-in (scrypt). */
export const hashAccountPassword = (password: string) => hashPassword(password);
