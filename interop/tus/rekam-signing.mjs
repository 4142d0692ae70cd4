// Signs requests as docs/sync-protocol.md §3 says, for third-party tus clients whose
// per-request hook cannot see the PATCH chunk (hence UNSIGNED-PAYLOAD on PATCH only).
import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto'

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD'
const EMPTY_SHA256 = createHash('sha256').update(Buffer.alloc(0)).digest('hex')

/** PKCS#8 DER (base64), as Java's PrivateKey.getEncoded() gives it for Ed25519. */
export function privateKeyFromPkcs8Base64(b64) {
  return createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' })
}

export function canonicalRequest(method, pathAndQuery, stationId, timestamp, nonce, bodyHashLine) {
  return ['rekam-req-v1', method.toUpperCase(), pathAndQuery, stationId, timestamp, nonce, bodyHashLine].join('\n')
}

/**
 * The X-Rekam-* headers for one request. The body line is UNSIGNED-PAYLOAD for tus PATCH
 * (the hook runs before the chunk is read) and the empty-body hash otherwise, since
 * tus-js-client sends no body on POST (creation without upload) and HEAD.
 */
export function signedHeaders({ method, url, stationId, privateKey, now = Date.now() }) {
  const u = new URL(url)
  const pathAndQuery = u.pathname + u.search
  const timestamp = String(Math.floor(now / 1000))
  const nonce = randomBytes(16).toString('base64url')
  const bodyLine = method.toUpperCase() === 'PATCH' ? UNSIGNED_PAYLOAD : EMPTY_SHA256
  const signature = sign(null, Buffer.from(canonicalRequest(method, pathAndQuery, stationId, timestamp, nonce, bodyLine), 'utf8'), privateKey)
  return {
    'X-Rekam-Station': stationId,
    'X-Rekam-Timestamp': timestamp,
    'X-Rekam-Nonce': nonce,
    'X-Rekam-Signature': signature.toString('base64'),
  }
}
