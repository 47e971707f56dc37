// Entry for the verify page's fallback Ed25519 verifier (browsers without WebCrypto Ed25519,
// or pages served over plain http where crypto.subtle is missing).
// Bundled by `make setup` with esbuild into one classic script (ES modules cannot load from
// file://): node_modules/.opspor/ed25519-verify.js, copied into the site at build time.
import * as ed from "@noble/ed25519";
import { sha512 } from "@noble/hashes/sha2.js";

ed.hashes.sha512 = sha512;

window.OpsporEd25519 = {
  /** RFC 8032 verification (zip215: false), as Python's cryptography and WebCrypto do it. */
  verify(signature, message, publicKey) {
    try {
      return ed.verify(signature, message, publicKey, { zip215: false });
    } catch (error) {
      return false;
    }
  },
};
