// The documented test vector of docs/sync-protocol.md §3, checked in Node: `npm test`.
import assert from 'node:assert/strict'
import { createHash, createPublicKey, sign, verify } from 'node:crypto'
import { test } from 'node:test'
import { canonicalRequest, privateKeyFromPkcs8Base64, signedHeaders, UNSIGNED_PAYLOAD } from './rekam-signing.mjs'

// PKCS#8 wrapping of the RFC 8032 seed 00 01 .. 1f.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
const key = privateKeyFromPkcs8Base64(Buffer.concat([PKCS8_PREFIX, Buffer.from([...Array(32).keys()])]).toString('base64'))

test('public key and signature match the documented vector', () => {
  const raw = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(12)
  assert.equal(raw.toString('base64'), 'A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=')
  const body = createHash('sha256').update('[]').digest('hex')
  const c = canonicalRequest('POST', '/v1/events?dry=1', 'ST-327601-0001', '1764028800', 'AAECAwQFBgcICQoLDA0ODw', body)
  assert.equal(sign(null, Buffer.from(c), key).toString('base64'),
    'LVFPHRZzjZXfvKNWvEEduvlR7VcbsSR4mM8tK4syWcqYXq8QhP6ReVDirfTUAqEO6aSFOvy1Z1IHIVkZAK4HCg==')
})

test('PATCH signs UNSIGNED-PAYLOAD, other methods the empty-body hash, path and query as sent', () => {
  const now = 1764028800_000
  for (const [method, line] of [['PATCH', UNSIGNED_PAYLOAD], ['HEAD', createHash('sha256').update('').digest('hex')]]) {
    const h = signedHeaders({ method, url: 'http://127.0.0.1:1/v1/uploads/abc?x=1', stationId: 'ST-327601-0001', privateKey: key, now })
    assert.equal(h['X-Rekam-Timestamp'], '1764028800')
    assert.match(h['X-Rekam-Nonce'], /^[A-Za-z0-9_-]{16,64}$/)
    const c = canonicalRequest(method, '/v1/uploads/abc?x=1', 'ST-327601-0001', '1764028800', h['X-Rekam-Nonce'], line)
    assert.ok(verify(null, Buffer.from(c), createPublicKey(key), Buffer.from(h['X-Rekam-Signature'], 'base64')))
  }
})
